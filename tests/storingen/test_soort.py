"""Which errors count as a fault of the store (a 503 or 507, the CLI's status 75) and which stay a bug (a
500): real errors from SQLite, PostgreSQL's driver and the eventsourcing library, not constructed ones."""

import socket
import sqlite3

import pytest
from eventsourcing.persistence import OperationalError as LibraryOperationalError
from sqlalchemy import create_engine, text
from sqlalchemy.exc import OperationalError

from service_layer.storingen import ONBEREIKBAAR, soort
from tests.support.databases import server_url


def _fout(doe) -> BaseException:
    with pytest.raises(Exception) as gevangen:
        doe()
    return gevangen.value


def test_a_missing_table_in_sqlite_is_a_bug_not_an_outage(tmp_path):
    engine = create_engine(f"sqlite:///{tmp_path / 'a.sqlite3'}")
    try:
        with engine.connect() as connection:
            fout = _fout(lambda: connection.execute(text("SELECT * FROM bestaat_niet")))
    finally:
        engine.dispose()
    assert isinstance(fout, OperationalError)
    assert soort(fout) is None


def test_a_sqlite_file_locked_by_another_writer_is_an_outage(tmp_path):
    pad = tmp_path / "b.sqlite3"
    houder = sqlite3.connect(pad, isolation_level=None)
    houder.execute("CREATE TABLE t (x)")
    houder.execute("BEGIN EXCLUSIVE")
    engine = create_engine(f"sqlite:///{pad}", connect_args={"timeout": 0})
    try:
        with engine.connect() as connection:
            fout = _fout(lambda: connection.execute(text("INSERT INTO t VALUES (1)")))
    finally:
        engine.dispose()
        houder.close()
    assert soort(fout) == ONBEREIKBAAR


def test_a_postgresql_server_that_refuses_connections_is_an_outage():
    pytest.importorskip("psycopg")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        poort = s.getsockname()[1]  # closed again: nothing listens there
    engine = create_engine(f"postgresql+psycopg://postgres@127.0.0.1:{poort}/x")
    try:
        fout = _fout(engine.connect)
    finally:
        engine.dispose()
    assert soort(fout) == ONBEREIKBAAR
    # As the eventsourcing library wraps it: the cause is found through the chain.
    try:
        raise LibraryOperationalError(str(fout)) from fout
    except LibraryOperationalError as verpakt:
        assert soort(verpakt) == ONBEREIKBAAR


def test_an_ordinary_error_is_not_a_fault_of_the_store():
    assert soort(ValueError("iets anders")) is None
    assert soort(FileNotFoundError(2, "weg")) is None


@pytest.mark.skipif(server_url() is None, reason="vraagt een PostgreSQL-server (DATABASE_URL)")
def test_on_postgresql_a_timed_out_statement_is_an_outage_and_a_missing_table_a_bug():
    engine = create_engine(server_url())
    try:
        with engine.connect() as connection:
            connection.execute(text("SET statement_timeout = 1"))
            assert soort(_fout(lambda: connection.execute(text("SELECT pg_sleep(1)")))) == ONBEREIKBAAR
            connection.rollback()
            assert soort(_fout(lambda: connection.execute(text("SELECT * FROM bestaat_niet")))) is None
    finally:
        engine.dispose()
