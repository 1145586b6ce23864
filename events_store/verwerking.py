"""The message processing log with the commands that write to it, the store of the berichten's contents and
the register of delivered BerichtIDs."""

from collections.abc import Callable
from datetime import datetime
from uuid import UUID

from eventsourcing.application import AggregateNotFoundError
from eventsourcing.persistence import IntegrityError

from domain import identiteit
from domain.batch import Batch, OntvangenBericht
from domain.fouten import BestaatAl
from domain.levering import Batchkop
from domain.verslag import Berichtuitkomst
from domain.waarden import Actor, Oin
from events_store.basis import Vastgelegd, utc_nu
from events_store.bericht_register import BerichtRegister
from events_store.berichtinhoud import BerichtinhoudOpslag
from events_store.logboeken import VerwerkingsLog


class BatchCommandos:
    def __init__(self, log: VerwerkingsLog) -> None:
        self.log = log

    def batch(self, batch_id: str) -> Batch | None:
        """The batch with this BatchID (the leverancier's GUID), or None."""
        try:
            return self.log.repository.get(identiteit.batch_id(batch_id))
        except AggregateNotFoundError:
            return None

    def ontvang_batch(
        self, kop: Batchkop, afnemer: Oin, berichten: list[OntvangenBericht], actor: Actor
    ) -> Vastgelegd:
        """Record a delivered batch. A BatchID recorded before is refused with BestaatAl (the store's unique
        key decides, also between two processes delivering the same batch at once)."""
        batch = Batch.ontvangen(
            kop.batch_id, Oin(kop.leverancier), afnemer, kop.aanmaakdatum, berichten, actor, self.log.klok()
        )
        return self.log.bewaar_nieuw(batch, BestaatAl("Deze batch is al eerder aangeleverd."))

    def ontvang_en_verwerk(
        self,
        kop: Batchkop,
        afnemer: Oin,
        berichten: list[OntvangenBericht],
        actor: Actor,
        proceskenmerk: str,
        uitkomsten: Callable[[Batch, datetime], list[Berichtuitkomst]],
    ) -> Vastgelegd:
        """Record a delivered batch and its processing together, in one transaction (embedded processing):
        one commit per batch, and never a batch received without its outcomes. Refused with BestaatAl as
        `ontvang_batch` is."""
        moment = self.log.klok()
        batch = Batch.ontvangen(
            kop.batch_id, Oin(kop.leverancier), afnemer, kop.aanmaakdatum, berichten, actor, moment
        )
        batch.verwerk(proceskenmerk, uitkomsten(batch, moment), moment)
        return self.log.bewaar_nieuw(batch, BestaatAl("Deze batch is al eerder aangeleverd."))

    def verwerk_batch(
        self,
        batch_uuid: UUID,
        proceskenmerk: str,
        uitkomsten: Callable[[Batch, datetime], list[Berichtuitkomst]],
    ) -> Vastgelegd | None:
        """Record one processing run of a batch: `uitkomsten(batch, moment)` decides. None when the batch was
        processed already, by this process or another (the store's unique key decides who recorded first):
        every bericht is processed exactly once."""
        batch = self.log.laad(batch_uuid, "Deze batch bestaat niet.")
        if batch.verwerkt:
            return None
        moment = self.log.klok()
        batch.verwerk(proceskenmerk, uitkomsten(batch, moment), moment)
        try:
            return self.log.bewaar(batch, id=batch.id)
        except IntegrityError:
            return None


class Verwerking:
    def __init__(self, env: dict[str, str], klok: Callable[[], datetime] = utc_nu) -> None:
        self.log = VerwerkingsLog(env, klok)
        self.inhoud = BerichtinhoudOpslag(self.log.engine, self.log.mapper.cipher)
        self.register = BerichtRegister(self.log.engine)
        self.batches = BatchCommandos(self.log)

    def sluit(self) -> None:
        self.log.sluit()
