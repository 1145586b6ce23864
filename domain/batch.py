"""Batch: what a berichtleverancier delivered in one go, and what processing decided for each bericht.

Events stay small, however large the batch: per bericht only what processing, the report and the access
questions need (BerichtID, berichttype, the BSN, the reference to its stored contents, the publicatiedatum,
the sizes and references of its persoonlijke bijlagen), as compact lists. The contents themselves (onderwerp,
tekst, bijlagen) are stored once, outside the events, addressed by their hash.

Processing is one event per run (`Processed`), with one outcome per bericht in delivery order: a batch of a
thousand berichten costs two events, not two thousand, and a run that crashes before its event is saved
leaves the batch simply unprocessed, to be processed again.
"""

from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from eventsourcing.domain import Aggregate, event

from domain import identiteit
from domain.fouten import NietToegestaan
from domain.verslag import Berichtuitkomst
from domain.verwerking import Stadium, VerwerkingsCode
from domain.waarden import Actor, Oin


@dataclass(frozen=True, slots=True)
class Bijlageverwijzing:
    """A persoonlijke bijlage as processing sees it: its stored contents' hash (None when it was too large
    to keep), its size and its name."""

    inhoud: str | None
    grootte: int
    omschrijving: str


@dataclass(frozen=True, slots=True)
class OntvangenBericht:
    bericht_id: str
    berichttype: str
    bsn: str
    inhoud: str
    publicatiedatum: datetime | None
    bijlagen: tuple[Bijlageverwijzing, ...] = ()

    def als_rij(self) -> list:
        """The compact form stored in the event."""
        return [
            self.bericht_id,
            self.berichttype,
            self.bsn,
            self.inhoud,
            self.publicatiedatum.isoformat() if self.publicatiedatum else None,
            [[b.inhoud, b.grootte, b.omschrijving] for b in self.bijlagen],
        ]

    @classmethod
    def uit_rij(cls, rij: list) -> "OntvangenBericht":
        bericht_id, berichttype, bsn, inhoud, publicatie, bijlagen = rij
        return cls(
            bericht_id,
            berichttype,
            bsn,
            inhoud,
            datetime.fromisoformat(publicatie) if publicatie else None,
            tuple(Bijlageverwijzing(*b) for b in bijlagen),
        )


def uitkomst_als_rij(uitkomst: Berichtuitkomst) -> list:
    return [uitkomst.code.value, uitkomst.stadium.value, uitkomst.waarschuwing, uitkomst.reden]


def uitkomst_uit_rij(bericht: list, rij: list) -> Berichtuitkomst:
    """`bericht`: the compact row of the bericht it belongs to (for its id and type)."""
    code, stadium, waarschuwing, reden = rij
    return Berichtuitkomst(
        bericht[0], bericht[1], VerwerkingsCode(code), Stadium(stadium), waarschuwing, reden
    )


class Batch(Aggregate):
    @staticmethod
    def create_id(batch_id: str, *args, **kwargs) -> UUID:
        return identiteit.batch_id(batch_id)

    @classmethod
    def ontvangen(
        cls,
        batch_id: str,
        leverancier: Oin,
        afnemer: Oin,
        aanmaakdatum: datetime,
        berichten: list[OntvangenBericht],
        actor: Actor,
        timestamp: datetime,
    ) -> "Batch":
        rijen = [b.als_rij() for b in berichten]
        return cls(batch_id, leverancier, afnemer, aanmaakdatum, rijen, actor, timestamp)

    @event("Received")
    def __init__(
        self,
        batch_id: str,
        leverancier: Oin,
        afnemer: Oin,
        aanmaakdatum: datetime,
        berichten: list,
        actor: Actor,
        timestamp: datetime,
    ) -> None:
        self.batch_id = batch_id
        self.leverancier = leverancier
        self.afnemer = afnemer
        self.aanmaakdatum = aanmaakdatum
        self.berichten = berichten
        self.actor = actor
        self.ontvangen_op = timestamp
        self.verwerkt_op: datetime | None = None
        self.proceskenmerk: str | None = None
        self.uitkomsten: list = []

    @property
    def ontvangen_berichten(self) -> list[OntvangenBericht]:
        return [OntvangenBericht.uit_rij(r) for r in self.berichten]

    @property
    def verwerkt(self) -> bool:
        return self.verwerkt_op is not None

    def verwerk(self, proceskenmerk: str, uitkomsten: list[Berichtuitkomst], timestamp: datetime) -> None:
        """Record one processing run. A batch is processed exactly once; the outcomes follow the berichten's
        delivery order, one each. The actor is the delivery's: processing acts on what it delivered."""
        if self.verwerkt:
            raise NietToegestaan("Deze batch is al verwerkt.")
        if [u.bericht_id for u in uitkomsten] != [r[0] for r in self.berichten]:
            raise ValueError("Elke bericht krijgt precies één uitkomst, in de volgorde van aanlevering.")
        self._processed(proceskenmerk, [uitkomst_als_rij(u) for u in uitkomsten], self.actor, timestamp)

    @event("Processed")
    def _processed(self, proceskenmerk: str, uitkomsten: list, actor: Actor, timestamp: datetime) -> None:
        self.proceskenmerk = proceskenmerk
        self.uitkomsten = uitkomsten
        self.verwerkt_op = timestamp
