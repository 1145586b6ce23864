"""The catch-up policy with a worker configured: it counts on the worker only while the worker's heartbeat
is live; without one a command catches up at once (no wait for a worker that is not there) and reads see
writes made outside the process."""

import threading
from datetime import UTC, datetime

from sqlalchemy import update

from domain.waarden import BerichttypeCode, Notificatiekenmerk
from projections import hartslag
from projections.motor import Projectiemotor
from service_layer import bijhouden
from service_layer.samenstelling import bouw
from tests.conftest import AFNEMER, actor_voor
from tests.support.proefportaal import Proefportaal
from tests.web.conftest import registreer_cast


class Wachten:
    """Counts the waits for the worker (and still waits, as the real one does)."""

    def __init__(self, motor: Projectiemotor, monkeypatch) -> None:
        self.aantal = 0
        echt = motor.wacht_op

        def wacht_op(positie, timeout, interval=0.02):
            self.aantal += 1
            return echt(positie, timeout, interval)

        monkeypatch.setattr(motor, "wacht_op", wacht_op)


def _maak(portaal: Proefportaal, code: str):
    return portaal.maak_berichttype(
        AFNEMER, BerichttypeCode(code), "Omschrijving", Notificatiekenmerk.BETALEN, actor_voor(AFNEMER)
    )


def _met_werker(database_url, klok) -> Proefportaal:
    portaal = Proefportaal(bouw({}, url=database_url, klok=klok, werker=True))
    registreer_cast(portaal)
    return portaal


def test_with_the_worker_configured_but_not_running_a_command_catches_up_without_waiting(
    database_url, klok, monkeypatch
):
    portaal = _met_werker(database_url, klok)
    try:
        s = portaal.samenstelling
        wachten = Wachten(s.motor, monkeypatch)
        s.na_commando(_maak(portaal, "AB1"))
        assert wachten.aantal == 0
        assert not s.bijhouden.volgt("portaal")
        assert s.motor.positie() == s.motor.hoogste()
    finally:
        portaal.close()


def test_with_a_live_worker_a_command_waits_for_it(database_url, klok, monkeypatch):
    portaal = _met_werker(database_url, klok)
    stop = threading.Event()
    # The worker is another process: a motor of its own.
    werker = threading.Thread(
        target=Projectiemotor(portaal.log).volg, kwargs={"interval": 0.01, "stop": stop.is_set}
    )
    werker.start()
    try:
        s = portaal.samenstelling
        wachten = Wachten(s.motor, monkeypatch)
        assert s.motor.wacht_op(s.motor.hoogste(), timeout=10)
        s.bijhouden._volgers.clear()  # what this process saw before the worker's first beat
        s.na_commando(_maak(portaal, "AB1"))
        assert wachten.aantal == 2 and s.bijhouden.volgt("portaal")
        assert s.motor.positie() == s.motor.hoogste()
    finally:
        stop.set()
        werker.join()
        portaal.close()


def test_a_heartbeat_older_than_its_limit_counts_as_no_worker(database_url, klok, monkeypatch):
    portaal = _met_werker(database_url, klok)
    try:
        s = portaal.samenstelling
        hartslag.Kloppend(portaal.engine, hartslag.projecties("portaal")).begin()
        assert s.bijhouden.volgt("portaal")
        with portaal.engine.begin() as connection:
            connection.execute(update(hartslag.hartslagen).values(laatst=datetime(2026, 1, 1, tzinfo=UTC)))
        assert s.bijhouden.volgt("portaal")  # what it saw is trusted for a moment ...
        monkeypatch.setattr(bijhouden, "HARTSLAG_CACHE", 0.0)
        s.bijhouden._volgers.clear()
        assert not s.bijhouden.volgt("portaal")  # ... and then no longer
    finally:
        portaal.close()


def test_reads_see_outside_writes_when_no_worker_follows(database_url, klok):
    portaal = _met_werker(database_url, klok)
    buiten = Proefportaal(bouw({}, url=database_url, klok=klok, werker=True))
    try:
        _maak(buiten, "BUITEN1")  # written by another process, which does not catch up
        assert portaal.samenstelling.lezen.berichttype_details(AFNEMER, BerichttypeCode("BUITEN1"))
    finally:
        buiten.close()
        portaal.close()
