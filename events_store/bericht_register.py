"""Which batch a BerichtID was delivered in first: the write side's unique index that makes a BerichtID
delivered again in another batch `BerichtBestaatAl`.

Processing claims the BerichtIDs of the berichten it is about to deliver, right before it records its
outcomes. A claim is idempotent for its own batch, so a run that crashed between claiming and recording finds
its own claims again and decides the same; a BerichtID claimed by another batch was delivered before. Claims
are committed without an fsync: the Processed event committed right after them makes them durable
(events_store.zonder_fsync), and they can be rebuilt from the events (every processed batch's delivered
berichten), as any derived table can.
"""

from collections.abc import Sequence

from sqlalchemy import Column, MetaData, String, Table
from sqlalchemy.engine import Engine

from events_store.zonder_fsync import transactie_zonder_fsync

metadata = MetaData()

bericht_ids = Table(
    "bericht_ids",
    metadata,
    Column("bericht_id", String(36), primary_key=True),
    Column("batch", String(36), nullable=False),
)

# A batch has at most 1,000 berichten: one statement each way, well within SQLite's 32,766 parameters.
PER_KEER = 1000


class BerichtRegister:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        metadata.create_all(engine)
        p = "%s" if engine.dialect.paramstyle in ("pyformat", "format") else "?"
        # Only the driver's placeholder style varies; the values always go as parameters.
        self._claim = f"INSERT INTO bericht_ids (bericht_id, batch) VALUES ({p}, {p}) ON CONFLICT DO NOTHING"  # noqa: S608
        self._p = p

    def _in(self, aantal: int) -> str:
        return ", ".join([self._p] * aantal)

    def claim(self, batch: str, bericht_ids_: Sequence[str]) -> frozenset[str]:
        """Claim these BerichtIDs for `batch`; returns those another batch claimed first."""
        # In key order: a thousand random keys find their B-tree pages far faster one after the other.
        uniek = sorted(set(bericht_ids_))
        elders: set[str] = set()
        with transactie_zonder_fsync(self.engine) as connection:
            for begin in range(0, len(uniek), PER_KEER):
                deel = uniek[begin : begin + PER_KEER]
                connection.exec_driver_sql(self._claim, [(b, batch) for b in deel])
                eigenaars = connection.exec_driver_sql(
                    f"SELECT bericht_id FROM bericht_ids WHERE bericht_id IN ({self._in(len(deel))}) "  # noqa: S608
                    f"AND batch <> {self._p}",
                    (*deel, batch),
                )
                elders.update(b for (b,) in eigenaars)
        return frozenset(elders)

    def geef_vrij(self, batch: str, bericht_ids_: Sequence[str]) -> None:
        """Drop this batch's claims on BerichtIDs it did not deliver after all (a run that crashed claimed
        them before the world changed), so a later delivery of them is not refused."""
        uniek = list(dict.fromkeys(bericht_ids_))
        if not uniek:
            return
        with transactie_zonder_fsync(self.engine) as connection:
            for begin in range(0, len(uniek), PER_KEER):
                deel = uniek[begin : begin + PER_KEER]
                connection.exec_driver_sql(
                    f"DELETE FROM bericht_ids WHERE batch = {self._p} "  # noqa: S608
                    f"AND bericht_id IN ({self._in(len(deel))})",
                    (batch, *deel),
                )
