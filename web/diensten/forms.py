"""Forms of the Diensten tab. The Dienst ID is never stripped or changed: DigiD Machtigen compares exactly."""

from datetime import UTC, datetime

from wtforms import (
    DateTimeLocalField,
    HiddenField,
    IntegerField,
    SelectMultipleField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.validators import NumberRange, Optional, StopValidation, ValidationError

from domain.dienst import MAX_OMSCHRIJVING
from domain.fouten import OngeldigeWaarde
from domain.waarden import MAX_CODE, MAX_DIENST_ID, BerichttypeCode, Bsn, DienstId
from web.formulier import Formulier
from web.invoer import MAX_PAGINA
from web.moment import FORMATEN, NEDERLAND
from web.velden import Verplicht, max_tekens

ACTIEF, INACTIEF = "Actief", "Inactief"


class DienstIdVerplicht(Verplicht):
    """Only an empty field is empty: spaces are positions of a Dienst ID too (the domain judges them)."""

    def __call__(self, form, field) -> None:
        if not field.data:
            raise StopValidation("De Dienst ID is verplicht.")


def _omschrijving() -> TextAreaField:
    return TextAreaField("Omschrijving", [Verplicht()], render_kw={**max_tekens(MAX_OMSCHRIJVING), "rows": 3})


class DienstToevoegenForm(Formulier):
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


class DienstWijzigenForm(Formulier):
    omschrijving = _omschrijving()


class StatusForm(Formulier):
    """The confirmation: the status asked for travels along, so a second click cannot flip it back."""

    status = HiddenField()

    def deactiveren(self) -> bool:
        if self.status.data not in (ACTIEF, INACTIEF):
            raise OngeldigeWaarde("Kies de status Actief of Inactief.", veld="status")
        return self.status.data == INACTIEF


class KoppelenForm(Formulier):
    """The (ont)koppelen screen: a checkbox per berichttype row, one Toepassen for all of them.

    Paging and searching are buttons of this same form, so choices made on one page travel along to the next
    (as hidden fields for the rows not shown) and one Toepassen applies everything chosen."""

    koppelen = SelectMultipleField(validate_choice=False)
    ontkoppelen = SelectMultipleField(validate_choice=False)
    code = StringField("Code bevat", render_kw=max_tekens(MAX_CODE))
    naar_pagina = IntegerField(validators=[Optional(), NumberRange(min=1, max=MAX_PAGINA)])
    zoeken = SubmitField("Zoeken")
    # Set by the confirmation screen that showed what the change does to gemachtigden.
    bevestigd = HiddenField()

    def is_bevestigd(self) -> bool:
        return self.bevestigd.data == "ja"

    def bladert(self) -> bool:
        """Paging or searching: show another part of the list, apply nothing yet."""
        return bool(self.zoeken.data) or self.naar_pagina.raw_data not in (None, [], [""])

    def gekozen(self, veld: str) -> set[str]:
        return set(getattr(self, veld).data or [])

    def validate(self, extra_validators=None) -> bool:
        """Paging and searching check the fields' shape only; Toepassen also needs a sensible choice."""
        if not super().validate(extra_validators):
            return False
        if self.bladert():
            return True
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


class ToegangNagaanForm(Formulier):
    """The access question of chapter 6 as a form: may this gemachtigde read this belanghebbende's berichten
    of this berichttype at this moment? Sent by POST, so the BSNs stay out of URLs (and the logs that keep
    them)."""

    gemachtigde = StringField(
        "BSN van de gemachtigde",
        [Verplicht()],
        render_kw={**max_tekens(9), "inputmode": "numeric", "autocomplete": "off"},
    )
    belanghebbende = StringField(
        "BSN van de belanghebbende",
        [Verplicht()],
        render_kw={**max_tekens(9), "inputmode": "numeric", "autocomplete": "off"},
    )
    berichttype = StringField("Berichttype (code)", [Verplicht()], render_kw=max_tekens(MAX_CODE))
    op = DateTimeLocalField(
        "Moment (Nederlandse tijd; leeg is nu)",
        format=FORMATEN,
        validators=[Optional()],
        invalid_value_message="Vul een datum en tijd in, bijvoorbeeld 2026-03-01 09:00.",
    )

    def validate_gemachtigde(self, field) -> None:
        _bsn(field)

    def validate_belanghebbende(self, field) -> None:
        _bsn(field)

    def validate_berichttype(self, field) -> None:
        try:
            BerichttypeCode((field.data or "").strip())
        except OngeldigeWaarde as fout:
            raise ValidationError(fout.melding) from None

    def moment(self, nu: datetime) -> datetime:
        if self.op.data is None:
            return nu
        return self.op.data.replace(tzinfo=NEDERLAND).astimezone(UTC)


def _bsn(field) -> None:
    try:
        Bsn((field.data or "").strip())
    except OngeldigeWaarde:
        # The message does not repeat the number.
        raise ValidationError("Dit is geen geldig BSN (9 cijfers die aan de elfproef voldoen).") from None
