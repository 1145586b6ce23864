"""Totalen (manual chapter 8): per berichtleverancier the batches, berichten, verwerkt and niet verwerkt of a
period on the verwerkingsdatum or the ontvangstdatum, from the pre-aggregated totals. Totaal batches and
Niet verwerkt link to the Berichtverwerking tab with the same question."""

from flask import Blueprint, render_template, request

from service_layer.rapportage import Telling
from web.lezen import lezen
from web.rapportage.filters import TotalenForm
from web.rapportage.toegang import is_beheerder, nu, rapportage_toegang, voor_wie

bp = Blueprint("totalen", __name__, url_prefix="/totalen")


def _som(tellingen: list[Telling]) -> Telling:
    velden = ("batches", "ontvangen", "verwerkt", "waarschuwing", "niet_verwerkt")
    return Telling("", **{v: sum(getattr(t, v) for t in tellingen) for v in velden})


@bp.get("/")
@rapportage_toegang
def index():
    formulier = TotalenForm(request.args)
    geldig = formulier.validate()
    voor = voor_wie(formulier)
    formulier.vul_aan(nu())
    tellingen = None
    if geldig and voor is not None and not formulier.afnemer.errors:
        tellingen = lezen().totalen(voor.oin, formulier.periode())
    return render_template(
        "totalen/index.html",
        formulier=formulier,
        voor=voor,
        tellingen=tellingen,
        totaal=_som(tellingen or []),
        namen=lezen().namen({t.leverancier for t in tellingen or []}),
        zoek=formulier.in_url(),
        beheerder=is_beheerder(),
    )
