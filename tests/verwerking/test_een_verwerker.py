"""One processing worker per queue: a second `portaal verwerking run` waits for the first (and says so),
processes nothing beside it, and takes over when the first is killed with SIGKILL."""

import time

from sqlalchemy import text

from projections import hartslag
from service_layer.samenstelling import bouw
from tests.conftest import AFNEMER
from tests.support.proefportaal import Proefportaal
from tests.support.werkers import Werker, hartslag_van, wacht_tot
from tests.verwerking.wereld import batch_stroom, gemengde_berichten, richt_in


def _verwerkt(samenstelling) -> int:
    with samenstelling.engine.connect() as connection:
        return connection.execute(
            text("SELECT count(*) FROM verwerking_events WHERE topic LIKE :t"), {"t": "%Batch.Processed"}
        ).scalar()


def _lever(portaal: Proefportaal, nummer: int, klok) -> None:
    """A delivery, written only: the frozen worker may hold the read models' tracking rows, so this
    process must not wait to catch up (the worker that processes the batch catches up itself)."""
    stroom = batch_stroom(nummer, gemengde_berichten(nummer, 5), klok.nu)
    portaal.lever_batch_aan(stroom, AFNEMER, "test")


def _verwerkt_door(samenstelling, werker: Werker) -> bool:
    gezien = hartslag_van(samenstelling.engine, hartslag.VERWERKING)
    return gezien is not None and gezien.pid == werker.pid


def test_a_second_processing_worker_waits_and_takes_over_when_the_first_is_killed(database_url, klok):
    samenstelling = bouw({}, url=database_url, klok=klok, werker=True)
    portaal = Proefportaal(samenstelling)
    eerste = Werker(database_url, "verwerking", "run", "--interval", "0.05")
    tweede = None
    try:
        richt_in(portaal, klok.nu)
        wacht_tot(lambda: _verwerkt_door(samenstelling, eerste), waarom="de eerste verwerker begint")
        tweede = Werker(database_url, "verwerking", "run", "--interval", "0.05")
        regel = tweede.wacht_op_regel("De batches worden al verwerkt door een andere werker")
        assert f"pid {eerste.pid}" in regel
        _lever(portaal, 1, klok)
        wacht_tot(lambda: _verwerkt(samenstelling) == 1, waarom="de eerste verwerkt")

        if samenstelling.engine.dialect.name == "postgresql":
            # The first one frozen (it keeps its lock): the second does not process beside it. (Not on
            # SQLite: frozen in the middle of a catch-up, it would hold the one write lock of the file.)
            eerste.pauzeer()
        _lever(portaal, 2, klok)
        time.sleep(1.5)
        if samenstelling.engine.dialect.name == "postgresql":
            assert _verwerkt(samenstelling) == 1

        eerste.kill()
        tweede.wacht_op_regel("deze werker neemt de verwerking over")
        wacht_tot(lambda: _verwerkt(samenstelling) == 2, waarom="de tweede neemt over")
        wacht_tot(lambda: _verwerkt_door(samenstelling, tweede), waarom="de hartslag is van de tweede")
        assert _verwerkt(samenstelling) == 2
        assert tweede.stop() == 0
        assert hartslag_van(samenstelling.engine, hartslag.VERWERKING) is None  # a clean stop leaves none
    finally:
        eerste.stop()
        if tweede is not None:
            tweede.stop()
        samenstelling.sluit()
