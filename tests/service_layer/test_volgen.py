"""The projection worker's loop (`volg_alle`): stopped by an interrupt, it returns only once every follower
has finished, its heartbeat removed. Python 3.11's `Thread.join`, interrupted by the signal, marks the
thread it waited for as stopped while it still runs (its except clause releases the thread's own lock), so a
loop that joined its followers returned early and the process exited with a follower still cleaning up."""

import os
import signal
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import select

from projections import hartslag
from service_layer.volgen import volg_alle
from tests.support.werkers import hartslag_van, wacht_tot

VAST = 1.5  # seconds the heartbeat row stays locked after the interrupt


@contextmanager
def _rij_vast(engine, werker: str) -> Iterator[None]:
    """Another session holds the heartbeat's row (PostgreSQL) or the database's write lock (SQLite), as a
    busy database would: the follower's last delete waits for it."""
    if engine.dialect.name == "postgresql":
        with engine.connect() as connection, connection.begin():
            rijen = hartslag.hartslagen
            connection.execute(select(rijen.c.pid).where(rijen.c.werker == werker).with_for_update())
            yield
        return
    verbinding = sqlite3.connect(engine.url.database, isolation_level=None)
    try:
        verbinding.execute("BEGIN IMMEDIATE")
        yield
        verbinding.execute("ROLLBACK")
    finally:
        verbinding.close()


def test_an_interrupted_worker_returns_only_after_its_follower_removed_its_heartbeat(samenstelling):
    motor = samenstelling.motor
    werker = hartslag.projecties(motor.bron.logboek)
    gestuurd: list[float] = []

    def onderbreek() -> None:
        wacht_tot(lambda: hartslag_van(motor.engine, werker) is not None, waarom="de volger klopt")
        with _rij_vast(motor.engine, werker):
            gestuurd.append(time.monotonic())
            os.kill(os.getpid(), signal.SIGINT)
            time.sleep(VAST)

    onderbreker = threading.Thread(target=onderbreek)
    onderbreker.start()
    try:
        volg_alle({motor.bron.logboek: motor}, interval=0.05)
        assert gestuurd, "de volger begon niet te kloppen"
        assert time.monotonic() - gestuurd[0] >= VAST
        assert hartslag_van(motor.engine, werker) is None
    finally:
        onderbreker.join()
