"""Processing a received batch: gather what processing must know at its moment (the afnemer's active
berichttypes, which citizens can receive from it, the PDF verdicts on persoonlijke bijlagen, which BerichtIDs
another batch delivered first), let the domain judge every bericht (domain/beoordeling.py), record the
outcomes as one event.

Exactly once: the batch aggregate refuses a second run and the store's unique key decides between two
processes racing on one batch; a run that dies before its event is saved leaves the batch waiting, and the
next run decides it again from the start (its BerichtID claims are its own, so they do not count against it).
"""

from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import datetime
from uuid import uuid4

from bijlage_validatie.geisoleerd import Werkerpool
from domain import identiteit
from domain.batch import Batch, OntvangenBericht
from domain.beoordeling import NIET_GEVALIDEERD, Omstandigheden, PdfOordeel, beoordeel_batch
from domain.pdf_regels import Ernst
from domain.pdf_toets import KOPPELVLAK
from domain.pdf_validatie import Soort
from domain.verslag import Berichtuitkomst
from domain.verwerking import VerwerkingsCode
from events_store.basis import Vastgelegd
from events_store.verwerking import Verwerking
from service_layer.lezen import Lezen

VERWERKT = VerwerkingsCode.VERWERKT


class Verwerker:
    def __init__(
        self,
        verwerking: Verwerking,
        lezen: Lezen,
        pdf: Callable[[], Werkerpool],
        na_verwerking: Callable[[Sequence[Berichtuitkomst]], None] = lambda uitkomsten: None,
    ) -> None:
        """`na_verwerking`: hears the outcomes of every processing run this process recorded (the
        metrics count them)."""
        self.verwerking = verwerking
        self.lezen = lezen
        self._pdf = pdf
        self.na_verwerking = na_verwerking

    def verwerk(self, batch_id: str) -> Vastgelegd | None:
        """Process one batch; None when it was processed already."""
        beoordeling = Beoordeling(self.beoordeel)
        vastgelegd = self.verwerking.batches.verwerk_batch(
            identiteit.batch_id(batch_id), nieuw_proceskenmerk(), beoordeling
        )
        if vastgelegd is not None:
            self.na_verwerking(beoordeling.uitkomsten)
        return vastgelegd

    def verwerk_wachtende(self, limiet: int = 100) -> list[Vastgelegd]:
        """Process the batches waiting in the queue, oldest first (at most `limiet`)."""
        gedaan = []
        for batch_id in self.lezen.wachtende_batches(limiet):
            vastgelegd = self.verwerk(batch_id)
            if vastgelegd is not None:
                gedaan.append(vastgelegd)
        return gedaan

    def beoordeel(self, batch: Batch, moment: datetime) -> list[Berichtuitkomst]:
        """Every bericht's outcome, decided at `moment` (the processing run's)."""
        berichten = batch.ontvangen_berichten
        omstandigheden = Omstandigheden(
            ontvangen=batch.ontvangen_op,
            aanmaakdatum=batch.aanmaakdatum,
            actieve_berichttypes=self.lezen.actieve_berichttypes(batch.afnemer),
            ontvangers=frozenset(
                self.lezen.berichtenbox_ontvangers({b.bsn for b in berichten}, batch.afnemer, moment)
            ),
        )
        # Only berichten that pass everything else have their bijlagen validated and their BerichtID claimed;
        # each later round decides again only what the round before could not settle.
        uitkomsten = beoordeel_batch(berichten, omstandigheden)
        te_valideren = [
            b for b, u in zip(berichten, uitkomsten, strict=True) if b.bijlagen and _wacht_op_pdf(u)
        ]
        if te_valideren:
            omstandigheden = _met(omstandigheden, pdf=self._pdf_oordelen(te_valideren))
            uitkomsten = beoordeel_batch(berichten, omstandigheden, uitkomsten)
        bezorgbaar = [u.bericht_id for u in uitkomsten if u.code is VERWERKT]
        register = self.verwerking.register
        elders = register.claim(batch.batch_id, bezorgbaar)
        if elders:
            omstandigheden = _met(omstandigheden, elders_aangeleverd=elders)
            uitkomsten = beoordeel_batch(berichten, omstandigheden, uitkomsten)
        bezorgd = {u.bericht_id for u in uitkomsten if u.code is VERWERKT}
        register.geef_vrij(batch.batch_id, [b for b in bezorgbaar if b not in bezorgd])
        return uitkomsten

    def _pdf_oordelen(self, berichten: list[OntvangenBericht]) -> dict[str, PdfOordeel]:
        oordelen: dict[str, PdfOordeel] = {}
        for bericht in berichten:
            for bijlage in bericht.bijlagen:
                if bijlage.inhoud is None or bijlage.inhoud in oordelen:
                    continue
                inhoud = self.verwerking.inhoud.lees(bijlage.inhoud)
                if inhoud is None:
                    continue
                uitslag = self._pdf().valideer(bijlage.omschrijving, inhoud, Soort.PERSOONLIJK, KOPPELVLAK)
                oordelen[bijlage.inhoud] = PdfOordeel(
                    fout=_eerste(uitslag.bevindingen, Ernst.FOUT),
                    waarschuwing=_eerste(uitslag.bevindingen, Ernst.WAARSCHUWING),
                )
        return oordelen


class Beoordeling:
    """`beoordeel` as the command calls it, keeping what it decided: counted only once the command has
    recorded it (a run that loses the race to another process decided nothing)."""

    def __init__(self, beoordeel: Callable[[Batch, datetime], list[Berichtuitkomst]]) -> None:
        self._beoordeel = beoordeel
        self.uitkomsten: list[Berichtuitkomst] = []

    def __call__(self, batch: Batch, moment: datetime) -> list[Berichtuitkomst]:
        self.uitkomsten = self._beoordeel(batch, moment)
        return self.uitkomsten


def nieuw_proceskenmerk() -> str:
    """The unique id of one processing run."""
    return str(uuid4())


def _wacht_op_pdf(uitkomst: Berichtuitkomst) -> bool:
    return uitkomst.code is VERWERKT or uitkomst.reden == NIET_GEVALIDEERD.fout


def _eerste(bevindingen, ernst: Ernst) -> str | None:
    return next((b.regel for b in bevindingen if b.ernst is ernst), None)


def _met(omstandigheden: Omstandigheden, **wijziging) -> Omstandigheden:
    return replace(omstandigheden, **wijziging)
