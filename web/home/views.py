"""Home (manual chapter 3): mededelingen, the Berichtenbox users, and the intermediair's afnemer switch."""

from flask import Blueprint, abort, current_app, flash, redirect, render_template, url_for

from domain.fouten import OngeldigeWaarde
from domain.waarden import Oin, Rol
from web.home.forms import WisselAfnemerForm
from web.home.grafiek import maandnaam, teken
from web.lezen import lezen
from web.moment import NEDERLAND
from web.sessie import current_afnemer, inlog_vereist, kies_afnemer, rol_vereist

bp = Blueprint("home", __name__)


@bp.get("/")
@inlog_vereist
def index():
    afnemer = current_afnemer()
    vandaag = current_app.extensions["samenstelling"].klok().astimezone(NEDERLAND).date()
    standen = lezen().gebruikers_per_maand(afnemer.oin if afnemer else None, vandaag)
    return render_template(
        "home/index.html",
        mededelingen=lezen().mededelingen(),
        standen=standen,
        grafiek=teken(standen, afnemer is not None),
        maandnaam=maandnaam,
    )


@bp.post("/wissel-afnemer")
@rol_vereist(Rol.INTERMEDIAIR)
def wissel_afnemer():
    formulier = WisselAfnemerForm()
    if not formulier.validate_on_submit():
        abort(400)
    try:
        afnemer = Oin(formulier.afnemer.data or "")
    except OngeldigeWaarde:
        abort(403)
    kies_afnemer(afnemer)
    flash(f"U voert nu het beheer uit voor {current_afnemer().naam}.", "succes")
    return redirect(url_for("home.index"))
