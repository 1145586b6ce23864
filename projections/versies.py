"""Projection versions: tables built by another version of a projection's code are rebuilt automatically.

Each handler declares `versie`; its position row records the version that built its tables. When a change
to a handler changes the shape or meaning of its rows, its `versie` is raised, and tables built by the old
code, which would silently disagree with a replay, are rebuilt from the events by the same rebuild-and-swap
as `portaal projections rebuild`: never inside a web request, but when a process starts its projection
engine (`Projectiemotor.start` for the worker, the CLI and tests; `start_op_achtergrond` for a web process,
whose old tables keep serving reads until the swap). Until then every catch-up passes the outdated
projection over (projections.runner). Position rows from before versions were recorded carry version 0
(unknown) and are rebuilt once.
"""

import logging
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass

from sqlalchemy.engine import Engine

from projections import herbouw, tracking
from projections.gebeurtenissen import Bron
from projections.handlers import van_logboek
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


def verouderd(engine: Engine, logboek: str) -> list[Verouderd]:
    """The live projections of this event log whose tables another version of their code built."""
    projecties = van_logboek(logboek)
    with engine.connect() as connection:
        geinstalleerd = tracking.versies(connection, list(projecties))
    return [
        Verouderd(naam, geinstalleerd[naam], versie_van(projectie))
        for naam, projectie in projecties.items()
        if naam in geinstalleerd and geinstalleerd[naam] != versie_van(projectie)
    ]


def herbouw_verouderde(
    engine: Engine,
    bron: Bron,
    slot: AbstractContextManager | None = None,
    melding: Callable[[str], None] | None = None,
    voortgang: Callable[[int], None] | None = None,
) -> list[Verouderd]:
    """Rebuild and swap in every outdated projection; says which and why (log, and `melding` if given).
    `slot` is held for the swap (the caller's catch-up lock).

    Several processes may start at once with the new code (web processes, workers): one rebuilds, the
    others wait for it (`herbouw.een_tegelijk`) and then find nothing left to do."""
    if not verouderd(engine, bron.logboek):
        return []
    with herbouw.een_tegelijk(engine, None if melding is None else lambda: melding(herbouw.WACHT)):
        oud = verouderd(engine, bron.logboek)
        for v in oud:
            log.warning(v.reden())
            if melding:
                melding(v.reden())
        if oud:
            herbouw.herbouw(engine, bron, [v.naam for v in oud], voortgang=voortgang, slot=slot)
            if melding:
                melding(f"Opnieuw opgebouwd: {', '.join(v.naam for v in oud)}.")
    return oud
