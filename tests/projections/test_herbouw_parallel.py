"""`portaal projections rebuild --processen N`: the projections of a log built by worker processes (real
processes, on SQLite through scratch files, on PostgreSQL in the live database), then swapped in."""

from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import select

from projections import tracking
from projections.handlers import van_logboek
from projections.herbouw_klad import KLAD
from projections.herbouw_parallel import verdeel
from projections.tabellen import live
from projections.vergelijk import _rijen, verifieer_alles
from scripts.projecties import projections


def _geschiedenis(doe, n: int) -> None:
    for i in range(n):
        doe.berichttype(f"C{i:03d}")
    doe.dienst("D1")
    doe.dienst("D2")
    for i in range(0, n, 2):
        doe.koppel("D1", f"C{i:03d}")
        doe.koppel("D2", f"C{i:03d}")
    for i in range(0, n, 4):
        doe.ontkoppel("D1", f"C{i:03d}")
    doe.deactiveer("D2")


def _alle_rijen(engine, logboek: str) -> dict:
    with engine.connect() as connection:
        return {
            naam: _rijen(connection, live(projectie)[naam])
            for projectie in van_logboek(logboek)
            for naam in live(projectie).namen()
        }


def _tokens(engine) -> dict[str, str]:
    with engine.connect() as connection:
        return dict(connection.execute(select(tracking.herbouw.c.projectie, tracking.herbouw.c.token)).all())


def _kladden(engine) -> list[Path]:
    if engine.dialect.name != "sqlite":
        return []
    database = Path(engine.url.database)
    return list(database.parent.glob(f"{database.name}{KLAD}*"))


def test_parallel_rebuild_gives_the_tables_of_a_single_process_rebuild_and_of_a_replay(portaal, doe, motor):
    _geschiedenis(doe, 24)
    voor = doe.bijwerken()
    assert motor.herbouw(batch=7, processen=2, vanaf=0) == voor
    parallel = _alle_rijen(portaal.engine, portaal.name)
    assert verifieer_alles(motor) == []
    assert _tokens(portaal.engine) == {}
    assert _kladden(portaal.engine) == []
    motor.herbouw(batch=7, processen=1)
    assert _alle_rijen(portaal.engine, portaal.name) == parallel
    assert sum(sum(r.values()) for r in parallel.values()) > 50


def test_cli_rebuild_takes_a_number_of_processes(database_url, portaal, doe, motor):
    _geschiedenis(doe, 8)
    doe.bijwerken()
    uitkomst = CliRunner().invoke(
        projections, ["rebuild", "--processen", "2"], env={"DATABASE_URL": database_url}
    )
    assert uitkomst.exit_code == 0, uitkomst.output
    assert verifieer_alles(motor) == []


def test_an_interrupted_parallel_rebuild_resumes_from_what_its_workers_committed(portaal, doe, motor):
    _geschiedenis(doe, 40)
    doe.bijwerken()

    def stop_zodra_er_iets_is(positie):
        if positie > 0:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        motor.herbouw(batch=5, processen=2, vanaf=0, voortgang=stop_zodra_er_iets_is)
    tokens = _tokens(portaal.engine)
    assert set(tokens) == set(van_logboek(portaal.name))
    if portaal.engine.dialect.name == "sqlite":
        assert len([k for k in _kladden(portaal.engine) if not k.name.endswith(("-wal", "-shm"))]) == 2
    motor.herbouw(batch=5, processen=2, vanaf=0)
    assert _tokens(portaal.engine) == {}
    assert _kladden(portaal.engine) == []
    assert verifieer_alles(motor) == []
    # The same tokens were finished: the resumed run did not start new generations.
    with portaal.engine.connect() as connection:
        generaties = dict(
            connection.execute(select(tracking.posities.c.projectie, tracking.posities.c.generatie)).all()
        )
    assert {n: generaties[n] for n in tokens} == tokens


def test_groups_are_balanced_by_weight_and_the_same_every_time():
    namen = list(van_logboek("portaal"))
    groepen = verdeel(namen, 2)
    assert groepen == verdeel(list(reversed(namen)), 2)
    assert sorted(n for g in groepen for n in g) == sorted(namen)
    assert not {"audit", "koppelingen"} <= set(groepen[0])
    assert verdeel(["audit"], 4) == [["audit"]]
