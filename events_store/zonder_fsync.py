"""A transaction whose durability comes from an event commit: on SQLite in WAL mode it commits with
synchronous=NORMAL (no fsync of the log) and gives the pooled connection back with the setting it had.

Why that is safe, and only for writes that are derived from events or come right before one: with WAL,
NORMAL keeps the database consistent after any crash, and a power cut may lose the last few such commits,
never half of one. The write-ahead log is one sequential file, so the next fully synchronous commit (the
event store's) makes every frame before it durable too: the contents of a delivery and a batch's BerichtID
claims, written just before their event, are durable exactly when that event is; read models redo what they
lost from the events. The pooled connection is the event store's too, which is why the setting is put back
after every such transaction instead of once per connection. On PostgreSQL this is a plain transaction.
"""

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from sqlalchemy.engine import Connection, Engine

SNEL = 1  # PRAGMA synchronous = NORMAL


@contextmanager
def transactie_zonder_fsync(
    engine: Engine, per_verbinding: Callable[[Connection], None] | None = None
) -> Iterator[Connection]:
    """`per_verbinding`: set up a pooled SQLite connection once (a projection's page cache, say)."""
    with engine.connect() as connection:
        terugzetten = None
        try:
            with connection.begin():
                # A PRAGMA does not open SQLite's transaction (pysqlite begins one before the first write).
                if connection.dialect.name == "sqlite":
                    terugzetten = _snel(connection, per_verbinding)
                yield connection
        finally:
            if terugzetten is not None and not connection.invalidated:
                # On the driver's connection: SQLAlchemy would count this as a transaction of its own.
                connection.connection.driver_connection.execute(f"PRAGMA synchronous = {terugzetten}")


def _snel(connection: Connection, per_verbinding: Callable[[Connection], None] | None) -> int | None:
    """Once per pooled connection: its journal and synchronous settings. Per transaction: synchronous=NORMAL
    when in WAL mode. Returns the setting to put back, or None."""
    info = connection.info
    if "portaal_synchronous" not in info:
        if per_verbinding is not None:
            per_verbinding(connection)
        wal = connection.exec_driver_sql("PRAGMA journal_mode").scalar().lower() == "wal"
        synchronous = connection.exec_driver_sql("PRAGMA synchronous").scalar()
        info["portaal_synchronous"] = synchronous if wal and synchronous != SNEL else None
    terugzetten = info["portaal_synchronous"]
    if terugzetten is not None:
        connection.exec_driver_sql(f"PRAGMA synchronous = {SNEL}")
    return terugzetten
