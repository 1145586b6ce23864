"""The processing worker (`portaal verwerking run`) killed with SIGKILL in the middle of a batch and started
again: every bericht processed exactly once, and the reports equal those of an uninterrupted run.

Deterministic: the killed worker reports when it has claimed a batch's BerichtIDs (halfway: the outcomes are
decided, not yet recorded) and waits there for the test, which then kills it."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import text

from service_layer.samenstelling import bouw
from tests.bijlage_validatie import pdfs
from tests.conftest import AFNEMER
from tests.support.databases import fresh_database_url
from tests.support.proefportaal import Proefportaal
from tests.verwerking.wereld import batch_stroom, gemengde_berichten, richt_in

ROOT = Path(__file__).resolve().parents[2]
BATCHES, PER_BATCH = 4, 20
# A worker that stops halfway through its second batch: after the claims, before the Processed event.
HALVERWEGE = """
import sys
from service_layer.samenstelling import bouw
from service_layer.volgen import verwerk_doorlopend

samenstelling = bouw()
register = samenstelling.verwerking.register
claim, geclaimd = register.claim, []

def claim_en_wacht(batch, ids):
    elders = claim(batch, ids)
    geclaimd.append(batch)
    if len(geclaimd) == 2:
        print("halverwege", flush=True)
        sys.stdin.readline()
    return elders

register.claim = claim_en_wacht
verwerk_doorlopend(samenstelling.verwerker, samenstelling.motoren, 0.05)
"""


def _start(url: str, code: str | None = None, **opties) -> subprocess.Popen:
    env = {**os.environ, "DATABASE_URL": url, "PYTHONPATH": str(ROOT)}
    opdracht = ["-c", code] if code else ["-c", "from scripts.cli import main; main()", "verwerking", "run"]
    return subprocess.Popen([sys.executable, *opdracht], cwd=ROOT, env=env, text=True, **opties)


def _lever(samenstelling, klok) -> None:
    """The same batches into a store where a worker processes them (nothing inline)."""
    portaal = Proefportaal(samenstelling)
    richt_in(portaal, klok.nu)
    pdf = pdfs.bouw(pdfa=None)
    for nummer in range(BATCHES):
        stroom = batch_stroom(nummer, gemengde_berichten(nummer, PER_BATCH, pdf), klok.nu)
        aanlevering = portaal.lever_batch_aan(stroom, AFNEMER, "test")
        samenstelling.na_commando(*aanlevering.vastgelegd)


def _uitkomsten(samenstelling) -> dict[str, list[tuple]]:
    samenstelling.motoren["verwerking"].bijwerken()
    with samenstelling.engine.connect() as connection:
        rijen = connection.execute(
            text(
                "SELECT b.batch_id, v.volgnummer, v.bericht_id, v.code, v.stadium, v.waarschuwing, v.reden "
                "FROM verwerkte_berichten v JOIN batches b ON b.batch_uuid = v.batch_uuid "
                "ORDER BY b.batch_id, v.volgnummer"
            )
        ).all()
    per_batch: dict[str, list[tuple]] = {}
    for batch_id, *rest in rijen:
        per_batch.setdefault(batch_id, []).append(tuple(rest))
    return per_batch


def _verwerkt_events(samenstelling) -> int:
    with samenstelling.engine.connect() as connection:
        return connection.execute(
            text("SELECT count(*) FROM verwerking_events WHERE topic LIKE :t"), {"t": "%Batch.Processed"}
        ).scalar()


def _wacht_tot(voorwaarde, seconden: float = 60) -> None:
    einde = time.monotonic() + seconden
    while not voorwaarde():
        assert time.monotonic() < einde, "de verwerker kwam niet verder"
        time.sleep(0.1)


def test_a_worker_killed_halfway_through_a_batch_resumes_and_processes_every_bericht_once(
    tmp_path, klok
):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    with fresh_database_url(tmp_path / "a") as onderbroken_url, fresh_database_url(tmp_path / "b") as heel:
        heel_url = heel
        onderbroken = bouw({}, url=onderbroken_url, klok=klok, werker=True)
        heel = bouw({}, url=heel_url, klok=klok, werker=True)
        try:
            _lever(onderbroken, klok)
            _lever(heel, klok)
            assert len(heel.lezen.wachtende_batches()) == BATCHES
            heel.verwerker.verwerk_wachtende()

            werker = _start(onderbroken_url, HALVERWEGE, stdin=subprocess.PIPE, stdout=subprocess.PIPE)
            assert werker.stdout.readline().strip() == "halverwege"
            werker.send_signal(signal.SIGKILL)
            werker.wait(timeout=30)
            werker.stdin.close()
            werker.stdout.close()
            assert _verwerkt_events(onderbroken) == 1  # the first batch; the second was cut off halfway

            opnieuw = _start(onderbroken_url)
            try:
                _wacht_tot(lambda: _verwerkt_events(onderbroken) == BATCHES)
                _wacht_tot(lambda: not onderbroken.lezen.wachtende_batches())
            finally:
                opnieuw.send_signal(signal.SIGINT)
                opnieuw.wait(timeout=30)
            assert _verwerkt_events(onderbroken) == BATCHES
            assert _uitkomsten(onderbroken) == _uitkomsten(heel)
        finally:
            onderbroken.sluit()
            heel.sluit()
