"""What every handler shares: the batch it works on and small helpers on events."""

from collections.abc import Sequence
from typing import Protocol

from sqlalchemy.engine import Connection

from projections.gebeurtenissen import Gebeurtenis
from projections.geheugen import Geheugen
from projections.tabellen import Tabellen


class Projectie(Protocol):
    naam: str

    def verwerk(
        self,
        connection: Connection,
        tabellen: Tabellen,
        gebeurtenissen: Sequence[Gebeurtenis],
        geheugen: Geheugen | None = None,
    ) -> None:
        """Write the rows for these events; the caller writes the position in the same transaction."""


def uuid(gebeurtenis: Gebeurtenis) -> str:
    """The aggregate's id as text, computed once when the event was read."""
    return gebeurtenis.sleutel


def van_soort(gebeurtenissen: Sequence[Gebeurtenis], *soorten: str) -> list[Gebeurtenis]:
    """The events of these aggregate kinds ('Dienst', 'Berichttype', ...), in log order."""
    prefixen = tuple(f"{s}." for s in soorten)
    return [g for g in gebeurtenissen if g.naam.startswith(prefixen)]
