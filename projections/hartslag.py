"""The workers' heartbeat: a row per worker (`projecties-<log>` for the follower of a log, `verwerking` for
the processing worker) with its pid, host, since when it holds its lock and when it last made progress.

The follower writes its row every `INTERVAL` seconds from the loop that does the work, never from a timer
of its own, so a row that stops moving means a worker that stopped following (killed, hung, lost its
database session), not merely one whose process lives. A worker that stops cleanly deletes its row.

Times are the database's clock on both sides (written with the server's `now()`, compared with it), so
hosts whose clocks differ agree on a heartbeat's age.
"""

import logging
import os
import socket
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Column, DateTime, Integer, MetaData, String, Table, delete, func, select, update
from sqlalchemy.engine import Connection, Engine

log = logging.getLogger(__name__)

INTERVAL = 1.0  # seconds between two beats of a working worker
VERLOOPT = 5.0  # seconds after its last beat a worker counts as gone

_HOST = socket.gethostname()[:255]

metadata = MetaData()

hartslagen = Table(
    "werker_hartslag",
    metadata,
    Column("werker", String(80), primary_key=True),
    Column("pid", Integer, nullable=False),
    Column("host", String(255), nullable=False),
    Column("sinds", DateTime(timezone=True), nullable=False),
    Column("laatst", DateTime(timezone=True), nullable=False),
)


def projecties(logboek: str) -> str:
    """The heartbeat's name of the follower of this event log."""
    return f"projecties-{logboek}"


VERWERKING = "verwerking"


@dataclass(frozen=True)
class Hartslag:
    werker: str
    pid: int
    host: str
    sinds: datetime
    leeftijd: float  # seconds since the last beat, by the database's clock

    @property
    def levend(self) -> bool:
        return self.leeftijd <= VERLOOPT

    def beschrijving(self) -> str:
        """For an operator: who it is and how recently it beat."""
        return f"pid {self.pid} op {self.host}, laatste hartslag {self.leeftijd:.1f} s geleden"


def installeer(engine: Engine) -> None:
    metadata.create_all(engine)


def lees(connection: Connection, werker: str) -> Hartslag | None:
    """This worker's heartbeat, or None when it has none (never started, or stopped cleanly)."""
    h = hartslagen.c
    rij = connection.execute(
        select(h.pid, h.host, h.sinds, h.laatst, _nu(connection)).where(h.werker == werker)
    ).first()
    if rij is None:
        return None
    pid, host, sinds, laatst, nu = rij
    return Hartslag(werker, pid, host, sinds, max(0.0, (nu - laatst).total_seconds()))


def alle(connection: Connection) -> list[Hartslag]:
    """Every worker's heartbeat, by name (for an operator's or a health check's overview)."""
    namen = connection.scalars(select(hartslagen.c.werker).order_by(hartslagen.c.werker)).all()
    return [h for h in (lees(connection, naam) for naam in namen) if h is not None]


class Kloppend:
    """The heartbeat of the worker this process runs: `klop()` from its loop (cheap when not yet due)."""

    def __init__(self, engine: Engine, werker: str, verbinding: Connection | None = None) -> None:
        """`verbinding`: where to write (the session that holds the worker's lock, so a beat fails once
        that lock is lost); by default a short transaction on `engine`."""
        self.engine, self.werker, self.verbinding = engine, werker, verbinding
        self._volgende = 0.0

    def klop(self, *_positie) -> None:
        """Beat if the last beat is `INTERVAL` old; usable as a progress callback."""
        if time.monotonic() < self._volgende:
            return
        self._schrijf()
        self._volgende = time.monotonic() + INTERVAL

    def begin(self) -> None:
        """The first beat of a worker that just took its lock: pid, host and since when are its own."""
        with self._verbinding() as connection:
            nu = _nu(connection)
            connection.execute(delete(hartslagen).where(hartslagen.c.werker == self.werker))
            rij = {"werker": self.werker, "pid": os.getpid(), "host": _HOST, "sinds": nu, "laatst": nu}
            connection.execute(hartslagen.insert().values(**rij))
        self._volgende = time.monotonic() + INTERVAL

    def stop(self) -> None:
        """A clean stop: no heartbeat, so readers stop counting on this worker at once. Called on the way
        out, also after an error: a database that is gone leaves the row to expire instead."""
        try:
            with self._verbinding() as connection:
                connection.execute(
                    delete(hartslagen).where(hartslagen.c.werker == self.werker, *self._eigen())
                )
        except Exception:
            log.warning("Hartslag van %s niet opgeruimd; die verloopt vanzelf.", self.werker, exc_info=True)

    @contextmanager
    def kloppend(self) -> Iterator["Kloppend"]:
        """The first beat now, the row removed when the body ends (however it ends)."""
        self.begin()
        try:
            yield self
        finally:
            self.stop()

    def _eigen(self):
        return hartslagen.c.pid == os.getpid(), hartslagen.c.host == _HOST

    def _schrijf(self) -> None:
        with self._verbinding() as connection:
            geschreven = connection.execute(
                update(hartslagen)
                .where(hartslagen.c.werker == self.werker, *self._eigen())
                .values(laatst=_nu(connection))
            ).rowcount
        if not geschreven:
            self.begin()

    def _verbinding(self):
        if self.verbinding is not None:
            return _Zelfde(self.verbinding)
        return self.engine.begin()


def _nu(connection: Connection):
    """The database's clock: PostgreSQL's `now()` is the start of the transaction, its `clock_timestamp()`
    the moment itself; SQLite's CURRENT_TIMESTAMP (whole seconds, enough against `VERLOOPT`)."""
    return func.clock_timestamp() if connection.dialect.name == "postgresql" else func.now()


class _Zelfde:
    """The lock's own autocommit session as a context manager like `engine.begin()`."""

    def __init__(self, verbinding: Connection) -> None:
        self.verbinding = verbinding

    def __enter__(self) -> Connection:
        return self.verbinding

    def __exit__(self, *exc) -> None:
        return None
