"""FAQ (manual chapter 10): questions that expand and collapse with <details>, no script."""

from flask import Blueprint, render_template

from web.faq.vragen import vragen
from web.sessie import inlog_vereist

bp = Blueprint("faq", __name__, url_prefix="/faq")


@bp.get("/")
@inlog_vereist
def index():
    return render_template("faq/index.html", vragen=vragen())
