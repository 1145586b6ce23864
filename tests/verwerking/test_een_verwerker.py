"""One processing worker per queue: a second `portaal verwerking run` waits for the first (and says so),
processes nothing beside it, and takes over when the first is killed with SIGKILL."""

import signal
import time

from sqlalchemy import text

from projections import hartslag, sloten
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

        eerste.kill()
        tweede.wacht_op_regel("deze werker neemt de verwerking over")
        _lever(portaal, 2, klok)
        wacht_tot(lambda: _verwerkt(samenstelling) == 2, waarom="de tweede neemt over")
        wacht_tot(lambda: _verwerkt_door(samenstelling, tweede), waarom="de hartslag is van de tweede")
        assert _verwerkt(samenstelling) == 2
        assert tweede.stop(signal.SIGTERM) == 0  # as systemd stops it
        assert hartslag_van(samenstelling.engine, hartslag.VERWERKING) is None  # a clean stop leaves none
    finally:
        eerste.stop()
        if tweede is not None:
            tweede.stop()
        samenstelling.sluit()


def test_a_processing_worker_processes_nothing_while_another_holds_the_queue(database_url, klok):
    """The holder is this test (a frozen worker would keep the read models' rows locked): the worker waits,
    processes nothing meanwhile, and starts once the lock is free."""
    samenstelling = bouw({}, url=database_url, klok=klok, werker=True)
    portaal = Proefportaal(samenstelling)
    werker = None
    try:
        richt_in(portaal, klok.nu)
        with sloten.alleen(samenstelling.motoren["verwerking"].engine, sloten.VERWERKING) as slot:
            assert slot is not None
            werker = Werker(database_url, "verwerking", "run", "--interval", "0.05")
            werker.wacht_op_regel("De batches worden al verwerkt door een andere werker (die nog opstart)")
            _lever(portaal, 1, klok)
            time.sleep(1.5)
            assert _verwerkt(samenstelling) == 0
        werker.wacht_op_regel("deze werker neemt de verwerking over")
        wacht_tot(lambda: _verwerkt(samenstelling) == 1, waarom="verwerkt na het vrijkomen")
    finally:
        if werker is not None:
            assert werker.stop() == 0
        samenstelling.sluit()
