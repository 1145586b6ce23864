"""Profiel (manual chapter 9): the organisatieprofiel citizens see on MijnOverheid, of the current afnemer."""

from flask import Blueprint, flash, redirect, render_template, url_for

from domain.fouten import DomeinFout
from domain.profiel import Profiel
from web.profiel.forms import HINTS, ProfielForm
from web.sessie import afnemer_vereist, current_actor, current_afnemer
from web.uitvoeren import portaal, voer_uit, zet_fout

bp = Blueprint("profiel", __name__, url_prefix="/profiel")


@bp.get("/")
@afnemer_vereist
def index():
    return render_template("profiel/index.html", profiel=current_afnemer().profiel)


@bp.route("/wijzigen", methods=["GET", "POST"])
@afnemer_vereist
def wijzigen():
    afnemer = current_afnemer()
    formulier = ProfielForm(obj=afnemer.profiel)
    voorbeeld = None
    if formulier.validate_on_submit():
        if formulier.voorbeeld.data:
            voorbeeld = _voorbeeld(formulier)
        elif voer_uit(formulier, lambda: _wijzig(formulier)):
            flash(
                "Het profiel is gewijzigd. "
                "Het kan tot 24 uur duren voordat dit op MijnOverheid zichtbaar is.",
                "succes",
            )
            return redirect(url_for("profiel.index"))
    return render_template("profiel/wijzigen.html", formulier=formulier, hints=HINTS, voorbeeld=voorbeeld)


def _profiel(formulier: ProfielForm) -> Profiel:
    return Profiel.controleer(formulier.toelichting.data, formulier.lijst.data, formulier.bijzonderheden.data)


def _voorbeeld(formulier: ProfielForm) -> Profiel | None:
    """The entered profiel if the domain accepts it (nothing is stored), else None with the refusal shown."""
    try:
        return _profiel(formulier)
    except DomeinFout as fout:
        zet_fout(formulier, fout)
        return None


def _wijzig(formulier: ProfielForm):
    return portaal().wijzig_profiel(current_afnemer().oin, _profiel(formulier), current_actor())
