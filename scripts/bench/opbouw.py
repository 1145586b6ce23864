"""Every point where the benchmarks construct the product or call into it, in one place.

The benchmarks measure the product as shipped, so they build it the way the product builds itself: a process's
composition root from the environment (`service_layer.samenstelling.bouw`), the web app by `create_app`, a
rebuild by the `portaal projections rebuild` command itself.
"""

import base64
import hashlib
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from click.testing import CliRunner
from waitress.server import BaseWSGIServer, create_server

from scripts.projecties import projections
from service_layer.samenstelling import Samenstelling, bouw
from web.app import create_app, sluit

# A fixed AES-256 key, so an encrypted history cached on disk stays readable by the next run.
CIPHER_KEY = base64.b64encode(hashlib.sha256(b"portaal-bench").digest()).decode()


def omgeving(database: Path, versleuteld: bool = False, var: Path | None = None) -> dict[str, str]:
    """The environment a deployment would set: the database, and the cipher key when events are encrypted."""
    env = {"DATABASE_URL": f"sqlite:///{database.resolve()}"}
    if versleuteld:
        env["PORTAAL_CIPHER_KEY"] = CIPHER_KEY
    if var is not None:
        env["PORTAAL_VAR"] = str(var.resolve())
    return env


class Geopend:
    """A composition root as the benchmarks drive it: its use cases, and the configuration log behind them
    for what a benchmark writes in bulk (`save`, `engine`, `recorder`, `mapper`)."""

    def __init__(self, samenstelling: Samenstelling) -> None:
        self.samenstelling = samenstelling
        self.log = samenstelling.configuratie.log

    def __getattr__(self, naam: str):
        try:
            return getattr(self.samenstelling.portaal, naam)
        except AttributeError:
            return getattr(self.log, naam)


def bouw_samenstelling(env: dict[str, str], klok=None, werker: bool | None = None) -> Samenstelling:
    """A process's composition root on this environment, as `portaal` commands build it (`werker=True`:
    reads do not catch up, as when a projection worker follows the logs)."""
    return bouw(env, klok=klok, werker=werker)


def open_portaal(env: dict[str, str]) -> Geopend:
    return Geopend(bouw(env))


def sluit_portaal(portaal: Geopend) -> None:
    portaal.samenstelling.sluit()


def herbouw_zoals_cli(env: dict[str, str], *opties: str) -> None:
    """`portaal projections rebuild` with its defaults (or these options), in this process (no interpreter
    start in the time; its worker processes, one per core by default, are started as the command does)."""
    uitkomst = CliRunner(env=env).invoke(projections, ["rebuild", *opties], catch_exceptions=False)
    if uitkomst.exit_code != 0:
        raise RuntimeError(f"portaal projections rebuild faalde: {uitkomst.output}")


def bijwerken(portaal: Geopend) -> int:
    """What the embedded (SQLite) setup does before a read: catch the read models up to the log's head."""
    return portaal.samenstelling.motor.bijwerken()


def bron(portaal: Geopend):
    """The event log as the projections read it."""
    return portaal.samenstelling.motor.bron


def maak_app(env: dict[str, str], demo: bool = True):
    return create_app({**env, "PORTAAL_DEMO": demo, "SECRET_KEY": "bench"})


def sluit_app(app) -> None:
    sluit(app)


def serve_opdracht(poort: int, threads: int) -> list[str]:
    """`portaal serve --demo` (waitress) as its own process, so its GIL is not the clients'."""
    return [
        sys.executable,
        "-c",
        "from scripts.cli import main; main()",
        "serve",
        "--demo",
        "--port",
        str(poort),
        "--threads",
        str(threads),
    ]


def vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def server(env: dict[str, str], threads: int) -> Iterator[int]:
    """`portaal serve --demo` in its own process on a free loopback port, yielded once it accepts
    connections; stopped afterwards."""
    poort = vrije_poort()
    proces = subprocess.Popen(
        serve_opdracht(poort, threads),
        env={**os.environ, **env},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wacht_op_poort(proces, poort)
        yield poort
    finally:
        proces.terminate()
        proces.wait(timeout=10)


def wacht_op_poort(proces: subprocess.Popen, poort: int, seconden: float = 60) -> None:
    einde = time.monotonic() + seconden
    while True:
        try:
            socket.create_connection(("127.0.0.1", poort), timeout=1).close()
            return
        except OSError:
            if time.monotonic() > einde or proces.poll() is not None:
                raise RuntimeError(f"het portaal op poort {poort} start niet") from None
            time.sleep(0.1)


def server_in_proces(app, threads: int) -> tuple[BaseWSGIServer, int]:
    """The app served by waitress in a thread of this process, on a free loopback port, so that a benchmark
    can hand it what a `portaal serve` process cannot get (a clock of its own); the caller closes it."""
    poort = vrije_poort()
    server = create_server(app, host="127.0.0.1", port=poort, threads=threads)
    threading.Thread(target=server.run, daemon=True).start()
    return server, poort
