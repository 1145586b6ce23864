"""The form of the Bijlage validatie tab: one or more files and the soort they are checked as."""

from wtforms import MultipleFileField, RadioField, SelectChoice
from wtforms.validators import StopValidation

from domain.bijlage_limieten import BESTANDSNAAM_HINT, PERSOONLIJK, STANDAARD
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


HINTS = {
    "bestanden": (
        "U kunt meerdere bestanden tegelijk kiezen. De bestanden worden alleen gecontroleerd: ze worden niet "
        f"opgeslagen. {BESTANDSNAAM_HINT}"
    ),
    "soort": f"{PERSOONLIJK.omschrijving} {STANDAARD.omschrijving}",
}
