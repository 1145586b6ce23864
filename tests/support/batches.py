"""Batches with chosen outcomes at chosen moments, written through the real Batch aggregate and its log, so
the report tests need no users register, PDFs or processing rules: they choose what processing decided."""

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from domain import identiteit
from domain.batch import OntvangenBericht
from domain.levering import Batchkop
from domain.pdf_regels import REGELS
from domain.verslag import Berichtuitkomst
from domain.verwerking import Stadium, VerwerkingsCode
from domain.waarden import Actor, Oin

V = VerwerkingsCode
PDF_WAARSCHUWING = next(r.id for r in REGELS.values() if r.ernst.value == "waarschuwing")
PDF_FOUT = next(r.id for r in REGELS.values() if r.ernst.value == "fout")


@dataclass(frozen=True)
class Uitkomst:
    code: VerwerkingsCode = V.VERWERKT
    waarschuwing: str | None = None
    reden: str | None = None

    @property
    def stadium(self) -> Stadium:
        if self.code is V.VERWERKT:
            return Stadium.NA
        if self.code is V.BERICHTTYPE_NIET_ONDERSTEUND:
            return Stadium.VALIDATE_BERICHTTYPE
        if self.code is V.NIET_ACTIEF_OF_GEABONNEERD:
            return Stadium.VALIDATE_GEBRUIKER
        return Stadium.STORE_MESSAGE


GROEN = Uitkomst()
ORANJE = Uitkomst(waarschuwing=PDF_WAARSCHUWING)
ROOD = Uitkomst(V.NIET_ACTIEF_OF_GEABONNEERD)
ROOD_PDF = Uitkomst(V.TECHNISCH_PROBLEEM, reden=PDF_FOUT)
ROOD_TYPE = Uitkomst(V.BERICHTTYPE_NIET_ONDERSTEUND)


def _op(klok, moment: datetime | None) -> None:
    """The test clocks move a second on at each reading: set them a second before. A real clock (the demo
    app of the browser tests) is left alone, and the batch arrives now."""
    if moment is not None and hasattr(klok, "nu"):
        klok.nu = moment - timedelta(seconds=1)


def lever(
    samenstelling,
    afnemer: Oin,
    leverancier: Oin,
    uitkomsten: list[Uitkomst],
    ontvangen: datetime | None,
    verwerkt: datetime | bool | None = None,
    batch_id: str | None = None,
) -> str:
    """Deliver a batch at `ontvangen` and (when given) record its processing at `verwerkt`; returns its
    BatchID. With a real clock the moments are now (pass `verwerkt=True`). The read models are brought up
    to date."""
    klok = samenstelling.klok
    batch_id = batch_id or str(uuid.uuid4())
    berichten = [
        OntvangenBericht(str(uuid.uuid4()), "AANSLAG", "111222333", "0" * 64, None) for _ in uitkomsten
    ]
    _op(klok, ontvangen)
    kop = Batchkop(batch_id, ontvangen or klok(), leverancier.waarde)
    batches = samenstelling.verwerking.batches
    samenstelling.na_commando(
        batches.ontvang_batch(kop, afnemer, berichten, Actor(leverancier, afnemer, "t"))
    )
    if verwerkt is not None and verwerkt is not False:
        _op(klok, None if verwerkt is True else verwerkt)
        gekozen = [
            Berichtuitkomst(b.bericht_id, b.berichttype, u.code, u.stadium, u.waarschuwing, u.reden)
            for b, u in zip(berichten, uitkomsten, strict=True)
        ]
        vastgelegd = batches.verwerk_batch(
            identiteit.batch_id(batch_id), str(uuid.uuid4()), lambda b, m: gekozen
        )
        samenstelling.na_commando(vastgelegd)
    return batch_id


def verwerk(samenstelling, batch_id: str, uitkomsten: list[Uitkomst], verwerkt: datetime) -> None:
    """Record the processing of a batch delivered earlier (a worker that comes later)."""
    batches = samenstelling.verwerking.batches
    batch = batches.batch(batch_id)
    gekozen = [
        Berichtuitkomst(b.bericht_id, b.berichttype, u.code, u.stadium, u.waarschuwing, u.reden)
        for b, u in zip(batch.ontvangen_berichten, uitkomsten, strict=True)
    ]
    _op(samenstelling.klok, verwerkt)
    samenstelling.na_commando(batches.verwerk_batch(batch.id, str(uuid.uuid4()), lambda b, m: gekozen))
