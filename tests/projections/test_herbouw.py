import threading

import pytest
from sqlalchemy import select

from projections import queries, runner, tracking
from projections.gebeurtenissen import Bron
from projections.handlers import PROJECTIES, van_logboek
from projections.vergelijk import verifieer_alles
from tests.projections.conftest import dienst_regel


def _geschiedenis(doe, n: int) -> None:
    for i in range(n):
        doe.berichttype(f"C{i:03d}")
    doe.dienst("D1")
    for i in range(0, n, 2):
        doe.koppel("D1", f"C{i:03d}")


def _herbouw_tokens(portaal) -> dict[str, str]:
    with portaal.engine.connect() as connection:
        return dict(connection.execute(select(tracking.herbouw.c.projectie, tracking.herbouw.c.token)).all())


def test_rebuild_gives_the_same_read_models_and_positions(portaal, doe, motor):
    _geschiedenis(doe, 10)
    voor = doe.bijwerken()
    assert motor.herbouw(batch=7) == voor
    assert verifieer_alles(motor) == []
    assert _herbouw_tokens(portaal) == {}


def test_rebuild_of_one_projection_swaps_only_that_one(portaal, doe, motor):
    _geschiedenis(doe, 4)
    doe.bijwerken()
    with portaal.engine.begin() as connection:
        connection.exec_driver_sql("UPDATE dienst_overzicht SET omschrijving = 'geknoeid'")
        connection.exec_driver_sql("UPDATE berichttype_overzicht SET omschrijving = 'geknoeid'")
    motor.herbouw(["diensten"])
    assert dienst_regel(portaal, doe.afnemer, "D1").omschrijving == "Een dienst"
    assert queries.berichttype_overzicht(portaal, doe.afnemer).regels[0].omschrijving == "geknoeid"


def test_readers_see_the_complete_old_tables_until_the_swap(portaal, doe, motor):
    _geschiedenis(doe, 30)
    doe.bijwerken()
    gezien, stop = [], threading.Event()

    def lezer():
        while not stop.is_set():
            pagina = queries.berichttype_overzicht(portaal, doe.afnemer, per_pagina=100)
            gezien.append((pagina.totaal, len(pagina.regels), sum(len(r.diensten) for r in pagina.regels)))

    draad = threading.Thread(target=lezer)
    draad.start()
    try:
        motor.herbouw(batch=5, voortgang=lambda positie: stop.wait(0.01))
    finally:
        stop.set()
        draad.join()
    assert len(gezien) > 3
    assert set(gezien) == {(30, 30, 15)}


def test_an_interrupted_rebuild_resumes_with_its_own_tables(portaal, doe, motor):
    _geschiedenis(doe, 10)
    doe.bijwerken()

    def stop_na_de_eerste_batch(positie):
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        motor.herbouw(batch=5, voortgang=stop_na_de_eerste_batch)
    tokens = _herbouw_tokens(portaal)
    assert set(tokens) == set(van_logboek(portaal.name))
    with portaal.engine.connect() as connection:
        half = tracking.lees(connection, [f"koppelingen#{tokens['koppelingen']}"])
    assert half == {f"koppelingen#{tokens['koppelingen']}": 5}
    motor.herbouw(batch=5)
    assert _herbouw_tokens(portaal) == {}
    assert verifieer_alles(motor) == []


def test_events_arriving_during_a_rebuild_are_in_the_swapped_tables(portaal, doe, motor):
    _geschiedenis(doe, 6)
    doe.bijwerken()
    extra = iter(["X1", "X2", "X3"])

    def nieuw_werk(positie):
        code = next(extra, None)
        if code:
            doe.berichttype(code)

    motor.herbouw(batch=4, voortgang=nieuw_werk)
    assert motor.positie() == Bron(portaal).hoogste()
    codes = [r.code for r in queries.berichttype_overzicht(portaal, doe.afnemer, per_pagina=50).regels]
    assert {"X1", "X2", "X3"} <= set(codes)
    assert verifieer_alles(motor) == []


def test_unknown_projection_name_is_refused(portaal, doe, motor):
    with pytest.raises(KeyError):
        motor.herbouw(["bestaatniet"])


def test_a_worker_that_remembers_rows_forgets_them_when_a_rebuild_swaps_the_tables(portaal, doe, motor):
    _geschiedenis(doe, 6)
    runner.installeer(portaal.engine)
    werker = runner.live_doelen()
    runner.werk_bij(portaal.engine, Bron(portaal), werker)
    motor.herbouw(["koppelingen"])
    koppelingen = next(d for d in werker if d.projectie.naam == "koppelingen")
    doe.ontkoppel("D1", "C000")
    doe.koppel("D1", "C000")
    runner.werk_bij(portaal.engine, Bron(portaal), werker)
    assert koppelingen.geheugen.generatie not in ("", None)
    assert verifieer_alles(motor) == []


def test_after_a_rebuild_every_table_has_all_its_indexes(portaal, doe, motor):
    from sqlalchemy import inspect

    from projections.tabellen import live

    _geschiedenis(doe, 4)
    motor.herbouw()
    inspector = inspect(portaal.engine)
    for naam in PROJECTIES:
        for tabel in live(naam).lijst:
            verwacht = {tuple(c.name for c in ix.columns) for ix in tabel.indexes}
            aanwezig = {tuple(ix["column_names"]) for ix in inspector.get_indexes(tabel.name)}
            assert verwacht <= aanwezig, tabel.name
