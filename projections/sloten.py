"""Locks across processes on one database: who follows a log, processes the queue, rebuilds, makes the schema.

On PostgreSQL a session-level advisory lock on a connection of its own, held for as long as the work runs:
the server releases it the moment that session ends, also when the process is killed with SIGKILL (the
kernel closes its socket). Next to an SQLite file, an exclusive `flock` on a file beside the database
(`<database>.<naam>.lock`), which the kernel releases when the process dies. An in-memory SQLite database
lives in one process; it needs no lock.

A lock that is taken waits its turn: it polls, so a waiting worker still stops when asked and says once
why it waits (`bij_wachten`). The lock connection runs in autocommit: an idle transaction held for hours
would be cut off by `idle_in_transaction_session_timeout`, and the lock with it.
"""

import fcntl
import time
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy import create_engine
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.pool import NullPool

# The high half of every advisory lock's number ("port"); the low half is the CRC-32 of the lock's name.
NAAMRUIMTE = 0x706F7274

SCHEMA = "schema"
VERWERKING = "verwerking"
HERBOUW = "herbouw"


def volgen(logboek: str) -> str:
    """The lock of the one follower of an event log."""
    return f"volgen-{logboek}"


def sleutel(naam: str) -> int:
    """The advisory lock's number on PostgreSQL for this lock's name (a signed bigint, always positive)."""
    return (NAAMRUIMTE << 32) | zlib.crc32(naam.encode())


def bestand(engine: Engine, naam: str) -> str | None:
    """The lock file beside an SQLite database file; None where no file lock is needed."""
    database = engine.url.database
    if engine.dialect.name != "sqlite" or not database or database == ":memory:" or "mode=memory" in database:
        return None
    return f"{database}.{naam}.lock"


@dataclass
class Gehouden:
    """A lock this process holds. `verbinding`: on PostgreSQL the session that holds it (autocommit), for
    work that must prove the lock is still held (a write on it fails once the session is gone)."""

    naam: str
    verbinding: Connection | None


@contextmanager
def alleen(
    engine: Engine,
    naam: str,
    *,
    bij_wachten: Callable[[], None] | None = None,
    stop: Callable[[], bool] = lambda: False,
    interval: float = 0.25,
    pg_sleutel: int | None = None,
) -> Iterator[Gehouden | None]:
    """Hold the lock `naam` for the body; wait while another process holds it, polling every `interval`.
    `bij_wachten` is called once when the lock is taken. Yields None, without the lock, when `stop()`
    becomes true before the lock is free. `pg_sleutel` overrides the advisory lock's number."""
    if engine.dialect.name == "postgresql":
        with _advies(engine, pg_sleutel if pg_sleutel is not None else sleutel(naam), naam) as houder:
            yield _wacht(houder, bij_wachten, stop, interval)
        return
    pad = bestand(engine, naam)
    if pad is None:
        yield Gehouden(naam, None)
        return
    with _bestandslot(pad, naam) as houder:
        yield _wacht(houder, bij_wachten, stop, interval)


@contextmanager
def schema_slot(url: str) -> Iterator[None]:
    """Held while a process makes the schema (the event logs' tables, the read models', the sessions'):
    by a process being built, before it has an engine of its own, so on an engine of the lock's own."""
    engine = create_engine(url, poolclass=NullPool)
    try:
        with alleen(engine, SCHEMA, interval=0.02):
            yield
    finally:
        engine.dispose()


def _wacht(houder, bij_wachten, stop, interval) -> Gehouden | None:
    if houder.probeer():
        return houder.gehouden
    if bij_wachten is not None:
        bij_wachten()
    while not stop():
        time.sleep(interval)
        if houder.probeer():
            return houder.gehouden
    return None


class _advies:
    """A session-level advisory lock on a pooled connection of its own, released before the connection
    goes back to the pool (a session lock would outlive a returned connection)."""

    def __init__(self, engine: Engine, nummer: int, naam: str) -> None:
        self.engine, self.nummer, self.naam = engine, nummer, naam
        self.gehouden: Gehouden | None = None

    def __enter__(self) -> "_advies":
        self.verbinding = self.engine.connect().execution_options(isolation_level="AUTOCOMMIT")
        return self

    def probeer(self) -> bool:
        gekregen = self.verbinding.exec_driver_sql("SELECT pg_try_advisory_lock(%s)", (self.nummer,)).scalar()
        if gekregen:
            self.gehouden = Gehouden(self.naam, self.verbinding)
        return bool(gekregen)

    def __exit__(self, *exc) -> None:
        try:
            if self.gehouden is not None:
                self.verbinding.exec_driver_sql("SELECT pg_advisory_unlock(%s)", (self.nummer,))
        except Exception:
            # The session is gone (and the lock with it); its connection must not go back to the pool.
            self.verbinding.invalidate()
        finally:
            self.verbinding.close()


class _bestandslot:
    def __init__(self, pad: str, naam: str) -> None:
        self.pad, self.naam = pad, naam
        self.gehouden: Gehouden | None = None

    def __enter__(self) -> "_bestandslot":
        self.bestand = open(self.pad, "a")  # noqa: SIM115 - closed in __exit__
        return self

    def probeer(self) -> bool:
        try:
            fcntl.flock(self.bestand, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        self.gehouden = Gehouden(self.naam, None)
        return True

    def __exit__(self, *exc) -> None:
        if self.gehouden is not None:
            fcntl.flock(self.bestand, fcntl.LOCK_UN)
        self.bestand.close()
