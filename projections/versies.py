"""Projection versions: tables built by another version of a projection's code are rebuilt automatically.

Each handler declares `versie`; its position row records the version that built its tables. When a change
to a handler changes the shape or meaning of its rows, its `versie` is raised, and tables built by the old
code, which would silently disagree with a replay, are rebuilt from the events by the same rebuild-and-swap
as `portaal projections rebuild`: embedded on the first catch-up of a process (`runner.bijwerken`), with a
worker when `portaal projections run` starts (`runner.volg`). Position rows from before versions were
recorded carry version 0 (unknown) and are rebuilt once.
"""

import logging
from collections.abc import Callable
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
    `slot_vast`: the caller already holds this database's catch-up lock (runner.bijwerken)."""
    oud = verouderd(portaal.engine)
    if not oud:
        return []
    for v in oud:
        log.warning(v.reden())
        if melding:
            melding(v.reden())
    herbouw.herbouw(portaal, [v.naam for v in oud], slot_vast=slot_vast)
    if melding:
        melding(f"Opnieuw opgebouwd: {', '.join(v.naam for v in oud)}.")
    return oud
