"""The shapes of the machtigingen feed's JSON and of the answers to the access questions
(web/api/machtigingen.py, web/api/toegangsvragen.py, service_layer/toegangsvragen.py), for the OpenAPI
document. Field names are the ones on the wire."""

from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field, RootModel

BSN_PATROON = r"^[0-9]{9}$"
OIN_PATROON = r"^[0-9]{20}$"
MACHTIGING_PAD = {"type": "string", "description": "Het kenmerk van de machtiging bij DigiD Machtigen."}
MOMENT = "Een moment in ISO 8601, bijvoorbeeld 2026-03-01T09:00:00Z; zonder zone geldt UTC."


# -- the feed ---------------------------------------------------------------------------------------------


class Machtiging(BaseModel):
    """De hele stand van één machtiging uit DigiD Machtigen."""

    model_config = ConfigDict(title="Machtiging", extra="forbid")

    machtiging: str = Field(description="Het kenmerk van de machtiging bij DigiD Machtigen.")
    belanghebbende: str = Field(pattern=BSN_PATROON, description="BSN van wie zich laat vertegenwoordigen.")
    gemachtigde: str = Field(pattern=BSN_PATROON, description="BSN van de gemachtigde.")
    afnemer: str = Field(pattern=OIN_PATROON, description="OIN van de afnemer van de dienst.")
    dienst_id: str = Field(description="De Dienst ID, precies zoals bij de afnemer geregistreerd.")
    geldig_van: str = Field(description=MOMENT)
    geldig_tot: str | None = Field(None, description=MOMENT)
    ingetrokken_op: str | None = Field(None, description=MOMENT)


class Machtigingen(BaseModel):
    """Veel machtigingen in één verzoek (alles of niets)."""

    model_config = ConfigDict(title="Machtigingen", extra="forbid")

    machtigingen: list[Machtiging] = Field(min_length=1, max_length=10_000)


class Machtigingaanlevering(RootModel[Machtiging | Machtigingen]):
    """Eén machtiging, of veel in `{"machtigingen": [...]}`."""

    model_config = ConfigDict(title="Machtigingaanlevering")


class Beeindiging(BaseModel):
    model_config = ConfigDict(title="Beeindiging")

    geldig_tot: str = Field(description=MOMENT)


class Intrekking(BaseModel):
    model_config = ConfigDict(title="Intrekking")

    ingetrokken_op: str | None = Field(None, description=MOMENT + " Weggelaten: nu.")


class Vastgelegd(BaseModel):
    model_config = ConfigDict(title="Vastgelegd")

    vastgelegd: int = Field(ge=0, description="Hoeveel machtigingen zijn vastgelegd.")


class MachtigingVastgelegd(Vastgelegd):
    model_config = ConfigDict(title="MachtigingVastgelegd")

    machtiging: str


# -- the access questions ---------------------------------------------------------------------------------


class Toegangsvraag(BaseModel):
    model_config = ConfigDict(title="Toegangsvraag")

    gemachtigde: str = Field(pattern=BSN_PATROON, description="BSN van de gemachtigde.")
    belanghebbende: str = Field(pattern=BSN_PATROON, description="BSN van de belanghebbende.")
    afnemer: str = Field(pattern=OIN_PATROON, description="OIN van de afnemer.")
    berichttype: str = Field(description="De code van het berichttype.")
    op: str | None = Field(None, description=MOMENT + " Weggelaten: nu.")


class Machtigingsperiode(BaseModel):
    machtiging: str
    dienst_id: str
    geldig_van: datetime | None
    geldig_tot: datetime | None
    einde: str | None = Field(description="Wat de machtiging eerder beëindigde, als iets dat deed.")


class Dienstperiode(BaseModel):
    dienst_id: str
    actief_van: datetime | None
    actief_tot: datetime | None


class Koppelingsperiode(BaseModel):
    dienst_id: str
    berichttype: str
    gekoppeld_van: datetime | None
    gekoppeld_tot: datetime | None


class Grond(BaseModel):
    """Een machtiging met de actieve periode van haar dienst en de koppeling met het berichttype."""

    machtiging: Machtigingsperiode
    dienst: Dienstperiode
    koppeling: Koppelingsperiode


class Uitleg(BaseModel):
    """Bij toegang de gronden; anders wat ontbreekt en de perioden die dat laten zien."""

    tekst: str = Field(description="De uitleg in woorden.")
    gronden: list[Grond] | None = None
    ontbreekt: str | None = None
    machtigingen: list[Machtigingsperiode] | None = None
    diensten: list[Dienstperiode] | None = None
    koppelingen: list[Koppelingsperiode] | None = None


class Toegangsantwoord(BaseModel):
    model_config = ConfigDict(title="Toegangsantwoord")

    gemachtigde: str
    belanghebbende: str
    afnemer: str
    berichttype: str
    op: datetime
    toegang: bool
    uitleg: Uitleg


class Lezer(BaseModel):
    gemachtigde: str
    sinds: datetime | None
    gronden: list[Grond]


class Lezers(BaseModel):
    model_config = ConfigDict(title="Lezers")

    bericht_id: str
    afnemer: str
    berichttype: str
    belanghebbende: str
    geplaatst_op: datetime | None
    publicatie_op: datetime | None
    op: datetime
    aantal: int = Field(ge=0)
    lezers: list[Lezer]


class Verloop(BaseModel):
    vanaf: datetime | None
    gemachtigden: int = Field(ge=0)


class Zichtbaarheid(BaseModel):
    model_config = ConfigDict(title="Zichtbaarheid")

    afnemer: str
    berichttype: str
    van: datetime
    tot: datetime
    diensten: list[Koppelingsperiode]
    gemachtigden: int = Field(ge=0)
    gemachtigden_aan_begin: int = Field(ge=0)
    gemachtigden_aan_einde: int = Field(ge=0)
    verloop: list[Verloop]


class Momentparameter(BaseModel):
    op: str | None = Field(None, description=MOMENT + " Weggelaten: nu.")


class Periodeparameters(BaseModel):
    van: str | None = Field(None, description=MOMENT + " Weggelaten: 30 dagen voor tot.")
    tot: str | None = Field(None, description=MOMENT + " Weggelaten: nu.")
