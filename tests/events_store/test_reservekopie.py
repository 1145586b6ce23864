"""`portaal backup` and `portaal restore`, and the restore drill (docs/backup.md): on the database the run
uses (SQLite, or PostgreSQL when DATABASE_URL names a server: then through pg_dump and pg_restore)."""

import base64
import hashlib
import shutil
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import create_engine, text

from events_store import pg_reservekopie
from events_store.reservekopie import ReservekopieFout
from scripts.cli import main
from scripts.projecties import projections
from scripts.replay import replay
from scripts.reservekopie import backup, restore
from scripts.seed_demo import seed_demo
from service_layer.samenstelling import bouw
from tests.conftest import BEHEERDER as BEHEERDER_OIN
from tests.conftest import actor_voor
from tests.projections.conftest import Handelingen
from tests.support.databases import fresh_database_url, server_url

BEHEERDER = actor_voor(BEHEERDER_OIN)

pytestmark = pytest.mark.skipif(
    server_url() is not None and shutil.which("pg_dump") is None,
    reason="pg_dump en pg_restore ontbreken (Debian: postgresql-client)",
)


def portaal_cli(url: str, command, *args: str):
    return CliRunner().invoke(command, list(args), env={"DATABASE_URL": url})


@pytest.fixture
def doe(portaal, afnemer, samenstelling):
    return Handelingen(portaal, afnemer, samenstelling.motor)


@pytest.fixture
def doel_url(tmp_path):
    """A second, empty database on the same kind of store: where a backup is put back."""
    map_ = tmp_path / "doel"
    map_.mkdir()
    with fresh_database_url(map_) as url:
        yield url


def _events(url: str, log: str = "portaal") -> list[tuple]:
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            kolommen = "id, originator_id, originator_version, topic, state"
            return connection.execute(text(f"SELECT {kolommen} FROM {log}_events ORDER BY id")).all()  # noqa: S608
    finally:
        engine.dispose()


def test_restore_drill_gives_the_same_events_read_models_that_replay_and_a_store_that_goes_on(
    database_url, doel_url, tmp_path
):
    assert portaal_cli(database_url, seed_demo).exit_code == 0
    kopie = tmp_path / "portaal.backup"
    gemaakt = portaal_cli(database_url, backup, str(kopie))
    assert gemaakt.exit_code == 0, gemaakt.output
    teruggezet = portaal_cli(doel_url, restore, str(kopie))
    assert teruggezet.exit_code == 0, teruggezet.output
    herbouwd = portaal_cli(doel_url, projections, "rebuild")
    assert herbouwd.exit_code == 0, herbouwd.output
    gecontroleerd = portaal_cli(doel_url, replay, "--verify-all")
    assert gecontroleerd.exit_code == 0, gecontroleerd.output
    for log in ("portaal", "verwerking", "gebruikers"):
        assert _events(doel_url, log) == _events(database_url, log) != []
    # The restored store takes new events after the restored ones (PostgreSQL: the sequences came along).
    samenstelling = bouw({}, url=doel_url)
    try:
        hoogste = samenstelling.motor.hoogste()
        vastgelegd = samenstelling.portaal.plaats_mededeling("Terug", "Het portaal werkt weer.", BEHEERDER)
        assert vastgelegd.positie == hoogste + 1
    finally:
        samenstelling.sluit()


def test_restore_refuses_a_database_that_is_not_empty_and_leaves_it_alone(
    database_url, doel_url, tmp_path, portaal, doe
):
    doe.berichttype("AB1")
    doe.bijwerken()
    kopie = tmp_path / "portaal.backup"
    assert portaal_cli(database_url, backup, str(kopie)).exit_code == 0
    voor = _events(database_url)
    geweigerd = portaal_cli(database_url, restore, str(kopie))
    assert geweigerd.exit_code == 1
    assert "is niet leeg" in geweigerd.output
    assert "Terugzetten kan alleen in een lege database" in geweigerd.output
    assert _events(database_url) == voor


def test_backup_never_overwrites_a_file(database_url, tmp_path, portaal, doe):
    doe.berichttype("AB1")
    bestaand = tmp_path / "al-daar"
    bestaand.write_bytes(b"niet weggooien")
    geweigerd = portaal_cli(database_url, backup, str(bestaand))
    assert geweigerd.exit_code == 1
    assert "overschrijft nooit" in geweigerd.output
    assert bestaand.read_bytes() == b"niet weggooien"


def test_restore_refuses_a_file_that_is_no_backup_and_leaves_the_target_empty(doel_url, tmp_path):
    onzin = tmp_path / "onzin.backup"
    onzin.write_bytes(b"dit is geen reservekopie\n" * 100)
    geweigerd = portaal_cli(doel_url, restore, str(onzin))
    assert geweigerd.exit_code == 1
    assert "is geen" in geweigerd.output
    assert portaal_cli(doel_url, restore, str(tmp_path / "bestaat-niet")).exit_code == 1


def test_a_backup_taken_while_the_portal_writes_is_one_moment_of_the_store(
    database_url, doel_url, tmp_path, portaal, doe
):
    """Commands and their read models keep being written while the copy is made; the copy's read models
    agree with a replay of the copy's own events, so rows and positions are of the same moment."""
    doe.dienst("D1")
    doe.bijwerken()
    stop, geschreven = threading.Event(), []

    def schrijver():
        while not stop.is_set():
            code = f"C{len(geschreven):03d}"
            doe.berichttype(code)
            doe.koppel("D1", code)
            doe.bijwerken()
            geschreven.append(code)

    draad = threading.Thread(target=schrijver)
    draad.start()
    try:
        while len(geschreven) < 3:
            stop.wait(0.01)
        kopie = tmp_path / "tijdens-het-schrijven.backup"
        gemaakt = portaal_cli(database_url, backup, str(kopie))
    finally:
        stop.set()
        draad.join()
    assert gemaakt.exit_code == 0, gemaakt.output
    assert portaal_cli(doel_url, restore, str(kopie)).exit_code == 0
    kopie_events = _events(doel_url)
    assert kopie_events == _events(database_url)[: len(kopie_events)]
    engine = create_engine(doel_url)
    try:
        with engine.connect() as connection:
            rijen = connection.execute(text("SELECT projectie, positie FROM projectie_posities")).all()
            posities = dict(rijen)
    finally:
        engine.dispose()
    # Never beyond the copied events; and what they reached agrees with a replay of those events.
    assert 0 < posities["koppelingen"] <= kopie_events[-1][0]
    gecontroleerd = portaal_cli(doel_url, replay, "--verify-all")
    assert gecontroleerd.exit_code == 0, gecontroleerd.output


def test_without_pg_dump_on_the_path_the_operator_reads_what_to_install(monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(ReservekopieFout, match="pg_dump staat niet op het PATH"):
        pg_reservekopie.maak("postgresql+psycopg://portaal@127.0.0.1:1/portaal", tmp_path / "dump")
    assert not list(Path(tmp_path).iterdir())


def test_a_backup_of_encrypted_events_is_restored_and_rebuilt_with_the_same_key_only(
    database_url, doel_url, tmp_path
):
    """The backup holds the events as stored: encrypted, so the key (kept apart from the backup, as
    docs/backup.md says) is needed to use it, and a wrong key reads nothing."""
    sleutel = {"PORTAAL_CIPHER_KEY": base64.b64encode(hashlib.sha256(b"reservekopie").digest()).decode()}

    def cli(url: str, command, *args: str, env: dict | None = None):
        return CliRunner().invoke(command, list(args), env={"DATABASE_URL": url, **(env or {})})

    assert cli(database_url, seed_demo, env=sleutel).exit_code == 0
    kopie = tmp_path / "portaal.backup"
    assert cli(database_url, backup, str(kopie), env=sleutel).exit_code == 0
    assert b"Voorbeeldstad" not in _alle_toestanden(database_url)  # encrypted at rest, so in the backup too
    assert cli(doel_url, restore, str(kopie)).exit_code == 0
    herbouwd = cli(doel_url, projections, "rebuild", env=sleutel)
    assert herbouwd.exit_code == 0, herbouwd.output
    gecontroleerd = cli(doel_url, replay, "--verify-all", env=sleutel)
    assert gecontroleerd.exit_code == 0, gecontroleerd.output
    ander = {"PORTAAL_CIPHER_KEY": base64.b64encode(hashlib.sha256(b"een andere").digest()).decode()}
    geweigerd = cli(doel_url, main, "projections", "rebuild", env=ander)
    assert geweigerd.exit_code == 1
    assert "PORTAAL_CIPHER_KEY past niet bij de events" in geweigerd.output


def _alle_toestanden(url: str) -> bytes:
    return b"".join(bytes(rij[4]) for log in ("portaal", "verwerking") for rij in _events(url, log))
