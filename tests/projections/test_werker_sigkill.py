"""The projection worker (`portaal projections run`) killed with SIGKILL in the middle of catching up on a
long log, and started again: it resumes where its last committed batch left off, and the read models end
equal to a replay of the events (an event applied twice would show as a surplus row or count).

Deterministic about *that* the worker is mid-catch-up when it dies: the killed worker reports each committed
batch and waits for the test's go-ahead. Random about *where* it dies: waiting for the go-ahead, or in the
middle of the next batch."""

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from projections.motor import Projectiemotor
from projections.vergelijk import verifieer_alles
from scripts.bench.geschiedenis import Omvang, genereer

ROOT = Path(__file__).resolve().parents[2]
BATCH = 1000
# The worker as shipped, with each committed batch of the configuration log reported and held up.
STAP_VOOR_STAP = f"""
import sys
from projections import runner

runner.BATCH = {BATCH}
een_transactie = runner.een_transactie

def gemeld(engine, bron, doelen, limiet, tot):
    laatste = een_transactie(engine, bron, doelen, {BATCH}, tot)
    if bron.logboek == "portaal":
        print(laatste, flush=True)
        if sys.stdin.readline().strip() != "verder":
            raise SystemExit(3)
    return laatste

runner.een_transactie = gemeld
from scripts.cli import main
main(["projections", "run", "--interval", "0.05"])
"""


def _start(database_url: str, code: str | None = None, **opties) -> subprocess.Popen:
    env = {**os.environ, "DATABASE_URL": database_url, "PYTHONPATH": str(ROOT)}
    opdracht = ["-c", code] if code else ["-c", "from scripts.cli import main; main()", "projections", "run"]
    return subprocess.Popen(
        [sys.executable, *opdracht], cwd=ROOT, env=env, stderr=subprocess.DEVNULL, text=True, **opties
    )


def _kill_midden_in(werker: subprocess.Popen, batches: int, rng: random.Random) -> int:
    """Let the worker commit `batches` batches, let it go on, kill it a random moment later; returns the
    position of the last batch it reported committed."""
    positie = 0
    for _ in range(batches):
        regel = werker.stdout.readline()
        assert regel.strip().isdigit(), f"de werker stopte: {regel!r}, status {werker.poll()}"
        positie = int(regel)
        werker.stdin.write("verder\n")
        werker.stdin.flush()
    time.sleep(rng.uniform(0, 0.05))
    werker.send_signal(signal.SIGKILL)
    werker.wait(timeout=30)
    werker.stdin.close()
    werker.stdout.close()
    return positie


def test_a_projection_worker_killed_mid_catch_up_and_started_again_resumes_without_applying_twice(
    portaal, database_url
):
    aantal = genereer(
        portaal, omvang=Omvang(afnemers=6, berichttypes=150, diensten=30, events=12_000, seed=11)
    )
    # The tables first, as a deployment's first start does: this test is about resuming, not start order.
    for eigen in portaal.samenstelling.motoren.values():
        eigen.installeer()
    motor = Projectiemotor(portaal)
    kop = motor.hoogste()
    assert aantal >= 12_000 and kop >= 12_000
    rng = random.Random(os.environ.get("PYTEST_XDIST_WORKER", "sigkill"))
    vorige = 0
    for _ in range(2):
        werker = _start(database_url, STAP_VOOR_STAP, stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        gemeld = _kill_midden_in(werker, rng.randint(1, 2), rng)
        stand = motor.positie()
        # Died mid-catch-up; kept every batch it committed, and began again after the last one.
        assert gemeld > vorige and gemeld <= stand < kop
        vorige = stand

    opnieuw = _start(database_url)
    try:
        einde = time.monotonic() + 60
        while motor.positie() < kop:
            assert time.monotonic() < einde, "de herstarte werker haalde de kop van het log niet in"
            time.sleep(0.1)
    finally:
        opnieuw.send_signal(signal.SIGINT)
        assert opnieuw.wait(timeout=30) == 0
    assert verifieer_alles(motor) == []
