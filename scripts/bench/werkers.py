"""Workers that stand in for each other, and commands that no longer wait for a worker that is not there.

On a fresh SQLite store under a temporary directory: two `portaal projections run` processes, the second
waiting for the first's lock; the first killed with SIGKILL; how long until the second follows (its own
heartbeat in `werker_hartslag`). Then, with no worker running but the worker configured, what a command with
its catch-up costs (before the heartbeat, each such command waited the full second for the worker).
"""

import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from domain.waarden import Actor, BerichttypeCode, Notificatiekenmerk, Oin, Rol
from service_layer.samenstelling import bouw

ROOT = Path(__file__).resolve().parents[2]
AFNEMER = Oin("00000099000000000101")
COMMANDO_S = 50

BESCHRIJVING = {
    "worker_takeover_ms": (
        "From SIGKILL of the projection worker following the configuration log to the first heartbeat of the "
        "second worker that was waiting for its lock (`portaal projections run` twice, SQLite, lock polled "
        "every 0.25 s). Target <= 1000 ms."
    ),
    "command_without_worker_ms": (
        "Mean time of a command plus its catch-up (Samenstelling.na_commando) with the worker configured but "
        "not running, 50 commands, SQLite. Before the heartbeat each waited the full second (WACHTTIJD) "
        "first. Target <= 50 ms."
    ),
}


def _werker(url: str) -> subprocess.Popen:
    env = {**os.environ, "DATABASE_URL": url, "PYTHONPATH": str(ROOT)}
    opdracht = [sys.executable, "-c", "from scripts.cli import main; main()", "projections", "run"]
    return subprocess.Popen(opdracht, cwd=ROOT, env=env, stderr=subprocess.DEVNULL)


def _volger(samenstelling) -> int | None:
    gezien = samenstelling.motor.volger()
    return gezien.pid if gezien is not None else None


def _wacht(voorwaarde, seconden: float = 60) -> None:
    einde = time.monotonic() + seconden
    while not voorwaarde():
        if time.monotonic() > einde:
            raise RuntimeError("de werker kwam niet")
        time.sleep(0.005)


def _overname(url: str, samenstelling) -> float:
    eerste = _werker(url)
    _wacht(lambda: _volger(samenstelling) == eerste.pid)
    tweede = _werker(url)
    time.sleep(3)  # its imports and its start, until it polls the lock
    begin = time.monotonic()
    eerste.send_signal(signal.SIGKILL)
    eerste.wait()
    _wacht(lambda: _volger(samenstelling) == tweede.pid)
    duur = (time.monotonic() - begin) * 1000
    tweede.send_signal(signal.SIGTERM)
    tweede.wait(timeout=60)
    return duur


def _commandos(samenstelling) -> float:
    door = Actor(AFNEMER, AFNEMER, "bench")
    tijden = []
    for i in range(COMMANDO_S):
        begin = time.perf_counter()
        vastgelegd = samenstelling.portaal.maak_berichttype(
            AFNEMER, BerichttypeCode(f"B{i}"), "Bench", Notificatiekenmerk.BETALEN, door
        )
        samenstelling.na_commando(vastgelegd)
        tijden.append((time.perf_counter() - begin) * 1000)
    return statistics.mean(tijden)


def run() -> dict[str, tuple[float, str]]:
    with tempfile.TemporaryDirectory(prefix="portaal-bench-werkers-") as map_:
        url = f"sqlite:///{Path(map_) / 'portaal.sqlite3'}"
        samenstelling = bouw({}, url=url, werker=True)
        try:
            beheer = Actor(Oin("00000099000000000001"), Oin("00000099000000000001"), "bench")
            samenstelling.na_commando(
                samenstelling.portaal.registreer_organisatie(
                    AFNEMER, "Bench", Rol.AFNEMER, list(Notificatiekenmerk), beheer
                )
            )
            overname = _overname(url, samenstelling)
            _wacht(lambda: _volger(samenstelling) is None)
            zonder = _commandos(samenstelling)
        finally:
            samenstelling.sluit()
    return {"worker_takeover_ms": (overname, "ms"), "command_without_worker_ms": (zonder, "ms")}
