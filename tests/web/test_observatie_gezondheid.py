"""`/healthz` and `/readyz` over the app as waitress serves it (the WSGI middleware in front of Flask), on
SQLite and PostgreSQL (`database_url`): ready, a projection behind, a queue too old, a database gone."""

import shutil
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from domain.waarden import Notificatiekenmerk, Oin, Rol
from projections import tracking
from service_layer.gezondheid import TIJDSLIMIET
from tests.conftest import AFNEMER, BEHEERDER, actor_voor
from tests.support.batches import GROEN, lever
from tests.support.databases import server_url


def _samenstelling(app):
    return app.extensions["samenstelling"]


def test_healthz_says_the_process_lives(app):
    antwoord = app.test_client().get("/healthz")
    assert antwoord.status_code == 200
    assert antwoord.get_json() == {"status": "leeft"}
    assert antwoord.headers["Cache-Control"] == "no-store"


def test_a_fresh_portal_is_ready(app):
    antwoord = app.test_client().get("/readyz")
    assert antwoord.status_code == 200, antwoord.get_json()
    lichaam = antwoord.get_json()
    assert lichaam["status"] == "gereed"
    assert set(lichaam["controles"]) == {"database", "projecties", "wachtrij"}
    assert all(c["ok"] for c in lichaam["controles"].values())
    assert lichaam["controles"]["projecties"]["achterstand"]["organisaties"] == 0


def test_a_projection_further_behind_than_allowed_makes_it_unready_until_it_caught_up(maak_app):
    app = maak_app(PORTAAL_READYZ_MAX_ACHTERSTAND=1)
    samenstelling = _samenstelling(app)
    organisaties = samenstelling.configuratie.organisaties
    # Written straight to the log, as another process would: nothing catches the projections up.
    for nummer, rol in ((1, Rol.BEHEERDER), (101, Rol.AFNEMER)):
        oin = Oin(f"000000990000000{nummer:05d}")
        organisaties.registreer_organisatie(oin, "Org", rol, list(Notificatiekenmerk), actor_voor(BEHEERDER))
    antwoord = app.test_client().get("/readyz")
    assert antwoord.status_code == 503
    projecties = antwoord.get_json()["controles"]["projecties"]
    assert projecties["ok"] is False
    assert projecties["melding"].startswith("Projecties lopen meer dan 1 events achter: ")
    assert "organisaties (2 achter op eventlog portaal)" in projecties["melding"]
    assert projecties["achterstand"]["organisaties"] == 2

    samenstelling.motor.bijwerken()
    assert app.test_client().get("/readyz").status_code == 200


def test_a_lag_within_the_setting_is_ready(maak_app):
    app = maak_app(PORTAAL_READYZ_MAX_ACHTERSTAND=1)
    _samenstelling(app).configuratie.organisaties.registreer_organisatie(
        AFNEMER, "Gemeente", Rol.AFNEMER, list(Notificatiekenmerk), actor_voor(BEHEERDER)
    )
    assert app.test_client().get("/readyz").status_code == 200


def test_a_batch_waiting_longer_than_allowed_makes_it_unready(maak_app, klok):
    app = maak_app(PORTAAL_READYZ_MAX_WACHTTIJD=60)
    samenstelling = _samenstelling(app)
    lever(samenstelling, AFNEMER, AFNEMER, [GROEN], ontvangen=klok.nu)
    assert app.test_client().get("/readyz").status_code == 200

    klok.nu += timedelta(minutes=2)
    antwoord = app.test_client().get("/readyz")
    assert antwoord.status_code == 503
    wachtrij = antwoord.get_json()["controles"]["wachtrij"]
    assert (wachtrij["ok"], wachtrij["wachtend"]) == (False, 1)
    assert wachtrij["oudste_seconden"] > 60
    assert "wacht al" in wachtrij["melding"] and "maximaal 60" in wachtrij["melding"]


def test_the_settings_come_from_the_environment(monkeypatch, maak_app):
    monkeypatch.setenv("PORTAAL_READYZ_MAX_ACHTERSTAND", "7")
    monkeypatch.setenv("PORTAAL_READYZ_MAX_WACHTTIJD", "90")
    lichaam = maak_app().test_client().get("/readyz").get_json()["controles"]
    assert lichaam["projecties"]["maximaal"] == 7
    assert lichaam["wachtrij"]["maximaal_seconden"] == 90


@pytest.mark.parametrize("waarde", ["-1", "veel", "1.5"])
def test_a_bad_setting_is_refused_at_start_in_dutch(monkeypatch, maak_app, waarde):
    monkeypatch.setenv("PORTAAL_READYZ_MAX_ACHTERSTAND", waarde)
    with pytest.raises(RuntimeError, match="PORTAAL_READYZ_MAX_ACHTERSTAND moet een geheel getal"):
        maak_app()


_AFSLUITEN = text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = :n")


@contextmanager
def _database_weg(app, database_url: str) -> Iterator[None]:
    """The database stops answering: on PostgreSQL it is gone under its name (connections cut), on SQLite
    its file is no longer a database file it can open. Put back afterwards."""
    samenstelling = _samenstelling(app)
    url = make_url(database_url)
    if url.get_backend_name() == "sqlite":
        pad = Path(url.database)
        opzij = pad.with_name(pad.name + ".opzij")
        for motor in samenstelling.motoren.values():
            motor.engine.dispose()
        pad.rename(opzij)
        pad.mkdir()
        try:
            yield
        finally:
            shutil.rmtree(pad)
            opzij.rename(pad)
        return
    beheer = create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")
    naam, weg = url.database, f"{url.database}_weg"
    try:
        with beheer.connect() as c:
            c.execute(_AFSLUITEN, {"n": naam})
            c.execute(text(f'ALTER DATABASE "{naam}" RENAME TO "{weg}"'))
        try:
            yield
        finally:
            with beheer.connect() as c:
                c.execute(_AFSLUITEN, {"n": weg})
                c.execute(text(f'ALTER DATABASE "{weg}" RENAME TO "{naam}"'))
    finally:
        beheer.dispose()


def test_a_database_gone_is_503_not_500_and_healthz_and_metrics_still_answer(app, database_url):
    client = app.test_client()
    with _database_weg(app, database_url):
        for _ in range(2):  # the first meets the cut connection, the second a failing connect
            antwoord = client.get("/readyz")
            assert antwoord.status_code == 503
            lichaam = antwoord.get_json()
            assert lichaam["status"] == "niet gereed"
            assert lichaam["controles"]["database"] == {"ok": False, "melding": "De database antwoordt niet."}
        assert client.get("/healthz").status_code == 200
        metrics = client.get("/metrics")
        assert metrics.status_code == 200
        assert "portaal_database_stand_leesbaar 0.0" in metrics.get_data(as_text=True)
    assert client.get("/readyz").status_code == 200


@pytest.mark.skipif(server_url() is None, reason="PostgreSQL's statement_timeout (SQLite has none)")
def test_a_probe_held_up_by_a_lock_answers_503_within_its_time_limit(app, database_url):
    client = app.test_client()
    assert client.get("/readyz").status_code == 200  # its connection made before the lock
    vergrendelaar = create_engine(database_url)
    try:
        with vergrendelaar.connect() as c, c.begin():
            # As a migration holds it: every reader of the positions waits. For five seconds at most, so a
            # probe without its limit makes this test fail rather than hang.
            c.execute(text("SET LOCAL idle_in_transaction_session_timeout = '5s'"))
            c.execute(text(f"LOCK TABLE {tracking.posities.name} IN ACCESS EXCLUSIVE MODE"))
            begin = time.monotonic()
            antwoord = client.get("/readyz")
            duur = time.monotonic() - begin
        assert antwoord.status_code == 503
        limiet = TIJDSLIMIET.total_seconds()
        assert limiet <= duur < limiet + 1.0
        database = antwoord.get_json()["controles"]["database"]
        assert database["ok"] is False
        assert database["tijdslimiet_ms"] == 1000
        assert database["melding"].startswith("De database antwoordde niet binnen 1000 ms op de vraag naar")
        assert client.get("/readyz").status_code == 200  # the lock gone, ready again at once
    finally:
        vergrendelaar.dispose()


def test_the_probes_use_no_session_and_no_csrf(app):
    client = app.test_client()
    client.set_cookie("session", "ongeldig.koekje")
    for pad in ("/healthz", "/readyz"):
        antwoord = client.get(pad)
        assert antwoord.status_code == 200
        assert "Set-Cookie" not in antwoord.headers and "Vary" not in antwoord.headers
        # Only GET and HEAD: a POST is refused as a method, not as a missing CSRF token.
        assert client.post(pad).status_code == 405
        assert client.head(pad).status_code == 200
