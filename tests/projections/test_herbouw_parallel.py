"""`portaal projections rebuild --processen N`: the projections of a log built by worker processes (real
processes, on SQLite through scratch files, on PostgreSQL in the live database), then swapped in."""

from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import select

from projections import herbouw_klad, tracking
from projections.deel import delen_uit
from projections.handlers import van_logboek
from projections.herbouw_klad import KLAD
from projections.herbouw_parallel import groepen, verdeel
from projections.tabellen import live
from projections.vergelijk import _rijen, verifieer_alles
from scripts.projecties import projections


def _geschiedenis(doe, n: int) -> None:
    for i in range(n):
        doe.berichttype(f"C{i:03d}")
    # Enough diensten that every part of a split by aggregate gets koppelingen of its own.
    diensten = [f"D{d}" for d in range(1, 9)]
    for dienst in diensten:
        doe.dienst(dienst)
    for i in range(0, n, 2):
        for dienst in diensten:
            doe.koppel(dienst, f"C{i:03d}")
    for i in range(0, n, 4):
        doe.ontkoppel("D1", f"C{i:03d}")
        doe.ontkoppel("D5", f"C{i:03d}")
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


@pytest.mark.parametrize("processen", [2, 3])
def test_parallel_rebuild_gives_the_tables_of_a_single_process_rebuild_and_of_a_replay(
    portaal, doe, motor, processen
):
    _geschiedenis(doe, 24)
    voor = doe.bijwerken()
    assert motor.herbouw(batch=7, processen=processen, vanaf=0) == voor
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
    else:
        assert _delen(portaal.engine) == {2}  # the parts wrote into the live database
    # Resumed with another number of processes: on PostgreSQL the parts begun go on as two (their rows are
    # in the live tables); on SQLite the scratch files of the other split are thrown away.
    motor.herbouw(batch=5, processen=3, vanaf=0)
    assert _tokens(portaal.engine) == {}
    assert _kladden(portaal.engine) == []
    assert verifieer_alles(motor) == []
    # The same tokens were finished: the resumed run did not start new generations.
    with portaal.engine.connect() as connection:
        generaties = dict(
            connection.execute(select(tracking.posities.c.projectie, tracking.posities.c.generatie)).all()
        )
    assert {n: generaties[n] for n in tokens} == tokens


def _delen(engine) -> set[int]:
    with engine.connect() as connection:
        namen = connection.scalars(select(tracking.posities.c.projectie)).all()
    return {gedeeld[2] for n in namen if (gedeeld := delen_uit(n)) is not None}


def test_a_copy_in_interrupted_between_scratch_files_is_made_again_not_doubled(
    portaal, doe, motor, monkeypatch
):
    if portaal.engine.dialect.name != "sqlite":
        pytest.skip("scratch files are SQLite's")
    _geschiedenis(doe, 24)
    doe.bijwerken()
    echt, gekopieerd = herbouw_klad._kopieer, []

    def stopt_na_het_eerste(*argumenten):
        if gekopieerd:
            raise KeyboardInterrupt
        echt(*argumenten)
        gekopieerd.append(True)

    monkeypatch.setattr(herbouw_klad, "_kopieer", stopt_na_het_eerste)
    with pytest.raises(KeyboardInterrupt):
        motor.herbouw(batch=7, processen=2, vanaf=0)
    monkeypatch.setattr(herbouw_klad, "_kopieer", echt)
    motor.herbouw(batch=7, processen=2, vanaf=0)
    assert verifieer_alles(motor) == []
    assert _kladden(portaal.engine) == []
    assert _delen(portaal.engine) == set()


def test_every_worker_builds_a_part_of_each_projection_built_per_aggregate():
    namen = list(van_logboek("portaal"))
    for aantal in (2, 3):
        werk = groepen(namen, aantal)
        assert len(werk) == aantal
        for k, groep in enumerate(werk):
            assert {(n, d, a) for n, d, a in groep if a > 1} == {
                ("audit", k, aantal),
                ("koppelingen", k, aantal),
            }
        heel = sorted(n for groep in werk for n, _, a in groep if a == 1)
        assert heel == sorted(n for n in namen if n not in ("audit", "koppelingen"))


def test_groups_are_balanced_by_weight_and_the_same_every_time():
    namen = list(van_logboek("portaal"))
    groepen = verdeel(namen, 2)
    assert groepen == verdeel(list(reversed(namen)), 2)
    assert sorted(n for g in groepen for n in g) == sorted(namen)
    assert not {"audit", "koppelingen"} <= set(groepen[0])
    assert verdeel(["audit"], 4) == [["audit"]]
