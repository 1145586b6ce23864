"""The write side's common ground: the clock, loading with a Dutch not-found, and retries on conflicts."""

import functools
import logging
import random
import time
from collections.abc import Callable
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


def utc_nu() -> datetime:
    return datetime.now(UTC)


def opnieuw_bij_conflict(command: Callable[P, R]) -> Callable[P, R]:
    """Two writers on one aggregate: the loser runs again on fresh state, or gets a clear conflict."""

    @functools.wraps(command)
    def met_pogingen(*args: P.args, **kwargs: P.kwargs) -> R:
        for poging in range(POGINGEN):
            try:
                return command(*args, **kwargs)
            except IntegrityError:
                # Jitter spreads the losers out, so they do not collide again in lockstep.
                time.sleep(random.uniform(0, 0.004 * 2 ** min(poging, 6)))
        raise Conflict("Iemand anders wijzigde hetzelfde tegelijk met u. Probeer het opnieuw.")

    return met_pogingen


class PortaalApplicatie(Application):
    """Base for our applications: transcodings, snapshots, a settable clock, and Dutch errors for missing
    aggregates."""

    # The library takes a snapshot when a saved event's version is a multiple of the interval; setting
    # intervals also creates the `<name>_snapshots` table beside the events table.
    snapshotting_intervals = SNAPSHOT_INTERVALLEN
    snapshot_class = Momentopname

    def __init__(self, env: dict[str, str] | None = None, klok: Callable[[], datetime] = utc_nu) -> None:
        super().__init__(env)
        self.klok = klok

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

    def bewaar_nieuw(self, aggregate, fout: BestaatAl) -> None:
        """Save a just-created aggregate. A second create of a code or Dienst ID has the same (deterministic)
        id, so it fails on the store's unique key and is refused, not merged."""
        try:
            self.save(aggregate)
        except IntegrityError:
            raise fout from None

    @staticmethod
    def controleer_namens(actor: Actor, afnemer: Oin) -> None:
        if actor.namens != afnemer:
            raise NietToegestaan("U handelt niet namens deze afnemer.")
