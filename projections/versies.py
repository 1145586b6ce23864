"""Projection versions: tables built by another version of a projection's code are rebuilt automatically.

Each handler declares `versie`; its position row records the version that built its tables. When a change
to a handler changes the shape or meaning of its rows, its `versie` is raised, and tables built by the old
code, which would silently disagree with a replay, are rebuilt from the events by the same rebuild-and-swap
as `portaal projections rebuild`: embedded on the first catch-up of a process (`runner.bijwerken`), with a
worker when `portaal projections run` starts (`runner.volg`). Position rows from before versions were
recorded carry version 0 (unknown) and are rebuilt once.
"""

import fcntl
import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from projections import herbouw, tracking
from projections.handlers import PROJECTIES
from projections.handlers.basis import versie_van

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Verouderd:
    naam: str
    geinstalleerd: int
    code: int

    def reden(self) -> str:
        oud = self.geinstalleerd
        if oud == tracking.ONBEKEND:
            oud = "onbekend (van voor de versies)"
        return (
            f"Projectie {self.naam} wordt opnieuw opgebouwd: de tabellen zijn gebouwd door versie {oud}, "
            f"de code is versie {self.code}."
        )


def verouderd(engine) -> list[Verouderd]:
    """The live projections whose tables another version of their code built."""
    with engine.connect() as connection:
        geinstalleerd = tracking.versies(connection, list(PROJECTIES))
    return [
        Verouderd(naam, geinstalleerd[naam], versie_van(projectie))
        for naam, projectie in PROJECTIES.items()
        if naam in geinstalleerd and geinstalleerd[naam] != versie_van(projectie)
    ]


def herbouw_verouderde(
    portaal, melding: Callable[[str], None] | None = None, slot_vast: bool = False
) -> list[Verouderd]:
    """Rebuild and swap in every outdated projection; says which and why (log, and `melding` if given).
    `slot_vast`: the caller already holds this database's catch-up lock (runner.bijwerken).

    Several processes may start at once with the new code (web processes, workers): one rebuilds, the
    others wait for it (`_een_tegelijk`) and then find nothing left to do."""
    if not verouderd(portaal.engine):
        return []
    with _een_tegelijk(portaal.engine):
        oud = verouderd(portaal.engine)
        for v in oud:
            log.warning(v.reden())
            if melding:
                melding(v.reden())
        if oud:
            herbouw.herbouw(portaal, [v.naam for v in oud], slot_vast=slot_vast)
            if melding:
                melding(f"Opnieuw opgebouwd: {', '.join(v.naam for v in oud)}.")
    return oud


_SLEUTEL = 0x706F7274  # the advisory lock's number on PostgreSQL ("port")


@contextmanager
def _een_tegelijk(engine) -> Iterator[None]:
    """Across processes: an advisory lock on PostgreSQL, a lock on a file next to an SQLite database."""
    if engine.dialect.name == "postgresql":
        with engine.connect() as connection:
            connection.exec_driver_sql("SELECT pg_advisory_lock(%s)", (_SLEUTEL,))
            try:
                yield
            finally:
                connection.exec_driver_sql("SELECT pg_advisory_unlock(%s)", (_SLEUTEL,))
                connection.commit()
        return
    database = engine.url.database
    if engine.dialect.name != "sqlite" or not database or database == ":memory:":
        yield
        return
    with open(f"{database}.herbouw.lock", "a") as bestand:
        fcntl.flock(bestand, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(bestand, fcntl.LOCK_UN)
