"""The stand-in for tabs that are not built yet, so the navigation is complete from the first day."""

from flask import Blueprint, abort, render_template

from web.sessie import inlog_vereist
from web.tabbladen import nog_niet_gebouwd

bp = Blueprint("nog_niet", __name__, url_prefix="/tabblad")


@bp.get("/<sleutel>")
@inlog_vereist
def tabblad(sleutel: str):
    tab = nog_niet_gebouwd(sleutel)
    if tab is None:
        abort(404)
    return render_template("nog_niet/tabblad.html", tab=tab)
