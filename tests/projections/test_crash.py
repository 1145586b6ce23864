"""A rebuild killed with SIGKILL at random moments and restarted ends where a clean rebuild ends."""

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
from projections.vergelijk import verifieer_alles
from scripts.bench.geschiedenis import Omvang, genereer

ROOT = Path(__file__).resolve().parents[2]
# Small batches, so that a kill can land between many commits.
REBUILD = "from scripts.projecties import projections; projections(['rebuild', '--batch', '1500'])"


def _start(database_url: str) -> subprocess.Popen:
    env = {**os.environ, "DATABASE_URL": database_url, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(
        [sys.executable, "-c", REBUILD],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def _in_uitvoering(portaal) -> bool:
    with portaal.engine.connect() as connection:
        return bool(connection.execute(select(tracking.herbouw.c.token)).first())


@pytest.mark.slow
def test_a_rebuild_killed_at_random_points_and_restarted_equals_a_clean_rebuild(portaal, database_url):
    aantal = genereer(portaal, omvang=Omvang(afnemers=10, berichttypes=300, diensten=60, events=50_000, seed=7))
    assert aantal >= 50_000
    rng = random.Random(os.environ.get("PYTEST_XDIST_WORKER", "crash"))
    onderbroken = 0
    for _ in range(10):
        proces = _start(database_url)
        time.sleep(rng.uniform(0.6, 2.0))
        if proces.poll() is not None:
            continue
        proces.send_signal(signal.SIGKILL)
        proces.wait()
        onderbroken += _in_uitvoering(portaal)
        if onderbroken >= 4:
            break
    assert onderbroken >= 2, "te weinig kills vielen midden in een herbouw"
    laatste = _start(database_url)
    assert laatste.wait(timeout=120) == 0
    assert not _in_uitvoering(portaal)
    assert not [t for t in inspect(portaal.engine).get_table_names() if "__" in t]
    assert verifieer_alles(portaal) == []
