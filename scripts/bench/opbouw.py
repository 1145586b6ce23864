"""Every point where the benchmarks construct the product or call into it, in one place.

The benchmarks measure the product as shipped, so they build it the way the product builds itself: the
event store as `open_portaal` opens it from the environment, the web app by `create_app`, a rebuild by the
`portaal projections rebuild` command itself. When the composition root replaces these, this module is the
one to switch.
"""

import base64
import hashlib
import sys
from pathlib import Path

from click.testing import CliRunner

from events_store import portaal as portaal_module
from projections import runner
from scripts.projecties import projections
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


def open_portaal(env: dict[str, str]):
    return portaal_module.open_portaal(env)


def sluit_portaal(portaal) -> None:
    portaal.close()
    portaal.engine.dispose()


def herbouw_zoals_cli(env: dict[str, str]) -> None:
    """`portaal projections rebuild` with its defaults, in this process (no interpreter start in the time)."""
    uitkomst = CliRunner(env=env).invoke(projections, ["rebuild"], catch_exceptions=False)
    if uitkomst.exit_code != 0:
        raise RuntimeError(f"portaal projections rebuild faalde: {uitkomst.output}")


def bijwerken(portaal) -> int:
    """What a command in the embedded (SQLite) setup does after it ran: bring the read models up to date."""
    return runner.bijwerken(portaal)


def bron(portaal):
    """The event log as the projections read it."""
    return runner.bron_van(portaal)


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
