"""Batches for the koppelvlak tests: made by the writer from plain values, or written out by hand where the
test needs XML that no writer would make."""

import io
import uuid
from dataclasses import replace
from datetime import UTC, datetime

from domain.levering import Batchkop, Berichtlevering
from koppelvlak.schema import NS
from koppelvlak.schrijven import schrijf_batch

BATCH_ID = "6e1076fe-5b4d-4a2a-8a05-b16e45c39dc6"
KOP = Batchkop(BATCH_ID, datetime(2026, 12, 1, 9, 30, tzinfo=UTC), "00000099000000000101")
BSN = "123456782"
BERICHT_ID = "0f8fad5b-d9cb-469f-a165-70867728950e"


def bericht(nummer: int = 0, **wijzigingen) -> Berichtlevering:
    basis = Berichtlevering(
        bericht_id=str(uuid.UUID(int=nummer + 1, version=4)),
        berichttype="AANSLAG",
        onderwerp="Aanslag gemeentelijke belastingen 2026",
        tekst="Geachte heer, mevrouw, in de bijlage vindt u de aanslag.",
        referentie=f"REF-{nummer}",
        gebruiker=BSN,
        soort_gebruiker="Burger",
    )
    return replace(basis, **wijzigingen)


def batch_bytes(berichten, kop: Batchkop = KOP) -> bytes:
    uit = io.BytesIO()
    schrijf_batch(uit, kop, berichten)
    return uit.getvalue()


def berichten(aantal: int) -> list[Berichtlevering]:
    return [bericht(i) for i in range(aantal)]


def bericht_xml(
    batch_id: str = BATCH_ID, bericht_id: str | None = None, extra: str = "", bijlagen: str = ""
) -> str:
    return (
        f"<Bericht><BerichtInformatie><BatchID>{batch_id}</BatchID>"
        f"<BerichtID>{bericht_id or BERICHT_ID}</BerichtID><BerichtType>AANSLAG</BerichtType>"
        f"<Onderwerp>Aanslag{extra}</Onderwerp><BerichtTekst>Tekst</BerichtTekst><Referentie>R</Referentie>"
        f"<GebruikerID>{BSN}</GebruikerID><SoortGebruiker>Burger</SoortGebruiker></BerichtInformatie>"
        f"{bijlagen}</Bericht>\n"
    )


def kop_xml(aanmaakdatum: str = "2026-12-01T10:30:00", batch_id: str = BATCH_ID) -> str:
    return (
        f"<BatchInformatie><BatchID>{batch_id}</BatchID><AanmaakDatum>{aanmaakdatum}</AanmaakDatum>"
        "<BerichtLeverancierID>00000099000000000101</BerichtLeverancierID></BatchInformatie>\n"
    )


def batch_xml(inhoud: str, proloog: str = "", wortel: str = f'Berichten xmlns="{NS}"') -> bytes:
    naam = wortel.split()[0]
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{proloog}<{wortel}>\n{inhoud}</{naam}>\n'.encode()
