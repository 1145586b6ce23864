"""The machtigingen register's log with the commands that write to it: DigiD Machtigen's files and the
changes of its API, each a `Machtigingenlevering` (domain/machtigingen.py)."""

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from uuid import UUID, uuid4

from domain import machtigingen as m
from domain.machtigingenbestand import Deel, Regelfout, lees
from domain.waarden import Actor
from events_store.basis import Vastgelegd, utc_nu
from events_store.logboeken import MachtigingenLog

# How many refused rows a report names one by one; the rest are counted.
MAX_GENOEMD = 100


@dataclass
class Importverslag:
    """What an import recorded: the delivery, how many rows, which were refused (line numbers and reasons,
    never a BSN), and the position of its last event."""

    levering: UUID
    vastgelegd: int = 0
    overgeslagen: int = 0
    fouten: list[Regelfout] = field(default_factory=list)
    positie: Vastgelegd | None = None

    def tel_fouten(self, fouten: list[Regelfout]) -> None:
        self.overgeslagen += len(fouten)
        ruimte = MAX_GENOEMD - len(self.fouten)
        if ruimte > 0:
            self.fouten.extend(fouten[:ruimte])


def _met_eerste(eerste: Deel | None, rest: Iterable[Deel]) -> Iterable[Deel]:
    if eerste is not None:
        yield eerste
        yield from rest


class MachtigingenCommandos:
    def __init__(self, log: MachtigingenLog) -> None:
        self.log = log

    def importeer_machtigingen(
        self,
        regels: Iterable[str],
        actor: Actor,
        na_deel: Callable[[Vastgelegd, Deel], None] | None = None,
    ) -> Importverslag:
        """Record a DigiD Machtigen file as one delivery, one event per part of `MAX_PER_GEBEURTENIS` valid
        rows, each part in a transaction of its own (`na_deel` hears of each, to catch up and show
        progress). A refused row is skipped and reported; the rows around it are recorded. A file without the
        header is refused before anything is recorded (`BestandGeweigerd`)."""
        delen = lees(regels)
        eerste = next(delen, None)
        klok = self.log.klok
        levering = m.Machtigingenlevering.beginnen(uuid4(), m.BESTAND, actor, klok())
        verslag = Importverslag(levering.id, positie=self.log.bewaar(levering, id=levering.id))
        for deel in _met_eerste(eerste, delen):
            verslag.tel_fouten(deel.fouten)
            if not deel.mutaties:
                continue
            levering.leg_vast(deel.mutaties, actor, klok())
            verslag.positie = self.log.bewaar(levering, id=levering.id)
            verslag.vastgelegd += len(deel.mutaties)
            if na_deel is not None:
                na_deel(verslag.positie, deel)
        levering.rond_af(verslag.overgeslagen, actor, klok())
        verslag.positie = self.log.bewaar(levering, id=levering.id)
        return verslag

    def leg_machtigingen_vast(self, mutaties: Sequence[m.Mutatie], actor: Actor) -> Vastgelegd:
        """A call of the API: its mutations (built by domain.machtigingen) as one delivery in one
        transaction, all or nothing."""
        klok = self.log.klok
        levering = m.Machtigingenlevering.beginnen(uuid4(), m.API, actor, klok())
        for begin in range(0, len(mutaties), m.MAX_PER_GEBEURTENIS):
            levering.leg_vast(mutaties[begin : begin + m.MAX_PER_GEBEURTENIS], actor, klok())
        levering.rond_af(0, actor, klok())
        return self.log.bewaar(levering, id=levering.id)


class Machtigingen:
    def __init__(self, env: dict[str, str], klok: Callable[[], datetime] = utc_nu) -> None:
        self.log = MachtigingenLog(env, klok)
        self.register = MachtigingenCommandos(self.log)

    def sluit(self) -> None:
        self.log.sluit()
