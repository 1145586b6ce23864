"""A rebuild killed with SIGKILL at random points and restarted ends where a clean rebuild ends.

Deterministic: the killed process reports each committed batch and then waits for the test's go-ahead, so
the test knows a rebuild is under way before it kills, and the process cannot finish (swap) in between.
Where the kill lands is random: while the process waits between batches or in the middle of the next one.
"""

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import inspect, select

from projections import tracking
from projections.motor import Projectiemotor
from projections.vergelijk import verifieer_alles
from scripts.bench.geschiedenis import Omvang, genereer

ROOT = Path(__file__).resolve().parents[2]
BATCH = 1500  # small batches, so that a kill can land between many commits
# A rebuild that prints the position of each committed batch and then waits for "verder" on stdin.
STAP_VOOR_STAP = f"""
import sys
from service_layer.samenstelling import bouw

def na_batch(positie):
    print(positie, flush=True)
    if sys.stdin.readline().strip() != "verder":
        raise SystemExit(3)

bouw().motor.herbouw(batch={BATCH}, voortgang=na_batch)
"""
REBUILD = f"from scripts.projecties import projections; projections(['rebuild', '--batch', '{BATCH}'])"


def _start(database_url: str, code: str, **opties) -> subprocess.Popen:
    env = {**os.environ, "DATABASE_URL": database_url, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(
        [sys.executable, "-c", code], cwd=ROOT, env=env, stderr=subprocess.DEVNULL, text=True, **opties
    )


def _rebuild_in_uitvoering(portaal) -> dict[str, int]:
    """Position per `naam#token` of the rebuild that has not been swapped in; empty when there is none."""
    p, h = tracking.posities.c, tracking.herbouw.c
    with portaal.engine.connect() as connection:
        tokens = dict(connection.execute(select(h.projectie, h.token)).all())
        namen = [f"{naam}#{token}" for naam, token in tokens.items()]
        return dict(connection.execute(select(p.projectie, p.positie).where(p.projectie.in_(namen))).all())


def _kill_na(proces: subprocess.Popen, batches: int, rng: random.Random) -> list[int]:
    """Let the rebuild commit `batches` batches, let it go on, and kill it a random moment later."""
    gezien = []
    for _ in range(batches):
        regel = proces.stdout.readline()
        assert regel.strip().isdigit(), f"de herbouw stopte: {regel!r}, status {proces.poll()}"
        gezien.append(int(regel))
        proces.stdin.write("verder\n")
        proces.stdin.flush()
    time.sleep(rng.uniform(0, 0.05))  # waiting for the next "verder", or in the middle of the next batch
    proces.send_signal(signal.SIGKILL)
    proces.wait()
    proces.stdin.close()
    proces.stdout.close()
    return gezien


@pytest.mark.slow
def test_a_rebuild_killed_at_random_points_and_restarted_equals_a_clean_rebuild(portaal, database_url):
    omvang = Omvang(afnemers=10, berichttypes=300, diensten=60, events=50_000, seed=7)
    aantal = genereer(portaal, omvang=omvang)
    assert aantal >= 50_000
    rng = random.Random(os.environ.get("PYTEST_XDIST_WORKER", "crash"))
    vorige: dict[str, int] = {}
    for _ in range(4):
        proces = _start(database_url, STAP_VOOR_STAP, stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        gezien = _kill_na(proces, rng.randint(1, 3), rng)
        stand = _rebuild_in_uitvoering(portaal)
        # Killed in the middle of the rebuild; it resumed the same tables and kept every committed batch.
        assert stand and set(vorige) <= set(stand)
        assert all(stand[naam] >= positie for naam, positie in vorige.items())
        assert min(stand.values()) >= gezien[-1]
        vorige = stand
    laatste = _start(database_url, REBUILD, stdout=subprocess.DEVNULL)
    assert laatste.wait(timeout=300) == 0
    assert _rebuild_in_uitvoering(portaal) == {}
    assert not [t for t in inspect(portaal.engine).get_table_names() if "__" in t]
    motor = Projectiemotor(portaal)
    assert verifieer_alles(motor) == []
