"""The Berichtenbox users register as the MijnOverheid feed delivers it: whose box is active from when to
when, and which afnemers a citizen has switched off.

A delivery (`Gebruikerslevering`) is an aggregate: a file of ten million rows or one call of the API. Its
events carry their rows in chunks (`MAX_PER_GEBEURTENIS` per event), never one event per citizen, as plain
values (a BSN as a number, moments as microseconds since 1970 UTC), so that storing and reading ten million
of them stays cheap. The feed is authoritative: everything applies in the order of the log, a later row or
mutation overruling an earlier one for the same citizen.

A file's rows (`StatesRecorded`) are each a citizen's whole state, in columns: `bsns`, `van`, `tot` (None:
still active) and, sparsely, `uit` as (row index, OIN, switched off since). For each row the box is active
from `van` until `tot`, and exactly the afnemers named are switched off; an afnemer switched off before and
not named any more is switched on again at the event's moment.

The API's single changes (`MutationsRecorded`) are mutations, a short tuple each (first element the kind):
- `("actief", bsn, van, tot)`: the box active from `van` until `tot`; the switched-off afnemers stay.
- `("gesloten", bsn, op)`: the box closed at `op` (nothing happens for a citizen without a box).
- `("uit", bsn, oin, op)`: the citizen switched this afnemer off at `op`.
- `("aan", bsn, oin, op)`: the citizen switched this afnemer on again at `op`.
"""

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from uuid import UUID
from zoneinfo import ZoneInfo

from eventsourcing.domain import Aggregate, event

from domain.fouten import NietToegestaan, OngeldigeWaarde
from domain.waarden import Actor, Bsn, Oin

ACTIEF = "actief"
GESLOTEN = "gesloten"
UIT = "uit"
AAN = "aan"
SOORTEN = frozenset({ACTIEF, GESLOTEN, UIT, AAN})

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

    def _controleer_deel(self, aantal: int) -> None:
        if self.afgerond:
            raise NietToegestaan("Deze levering is al afgerond.")
        if not 1 <= aantal <= MAX_PER_GEBEURTENIS:
            raise OngeldigeWaarde(f"Een deel van een levering bevat 1 tot {MAX_PER_GEBEURTENIS} regels.")

    def leg_standen_vast(
        self,
        bsns: Sequence[int],
        van: Sequence[int],
        tot: Sequence[int | None],
        uit: Sequence[tuple[int, str, int]],
        actor: Actor,
        timestamp: datetime,
    ) -> None:
        """A part of a file: the rows' whole states, in columns (see the module's description)."""
        self._controleer_deel(len(bsns))
        if not len(bsns) == len(van) == len(tot) or any(not 0 <= u[0] < len(bsns) for u in uit):
            raise OngeldigeWaarde("De kolommen van een deel zijn niet even lang.")
        self._states_recorded(list(bsns), list(van), list(tot), list(uit), actor, timestamp)

    @event("StatesRecorded")
    def _states_recorded(
        self, bsns: list, van: list, tot: list, uit: list, actor: Actor, timestamp: datetime
    ) -> None:
        self.aantal += len(bsns)

    def leg_vast(self, mutaties: Sequence[Mutatie], actor: Actor, timestamp: datetime) -> None:
        self._controleer_deel(len(mutaties))
        if any(m[0] not in SOORTEN for m in mutaties):
            raise OngeldigeWaarde("Onbekende soort mutatie.")
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
