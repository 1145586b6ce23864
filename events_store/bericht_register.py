"""Which batch a BerichtID was delivered in first: the write side's unique index that makes a BerichtID
delivered again in another batch `BerichtBestaatAl`.

Processing claims a batch's BerichtIDs before it records its outcomes. A claim is idempotent for its own
batch, so a run that crashed between claiming and recording finds its own claims again and decides the same;
a BerichtID claimed by another batch was delivered before. The claims can be rebuilt from the events (every
processed batch's delivered berichten), as any derived table can.
"""

from collections.abc import Sequence

from sqlalchemy import Column, MetaData, String, Table, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import Engine

metadata = MetaData()

bericht_ids = Table(
    "bericht_ids",
    metadata,
    Column("bericht_id", String(36), primary_key=True),
    Column("batch", String(36), nullable=False),
)

# Bound parameters per statement: SQLite allows 32,766; a batch has at most 1,000 berichten.
PER_KEER = 1000


class BerichtRegister:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._insert = pg_insert if engine.dialect.name == "postgresql" else sqlite_insert
        metadata.create_all(engine)

    def claim(self, batch: str, bericht_ids_: Sequence[str]) -> frozenset[str]:
        """Claim these BerichtIDs for `batch`; returns those another batch claimed first."""
        uniek = list(dict.fromkeys(bericht_ids_))
        elders: set[str] = set()
        with self.engine.begin() as connection:
            for begin in range(0, len(uniek), PER_KEER):
                deel = uniek[begin : begin + PER_KEER]
                statement = self._insert(bericht_ids).on_conflict_do_nothing(index_elements=["bericht_id"])
                connection.execute(statement, [{"bericht_id": b, "batch": batch} for b in deel])
                eigenaars = connection.execute(
                    select(bericht_ids.c.bericht_id, bericht_ids.c.batch).where(
                        bericht_ids.c.bericht_id.in_(deel)
                    )
                )
                elders.update(b for b, eigenaar in eigenaars if eigenaar != batch)
        return frozenset(elders)

    def geef_vrij(self, batch: str, bericht_ids_: Sequence[str]) -> None:
        """Drop this batch's claims on BerichtIDs it did not deliver after all (a run that crashed claimed
        them before the world changed), so a later delivery of them is not refused."""
        uniek = list(dict.fromkeys(bericht_ids_))
        with self.engine.begin() as connection:
            for begin in range(0, len(uniek), PER_KEER):
                deel = uniek[begin : begin + PER_KEER]
                connection.execute(
                    bericht_ids.delete().where(
                        bericht_ids.c.batch == batch, bericht_ids.c.bericht_id.in_(deel)
                    )
                )
