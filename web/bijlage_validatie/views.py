"""Bijlage validatie (manual chapter 5): check PDFs against the demands on attachments, store nothing.

The files live only in this request's memory (see `geheugen`): read, validated in the isolated workers,
shown, and dropped with the request, also when validation fails.
"""

from flask import Blueprint, render_template

from bijlage_validatie import valideer_set
from domain.pdf_regels import REGELS
from domain.pdf_validatie import Soort
from web.bijlage_validatie.forms import HINTS, ValidatieForm, gekozen_bestanden
from web.bijlage_validatie.geheugen import houd_uploads_in_geheugen
from web.sessie import inlog_vereist
from web.uitvoeren import samenstelling

bp = Blueprint("bijlage_validatie", __name__, url_prefix="/bijlage-validatie")
houd_uploads_in_geheugen(bp)


@bp.route("/", methods=["GET", "POST"])
@inlog_vereist
def index():
    formulier = ValidatieForm()
    uitslag = None
    if formulier.validate_on_submit():
        bestanden = [(b.filename, b.read()) for b in gekozen_bestanden(formulier.bestanden.data)]
        uitslag = valideer_set(bestanden, Soort(formulier.soort.data), samenstelling().pdf)
    return render_template(
        "bijlage_validatie/index.html", formulier=formulier, hints=HINTS, uitslag=uitslag, regels=REGELS
    )


@bp.get("/regels")
@inlog_vereist
def regels():
    """Every rule the validation applies, with where it comes from; each finding links to its rule here."""
    return render_template("bijlage_validatie/regels.html", regels=REGELS.values())
