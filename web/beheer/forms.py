from wtforms import SelectChoice, SelectField, StringField, TextAreaField

from domain.fouten import OngeldigeWaarde
from domain.mededeling import MAX_TEKST, MAX_TITEL
from domain.organisatie import MAX_NAAM
from domain.waarden import Notificatiekenmerk, Oin, Rol
from web.formulier import Formulier
from web.velden import Verplicht, Vinkjes, max_tekens

ROLLEN = [SelectChoice("", "Kies een rol"), *(SelectChoice(r.value, r.label) for r in Rol)]
KENMERKEN = [SelectChoice(k.value, k.value) for k in Notificatiekenmerk]


def kenmerken_uit(waarden: list[str] | None) -> list[Notificatiekenmerk]:
    try:
        return [Notificatiekenmerk.uit_tekst(w) for w in waarden or []]
    except OngeldigeWaarde as fout:
        raise OngeldigeWaarde(fout.melding, veld="kenmerken") from None


def _naam() -> StringField:
    return StringField("Naam", [Verplicht()], render_kw=max_tekens(MAX_NAAM))


def _kenmerken() -> Vinkjes:
    return Vinkjes(
        "Toegestane notificatiekenmerken",
        [Verplicht("Kies ten minste één notificatiekenmerk.")],
        choices=KENMERKEN,
    )


class OrganisatieRegistrerenForm(Formulier):
    # WTForms orders fields by creation; the OIN comes first, as the organisation's identity.
    oin = StringField("OIN", [Verplicht()], render_kw={**max_tekens(20), "inputmode": "numeric"})
    naam = _naam()
    rol = SelectField("Rol", [Verplicht("Kies een rol.")], choices=ROLLEN, validate_choice=False)
    kenmerken = _kenmerken()

    def gekozen_oin(self) -> Oin:
        return Oin((self.oin.data or "").strip())

    def gekozen_rol(self) -> Rol:
        try:
            return Rol(self.rol.data)
        except ValueError:
            melding = "Kies een rol: afnemer, intermediair, beheerder of MijnOverheid."
            raise OngeldigeWaarde(melding, veld="rol") from None

    def gekozen_kenmerken(self) -> list[Notificatiekenmerk]:
        return kenmerken_uit(self.kenmerken.data)


class OrganisatieWijzigenForm(Formulier):
    naam = _naam()
    kenmerken = _kenmerken()

    def gekozen_kenmerken(self) -> list[Notificatiekenmerk]:
        return kenmerken_uit(self.kenmerken.data)


class RelatieForm(Formulier):
    intermediair = SelectField("Intermediair", [Verplicht("Kies een intermediair.")], validate_choice=False)
    afnemer = SelectField("Afnemer", [Verplicht("Kies een afnemer.")], validate_choice=False)
    actie = StringField("Actie")

    def gekozen(self, veld: str) -> Oin:
        try:
            return Oin(getattr(self, veld).data or "")
        except OngeldigeWaarde:
            raise OngeldigeWaarde(f"Kies een {veld} uit de lijst.", veld=veld) from None


class MededelingForm(Formulier):
    titel = StringField("Titel", [Verplicht()], render_kw=max_tekens(MAX_TITEL))
    tekst = TextAreaField("Tekst", [Verplicht()], render_kw={**max_tekens(MAX_TEKST), "rows": 6})


class IntrekkenForm(Formulier):
    """Only the CSRF token: the mededeling is named in the URL."""
