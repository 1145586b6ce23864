"""Projection versions: tables built by another version of a projection's code are rebuilt by themselves."""

import contextlib
import logging

from click.testing import CliRunner
from sqlalchemy import select, text

from projections import runner, tracking, versies
from projections.handlers import PROJECTIES
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
    assert versies.verouderd(portaal.engine) == []


def test_a_bumped_version_is_rebuilt_on_the_next_catch_up_and_verify_all_agrees(
    portaal, doe, monkeypatch, caplog
):
    _geschiedenis(doe)
    doe.bijwerken()
    _knoei(portaal)
    assert verifieer_alles(portaal, ["audit"]) != []
    voor = _stand(portaal)
    monkeypatch.setattr(type(PROJECTIES["audit"]), "versie", PROJECTIES["audit"].versie + 1)
    doe.dienst("D2")
    runner.vergeet(portaal.engine)  # as a web process started with the new code
    with caplog.at_level(logging.WARNING, logger="projections.versies"):
        positie = doe.bijwerken()
    na = _stand(portaal)
    assert na["audit"][2] == PROJECTIES["audit"].versie
    assert na["audit"][1] != voor["audit"][1]  # swapped in: a new generation of tables
    assert na["audit"][0] == positie
    assert na["diensten"][1] == voor["diensten"][1]  # the others are left alone
    assert "audit" in caplog.text and "versie 1" in caplog.text
    assert verifieer_alles(portaal) == []
    # Once rebuilt, the version agrees and nothing is rebuilt again.
    runner.vergeet(portaal.engine)
    doe.bijwerken()
    assert _stand(portaal)["audit"][1] == na["audit"][1]


def test_the_worker_rebuilds_an_outdated_projection_when_it_starts(portaal, doe, monkeypatch, database_url):
    _geschiedenis(doe)
    doe.bijwerken()
    _knoei(portaal)
    monkeypatch.setattr(type(PROJECTIES["audit"]), "versie", PROJECTIES["audit"].versie + 1)
    meldingen: list[str] = []
    runner.volg(portaal, stop=lambda: bool(meldingen), melding=meldingen.append)
    assert any("audit" in m and "versie" in m for m in meldingen)
    assert _stand(portaal)["audit"][2] == PROJECTIES["audit"].versie
    assert verifieer_alles(portaal) == []


def test_projections_run_prints_which_projection_it_rebuilt_and_why(portaal, doe, monkeypatch, database_url):
    _geschiedenis(doe)
    doe.bijwerken()
    monkeypatch.setattr(type(PROJECTIES["koppelingen"]), "versie", 7)
    monkeypatch.setattr(runner, "wachter", _stop_na_een_keer)
    resultaat = CliRunner().invoke(projections, ["run"], env={"DATABASE_URL": database_url})
    assert "Projectie koppelingen wordt opnieuw opgebouwd" in resultaat.output
    assert "versie 1, de code is versie 7" in resultaat.output
    assert _stand(portaal)["koppelingen"][2] == 7


class _stop_na_een_keer:
    def __init__(self, portaal, interval) -> None:
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
    runner.vergeet(portaal.engine)
    doe.dienst("D2")
    assert doe.bijwerken() == positie + 1
    stand = _stand(portaal)
    assert {stand[n][2] for n in PROJECTIES} == {1}
    assert all(stand[n][1] for n in PROJECTIES)  # each one rebuilt (swapped) once
    assert verifieer_alles(portaal) == []


def test_an_unfinished_rebuild_by_another_version_is_started_afresh(portaal, doe, monkeypatch):
    from projections import herbouw

    _geschiedenis(doe)
    doe.bijwerken()

    def stop(positie):
        raise KeyboardInterrupt

    with contextlib.suppress(KeyboardInterrupt):
        herbouw.herbouw(portaal, ["audit"], batch=3, voortgang=stop)
    with portaal.engine.connect() as connection:
        oud_token = connection.scalar(select(tracking.herbouw.c.token))
    monkeypatch.setattr(type(PROJECTIES["audit"]), "versie", 5)
    herbouw.herbouw(portaal, ["audit"], batch=3)
    stand = _stand(portaal)
    assert stand["audit"][2] == 5
    assert stand["audit"][1] != oud_token
    assert f"audit#{oud_token}" not in stand
    assert verifieer_alles(portaal) == []


def test_processes_starting_together_rebuild_an_outdated_projection_once(
    portaal, doe, monkeypatch, database_url
):
    import threading

    _geschiedenis(doe)
    doe.bijwerken()
    _knoei(portaal)
    monkeypatch.setattr(type(PROJECTIES["audit"]), "versie", 3)
    # Each "process" has a portaal (engine, pool, catch-up lock) of its own on the same database.
    anderen = [open_proefportaal(database_url) for _ in range(3)]
    herbouwd, fouten = [], []

    def start(p):
        try:
            herbouwd.append(versies.herbouw_verouderde(p))
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
            p.engine.dispose()
    assert fouten == []
    assert sorted(len(h) for h in herbouwd) == [0, 0, 1]
    assert _stand(portaal)["audit"][2] == 3
    assert verifieer_alles(portaal) == []
