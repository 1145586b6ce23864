"""The shapes of the batch API's JSON, for the OpenAPI document: the status (web/api/batches.py `_status`)
and the report in JSON (koppelvlak/verslag.py `verslag_json`). Field names are the ones on the wire."""

from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field

from domain.verwerking import Stadium, VerwerkingsCode
from koppelvlak.schema import NS

OIN_PATROON = r"^[0-9]{20}$"

# The examples in the document: a batch of one bericht from the demo's Gemeente Voorbeeldstad, and its id.
VOORBEELD_BATCH_ID = "6e1076fe-5b4d-4a2a-8a05-b16e45c39dc6"
VOORBEELD_BATCH = f"""<?xml version="1.0" encoding="UTF-8"?>
<Berichten xmlns="{NS}">
  <BatchInformatie>
    <BatchID>{VOORBEELD_BATCH_ID}</BatchID>
    <AanmaakDatum>2026-12-01T09:30:00</AanmaakDatum>
    <BerichtLeverancierID>00000099000000000101</BerichtLeverancierID>
  </BatchInformatie>
  <Bericht>
    <BerichtInformatie>
      <BatchID>{VOORBEELD_BATCH_ID}</BatchID>
      <BerichtID>3f2b8c1e-9d4a-4f6b-8e2d-1a7c5b9e0d42</BerichtID>
      <BerichtType>AANSLAG</BerichtType>
      <Onderwerp>Aanslag gemeentelijke belastingen 2026</Onderwerp>
      <BerichtTekst>Geachte heer, mevrouw, in de bijlage vindt u de aanslag.</BerichtTekst>
      <Referentie>REF-2026-0001</Referentie>
      <GebruikerID>123456782</GebruikerID>
      <SoortGebruiker>Burger</SoortGebruiker>
    </BerichtInformatie>
  </Bericht>
</Berichten>
"""


class Aanleverparameters(BaseModel):
    afnemer: str | None = Field(
        None,
        pattern=OIN_PATROON,
        description="Alleen voor een intermediair: het OIN van de afnemer voor wie deze batch is. "
        "Een afnemer die zelf aanlevert laat dit weg (of geeft zijn eigen OIN).",
        examples=["00000099000000000101"],
    )


class Batchstatus(BaseModel):
    model_config = ConfigDict(title="Batchstatus")

    batch_id: str = Field(description="De BatchID uit de batch.")
    leverancier: str = Field(description="OIN van de berichtleverancier die de batch aanleverde.")
    afnemer: str = Field(description="OIN van de afnemer voor wie de batch is.")
    ontvangen_op: datetime
    aantal_berichten: int = Field(ge=0)
    afgerond: bool = Field(description="Of alle berichten van de batch verwerkt zijn.")
    verwerkt_op: datetime | None
    proceskenmerk: str | None = Field(description="Kenmerk van de verwerkingsronde, zodra die begon.")
    verwerkt: int = Field(ge=0, description="Berichten verwerkt zonder waarschuwing.")
    verwerkt_met_waarschuwing: int = Field(ge=0)
    niet_verwerkt: int = Field(ge=0)
    status_url: str = Field(description="Waar deze status te volgen is.")
    verslag_url: str = Field(description="Waar het verwerkingsverslag staat.")


class Aanlevering(Batchstatus):
    model_config = ConfigDict(title="Aanlevering")

    nieuw: bool = Field(
        description="false als deze BatchID al eerder werd aangeleverd: er is dan niets opnieuw vastgelegd "
        "en dit is de status van de eerste aanlevering."
    )


class Berichtuitkomst(BaseModel):
    BerichtID: str
    BerichtType: str
    VerwerkingsCode: VerwerkingsCode
    Stadium: Stadium
    uitleg: str = Field(description="De betekenis van de VerwerkingsCode, in het Nederlands.")
    waarschuwing: str | None = Field(None, description="Verwerkt met een waarschuwing: welke.")
    reden: str | None = Field(None, description="Niet verwerkt: de bevinding die de reden was.")


class Verslag(BaseModel):
    """`BerichtVerwerkResponse` van het koppelvlak, met de namen van de XML, plus het proceskenmerk en per
    bericht de uitleg. Nooit een BSN."""

    model_config = ConfigDict(title="Verslag")

    BerichtLeverancierCode: str
    BatchID: str
    TotaalAantalOntvangenBerichten: int = Field(ge=0)
    AantalBerichtenSuccesvolVerwerkt: int = Field(ge=0)
    AantalBerichtenGeenActieveBoxOfGeabonneertOpLeverancier: int = Field(ge=0)
    AantalBerichtenMetTechnischProbleem: int = Field(ge=0)
    AantalBerichtenBerichtTypeNietCorrect: int = Field(ge=0)
    AantalBerichtenPublicatieDatumNietCorrect: int = Field(ge=0)
    AantalBerichtenAanmaakDatumNietCorrect: int = Field(ge=0)
    DatumOntvangen: datetime
    DatumVerwerkt: datetime | None
    Proceskenmerk: str | None
    Berichten: list[Berichtuitkomst]
