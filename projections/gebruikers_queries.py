"""Questions to the Berichtenbox users register (projections/handlers/gebruikers.py): who of a batch's
citizens can receive a message from an afnemer now, and the daily counts for Home."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.engine import Engine

from projections.handlers.gebruikers import ALLE
from projections.kolommen import naar_microseconden
from projections.tabellen import tabel

# BSNs per IN list: far below SQLite's variable limit and PostgreSQL's, and one query for a batch of 1000.
PER_QUERY = 5000


def _getallen(bsns: Iterable[str]) -> list[int]:
    """The BSNs as the register keys them; a value that is not nine digits is nobody in the register."""
    return sorted({int(b) for b in bsns if len(b) == 9 and b.isascii() and b.isdigit()})


def ontvangers(engine: Engine, bsns: Iterable[str], afnemer: str, op: datetime) -> set[str]:
    """Of these BSNs, those with a box active at `op` that have not switched `afnemer` off at `op`.

    As driver SQL on the primary keys: SQLAlchemy's expanding IN list and its result rows cost ten times
    the lookups themselves for a batch of a thousand."""
    getallen = _getallen(bsns)
    if not getallen:
        return set()
    moment = naar_microseconden(op)
    actief: set[int] = set()
    uitgeschakeld: set[int] = set()
    with engine.connect() as connection:
        sql = _Sql(connection)
        for begin in range(0, len(getallen), PER_QUERY):
            deel = getallen[begin : begin + PER_QUERY]
            plaatsen = ", ".join([sql.p] * len(deel))
            boxen = connection.exec_driver_sql(sql.actief.format(plaatsen), (*deel, moment, moment))
            actief.update(boxen.scalars().all())
            uit = connection.exec_driver_sql(sql.uit.format(plaatsen), (*deel, afnemer, moment, moment))
            uitgeschakeld.update(uit.scalars().all())
    return {f"{bsn:09d}" for bsn in actief - uitgeschakeld}


class _Sql:
    def __init__(self, connection) -> None:
        self.p = p = "%s" if connection.dialect.paramstyle in ("pyformat", "format") else "?"
        boxen = connection.dialect.identifier_preparer.format_table(tabel("berichtenbox_gebruikers"))
        uit = connection.dialect.identifier_preparer.format_table(tabel("berichtenbox_uitschakelingen"))
        op = f"van <= {p} AND (tot IS NULL OR tot > {p})"
        self.actief = f"SELECT bsn FROM {boxen} WHERE bsn IN ({{}}) AND {op}"  # noqa: S608
        self.uit = f"SELECT bsn FROM {uit} WHERE bsn IN ({{}}) AND afnemer = {p} AND {op}"  # noqa: S608


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
