"""One follower per event log: a second `portaal projections run` started by mistake waits for the first
(and says so), applies nothing beside it, and takes over when the first is killed with SIGKILL. A manual
`portaal projections rebuild` waits for the lock of the automatic rebuild."""

import time

from sqlalchemy import func, select

from projections import hartslag, herbouw
from projections.gebeurtenissen import Bron
from projections.tabellen import tabel
from projections.vergelijk import verifieer_alles
from tests.support.werkers import Werker, hartslag_van, wacht_tot

VOLGER = hartslag.projecties("portaal")


def _aantal(portaal, naam: str) -> int:
    with portaal.engine.connect() as connection:
        return connection.scalar(select(func.count()).select_from(tabel(naam)))


def _gevolgd_door(portaal, werker: Werker) -> bool:
    gezien = hartslag_van(portaal.engine, VOLGER)
    return gezien is not None and gezien.pid == werker.pid


def test_a_second_worker_waits_applies_nothing_beside_the_first_and_takes_over_when_it_is_killed(
    portaal, doe, motor, database_url
):
    bron = Bron(portaal)
    doe.berichttype("AB1")
    eerste = Werker(database_url, "projections", "run", "--interval", "0.05")
    tweede = None
    try:
        wacht_tot(lambda: _gevolgd_door(portaal, eerste), waarom="de eerste werker volgt")
        tweede = Werker(database_url, "projections", "run", "--interval", "0.05")
        regel = tweede.wacht_op_regel("Eventlog portaal wordt al gevolgd door een andere werker")
        assert f"pid {eerste.pid}" in regel and "Deze werker wacht" in regel
        doe.dienst("D1")
        doe.koppel("D1", "AB1")
        wacht_tot(lambda: motor.positie() == bron.hoogste(), waarom="de eerste werker werkt bij")

        if portaal.engine.dialect.name == "postgresql":
            # The first one frozen (it keeps its lock): the second still only waits. (Not on SQLite:
            # frozen in the middle of a batch, it would hold the one write lock of the file.)
            eerste.pauzeer()
            doe.berichttype("AB2")
            voor = motor.positie()
            time.sleep(1.0)
            assert motor.positie() == voor < bron.hoogste()
        else:
            doe.berichttype("AB2")

        eerste.kill()
        tweede.wacht_op_regel("deze werker neemt eventlog portaal over")
        wacht_tot(lambda: motor.positie() == bron.hoogste(), waarom="de tweede werker neemt over")
        wacht_tot(lambda: _gevolgd_door(portaal, tweede), waarom="de hartslag is van de tweede")
        # Every event applied once: one audit row per event, and the tables equal a replay.
        assert _aantal(portaal, "audit_trail") == bron.hoogste()
        assert verifieer_alles(motor) == []
    finally:
        eerste.stop()
        if tweede is not None:
            assert tweede.stop() == 0
    assert hartslag_van(portaal.engine, VOLGER) is None  # a clean stop leaves no heartbeat


def test_a_manual_rebuild_waits_for_the_lock_of_the_automatic_rebuild(portaal, doe, motor, database_url):
    doe.berichttype("AB1")
    motor.bijwerken()
    with herbouw.een_tegelijk(portaal.engine):
        herbouwer = Werker(database_url, "projections", "rebuild", "audit")
        herbouwer.wacht_op_regel("Er loopt al een herbouw van de projecties")
        assert herbouwer.proces.poll() is None
    assert herbouwer.einde() == 0
    assert verifieer_alles(motor) == []
