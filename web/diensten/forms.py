"""Forms of the Diensten tab. The Dienst ID is never stripped or changed: DigiD Machtigen compares exactly."""

from flask_wtf import FlaskForm
from wtforms import HiddenField, SelectMultipleField, StringField, SubmitField, TextAreaField
from wtforms.validators import StopValidation, ValidationError

from domain.dienst import MAX_OMSCHRIJVING
from domain.fouten import OngeldigeWaarde
from domain.waarden import MAX_DIENST_ID, BerichttypeCode, DienstId
from web.velden import Verplicht, max_tekens

ACTIEF, INACTIEF = "Actief", "Inactief"


class DienstIdVerplicht(Verplicht):
    """Only an empty field is empty: spaces are positions of a Dienst ID too (the domain judges them)."""

    def __call__(self, form, field) -> None:
        if not field.data:
            raise StopValidation("De Dienst ID is verplicht.")


def _omschrijving() -> TextAreaField:
    return TextAreaField("Omschrijving", [Verplicht()], render_kw={**max_tekens(MAX_OMSCHRIJVING), "rows": 3})


class DienstToevoegenForm(FlaskForm):
    # No `filters` and no maxlength in the browser (it counts UTF-16 units): kept exactly as typed,
    # and the server counts the positions.
    dienst_id = StringField(
        "Dienst ID", [DienstIdVerplicht()], render_kw={"autocomplete": "off", "spellcheck": "false"}
    )
    omschrijving = _omschrijving()
    # The second step after the near-duplicate warning: the Dienst ID the user confirmed. It only counts
    # for exactly that Dienst ID, so a changed ID is checked again.
    bevestigd = HiddenField()
    aanpassen = SubmitField("Nee, Dienst ID aanpassen")

    def validate_dienst_id(self, field) -> None:
        # The domain's rules, checked here too so the message stands next to the field with the others.
        try:
            DienstId(field.data)
        except OngeldigeWaarde as fout:
            raise ValidationError(fout.melding) from None

    def gekozen_dienst_id(self) -> DienstId:
        return DienstId(self.dienst_id.data if isinstance(self.dienst_id.data, str) else "")

    def is_bevestigd(self) -> bool:
        return isinstance(self.bevestigd.data, str) and self.bevestigd.data == self.dienst_id.data


class DienstWijzigenForm(FlaskForm):
    omschrijving = _omschrijving()


class StatusForm(FlaskForm):
    """The confirmation: the status asked for travels along, so a second click cannot flip it back."""

    status = HiddenField()

    def deactiveren(self) -> bool:
        if self.status.data not in (ACTIEF, INACTIEF):
            raise OngeldigeWaarde("Kies de status Actief of Inactief.", veld="status")
        return self.status.data == INACTIEF


class KoppelenForm(FlaskForm):
    """The (ont)koppelen screen: a checkbox per berichttype row, one Toepassen for all of them."""

    koppelen = SelectMultipleField(validate_choice=False)
    ontkoppelen = SelectMultipleField(validate_choice=False)

    def validate(self, extra_validators=None) -> bool:
        if not super().validate(extra_validators):
            return False
        if not self.koppelen.data and not self.ontkoppelen.data:
            self.form_errors.append("Kies ten minste één berichttype om te koppelen of te ontkoppelen.")
            return False
        if set(self.koppelen.data) & set(self.ontkoppelen.data):
            self.form_errors.append("Kies per berichttype koppelen of ontkoppelen, niet allebei.")
            return False
        return True

    def codes(self, veld: str) -> list[BerichttypeCode]:
        return [BerichttypeCode(c) for c in getattr(self, veld).data]


HINTS = {
    "dienst_id": (
        "Let op: de Dienst ID moet exact overeenkomen met hoe de machtigbare dienst is geregistreerd bij "
        "DigiD Machtigen. De Dienst ID is hoofdletter- en spatiegevoelig: wat u hier typt, ook spaties aan "
        f"het begin of eind, wordt precies zo bewaard. Vrije tekst van maximaal {MAX_DIENST_ID} posities."
    ),
    "omschrijving": (
        "Ter ondersteuning van de berichtleverancier; heeft verder geen functie. "
        f"Maximaal {MAX_OMSCHRIJVING} tekens."
    ),
}
