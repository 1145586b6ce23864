"""The Berichtenbox users register as the MijnOverheid feed delivers it: whose box is active from when to
when, and which afnemers a citizen has switched off.

A delivery (`Gebruikerslevering`) is an aggregate: a file of ten million rows or one call of the API. Its
events carry the mutations in chunks (`MAX_PER_GEBEURTENIS` per event), never one event per citizen, and each
mutation is a short tuple of plain values (a BSN as a number, moments as microseconds since 1970 UTC), so that
storing and reading ten million of them stays cheap. The feed is authoritative: the mutations apply in the
order of the log, a later one overruling an earlier one for the same citizen.

The mutations (first element the kind):
- `("stand", bsn, van, tot, ((oin, sinds), ...))`: the citizen's whole state, as a row of a file gives it:
  the box active from `van` until `tot` (None: still active), and exactly these afnemers switched off since
  `sinds`; an afnemer switched off before and not named any more is switched on again at the event's moment.
- `("actief", bsn, van, tot)`: the box active from `van` until `tot`; the switched-off afnemers stay.
- `("gesloten", bsn, op)`: the box closed at `op` (nothing happens for a citizen without a box).
- `("uit", bsn, oin, op)`: the citizen switched this afnemer off at `op`.
- `("aan", bsn, oin, op)`: the citizen switched this afnemer on again at `op`.
"""

from collections.abc import Iterable, Sequence
from datetime import UTC, datetime, timedelta
from uuid import UUID
from zoneinfo import ZoneInfo

from eventsourcing.domain import Aggregate, event

from domain.fouten import NietToegestaan, OngeldigeWaarde
from domain.waarden import Actor, Bsn, Oin

STAND = "stand"
ACTIEF = "actief"
GESLOTEN = "gesloten"
UIT = "uit"
AAN = "aan"
SOORTEN = frozenset({STAND, ACTIEF, GESLOTEN, UIT, AAN})

# Ten thousand rows make an event of about half a megabyte: a ten-million-row file is a thousand events.
MAX_PER_GEBEURTENIS = 10_000

BESTAND = "bestand"
API = "api"

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
# The days of the counts, and what a date without a time in the feed's file means, are Dutch days.
NEDERLAND = ZoneInfo("Europe/Amsterdam")

Mutatie = tuple


def microseconden(moment: datetime) -> int:
    """A moment as whole microseconds since 1970 UTC: how mutations carry it."""
    if moment.tzinfo is None:
        raise OngeldigeWaarde("Een moment moet een tijdzone hebben.", veld="moment")
    verschil = moment - _EPOCH
    return (verschil.days * 86_400 + verschil.seconds) * 1_000_000 + verschil.microseconds


def moment_van(waarde: int) -> datetime:
    return _EPOCH + timedelta(microseconds=waarde)


def dag_van(microseconden_: int) -> int:
    """The Dutch calendar day of a moment, as the day's ordinal (`date.toordinal`)."""
    return moment_van(microseconden_).astimezone(NEDERLAND).date().toordinal()


def _interval(van: datetime, tot: datetime | None) -> tuple[int, int | None]:
    begin = microseconden(van)
    einde = None if tot is None else microseconden(tot)
    if einde is not None and einde <= begin:
        raise OngeldigeWaarde("Actief tot moet na actief van liggen.", veld="actief_tot")
    return begin, einde


def bsn_getal(bsn: Bsn) -> int:
    return int(bsn.waarde)


def actief(bsn: Bsn, van: datetime, tot: datetime | None = None) -> Mutatie:
    return (ACTIEF, bsn_getal(bsn), *_interval(van, tot))


def gesloten(bsn: Bsn, op: datetime) -> Mutatie:
    return (GESLOTEN, bsn_getal(bsn), microseconden(op))


def uitgeschakeld(bsn: Bsn, afnemer: Oin, op: datetime) -> Mutatie:
    return (UIT, bsn_getal(bsn), afnemer.waarde, microseconden(op))


def ingeschakeld(bsn: Bsn, afnemer: Oin, op: datetime) -> Mutatie:
    return (AAN, bsn_getal(bsn), afnemer.waarde, microseconden(op))


def stand(bsn: Bsn, van: datetime, tot: datetime | None, uit: Iterable[tuple[Oin, datetime]] = ()) -> Mutatie:
    return (STAND, bsn_getal(bsn), *_interval(van, tot), tuple((o.waarde, microseconden(m)) for o, m in uit))


class Gebruikerslevering(Aggregate):
    """One delivery of the feed: started, its mutations recorded in chunks, and completed with how many
    rows were recorded and how many were skipped (rows refused before anything of them was recorded)."""

    @classmethod
    def beginnen(
        cls, levering_id: UUID, soort: str, actor: Actor, timestamp: datetime
    ) -> "Gebruikerslevering":
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
