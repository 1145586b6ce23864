"""How the worker waits for new events: LISTEN/NOTIFY on PostgreSQL (the event recorder sends a NOTIFY on
its channel with every insert), a short sleep elsewhere. Either way the wait is bounded by `interval`, so a
missed notification costs at most one interval."""

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from sqlalchemy.engine import Engine


@contextmanager
def wachter(engine: Engine, kanaal: str, interval: float) -> Iterator[Callable[[], None]]:
    """`kanaal`: the channel the event recorder notifies on (its `channel_name`)."""
    if engine.dialect.name != "postgresql":
        yield lambda: time.sleep(interval)
        return
    connection = engine.raw_connection()
    try:
        psycopg = connection.driver_connection
        psycopg.autocommit = True
        psycopg.execute(f'LISTEN "{kanaal}"')

        def wacht() -> None:
            for _ in psycopg.notifies(timeout=interval, stop_after=1):
                pass

        yield wacht
    finally:
        connection.close()
