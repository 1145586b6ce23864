"""The forms of the Berichttypes tab. Limits are shown in the browser; the domain enforces them all."""

from flask_wtf.file import FileField
from wtforms import HiddenField, RadioField, SelectChoice, SelectField, SelectMultipleField, StringField
from wtforms.validators import Length, StopValidation

from domain.berichttype import MAX_OMSCHRIJVING
from domain.bijlage_limieten import BESTANDSNAAM_HINT, STANDAARD
from domain.waarden import MAX_CODE, Notificatiekenmerk, Status
from web.formulier import Formulier
from web.velden import Verplicht, max_tekens


class FilterForm(Formulier):
    """The filters above the overzicht: a GET form, so a filtered page can be bookmarked."""

    class Meta:
        csrf = False

    code = StringField("Code bevat", [Length(max=MAX_CODE)], render_kw=max_tekens(MAX_CODE))
    status = SelectField(
        "Status",
        choices=[SelectChoice("", "Alle statussen"), *(SelectChoice(s.value, s.value) for s in Status)],
        default="",
    )
    kenmerk = SelectField(
        "Notificatiekenmerk",
        choices=[
            SelectChoice("", "Alle notificatiekenmerken"),
            *(SelectChoice(k.value, k.value) for k in Notificatiekenmerk),
        ],
        default="",
    )


class _Kenmerk(RadioField):
    """Choices are the afnemer's allowed kenmerken; a forged value gets the domain's Dutch refusal."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("validate_choice", False)
        super().__init__(*args, **kwargs)


class ToevoegenForm(Formulier):
    code = StringField("Code", [Verplicht()], render_kw={**max_tekens(MAX_CODE), "autocomplete": "off"})
    omschrijving = StringField("Omschrijving", [Verplicht()], render_kw=max_tekens(MAX_OMSCHRIJVING))
    notificatiekenmerk = _Kenmerk("Notificatiekenmerk", [Verplicht("Kies een notificatiekenmerk.")])


def _aangeboden_status(form, field) -> None:
    # Whether the change is allowed is for the domain, on the confirmation screen; here only the shape.
    if field.data not in {s.value for s in Status}:
        raise StopValidation("Kies een van de aangeboden statussen.")


class WijzigenForm(Formulier):
    omschrijving = StringField("Omschrijving", [Verplicht()], render_kw=max_tekens(MAX_OMSCHRIJVING))
    notificatiekenmerk = _Kenmerk("Notificatiekenmerk", [Verplicht("Kies een notificatiekenmerk.")])
    status = RadioField("Status", [_aangeboden_status], validate_choice=False)


class GekoppeldeDienstenForm(Formulier):
    """The Gekoppelde diensten on Wijzigen: a checkbox per dienst (by its URL key) and, hidden, the diensten
    that were linked when the page was shown. The change is the difference between the two, so a link made
    elsewhere in the meantime is neither undone nor made twice."""

    gekoppeld = SelectMultipleField(validate_choice=False)
    was_gekoppeld = SelectMultipleField(validate_choice=False)
    # Set by the confirmation screen that showed what the change does to gemachtigden.
    bevestigd = HiddenField()

    def is_bevestigd(self) -> bool:
        return self.bevestigd.data == "ja"


class BijlageForm(Formulier):
    bestand = FileField("Bestand (PDF)", [Verplicht("Kies een bestand.")], render_kw={"accept": ".pdf"})


class KnopForm(Formulier):
    """The buttons on the details page (omhoog, omlaag, verwijder, bevestigen): only the CSRF token."""


INGETROKKEN = "niet meer beschikbaar voor nieuwe keuzes"


def kenmerk_keuzes(kenmerken, huidig: Notificatiekenmerk | None = None) -> list[SelectChoice]:
    """The allowed kenmerken, and the berichttype's current one even when the beheerder withdrew it: it may
    be kept (the domain allows that), so it is shown chosen, marked as no longer available."""
    return [
        SelectChoice(k.value, k.value if k in kenmerken else f"{k.value} ({INGETROKKEN})")
        for k in Notificatiekenmerk
        if k in kenmerken or k is huidig
    ]


def kenmerk_hint(huidig: Notificatiekenmerk, kenmerken) -> str:
    if huidig in kenmerken:
        return HINTS["notificatiekenmerk"]
    return (
        f"{HINTS['notificatiekenmerk']} Het huidige kenmerk {huidig.value} is voor uw organisatie "
        f"{INGETROKKEN}. U kunt het houden; kiest u een ander kenmerk, dan kunt u later niet terug naar "
        f"{huidig.value}."
    )


def status_keuzes(huidig: Status, mogelijk: list[Status]) -> list[SelectChoice]:
    return [
        SelectChoice(huidig.value, f"{huidig.value} (ongewijzigd)"),
        *(SelectChoice(s.value, s.value) for s in mogelijk),
    ]


HINTS = {
    "code": (
        f"Een unieke code van maximaal {MAX_CODE} letters of cijfers. "
        "Hoofdletters en kleine letters zijn verschillend: AB1 en ab1 zijn twee codes."
    ),
    "omschrijving": (
        f"Maximaal {MAX_OMSCHRIJVING} tekens. Deze omschrijving is voor eigen gebruik en wordt niet aan de "
        "burger getoond."
    ),
    "notificatiekenmerk": "Bepaalt welke notificatie de burger ontvangt bij een nieuw bericht.",
    "status": (
        "Alleen de statuswijzigingen die nu mogelijk zijn. U bevestigt een wijziging op het volgende scherm."
    ),
    "bestand": (
        f"Een PDF-bestand (bij voorkeur PDF/A en PDF/UA). {BESTANDSNAAM_HINT} {STANDAARD.omschrijving}"
    ),
}
