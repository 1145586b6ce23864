"""Bijlage validatie (manual chapter 5): check PDFs against the demands on attachments, store nothing.

The files live only in this request's memory (see `geheugen`): read, validated in the isolated workers,
shown, and dropped with the request, also when validation fails.
"""

import base64

from flask import Blueprint, render_template

from bijlage_validatie import valideer_set
from domain.pdf_clausules.catalogus import CLAUSULES
from domain.pdf_rapport import rapport_csv, rapport_json
from domain.pdf_regels import REGELS
from domain.pdf_toets import NORM_NAAM, Norm, norm_van
from domain.pdf_validatie import Soort, toets_voor
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
    downloads = {}
    if formulier.validate_on_submit():
        bestanden = [(b.filename, b.read()) for b in gekozen_bestanden(formulier.bestanden.data)]
        soort = Soort(formulier.soort.data)
        toets = toets_voor(soort, formulier.pdfa.data, formulier.pdfua.data == "ja")
        uitslag = valideer_set(bestanden, soort, samenstelling().pdf, toets)
        downloads = _downloads(uitslag.per_bestand())
    return render_template(
        "bijlage_validatie/index.html",
        formulier=formulier,
        hints=HINTS,
        uitslag=uitslag,
        regels=REGELS,
        clausules=CLAUSULES,
        normen=_normen,
        downloads=downloads,
    )


def _normen(bestand) -> list[tuple[str, bool | None]]:
    """(naam van de norm, voldoet?) voor elke getoetste norm van één bestand."""
    toetsing = bestand.toetsing
    normen = [(f"PDF/A-{toetsing.pdfa}", norm_van(toetsing.pdfa))] if toetsing.pdfa else []
    normen += [("PDF/UA-1", Norm.PDFUA1)] if toetsing.pdfua else []
    return [(f"{naam} ({NORM_NAAM[norm].split(' (')[0]})", bestand.conform(norm)) for naam, norm in normen]


def _downloads(uitslagen) -> dict[str, str]:
    """Het rapport als data-URI's: te downloaden zonder dat het portaal iets bewaart."""

    def uri(inhoud: str, soort: str) -> str:
        return f"data:{soort};charset=utf-8;base64,{base64.b64encode(inhoud.encode('utf-8')).decode('ascii')}"

    return {
        "json": uri(rapport_json(uitslagen), "application/json"),
        # Met BOM, zodat een spreadsheet de tekens goed leest.
        "csv": uri("\ufeff" + rapport_csv(uitslagen), "text/csv"),
    }


@bp.get("/regels")
@inlog_vereist
def regels():
    """Every rule the validation applies, with where it comes from; each finding links to its rule here."""
    return render_template("bijlage_validatie/regels.html", regels=REGELS.values())
