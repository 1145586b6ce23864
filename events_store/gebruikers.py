"""The Berichtenbox users register's log with the commands that write to it: the feed's files and the single
changes of its API, each a `Gebruikerslevering` (domain/gebruikers.py)."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from uuid import UUID, uuid4

from domain import gebruikers as g
from domain.gebruikersbestand import Deel, Regelfout, lees
from domain.waarden import Actor, Bsn, Oin
from events_store.basis import Vastgelegd, utc_nu
from events_store.logboeken import GebruikersLog

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


class GebruikersCommandos:
    def __init__(self, log: GebruikersLog) -> None:
        self.log = log

    def controleer_gebruikersbestand(self, regels: Iterable[str]) -> Importverslag:
        """Read a file through without recording anything: the refused rows, for an all-or-nothing import."""
        verslag = Importverslag(uuid4())
        for deel in lees(regels):
            verslag.vastgelegd += len(deel)
            verslag.tel_fouten(deel.fouten)
        return verslag

    def importeer_gebruikers(
        self,
        regels: Iterable[str],
        actor: Actor,
        na_deel: Callable[[Vastgelegd, Deel], None] | None = None,
    ) -> Importverslag:
        """Record a feed file as one delivery, one event per part of `MAX_PER_GEBEURTENIS` valid rows, each
        part in a transaction of its own (`na_deel` hears of each, to catch up and show progress). A refused
        row is skipped and reported; the rows around it are recorded. A file without the users file's
        header is refused before anything is recorded (`BestandGeweigerd`)."""
        delen = lees(regels)
        eerste = next(delen, None)
        klok = self.log.klok
        levering = g.Gebruikerslevering.beginnen(uuid4(), g.BESTAND, actor, klok())
        verslag = Importverslag(levering.id, positie=self.log.bewaar(levering, id=levering.id))
        for deel in _met_eerste(eerste, delen):
            verslag.tel_fouten(deel.fouten)
            if not deel:
                continue
            levering.leg_standen_vast(deel.bsns, deel.van, deel.tot, deel.uit, actor, klok())
            verslag.positie = self.log.bewaar(levering, id=levering.id)
            verslag.vastgelegd += len(deel)
            if na_deel is not None:
                na_deel(verslag.positie, deel)
        levering.rond_af(verslag.overgeslagen, actor, klok())
        verslag.positie = self.log.bewaar(levering, id=levering.id)
        return verslag

    def _een_mutatie(self, mutatie: g.Mutatie, actor: Actor) -> Vastgelegd:
        """A change through the API: a delivery of one mutation, recorded in one transaction."""
        klok = self.log.klok
        levering = g.Gebruikerslevering.beginnen(uuid4(), g.API, actor, klok())
        levering.leg_vast([mutatie], actor, klok())
        levering.rond_af(0, actor, klok())
        return self.log.bewaar(levering, id=levering.id)

    def zet_berichtenbox(self, bsn: Bsn, van: datetime, tot: datetime | None, actor: Actor) -> Vastgelegd:
        return self._een_mutatie(g.actief(bsn, van, tot), actor)

    def sluit_berichtenbox(self, bsn: Bsn, actor: Actor, op: datetime | None = None) -> Vastgelegd:
        return self._een_mutatie(g.gesloten(bsn, op or self.log.klok()), actor)

    def schakel_afnemer_uit(
        self, bsn: Bsn, afnemer: Oin, actor: Actor, op: datetime | None = None
    ) -> Vastgelegd:
        return self._een_mutatie(g.uitgeschakeld(bsn, afnemer, op or self.log.klok()), actor)

    def schakel_afnemer_in(
        self, bsn: Bsn, afnemer: Oin, actor: Actor, op: datetime | None = None
    ) -> Vastgelegd:
        return self._een_mutatie(g.ingeschakeld(bsn, afnemer, op or self.log.klok()), actor)


def _met_eerste(eerste: Deel | None, rest: Iterable[Deel]) -> Iterable[Deel]:
    if eerste is not None:
        yield eerste
        yield from rest


class Gebruikers:
    def __init__(self, env: dict[str, str], klok: Callable[[], datetime] = utc_nu) -> None:
        self.log = GebruikersLog(env, klok)
        self.register = GebruikersCommandos(self.log)

    def sluit(self) -> None:
        self.log.sluit()
