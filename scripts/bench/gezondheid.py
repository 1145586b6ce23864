"""`/readyz` and `/healthz` as a load balancer or orchestrator asks them: over HTTP, one keep-alive
connection, one probe after the other, against `portaal serve` (waitress, own process) on loopback.

The store: `portaal seed-demo` (the demo configuration, citizens, six processed batches, about 2,800
events over the logs), plus 200 batches delivered and still waiting for processing (as with the processing
worker down for a moment), so the queue check has rows to find. Settings as shipped: SQLite file, embedded
projections, 8 threads, default thresholds; demo mode only for its certificates and secret key.

With PORTAAL_BENCH_POSTGRES set to a PostgreSQL server's URL (`postgresql+psycopg://user@host/postgres`) the
same is measured once more on a fresh database there (made and dropped by the benchmark):
`readyz_p99_ms_postgres`.
"""

import http.client
import os
import shutil
import statistics
import tempfile
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path

from click.testing import CliRunner

from domain.batch import OntvangenBericht
from domain.levering import Batchkop
from domain.waarden import Actor, Oin
from scripts.bench import opbouw
from scripts.bench.tijdelijke_database import postgres_database
from scripts.seed_demo import seed_demo

MAP = Path("var/bench")
WACHTENDE_BATCHES = 200
OPWARMEN, METINGEN, SERVER_THREADS = 200, 5_000, 8
GEMEENTE = Oin("00000099000000000101")

BESCHRIJVING = {
    "readyz_p99_ms": (
        "p99 of GET /readyz over real HTTP, measured by the client from sending the request to reading the "
        "whole answer: `portaal serve` (waitress, 8 threads, own process, SQLite file as shipped) on "
        "loopback, one keep-alive connection, 5,000 probes one after the other after 200 warm-up probes. The "
        "store is `portaal seed-demo` plus 200 batches waiting for processing; every answer must be 200. "
        "Each probe reads every log's head, every projection's position and the queue in one statement. "
        "Target <= 5 ms."
    ),
    "readyz_p50_ms": "The median of the same 5,000 /readyz probes.",
    "readyz_p99_ms_postgres": (
        "readyz_p99_ms with the store on PostgreSQL (PORTAAL_BENCH_POSTGRES: a fresh database on that server,"
        " the same data, embedded projections, no worker), over the same loopback HTTP path. Target <= 5 ms."
    ),
    "healthz_p99_ms": (
        "p99 of GET /healthz (no database access) in the same way: 5,000 probes after 200 warm-up probes, "
        "the same server and connection. What the HTTP path alone costs."
    ),
}


def _vul(env: dict[str, str]) -> None:
    uitkomst = CliRunner(env=env).invoke(seed_demo, [], catch_exceptions=False)
    if uitkomst.exit_code != 0:
        raise RuntimeError(f"portaal seed-demo faalde: {uitkomst.output}")
    portaal = opbouw.open_portaal(env)
    try:
        batches = portaal.samenstelling.verwerking.batches
        actor = Actor(GEMEENTE, GEMEENTE, "bench")
        for _ in range(WACHTENDE_BATCHES):
            bericht = OntvangenBericht(str(uuid.uuid4()), "AANSLAG", "111222333", "0" * 64, None)
            kop = Batchkop(str(uuid.uuid4()), datetime.now(UTC), GEMEENTE.waarde)
            batches.ontvang_batch(kop, GEMEENTE, [bericht], actor)
        for motor in portaal.samenstelling.motoren.values():
            motor.bijwerken()
    finally:
        opbouw.sluit_portaal(portaal)


def _tijden(verbinding: http.client.HTTPConnection, pad: str, aantal: int) -> list[float]:
    tijden = []
    for _ in range(aantal):
        begin = time.perf_counter()
        verbinding.request("GET", pad)
        antwoord = verbinding.getresponse()
        lichaam = antwoord.read()
        tijden.append(time.perf_counter() - begin)
        if antwoord.status != 200:
            raise RuntimeError(f"{pad} gaf {antwoord.status}: {lichaam[:500]!r}")
    return tijden


def _ms(tijden: list[float], kwantiel: int) -> float:
    return statistics.quantiles(tijden, n=100, method="inclusive")[kwantiel - 1] * 1000


def meet(werkmap: Path, database_url: str | None = None) -> dict[str, tuple[float, str]]:
    env = {
        **opbouw.omgeving(werkmap / "gezondheid.sqlite3", var=werkmap / "var"),
        "PORTAAL_DEMO": "1",
        "SECRET_KEY": "bench",
    }
    if database_url:
        env["DATABASE_URL"] = database_url
    pki = MAP / "pki"
    if pki.exists() and not (werkmap / "var" / "pki").exists():
        # Making the demo PKI takes a few seconds; the web bench keeps one.
        shutil.copytree(pki, werkmap / "var" / "pki")
    _vul(env)
    with opbouw.server(env, SERVER_THREADS) as poort:
        verbinding = http.client.HTTPConnection("127.0.0.1", poort, timeout=30)
        _tijden(verbinding, "/readyz", OPWARMEN)
        readyz = _tijden(verbinding, "/readyz", METINGEN)
        _tijden(verbinding, "/healthz", OPWARMEN)
        healthz = _tijden(verbinding, "/healthz", METINGEN)
        verbinding.close()
    return {
        "readyz_p99_ms": (_ms(readyz, 99), "ms"),
        "readyz_p50_ms": (_ms(readyz, 50), "ms"),
        "healthz_p99_ms": (_ms(healthz, 99), "ms"),
    }


def run() -> dict[str, tuple[float, str]]:
    with tempfile.TemporaryDirectory() as map_:
        resultaten = meet(Path(map_))
        server = os.environ.get("PORTAAL_BENCH_POSTGRES")
        if server:
            with postgres_database(server) as url:
                op_postgres = meet(Path(map_) / "postgres", url)
            resultaten["readyz_p99_ms_postgres"] = op_postgres["readyz_p99_ms"]
    return resultaten


if __name__ == "__main__":
    for naam, (waarde, eenheid) in run().items():
        print(f"{naam:40} {waarde:10.3f} {eenheid}")
