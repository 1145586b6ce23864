import threading

import pytest
from sqlalchemy import event, func, select

from projections import runner, tracking
from projections.gebeurtenissen import Bron
from projections.handlers import PROJECTIES, van_logboek
from projections.motor import Projectiemotor
from projections.tabellen import tabel
from projections.vergelijk import verifieer_alles


def _aantal(portaal, naam: str) -> int:
    with portaal.engine.connect() as connection:
        return connection.scalar(select(func.count()).select_from(tabel(naam)))


class Commits:
    """Counts the transactions committed on an engine while active."""

    def __init__(self, engine) -> None:
        self.engine = engine
        self.aantal = 0

    def _tel(self, connection) -> None:
        self.aantal += 1

    def __enter__(self) -> "Commits":
        event.listen(self.engine, "commit", self._tel)
        return self

    def __exit__(self, *exc) -> None:
        event.remove(self.engine, "commit", self._tel)


def _posities(portaal) -> dict[str, int]:
    """The positions of the configuration log's projections (the log these tests write to)."""
    with portaal.engine.connect() as connection:
        return tracking.lees(connection, list(van_logboek(portaal.name)))


def _geschiedenis(doe, n: int = 5) -> None:
    for i in range(n):
        doe.berichttype(f"C{i}")
    doe.dienst("D1")
    for i in range(n):
        doe.koppel("D1", f"C{i}")


def test_run_add_and_run_again_processes_each_event_once(portaal, doe, motor):
    _geschiedenis(doe)
    eerste = doe.bijwerken()
    assert _aantal(portaal, "audit_trail") == eerste
    doe.ontkoppel("D1", "C0")
    doe.deactiveer("D1")
    tweede = doe.bijwerken()
    assert tweede == eerste + 2 == Bron(portaal).hoogste()
    assert set(_posities(portaal).values()) == {tweede}
    assert _aantal(portaal, "audit_trail") == tweede
    assert _aantal(portaal, "koppelingen") == 5
    assert verifieer_alles(motor) == []


def test_a_second_run_with_nothing_new_changes_nothing(portaal, doe, motor):
    _geschiedenis(doe)
    positie = doe.bijwerken()
    runner.werk_bij(portaal.engine, Bron(portaal), runner.live_doelen())
    assert doe.bijwerken() == positie
    assert _aantal(portaal, "audit_trail") == positie
    assert verifieer_alles(motor) == []


def test_a_failing_batch_leaves_neither_rows_nor_position(portaal, doe, monkeypatch, motor):
    _geschiedenis(doe)
    projectie = PROJECTIES["koppelingen"]
    origineel = projectie.verwerk

    def half_en_dan_stuk(connection, tabellen, gebeurtenissen, geheugen=None):
        origineel(connection, tabellen, gebeurtenissen, geheugen)
        raise RuntimeError("crash midden in een batch")

    monkeypatch.setattr(projectie, "verwerk", half_en_dan_stuk)
    with pytest.raises(RuntimeError):
        doe.bijwerken()
    assert set(_posities(portaal).values()) == {0}
    assert _aantal(portaal, "koppelingen") == 0
    assert _aantal(portaal, "audit_trail") == 0
    monkeypatch.setattr(projectie, "verwerk", origineel)
    doe.bijwerken()
    assert verifieer_alles(motor) == []


def test_events_are_processed_many_per_transaction(portaal, doe):
    _geschiedenis(doe, n=12)
    runner.installeer(portaal.engine)
    gezien: list[int] = []
    with Commits(portaal.engine) as commits:
        runner.werk_bij(
            portaal.engine, Bron(portaal), runner.live_doelen(), limiet=10, voortgang=gezien.append
        )
    hoogste = Bron(portaal).hoogste()
    assert hoogste == 26
    assert gezien == [10, 20, 26]
    assert commits.aantal == 3


def test_bijwerken_uses_one_transaction_for_a_small_backlog(portaal, doe, motor):
    _geschiedenis(doe, n=12)
    motor.installeer()
    with Commits(portaal.engine) as commits:
        doe.bijwerken()
    assert commits.aantal == 1


def test_concurrent_runners_never_process_an_event_twice(portaal, doe, motor):
    _geschiedenis(doe, n=8)
    runner.installeer(portaal.engine)
    bron, fouten = Bron(portaal), []

    def werk():
        try:
            runner.werk_bij(portaal.engine, bron, runner.live_doelen(), limiet=3)
        except Exception as fout:  # noqa: BLE001 - reported below
            fouten.append(fout)

    threads = [threading.Thread(target=werk) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert fouten == []
    assert _aantal(portaal, "audit_trail") == bron.hoogste()
    assert verifieer_alles(motor) == []


def test_wacht_op_returns_when_the_position_is_reached(portaal, doe, motor):
    doe.berichttype("AB1")
    positie = Bron(portaal).hoogste()
    assert not motor.wacht_op(positie, timeout=0.05)
    runner.installeer(portaal.engine)
    runner.werk_bij(portaal.engine, Bron(portaal), runner.live_doelen())
    assert motor.wacht_op(positie, timeout=1)
    assert motor.wacht_op(motor.hoogste(), timeout=1)


def test_bijwerken_catches_up_at_once_and_up_to_a_given_position(portaal, doe, motor):
    doe.berichttype("AB1")
    eerst = motor.hoogste()
    doe.berichttype("AB2")
    assert motor.bijwerken(tot=eerst) == eerst
    assert motor.positie() == eerst
    assert motor.bijwerken() == motor.positie() == Bron(portaal).hoogste() == eerst + 1


def test_a_failed_batch_in_a_long_run_makes_the_projections_forget_what_they_remembered(
    portaal, doe, monkeypatch, motor
):
    _geschiedenis(doe, n=10)
    doe.ontkoppel("D1", "C3")
    doe.deactiveer("D1")
    runner.installeer(portaal.engine)
    doelen = runner.live_doelen()
    projectie = PROJECTIES["koppelingen"]
    origineel, aanroepen = projectie.verwerk, []

    def de_derde_faalt(connection, tabellen, gebeurtenissen, geheugen=None):
        origineel(connection, tabellen, gebeurtenissen, geheugen)
        aanroepen.append(gebeurtenissen[0].positie)
        if len(aanroepen) == 3:
            raise RuntimeError("crash in de derde batch")

    monkeypatch.setattr(projectie, "verwerk", de_derde_faalt)
    with pytest.raises(RuntimeError):
        runner.werk_bij(portaal.engine, Bron(portaal), doelen, limiet=4)
    # Batches without Dienst events pass the projection by; it stands just before the batch that failed.
    assert _posities(portaal)["koppelingen"] == aanroepen[-1] - 1
    runner.werk_bij(portaal.engine, Bron(portaal), doelen, limiet=4)
    assert verifieer_alles(motor) == []


def test_the_worker_follows_the_log_and_a_reader_waits_for_its_own_command(portaal, doe, motor):
    stop = threading.Event()
    # The worker is another process: a motor of its own; the web process only waits.
    werker_motor = Projectiemotor(portaal)
    werker = threading.Thread(target=werker_motor.volg, kwargs={"interval": 0.01, "stop": stop.is_set})
    werker.start()
    try:
        doe.berichttype("AB1")
        assert motor.wacht_op(motor.hoogste(), timeout=5)
        doe.dienst("D1")
        doe.koppel("D1", "AB1")
        assert motor.wacht_op(Bron(portaal).hoogste(), timeout=5)
    finally:
        stop.set()
        werker.join()
    assert _aantal(portaal, "koppelingen") == 1
    assert verifieer_alles(motor) == []


def test_on_sqlite_only_the_projection_transaction_commits_without_waiting_for_the_disk(
    portaal, doe, monkeypatch
):
    if portaal.engine.dialect.name != "sqlite":
        pytest.skip("a PRAGMA of SQLite")
    doe.berichttype("AB1")
    doe.bijwerken()
    with portaal.engine.connect() as connection:
        voor = connection.exec_driver_sql("PRAGMA synchronous").scalar()
    assert voor == 2  # FULL: what the event store commits with
    projectie, gezien = PROJECTIES["audit"], []
    origineel = projectie.verwerk

    def kijk(connection, tabellen, gebeurtenissen, geheugen=None):
        gezien.append(connection.exec_driver_sql("PRAGMA synchronous").scalar())
        origineel(connection, tabellen, gebeurtenissen, geheugen)

    monkeypatch.setattr(projectie, "verwerk", kijk)
    doe.berichttype("AB2")
    doe.bijwerken()
    assert gezien == [1]  # NORMAL inside the projection's transaction (WAL)
    with portaal.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == voor
