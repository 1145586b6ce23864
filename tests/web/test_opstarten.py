"""A web process in worker mode on a fresh database, whatever the start order: whoever starts first makes the
schema (processes starting at the same moment take turns), so no read page and no API call answers 500;
a table that is missing all the same answers 503 'Het portaal start op' with Retry-After."""

import os
import subprocess
import sys
import time
from urllib.parse import quote

import pytest
from sqlalchemy import text

from projections import hartslag
from tests.conftest import AFNEMER
from tests.support.databases import server_url
from tests.support.proefportaal import Proefportaal
from tests.support.werkers import ROOT, Werker, hartslag_van, wacht_tot
from tests.web.conftest import registreer_cast
from tests.web.helpers import HEADER, PROXY, Bezoeker

# A web process: everything imported first, then all of them build the app at one signal.
WEBPROCES = """
import os, sys, time
from web.app import create_app, sluit

while not os.path.exists(sys.argv[1]):
    time.sleep(0.005)
app = create_app({"SECRET_KEY": "test", "PORTAAL_PROJECTIE_WERKER": True})
print(app.test_client().get("/inloggen/").status_code, flush=True)
sluit(app)
"""


def _api(app, pki, status: int):
    antwoord = app.test_client().get(
        "/api/v1/batches/onbekend",
        headers={HEADER: quote(pki.pem(AFNEMER))},
        environ_base={"REMOTE_ADDR": PROXY},
    )
    assert antwoord.status_code == status, antwoord.get_data(as_text=True)
    return antwoord


def _registreer(app) -> None:
    """The cast, each command followed as a view follows its command (read-your-writes)."""
    samenstelling = app.extensions["samenstelling"]
    registreer_cast(Proefportaal(samenstelling))
    for motor in samenstelling.motoren.values():
        assert motor.wacht_op(motor.hoogste(), timeout=30) or motor.bijwerken()


def _pagina_en_api(app, pki) -> None:
    """Home (it reads the mededelingen) and a machine-interface read, after the cast is registered."""
    bezoeker = Bezoeker(app)
    bezoeker.log_in(pki.pem(AFNEMER))
    bezoeker.get("home.index")
    _api(app, pki, 404)


def test_web_processes_starting_together_on_a_fresh_database_all_start(tmp_path, database_url):
    signaal = tmp_path / "start"
    processen = [
        subprocess.Popen(
            [sys.executable, "-c", WEBPROCES, str(signaal)],
            cwd=ROOT,
            env={**os.environ, "DATABASE_URL": database_url, "PYTHONPATH": str(ROOT),
                 "PORTAAL_VAR": str(tmp_path / f"var{i}")},  # fmt: skip
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for i in range(3)
    ]
    time.sleep(3)  # their imports
    signaal.touch()
    for proces in processen:
        uit, fout = proces.communicate(timeout=120)
        assert proces.returncode == 0, fout[-3000:]
        assert uit.strip() == "200"


def test_the_web_process_first_then_the_worker(maak_app, pki, database_url):
    app = maak_app(PORTAAL_PROJECTIE_WERKER=True)
    _api(app, pki, 403)  # no organisation with that OIN yet: refused, not a 500
    _registreer(app)
    _pagina_en_api(app, pki)
    werker = Werker(database_url, "projections", "run", "--interval", "0.05")
    try:
        engine = app.extensions["samenstelling"].engine
        wacht_tot(lambda: hartslag_van(engine, hartslag.projecties("portaal")) is not None)
        _pagina_en_api(app, pki)
    finally:
        assert werker.stop() == 0


def test_the_worker_first_then_the_web_process(maak_app, pki, database_url, tmp_path):
    werker = Werker(database_url, "projections", "run", "--interval", "0.05")
    try:
        werker.wacht_op_regel("Projecties volgen eventlog portaal")
        app = maak_app(PORTAAL_PROJECTIE_WERKER=True)
        _api(app, pki, 403)
        _registreer(app)
        _pagina_en_api(app, pki)
    finally:
        assert werker.stop() == 0


@pytest.mark.skipif(server_url() is None, reason="PostgreSQL's undefined_table (worker mode is PostgreSQL's)")
def test_a_missing_table_answers_503_the_portal_is_starting(maak_app, pki):
    app = maak_app(PORTAAL_PROJECTIE_WERKER=True)
    _registreer(app)
    bezoeker = Bezoeker(app)
    bezoeker.log_in(pki.pem(AFNEMER))
    with app.extensions["samenstelling"].engine.begin() as connection:
        connection.execute(text("DROP TABLE mededelingen"))
        connection.execute(text("DROP TABLE batches"))
    pagina = bezoeker.get("home.index", status=503)
    assert pagina.h1.get_text(strip=True) == "Het portaal start op"
    assert bezoeker.client.get("/").headers["Retry-After"] == "5"
    antwoord = _api(app, pki, 503)
    assert antwoord.headers["Retry-After"] == "5"
    assert antwoord.get_json()["fout"] == "StartOp"
