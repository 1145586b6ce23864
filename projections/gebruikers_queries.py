"""Questions to the Berichtenbox users register (projections/handlers/gebruikers.py): who of a batch's
citizens can receive a message from an afnemer now, and the daily counts for Home."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import and_, func, or_, select
from sqlalchemy.engine import Engine

from projections.handlers.gebruikers import ALLE
from projections.tabellen import tabel

# BSNs per IN list: far below SQLite's variable limit and PostgreSQL's, and one query for a batch of 1000.
PER_QUERY = 5000


def _getallen(bsns: Iterable[str]) -> list[int]:
    """The BSNs as the register keys them; a value that is not nine digits is nobody in the register."""
    return sorted({int(b) for b in bsns if len(b) == 9 and b.isascii() and b.isdigit()})


def ontvangers(engine: Engine, bsns: Iterable[str], afnemer: str, op: datetime) -> set[str]:
    """Of these BSNs, those with a box active at `op` that have not switched `afnemer` off at `op`."""
    getallen = _getallen(bsns)
    if not getallen:
        return set()
    boxen, uit = tabel("berichtenbox_gebruikers"), tabel("berichtenbox_uitschakelingen")
    actief: set[int] = set()
    uitgeschakeld: set[int] = set()
    with engine.connect() as connection:
        for begin in range(0, len(getallen), PER_QUERY):
            deel = getallen[begin : begin + PER_QUERY]
            actief.update(
                connection.execute(select(boxen.c.bsn).where(boxen.c.bsn.in_(deel), _op(boxen, op))).scalars()
            )
            uitgeschakeld.update(
                connection.execute(
                    select(uit.c.bsn).where(uit.c.bsn.in_(deel), uit.c.afnemer == afnemer, _op(uit, op))
                ).scalars()
            )
    return {f"{bsn:09d}" for bsn in actief - uitgeschakeld}


def _op(t, op: datetime):
    """The interval [van, tot) holds the moment."""
    return and_(t.c.van <= op, or_(t.c.tot.is_(None), t.c.tot > op))


@dataclass(frozen=True)
class DagTelling:
    """One day's figures at the day's end: active Berichtenboxen, and for the afnemer asked about how many of
    those switched it off and how many can receive its messages."""

    dag: date
    actief: int
    uitgeschakeld: int = 0

    @property
    def ontvangend(self) -> int:
        return self.actief - self.uitgeschakeld


def _lopend(engine: Engine, afnemer: str, van: date, tot: date) -> dict[date, int]:
    t = tabel("berichtenbox_per_dag")
    with engine.connect() as connection:
        basis = connection.execute(
            select(func.coalesce(func.sum(t.c.verschil), 0)).where(t.c.afnemer == afnemer, t.c.dag < van)
        ).scalar()
        verschillen = dict(
            connection.execute(
                select(t.c.dag, t.c.verschil).where(t.c.afnemer == afnemer, t.c.dag >= van, t.c.dag <= tot)
            ).all()
        )
    stand, uit = int(basis), {}
    dag = van
    while dag <= tot:
        stand += verschillen.get(dag, 0)
        uit[dag] = stand
        dag += timedelta(days=1)
    return uit


def per_dag(engine: Engine, afnemer: str | None, van: date, tot: date) -> list[DagTelling]:
    """Every day from `van` to `tot` (both included) with its figures."""
    actief = _lopend(engine, ALLE, van, tot)
    uit = _lopend(engine, afnemer, van, tot) if afnemer else {}
    return [DagTelling(dag, n, uit.get(dag, 0)) for dag, n in actief.items()]
