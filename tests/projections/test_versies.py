"""Projection versions: tables built by another version of a projection's code are rebuilt by themselves."""

import contextlib
import logging
import threading

from click.testing import CliRunner
from sqlalchemy import select, text

from projections import herbouw, tracking, versies
from projections import motor as motor_module
from projections.handlers import PROJECTIES, van_logboek
from projections.motor import Projectiemotor
from projections.vergelijk import verifieer_alles
from scripts.projecties import projections
from tests.support.proefportaal import open_proefportaal


def _geschiedenis(doe) -> None:
    for i in range(4):
        doe.berichttype(f"C{i}")
    doe.dienst("D1")
    doe.koppel("D1", "C0")
    doe.koppel("D1", "C1")
    doe.ontkoppel("D1", "C0")


def _stand(portaal) -> dict[str, tuple[int, str, int]]:
    p = tracking.posities.c
    with portaal.engine.connect() as connection:
        rijen = connection.execute(select(p.projectie, p.positie, p.generatie, p.versie)).all()
    return {naam: (positie, generatie, versie) for naam, positie, generatie, versie in rijen}


def _knoei(portaal) -> None:
    """What old code would have left: audit rows that a replay by the current code does not give."""
    with portaal.engine.begin() as connection:
        connection.exec_driver_sql("UPDATE audit_trail SET wijzigingen = '{\"oud\": 1}'")


def test_new_position_rows_record_the_version_of_the_code(portaal, doe):
    _geschiedenis(doe)
    doe.bijwerken()
    stand = _stand(portaal)
    assert {naam: stand[naam][2] for naam in PROJECTIES} == {n: p.versie for n, p in PROJECTIES.items()}
    assert versies.verouderd(portaal.engine, "portaal") == []


def _verhoog(monkeypatch, naam: str, versie: int | None = None) -> int:
    """New code: the projection's handler declares another version."""
    nieuw = versie if versie is not None else PROJECTIES[naam].versie + 1
    monkeypatch.setattr(type(PROJECTIES[naam]), "versie", nieuw)
    return nieuw


def test_a_catch_up_passes_an_outdated_projection_over_and_start_rebuilds_it(
    portaal, doe, motor, monkeypatch, caplog
):
    _geschiedenis(doe)
    doe.bijwerken()
    _knoei(portaal)
    assert verifieer_alles(motor, ["audit"]) != []
    voor = _stand(portaal)
    _verhoog(monkeypatch, "audit")
    doe.dienst("D2")
    nieuw = Projectiemotor(portaal)  # as a process started with the new code
    # A catch-up never rebuilds: the outdated projection keeps its old tables and position, the others go on.
    positie = nieuw.bijwerken()
    tussen = _stand(portaal)
    assert tussen["audit"] == voor["audit"]
    assert tussen["diensten"][0] == positie == voor["diensten"][0] + 1
    assert nieuw.positie() == positie  # the position of what the current code serves
    with caplog.at_level(logging.WARNING, logger="projections.versies"):
        oud = nieuw.start()
    assert [v.naam for v in oud] == ["audit"]
    na = _stand(portaal)
    assert na["audit"][2] == PROJECTIES["audit"].versie
    assert na["audit"][1] != voor["audit"][1]  # swapped in: a new generation of tables
    assert na["audit"][0] == positie
    assert na["diensten"][1] == voor["diensten"][1]  # the others are left alone
    assert "audit" in caplog.text and "versie 1" in caplog.text
    assert verifieer_alles(nieuw) == []
    # Once rebuilt, the version agrees and a next process rebuilds nothing.
    assert Projectiemotor(portaal).start() == []
    assert _stand(portaal)["audit"][1] == na["audit"][1]


def test_a_background_rebuild_swaps_in_while_catch_ups_go_on(portaal, doe, motor, monkeypatch):
    _geschiedenis(doe)
    doe.bijwerken()
    _knoei(portaal)
    voor = _stand(portaal)
    _verhoog(monkeypatch, "audit")
    web = Projectiemotor(portaal)
    try:
        # Another process is rebuilding (it holds the lock): the background rebuild waits, requests do not.
        with herbouw.een_tegelijk(portaal.engine):
            draad = web.start_op_achtergrond()
            assert draad is not None and draad.daemon
            doe.dienst("D2")
            positie = web.bijwerken()
            assert draad.is_alive()
            assert _stand(portaal)["audit"] == voor["audit"]
            assert _stand(portaal)["diensten"][0] == positie
        draad.join(timeout=60)
        assert not draad.is_alive()
        na = _stand(portaal)
        assert na["audit"][2] == PROJECTIES["audit"].versie
        assert na["audit"][1] != voor["audit"][1]
        assert na["audit"][0] == positie  # the swap caught up the events the catch-ups passed over
        doe.dienst("D3")
        assert web.bijwerken() == positie + 1 == _stand(portaal)["audit"][0]
        assert verifieer_alles(web) == []
    finally:
        web.sluit()


def test_start_op_achtergrond_starts_nothing_when_nothing_is_outdated(portaal, doe, motor):
    _geschiedenis(doe)
    doe.bijwerken()
    assert Projectiemotor(portaal).start_op_achtergrond() is None


def test_closing_the_motor_stops_its_background_rebuild_and_the_next_start_resumes_it(
    portaal, doe, motor, monkeypatch
):
    _geschiedenis(doe)
    doe.bijwerken()
    _verhoog(monkeypatch, "audit")
    web = Projectiemotor(portaal)
    with herbouw.een_tegelijk(portaal.engine):
        draad = web.start_op_achtergrond()
        web._stop.set()  # closed while the rebuild waits: it stops after its first batch
    web.sluit()
    assert not draad.is_alive()
    assert _stand(portaal)["audit"][2] == 1  # not swapped in
    assert Projectiemotor(portaal).start() != []
    assert _stand(portaal)["audit"][2] == PROJECTIES["audit"].versie
    assert verifieer_alles(motor) == []


def test_the_worker_rebuilds_an_outdated_projection_when_it_starts(portaal, doe, monkeypatch):
    _geschiedenis(doe)
    doe.bijwerken()
    _knoei(portaal)
    _verhoog(monkeypatch, "audit")
    meldingen: list[str] = []
    werker = Projectiemotor(portaal)
    werker.volg(stop=lambda: bool(meldingen), melding=meldingen.append)
    assert any("audit" in m and "versie" in m for m in meldingen)
    assert _stand(portaal)["audit"][2] == PROJECTIES["audit"].versie
    assert verifieer_alles(werker) == []


def test_projections_run_prints_which_projection_it_rebuilt_and_why(portaal, doe, monkeypatch, database_url):
    _geschiedenis(doe)
    doe.bijwerken()
    _verhoog(monkeypatch, "koppelingen", 7)
    monkeypatch.setattr(motor_module, "wachter", _stop_na_een_keer)
    resultaat = CliRunner().invoke(projections, ["run"], env={"DATABASE_URL": database_url})
    assert "Projectie koppelingen wordt opnieuw opgebouwd" in resultaat.output
    assert "versie 1, de code is versie 7" in resultaat.output
    assert _stand(portaal)["koppelingen"][2] == 7


class _stop_na_een_keer:
    def __init__(self, engine, kanaal, interval) -> None:
        pass

    def __enter__(self):
        def wacht():
            raise KeyboardInterrupt

        return wacht

    def __exit__(self, *exc) -> None:
        pass


def test_an_old_tracking_table_is_migrated_in_place_and_its_projections_rebuilt_once(portaal, doe):
    _geschiedenis(doe)
    positie = doe.bijwerken()
    with portaal.engine.begin() as connection:
        connection.execute(text("ALTER TABLE projectie_posities DROP COLUMN versie"))
    doe.dienst("D2")
    nieuw = Projectiemotor(portaal)
    assert len(nieuw.start()) == len(van_logboek(portaal.name))
    assert nieuw.bijwerken() == positie + 1
    stand = _stand(portaal)
    assert {stand[n][2] for n in van_logboek(portaal.name)} == {1}
    assert all(stand[n][1] for n in van_logboek(portaal.name))  # each one rebuilt (swapped) once
    assert verifieer_alles(nieuw) == []


def test_an_unfinished_rebuild_by_another_version_is_started_afresh(portaal, doe, motor, monkeypatch):
    _geschiedenis(doe)
    doe.bijwerken()

    def stop(positie):
        raise KeyboardInterrupt

    with contextlib.suppress(KeyboardInterrupt):
        motor.herbouw(["audit"], batch=3, voortgang=stop)
    with portaal.engine.connect() as connection:
        oud_token = connection.scalar(select(tracking.herbouw.c.token))
    _verhoog(monkeypatch, "audit", 5)
    motor.herbouw(["audit"], batch=3)
    stand = _stand(portaal)
    assert stand["audit"][2] == 5
    assert stand["audit"][1] != oud_token
    assert f"audit#{oud_token}" not in stand
    assert verifieer_alles(motor) == []


def test_processes_starting_together_rebuild_an_outdated_projection_once(
    portaal, doe, motor, monkeypatch, database_url
):
    _geschiedenis(doe)
    doe.bijwerken()
    _knoei(portaal)
    _verhoog(monkeypatch, "audit", 3)
    # Each "process" has a composition root (engine, pool, motor) of its own on the same database.
    anderen = [open_proefportaal(database_url) for _ in range(3)]
    herbouwd, fouten = [], []

    def start(p):
        try:
            herbouwd.append(p.samenstelling.motor.start())
        except Exception as fout:  # noqa: BLE001 - reported below
            fouten.append(fout)

    threads = [threading.Thread(target=start, args=(p,)) for p in anderen]
    try:
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    finally:
        for p in anderen:
            p.close()
    assert fouten == []
    assert sorted(len(h) for h in herbouwd) == [0, 0, 1]
    assert _stand(portaal)["audit"][2] == 3
    assert verifieer_alles(motor) == []
