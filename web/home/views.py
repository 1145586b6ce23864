"""Home (manual chapter 3): mededelingen, the Berichtenbox users, and the intermediair's afnemer switch."""

from flask import Blueprint, abort, flash, redirect, render_template, url_for

from domain.fouten import OngeldigeWaarde
from domain.waarden import Oin, Rol
from web.home.forms import WisselAfnemerForm
from web.lezen import lezen
from web.sessie import current_afnemer, inlog_vereist, kies_afnemer, rol_vereist

bp = Blueprint("home", __name__)


@bp.get("/")
@inlog_vereist
def index():
    return render_template("home/index.html", mededelingen=lezen().mededelingen())


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
