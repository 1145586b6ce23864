"""Berichtverwerking (manual chapter 7): what happened to the batches of a period, per berichtleverancier and
per batch, the reasons behind the red and orange numbers, a batch's berichten (never a BSN), and both as CSV.

The question lives in the URL. An afnemer (or the intermediair acting for it) sees only its own batches: a
batch of another afnemer is not found; the beheerder chooses the afnemer in the filter.
"""

import re

from flask import Blueprint, abort, render_template, request

from domain.redenen import Reden
from domain.verwerking import Kleur
from domain.waarden import Oin
from service_layer.lezen import Organisatie
from service_layer.rapportage import BatchRegel
from web.berichtverwerking.forms import KLEUREN
from web.invoer import paginanummer
from web.lezen import lezen
from web.rapportage.csv import csv_antwoord
from web.rapportage.filters import GUID, BerichtverwerkingForm
from web.rapportage.toegang import is_beheerder, nu, rapportage_toegang, voor_wie
from web.sessie import current_afnemer

bp = Blueprint("berichtverwerking", __name__, url_prefix="/berichtverwerking")

PER_PAGINA = 50
BERICHTEN_PER_PAGINA = 100
_GUID = re.compile(GUID)


def _vraag() -> tuple[BerichtverwerkingForm, Organisatie | None, bool]:
    formulier = BerichtverwerkingForm(request.args)
    geldig = formulier.validate()
    voor = voor_wie(formulier)
    formulier.vul_aan(nu())
    return formulier, voor, geldig and not formulier.afnemer.errors and voor is not None


def _namen(oins) -> dict[str, str]:
    return lezen().namen(set(oins))


@bp.get("/")
@rapportage_toegang
def index():
    formulier, voor, geldig = _vraag()
    overzicht = None
    if geldig:
        overzicht = lezen().batchoverzicht(voor.oin, formulier.batchfilter(), paginanummer(), PER_PAGINA)
    namen = _namen(t.leverancier for t in overzicht.per_leverancier) if overzicht else {}
    return render_template(
        "berichtverwerking/index.html",
        formulier=formulier,
        voor=voor,
        overzicht=overzicht,
        namen=namen,
        zoek=formulier.in_url(),
        beheerder=is_beheerder(),
    )


@bp.get("/redenen")
@rapportage_toegang
def redenen():
    kleur = request.args.get("kleur", "rood")
    if kleur not in KLEUREN:
        abort(404)
    formulier, voor, geldig = _vraag()
    regels = lezen().redenen(voor.oin, formulier.batchfilter(), kleur) if geldig else []
    return render_template(
        "berichtverwerking/redenen.html",
        formulier=formulier,
        voor=voor,
        kleur=kleur,
        titel=KLEUREN[kleur],
        redenen=[(Reden(Kleur(r.kleur), r.code, r.reden), r.aantal) for r in regels],
        geldig=geldig,
        zoek=formulier.in_url(),
        namen=_namen([formulier.leverancier.data] if formulier.leverancier.data else []),
        beheerder=is_beheerder(),
    )


def _batch(batch_id: str) -> tuple[BatchRegel, Organisatie | None]:
    """The batch, only if the one asking may see it: else 404, as if it did not exist."""
    if not _GUID.fullmatch(batch_id):
        abort(404)
    if is_beheerder():
        batch = lezen().batch(batch_id)
        voor = lezen().organisatie(Oin(batch.afnemer)) if batch else None
    else:
        voor = current_afnemer()
        batch = lezen().batch_van_afnemer(voor.oin, batch_id)
    if batch is None:
        abort(404)
    return batch, voor


@bp.get("/batch/<batch_id>")
@rapportage_toegang
def batch(batch_id: str):
    regel, voor = _batch(batch_id)
    formulier, _, _ = _vraag()
    pagina = lezen().berichtenpagina(regel, paginanummer(), BERICHTEN_PER_PAGINA)
    afnemer = Oin(regel.afnemer)
    redenen = {
        kleur: [
            (Reden(Kleur(r.kleur), r.code, r.reden), r.aantal)
            for r in lezen().redenen(afnemer, formulier.batchfilter(), kleur, regel)
        ]
        for kleur in KLEUREN
    }
    return render_template(
        "berichtverwerking/batch.html",
        batch=regel,
        voor=voor,
        pagina=pagina,
        redenen=redenen,
        namen=_namen([regel.leverancier]),
        zoek=formulier.in_url(),
    )


@bp.get("/batch/<batch_id>/berichten.csv")
@rapportage_toegang
def batch_csv(batch_id: str):
    regel, _ = _batch(batch_id)
    return csv_antwoord(lezen().berichten_van_batch(regel), f"batch-{regel.batch_id}.csv")


@bp.get("/niet-verwerkt.csv")
@rapportage_toegang
def niet_verwerkt_csv():
    formulier, voor, geldig = _vraag()
    if not geldig:
        abort(400)
    van, tot = formulier.van.data, formulier.tot.data
    naam = f"niet-verwerkt-{van:%Y%m%d-%H%M}-tot-{tot:%Y%m%d-%H%M}.csv"
    return csv_antwoord(lezen().niet_verwerkte_berichten(voor.oin, formulier.batchfilter()), naam)
