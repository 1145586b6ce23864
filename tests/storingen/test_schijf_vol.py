"""The disk of the SQLite store full, for real: the store on a small tmpfs filled to the last byte. Commands
in the portal, batches through the API and through the command line are refused with a clear Dutch error
(a 507 page, the API's OpslagVol, the CLI's message and status 75), never a 500 or a trace; nothing is half
written: once space is freed the same process works again, every command that was answered with success
is there, and every read model equals a replay of the events.

The embedded SQLite store only, so it runs in the SQLite half of CI."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text

from projections.vergelijk import verifieer_alles
from tests.conftest import AFNEMER
from tests.support import kleine_schijf
from tests.support.databases import server_url
from tests.support.proefportaal import Proefportaal
from tests.verwerking.wereld import richt_in
from tests.web.api.hulp import Leverancier, batch_xml, bericht
from tests.web.helpers import Bezoeker

ROOT = Path(__file__).resolve().parents[2]
POGINGEN = 400  # commands at most before the full disk must show (SQLite first fills its WAL's free room)
STORING = 75

pytestmark = pytest.mark.skipif(
    server_url() is not None, reason="de SQLite-opslag: draait in de SQLite-helft"
)


@pytest.fixture
def schijf():
    try:
        with kleine_schijf.kleine_schijf(32) as map_:
            yield map_
    except kleine_schijf.GeenSchijf as fout:
        pytest.skip(str(fout))


def _toevoegen(bezoeker: Bezoeker, code: str):
    velden = {"code": code, "omschrijving": "Schijf vol", "notificatiekenmerk": "Betalen"}
    return bezoeker.client.post("/berichttypes/toevoegen", data=velden)


def _cli_batch(url: str, bestand: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "DATABASE_URL": url, "PYTHONPATH": str(ROOT)}
    opdracht = ["batch", "submit", str(bestand), "--leverancier", AFNEMER.waarde]
    return subprocess.run(
        [sys.executable, "-c", "from scripts.cli import main; main()", *opdracht],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_a_full_disk_is_a_clear_error_everywhere_and_leaves_nothing_half_written(
    schijf, maak_app, pki, klok, tmp_path
):
    url = f"sqlite:///{schijf / 'portaal.sqlite3'}"
    app = maak_app(DATABASE_URL=url, TESTING=False)
    samenstelling = app.extensions["samenstelling"]
    richt_in(Proefportaal(samenstelling), klok.nu)
    bezoeker = Bezoeker(app)
    bezoeker.log_in(pki.pem(AFNEMER))
    leverancier = Leverancier(app.test_client(), pki.pem(AFNEMER))
    bevestigd = set()
    for n in range(3):
        assert _toevoegen(bezoeker, f"VOOR{n}").status_code == 302
        bevestigd.add(f"VOOR{n}")

    ballast = kleine_schijf.vul(schijf)
    statussen = []
    for n in range(POGINGEN):
        antwoord = _toevoegen(bezoeker, f"VOL{n:04d}")
        statussen.append(antwoord.status_code)
        if antwoord.status_code == 302:
            bevestigd.add(f"VOL{n:04d}")
        else:
            break
    assert set(statussen) <= {302, 507}, statussen
    assert statussen[-1] == 507, "de volle schijf bleek nergens uit"
    pagina = antwoord.get_data(as_text=True)
    assert "Opslag vol" in pagina and "Traceback" not in pagina
    # The machine interface: its JSON error. The command line: its message and status, no trace.
    batch = batch_xml(
        AFNEMER, [bericht(n) for n in range(3)], klok.nu, "3b0e7f36-5d0e-4c1b-8a55-2f7d3c9e1a01"
    )
    geweigerd = leverancier.lever(batch)
    assert geweigerd.status_code == 507
    assert geweigerd.get_json()["fout"] == "OpslagVol"
    (tmp_path / "batch.xml").write_bytes(batch)
    cli = _cli_batch(url, tmp_path / "batch.xml")
    assert cli.returncode == STORING, cli.stderr[-2000:]
    assert "de opslag is vol" in cli.stderr and "Traceback" not in cli.stderr

    ballast.unlink()
    # The same process works again, and the batch refused earlier is received now.
    assert _toevoegen(bezoeker, "NA1").status_code == 302
    bevestigd.add("NA1")
    assert leverancier.lever(batch).status_code == 202
    assert _cli_batch(url, tmp_path / "batch.xml").returncode == 0
    with samenstelling.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
        vastgelegd = set(connection.execute(text("SELECT code FROM berichttype_overzicht")).scalars())
    assert bevestigd <= vastgelegd
    for motor in samenstelling.motoren.values():
        assert verifieer_alles(motor) == []
