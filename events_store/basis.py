"""The write side's common ground: the clock, loading with a Dutch not-found, saving with the position it got,
and retries on conflicts."""

import functools
import logging
import random
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import ParamSpec, TypeVar
from uuid import UUID

from eventsourcing.application import (
    AggregateNotFoundError,
    Application,
    ProjectorFunction,
    project_aggregate,
)
from eventsourcing.persistence import IntegrityError, PersistenceError, Transcoder

from domain.fouten import BestaatAl, Conflict, NietGevonden, NietToegestaan
from domain.waarden import Actor, Oin
from events_store.snapshots import SNAPSHOT_INTERVALLEN, Momentopname
from events_store.transcodings import TRANSCODINGS

log = logging.getLogger(__name__)

P = ParamSpec("P")
R = TypeVar("R")

# Enough for a burst of writers on one aggregate: each round at least one of them wins.
POGINGEN = 12
BEURTEN = 64


def utc_nu() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class Vastgelegd:
    """What a command leaves behind: the log it wrote to, the position of its last event there (what a
    reader waits for to see the change), and the id of what it made, if it made something."""

    log: str
    positie: int
    id: UUID | str | None = None


def een_tegelijk(sleutel: Callable[..., UUID]) -> Callable[[Callable[..., R]], Callable[..., R]]:
    """Commands on one aggregate in this process take turns instead of racing: without this, threads that
    load the same version all but one fail on the store's unique key, wait, and load again, and under a burst
    on one busy dienst some give up after every retry. `sleutel` gets the command's arguments (without the
    command group) and names the aggregate. Writers in other processes are still caught by the store's
    unique key and `opnieuw_bij_conflict`, which therefore wraps this, so a retry never holds the turn."""

    def decorator(command: Callable[..., R]) -> Callable[..., R]:
        @functools.wraps(command)
        def op_zijn_beurt(groep, *args, **kwargs) -> R:
            with groep.log.beurt(sleutel(*args, **kwargs)):
                return command(groep, *args, **kwargs)

        return op_zijn_beurt

    return decorator


def opnieuw_bij_conflict(command: Callable[P, R]) -> Callable[P, R]:
    """Two writers on one aggregate: the loser runs again on fresh state, or gets a clear conflict."""

    @functools.wraps(command)
    def met_pogingen(*args: P.args, **kwargs: P.kwargs) -> R:
        for poging in range(POGINGEN):
            try:
                return command(*args, **kwargs)
            except IntegrityError:
                _meld_conflict(args)
                # Jitter spreads the losers out, so they do not collide again in lockstep.
                time.sleep(random.uniform(0, 0.004 * 2 ** min(poging, 6)))
        raise Conflict("Iemand anders wijzigde hetzelfde tegelijk met u. Probeer het opnieuw.")

    return met_pogingen


def _meld_conflict(args: tuple) -> None:
    """Tell the log of the command group (the command's `self`) that one of its commands runs again."""
    log = getattr(args[0], "log", None) if args else None
    if isinstance(log, Logboek):
        log.na_conflict(log.name)


def _niets(*_: object) -> None:
    pass


class Logboek(Application):
    """One event log (an application with an events table of its own): transcodings, snapshots, a settable
    clock, Dutch errors for missing aggregates, and saves that report their position."""

    # The library takes a snapshot when a saved event's version is a multiple of the interval; setting
    # intervals also creates the `<name>_snapshots` table beside the events table.
    snapshotting_intervals = SNAPSHOT_INTERVALLEN
    snapshot_class = Momentopname

    def __init__(self, env: dict[str, str] | None = None, klok: Callable[[], datetime] = utc_nu) -> None:
        super().__init__(env)
        self.klok = klok
        # Called with the log's name for every command run again after a conflict (the composition root
        # counts them for the metrics).
        self.na_conflict: Callable[[str], None] = _niets
        # Striped: a lock per aggregate would grow without bound; two aggregates sharing a stripe only
        # take turns where they could have gone side by side.
        self._beurten = [threading.Lock() for _ in range(BEURTEN)]

    def beurt(self, aggregate_id: UUID) -> threading.Lock:
        """The turn of commands on this aggregate in this process (see `een_tegelijk`)."""
        return self._beurten[aggregate_id.int % BEURTEN]

    @property
    def engine(self):
        """The SQLAlchemy engine of this log's store, shared with the read models."""
        return self.recorder.datastore.engine

    def register_transcodings(self, transcoder: Transcoder) -> None:
        super().register_transcodings(transcoder)
        for transcoding in TRANSCODINGS:
            transcoder.register(transcoding())

    def take_snapshot(
        self,
        aggregate_id: UUID,
        version: int | None = None,
        projector_func: ProjectorFunction = project_aggregate,
    ) -> None:
        """As the library's, with our storable snapshot class (the library prefers `Aggregate.Snapshot`).

        A snapshot is a cache of events that are committed by now, so a store error here must not fail the
        command: an IntegrityError (the snapshot is already there) would make `opnieuw_bij_conflict` run
        the command a second time, and a busy database would tell the user a saved change was lost. The
        next interval takes the snapshot instead."""
        try:
            aggregate = self.repository.get(aggregate_id, version=version, projector_func=projector_func)
            self.snapshots.put([self.snapshot_class.take(aggregate)])
        except IntegrityError:
            pass
        except PersistenceError as fout:
            log.warning(
                "Snapshot van %s versie %s niet opgeslagen: %s", aggregate_id, version, type(fout).__name__
            )

    def laad(self, aggregate_id: UUID, melding: str):
        try:
            return self.repository.get(aggregate_id)
        except AggregateNotFoundError:
            raise NietGevonden(melding) from None

    def bewaar(self, *aggregates, id: UUID | str | None = None) -> Vastgelegd:
        """Save in one transaction; the position is that of the last event written."""
        opnames = self.save(*aggregates)
        positie = max((o.notification.id for o in opnames), default=0)
        return Vastgelegd(self.name, positie, id)

    def bewaar_nieuw(self, aggregate, fout: BestaatAl) -> Vastgelegd:
        """Save a just-created aggregate. A second create of a code or Dienst ID has the same (deterministic)
        id, so it fails on the store's unique key and is refused, not merged."""
        try:
            return self.bewaar(aggregate, id=aggregate.id)
        except IntegrityError:
            raise fout from None

    def stand(self) -> Vastgelegd:
        """The log as it stands: a reader that waits for this position sees every event committed before."""
        return Vastgelegd(self.name, self.recorder.max_notification_id() or 0)

    def sluit(self) -> None:
        self.close()
        self.engine.dispose()


def controleer_namens(actor: Actor, afnemer: Oin) -> None:
    if actor.namens != afnemer:
        raise NietToegestaan("U handelt niet namens deze afnemer.")
