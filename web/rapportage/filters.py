"""The questions of the Berichtverwerking and Totalen tabs: GET forms, so a view lives in its URL and can be
bookmarked and shared. A period is asked in Dutch local time and answered in UTC, [van, tot)."""

from datetime import UTC, datetime, timedelta

from wtforms import DateTimeLocalField, RadioField, SelectChoice, SelectField, StringField
from wtforms.validators import Length, Optional, Regexp, ValidationError

from service_layer.rapportage import Batchfilter, Periode
from web.formulier import Formulier
from web.moment import FORMATEN, NEDERLAND, _binnen_bereik

ONTVANGST, VERWERKING = "ontvangst", "verwerking"
URLFORMAAT = "%Y-%m-%dT%H:%M"
GUID = r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"
OIN = r"^[0-9]{20}$"
VOORBEELD_GUID = "3f2504e0-4f89-11d3-9a0c-0305e82c3301"
ONGELDIG_MOMENT = "Vul een datum en tijd in, bijvoorbeeld 2026-03-01 09:00."


def _moment(label: str) -> DateTimeLocalField:
    return DateTimeLocalField(
        label,
        format=FORMATEN,
        validators=[Optional(), _binnen_bereik],
        invalid_value_message=ONGELDIG_MOMENT,
    )


class PeriodeForm(Formulier):
    """Verwerkingsdatum or Ontvangstdatum, Datum/tijd vanaf and tot (manual chapter 8); for the beheerder
    also the afnemer whose figures are shown."""

    class Meta:
        csrf = False

    datumsoort = RadioField(
        "Datum",
        choices=[SelectChoice(ONTVANGST, "Ontvangstdatum"), SelectChoice(VERWERKING, "Verwerkingsdatum")],
        default=ONTVANGST,
        validators=[Optional()],
    )
    van = _moment("Datum/tijd vanaf (Nederlandse tijd)")
    tot = _moment("Datum/tijd tot (Nederlandse tijd)")
    afnemer = SelectField(
        "Afnemer",
        choices=[],
        validate_choice=False,
        validators=[Optional(), Regexp(OIN, message="Kies een afnemer uit de lijst.")],
    )

    def standaard(self, nu: datetime) -> tuple[datetime, datetime]:
        """The period shown when none is asked for (Dutch local time, without zone)."""
        raise NotImplementedError

    def vul_aan(self, nu: datetime) -> None:
        """Fill in the default period, so the page shows what it answers."""
        van, tot = self.standaard(nu.astimezone(NEDERLAND).replace(tzinfo=None))
        if self.van.data is None and not self.van.errors:
            self.van.data = van
        if self.tot.data is None and not self.tot.errors:
            self.tot.data = tot
        if self.datumsoort.data not in (ONTVANGST, VERWERKING):
            self.datumsoort.data = ONTVANGST

    def validate(self, extra_validators=None) -> bool:
        geldig = super().validate(extra_validators)
        if geldig and self.van.data and self.tot.data and self.van.data >= self.tot.data:
            self.tot.errors = ["Datum/tijd tot moet na Datum/tijd vanaf liggen."]
            return False
        return geldig

    def periode(self) -> Periode:
        return Periode(self.datumsoort.data, _utc(self.van.data), _utc(self.tot.data))

    def in_url(self) -> dict[str, str]:
        """The question as URL parameters, for the links that keep it (paging, drilling down, downloads)."""
        waarden = {
            "datumsoort": self.datumsoort.data,
            "van": self.van.data.strftime(URLFORMAAT) if self.van.data else "",
            "tot": self.tot.data.strftime(URLFORMAAT) if self.tot.data else "",
            "afnemer": self.afnemer.data or "",
        }
        return {k: v for k, v in waarden.items() if v}


def _utc(lokaal: datetime) -> datetime:
    return lokaal.replace(tzinfo=NEDERLAND).astimezone(UTC)


def _middernacht(dag: datetime) -> datetime:
    return dag.replace(hour=0, minute=0, second=0, microsecond=0)


def _geen_spaties(form, field) -> None:
    if field.data and field.data != field.data.strip():
        raise ValidationError("Een Batch ID bevat geen spaties.")


class TotalenForm(PeriodeForm):
    def standaard(self, nu: datetime) -> tuple[datetime, datetime]:
        """This month so far, to the start of the next."""
        eerste = _middernacht(nu).replace(day=1)
        volgende = (eerste + timedelta(days=32)).replace(day=1)
        return eerste, volgende


class BerichtverwerkingForm(PeriodeForm):
    afgerond = SelectField(
        "Verwerking",
        choices=[
            SelectChoice("", "Alle batches"),
            SelectChoice("ja", "Verwerking afgerond"),
            SelectChoice("nee", "Nog niet afgerond"),
        ],
        default="",
        validators=[Optional()],
    )
    status = SelectField(
        "Status",
        choices=[
            SelectChoice("", "Alle statussen"),
            SelectChoice("niet_verwerkt", "Met niet verwerkte berichten"),
            SelectChoice("waarschuwing", "Met waarschuwingen"),
            SelectChoice("verwerkt", "Alles verwerkt, zonder waarschuwing"),
        ],
        default="",
        validators=[Optional()],
    )
    batch_id = StringField(
        "Batch ID",
        validators=[
            Optional(),
            Length(max=36),
            _geen_spaties,
            Regexp(GUID, message=f"Een Batch ID is een GUID, bijvoorbeeld {VOORBEELD_GUID}."),
        ],
    )
    leverancier = StringField(
        "Berichtleverancier (OIN)",
        validators=[Optional(), Regexp(OIN, message="Een OIN bestaat uit 20 cijfers.")],
    )

    def standaard(self, nu: datetime) -> tuple[datetime, datetime]:
        """Yesterday and today: last night's batches, the morning after."""
        vandaag = _middernacht(nu)
        return vandaag - timedelta(days=1), vandaag + timedelta(days=1)

    def batchfilter(self) -> Batchfilter:
        return Batchfilter(
            self.periode(),
            self.afgerond.data or "",
            self.status.data or "",
            (self.batch_id.data or "").lower(),
            self.leverancier.data or "",
        )

    def in_url(self) -> dict[str, str]:
        waarden = {
            "afgerond": self.afgerond.data,
            "status": self.status.data,
            "batch_id": self.batch_id.data,
            "leverancier": self.leverancier.data,
        }
        return super().in_url() | {k: v for k, v in waarden.items() if v}
