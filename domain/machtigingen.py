"""The machtigingen register as DigiD Machtigen delivers it (manual chapter 6): a belanghebbende authorises a
gemachtigde for one dienst of one afnemer, from geldig van until geldig tot; a machtiging may end early or be
withdrawn.

A delivery (`Machtigingenlevering`) is an aggregate: a file of a million rows or one call of the API. Its
events carry the mutations in chunks (`MAX_PER_GEBEURTENIS` per event), never one event per machtiging, each
a short tuple of plain values (BSNs as their nine digits, moments as microseconds since 1970 UTC), so storing
and reading a million of them stays cheap. The feed is authoritative: mutations apply in the order of the
log, a later one overruling an earlier one for the same machtiging.

The mutations (first element the kind), each naming the machtiging by DigiD Machtigen's own id:
- `("stand", id, belanghebbende, gemachtigde, afnemer, dienst_id, van, tot, ingetrokken_op)`: the
  machtiging's whole state, as a row of a file gives it (`tot` None: without end; `ingetrokken_op` None:
  not withdrawn). A later stand of the same id replaces it.
- `("beeindigd", id, tot)`: the machtiging ends early, at `tot`.
- `("ingetrokken", id, op)`: the belanghebbende withdrew it at `op`.
A mutation for an id the register does not know changes nothing (the feed may end what it never sent).
"""

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from uuid import UUID

from eventsourcing.domain import Aggregate, event

from domain.fouten import NietToegestaan, OngeldigeWaarde
from domain.waarden import Actor, Bsn, DienstId, Oin

STAND = "stand"
BEEINDIGD = "beeindigd"
INGETROKKEN = "ingetrokken"
SOORTEN = frozenset({STAND, BEEINDIGD, INGETROKKEN})

# Ten thousand rows make an event of about a megabyte: a million-row file is a hundred events.
MAX_PER_GEBEURTENIS = 10_000
MAX_ID = 64

BESTAND = "bestand"
API = "api"

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)

Mutatie = tuple


def microseconden(moment: datetime) -> int:
    """A moment as whole microseconds since 1970 UTC: how mutations carry it."""
    if moment.tzinfo is None:
        raise OngeldigeWaarde("Een moment moet een tijdzone hebben.", veld="moment")
    verschil = moment - _EPOCH
    return (verschil.days * 86_400 + verschil.seconds) * 1_000_000 + verschil.microseconds


def moment_van(waarde: int) -> datetime:
    return _EPOCH + timedelta(microseconds=waarde)


def machtiging_id(waarde: object) -> str:
    """DigiD Machtigen's id of a machtiging: 1 to 64 visible characters, kept exactly."""
    if not isinstance(waarde, str) or not 1 <= len(waarde) <= MAX_ID or not waarde.isprintable():
        raise OngeldigeWaarde(
            f"Het machtiging-id bestaat uit 1 tot {MAX_ID} zichtbare tekens.", veld="machtiging"
        )
    if waarde != waarde.strip():
        raise OngeldigeWaarde("Het machtiging-id begint of eindigt niet met een spatie.", veld="machtiging")
    return waarde


def stand(
    id_: str,
    belanghebbende: Bsn,
    gemachtigde: Bsn,
    afnemer: Oin,
    dienst: DienstId,
    van: datetime,
    tot: datetime | None = None,
    ingetrokken_op: datetime | None = None,
) -> Mutatie:
    begin = microseconden(van)
    einde = None if tot is None else microseconden(tot)
    if einde is not None and einde <= begin:
        raise OngeldigeWaarde("Geldig tot moet na geldig van liggen.", veld="geldig_tot")
    if belanghebbende == gemachtigde:
        raise OngeldigeWaarde("Een burger machtigt niet zichzelf.", veld="gemachtigde")
    ingetrokken = None if ingetrokken_op is None else microseconden(ingetrokken_op)
    return (
        STAND,
        machtiging_id(id_),
        belanghebbende.waarde,
        gemachtigde.waarde,
        afnemer.waarde,
        dienst.waarde,
        begin,
        einde,
        ingetrokken,
    )


def beeindigd(id_: str, tot: datetime) -> Mutatie:
    return (BEEINDIGD, machtiging_id(id_), microseconden(tot))


def ingetrokken(id_: str, op: datetime) -> Mutatie:
    return (INGETROKKEN, machtiging_id(id_), microseconden(op))


def effectief(
    van: int, tot: int | None, ingetrokken_op: int | None, beeindigd_: bool
) -> tuple[int | None, str | None]:
    """When a machtiging stopped counting and why: its geldig tot (ended early when `beeindigd_`), or its
    withdrawal if that came first. An end before its start leaves an empty interval: it never counted."""
    if ingetrokken_op is not None and (tot is None or ingetrokken_op < tot):
        return max(van, ingetrokken_op), INGETROKKEN
    if tot is None:
        return None, None
    return max(van, tot), BEEINDIGD if beeindigd_ else None


class Machtigingenlevering(Aggregate):
    """One delivery of the feed: started, its mutations recorded in chunks, and completed with how many
    rows were recorded and how many were skipped (rows refused before anything of them was recorded)."""

    @classmethod
    def beginnen(
        cls, levering_id: UUID, soort: str, actor: Actor, timestamp: datetime
    ) -> "Machtigingenlevering":
        if soort not in (BESTAND, API):
            raise OngeldigeWaarde("Een levering komt uit een bestand of uit de API.", veld="soort")
        return cls(levering_id, soort, actor, timestamp)

    @staticmethod
    def create_id(levering_id: UUID) -> UUID:
        return levering_id

    @event("Started")
    def __init__(self, levering_id: UUID, soort: str, actor: Actor, timestamp: datetime) -> None:
        self.soort = soort
        self.aantal = 0
        self.afgerond = False

    def leg_vast(self, mutaties: Sequence[Mutatie], actor: Actor, timestamp: datetime) -> None:
        if self.afgerond:
            raise NietToegestaan("Deze levering is al afgerond.")
        if not mutaties:
            raise OngeldigeWaarde("Een deel van een levering bevat ten minste één mutatie.")
        if len(mutaties) > MAX_PER_GEBEURTENIS:
            raise OngeldigeWaarde(
                f"Een deel van een levering bevat hoogstens {MAX_PER_GEBEURTENIS} mutaties."
            )
        self._recorded(tuple(mutaties), actor, timestamp)

    @event("MutationsRecorded")
    def _recorded(self, mutaties: tuple[Mutatie, ...], actor: Actor, timestamp: datetime) -> None:
        self.aantal += len(mutaties)

    def rond_af(self, overgeslagen: int, actor: Actor, timestamp: datetime) -> None:
        if self.afgerond:
            raise NietToegestaan("Deze levering is al afgerond.")
        self._completed(self.aantal, overgeslagen, actor, timestamp)

    @event("Completed")
    def _completed(self, aantal: int, overgeslagen: int, actor: Actor, timestamp: datetime) -> None:
        self.afgerond = True
