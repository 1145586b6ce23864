"""Snapshots (the eventsourcing library's own) for aggregates whose history grows without bound.

A dienst is linked and unlinked for years, an intermediair starts and stops serving afnemers, a berichttype
goes between Actief and Inactief: without snapshots every command on them replays that whole history, so
its cost grows with it. With them a command loads the latest snapshot and at most `INTERVAL - 1` events.

Mededeling and Contactbericht have one or two events in their lifetime and are left out.

A snapshot stores the aggregate's attributes as they are. When an aggregate's attributes change shape,
give the aggregate a `class_version` and an `upcast_v1_v2(state)` static method (the library applies it to
the snapshot's state), or empty the snapshots table: snapshots are a cache of the events, never the truth.
"""

from types import MappingProxyType
from typing import Any

from eventsourcing.domain import Snapshot

from domain.berichttype import Berichttype
from domain.dienst import Dienst
from domain.organisatie import Organisatie
from events_store.transcodings import Paren, Rij

# Every INTERVAL-th version is snapshotted, so a load reads one snapshot and at most INTERVAL - 1 events;
# the price is one extra load and insert per INTERVAL commands. At 20 a link command on a dienst cost the
# same (about 10 ms on SQLite and PostgreSQL) at its 1st and its 2,000th event.
INTERVAL = 20

# Read-only: configuration for every application, never state that changes while running.
SNAPSHOT_INTERVALLEN = MappingProxyType({Dienst: INTERVAL, Organisatie: INTERVAL, Berichttype: INTERVAL})


def bewaarbaar(waarde: Any) -> Any:
    """The value with its tuples and its dicts keyed by value objects marked for the transcoder, so that
    the JSON round trip gives back equal state (JSON itself knows only lists and text keys)."""
    if type(waarde) is dict:
        inhoud = {sleutel: bewaarbaar(v) for sleutel, v in waarde.items()}
        return inhoud if all(type(sleutel) is str for sleutel in inhoud) else Paren(inhoud)
    if type(waarde) is tuple:
        return Rij(tuple(bewaarbaar(v) for v in waarde))
    if type(waarde) is list:
        return [bewaarbaar(v) for v in waarde]
    return waarde


class Momentopname(Snapshot):
    """The library's snapshot, with its state made storable by `bewaarbaar`. Restoring needs nothing of
    its own: the transcodings give back the dicts and tuples, and `Snapshot.mutate` does the rest."""

    @classmethod
    def take(cls, aggregate):
        genomen = Snapshot.take(aggregate)
        return cls(
            originator_id=genomen.originator_id,
            originator_version=genomen.originator_version,
            timestamp=genomen.timestamp,
            topic=genomen.topic,
            state=bewaarbaar(genomen.state),
        )
