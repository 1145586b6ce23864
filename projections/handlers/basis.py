"""What every handler shares: the batch it works on and small helpers on events."""

from collections.abc import Sequence
from typing import Protocol

from sqlalchemy.engine import Connection

from projections.gebeurtenissen import Gebeurtenis
from projections.geheugen import Geheugen
from projections.tabellen import Tabellen


class Projectie(Protocol):
    naam: str
    # Raise `versie` whenever a change to the handler changes the shape or meaning of its rows: tables built
    # by another version are rebuilt automatically (projections.versies).
    versie: int
    # The event names ('Dienst.Created', ...) the handler reacts to; None for every event. A batch without
    # any of them only moves the projection's position.
    gebeurtenissen: frozenset[str] | None
    # Optional: True when each aggregate's rows (and what the handler remembers) follow from that aggregate's
    # events alone, so a rebuild may build it in parts by aggregate (projections.deel).

    def verwerk(
        self,
        connection: Connection,
        tabellen: Tabellen,
        gebeurtenissen: Sequence[Gebeurtenis],
        geheugen: Geheugen | None = None,
    ) -> None:
        """Write the rows for these events; the caller writes the position in the same transaction."""


# The portal configuration log (events_store.logboeken.ConfiguratieLog.name), which most projections follow.
CONFIGURATIE = "portaal"


def logboek_van(projectie: Projectie) -> str:
    """The name of the event log a handler follows; the configuration log for a handler that does not say."""
    return getattr(projectie, "logboek", CONFIGURATIE)


def versie_van(projectie: Projectie) -> int:
    """The version of a handler's code; 1 for a handler that declares none."""
    return getattr(projectie, "versie", 1)


def reageert_op(projectie: Projectie, namen: set[str]) -> bool:
    """Whether any of these event names concerns the projection (True when it does not say)."""
    eigen = getattr(projectie, "gebeurtenissen", None)
    return eigen is None or not eigen.isdisjoint(namen)


def uuid(gebeurtenis: Gebeurtenis) -> str:
    """The aggregate's id as text, computed once when the event was read."""
    return gebeurtenis.sleutel


def van_soort(gebeurtenissen: Sequence[Gebeurtenis], *soorten: str) -> list[Gebeurtenis]:
    """The events of these aggregate kinds ('Dienst', 'Berichttype', ...), in log order."""
    prefixen = tuple(f"{s}." for s in soorten)
    return [g for g in gebeurtenissen if g.naam.startswith(prefixen)]
