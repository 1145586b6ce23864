"""The form of the Bijlage validatie tab: one or more files, the soort they are checked as, and what they are
checked against (a PDF/A profile, or what the file claims; and PDF/UA-1 or not)."""

from wtforms import MultipleFileField, RadioField, SelectChoice
from wtforms.validators import StopValidation

from domain.bijlage_limieten import BESTANDSNAAM_HINT, PERSOONLIJK, STANDAARD
from domain.pdf_toets import PDFA_PROFIELEN
from domain.pdf_validatie import Soort
from web.formulier import Formulier
from web.velden import Verplicht


def gekozen_bestanden(bestanden) -> list:
    """A browser sends one empty part when no file was chosen; those are not files."""
    return [b for b in bestanden or [] if b and b.filename]


def _minstens_een(form, field) -> None:
    if not gekozen_bestanden(field.data):
        raise StopValidation("Kies een of meer bestanden om te valideren.")


_minstens_een.field_flags = {"verplicht": True, "required": True}


def _bekende_soort(form, field) -> None:
    if field.data not in {s.value for s in Soort}:
        raise StopValidation("Kies persoonlijke of standaard bijlagen.")


CLAIM = ""
PROFIELNAMEN = {
    "1b": "PDF/A-1b (ISO 19005-1, niveau b)",
    "1a": "PDF/A-1a (ISO 19005-1, niveau a)",
    "2b": "PDF/A-2b (ISO 19005-2, niveau b)",
    "2u": "PDF/A-2u (ISO 19005-2, niveau u)",
    "2a": "PDF/A-2a (ISO 19005-2, niveau a)",
}


def _bekend_profiel(form, field) -> None:
    if field.data not in {CLAIM, *PDFA_PROFIELEN}:
        raise StopValidation("Kies een PDF/A-profiel uit de lijst.")


def _ja_of_nee(form, field) -> None:
    if field.data not in ("ja", "nee"):
        raise StopValidation("Kies ja of nee.")


class ValidatieForm(Formulier):
    bestanden = MultipleFileField("Bestanden (PDF)", [_minstens_een], render_kw={"accept": ".pdf"})
    soort = RadioField(
        "Soort bijlagen",
        [Verplicht("Kies persoonlijke of standaard bijlagen."), _bekende_soort],
        # Checked by `_bekende_soort`, so a forged value gets the Dutch message, not WTForms' English one.
        validate_choice=False,
        choices=[
            SelectChoice(Soort.PERSOONLIJK.value, "Persoonlijke bijlagen"),
            SelectChoice(Soort.STANDAARD.value, "Standaard bijlagen"),
        ],
    )
    pdfa = RadioField(
        "Toetsen tegen PDF/A",
        [_bekend_profiel],
        validate_choice=False,
        default=CLAIM,
        choices=[
            SelectChoice(
                CLAIM, "Wat het bestand zelf claimt (persoonlijke bijlagen: wat het koppelvlak vraagt)"
            ),
            *(SelectChoice(p, PROFIELNAMEN[p]) for p in PDFA_PROFIELEN),
        ],
    )
    pdfua = RadioField(
        "Ook toetsen tegen PDF/UA-1 (toegankelijkheid)",
        [_ja_of_nee],
        validate_choice=False,
        default="nee",
        choices=[
            SelectChoice("nee", "Nee (wel als het bestand zich PDF/UA noemt)"),
            SelectChoice("ja", "Ja"),
        ],
    )


HINTS = {
    "bestanden": (
        "U kunt meerdere bestanden tegelijk kiezen. De bestanden worden alleen gecontroleerd: ze worden niet "
        f"opgeslagen. {BESTANDSNAAM_HINT}"
    ),
    "soort": f"{PERSOONLIJK.omschrijving} {STANDAARD.omschrijving}",
    "pdfa": (
        "Het portaal toetst clausule voor clausule, met de nummering van de referentievalidator veraPDF. Het "
        "koppelvlak vraagt voor persoonlijke bijlagen PDF/A-1a of PDF/A-2a."
    ),
    "pdfua": "PDF/UA-1 (ISO 14289-1) vraagt onder meer tags voor alle inhoud, een taal en een titel.",
}
