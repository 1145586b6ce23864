"""`portaal bench load`: a bounded mixed load against real `portaal serve` processes on the loopback, driven
by locust (scripts/bench/last_locust.py), on SQLite as shipped and on PostgreSQL with two web processes and
separate projection and processing workers; and a soak that watches the web process's memory.

The store is what `portaal seed-demo` makes (three afnemers, an intermediair, the beheerder and the users
feed; 54 berichttypes and their diensten; six processed batches; 2,910 citizens with a Berichtenbox), started
fresh for every measurement. The web processes run as in production, not in demo mode: the demo PKI's root,
tussen-CA and CRL configured through PORTAAL_PKI_*, 127.0.0.1 as the trusted proxy, the certificate in the
header.

Durations: PORTAAL_BENCH_LOAD_S (default 60 s per database), PORTAAL_BENCH_SOAK_S (default 600 s; 0 skips
the soak), PORTAAL_BENCH_LOAD_USERS (default 12). PostgreSQL: the server in PORTAAL_BENCH_POSTGRES_URL, else
DATABASE_URL when it names PostgreSQL, else postgresql+psycopg://postgres@127.0.0.1:5432/postgres; a fresh
database is made on it for the run and dropped after. Without a server the PostgreSQL figures are skipped.
"""

import json
import os
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import click
from sqlalchemy import create_engine
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError

from koppelvlak.schrijven import schrijf_batch
from koppelvlak.voorbeeld import voorbeeld_berichten, voorbeeld_bsns, voorbeeld_kop
from scripts.batch import DEMO_BERICHTTYPES
from scripts.bench import opbouw
from scripts.bench.tijdelijke_database import postgres_database
from web.pki import demo_bestanden
from web.pki.demo_pki import maak_demo_pki

LEVERANCIER = "00000099000000000101"
BATCH_BERICHTEN = 10
SERVER_THREADS = 8
STANDAARD_POSTGRES = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"


def _getal(naam: str, standaard: float) -> float:
    return float(os.environ.get(naam, "") or standaard)


def instellingen() -> tuple[float, float, int]:
    """(load seconds per database, soak seconds, users), from the environment."""
    return (
        _getal("PORTAAL_BENCH_LOAD_S", 60),
        _getal("PORTAAL_BENCH_SOAK_S", 600),
        int(_getal("PORTAAL_BENCH_LOAD_USERS", 12)),
    )


_DUUR, _SOAK, _GEBRUIKERS = instellingen()
_MIX = (
    f"{_GEBRUIKERS} locust users (FastHttpUser, no think time) as the demo afnemer Gemeente Voorbeeldstad, "
    "logged in through POST /inloggen/certificaat with its certificate handed over as nginx does "
    "(X-SSL-Client-Cert from 127.0.0.1, not demo mode), each choosing by weight: 12 a page (Home, "
    "Berichttypes overzicht, a berichttype's details, Diensten, Berichtverwerking), 2 create a berichttype, "
    "2 change one of its own, 2 POST /api/v1/batches (10 berichten, new BatchID and BerichtIDs each time), "
    "3 POST /api/v1/toegang; an error is any other status than 200 (page, access), 302 (command) or 202 "
    "(batch) or a 302 to the login, or a connection error. Store: `portaal seed-demo` (6 organisaties, 54 "
    "berichttypes, 151 configuration events, 6 processed batches, 2,910 citizens with a Berichtenbox), "
    "growing with what the load adds. Load generator and servers share the machine's 2 cores"
)
_SQLITE = f"{_MIX}; one `portaal serve` process (waitress, {SERVER_THREADS} threads) on SQLite, as shipped"
_PG = (
    f"{_MIX}; PostgreSQL (local server), two `portaal serve` processes ({SERVER_THREADS} threads each, "
    "users split evenly between them), one `portaal projections run` and one `portaal verwerking run` "
    "worker, PORTAAL_PROJECTIE_WERKER=1"
)
_METING = f"measured over {_DUUR:g} s after a 5 s warm-up (logins not counted)"
BESCHRIJVING = {
    **{
        f"load_mixed_req_per_s_{db}": f"Requests/s completed. {tekst}; {_METING}."
        for db, tekst in (("sqlite", _SQLITE), ("postgresql", _PG))
    },
    **{
        f"load_errors_{db}": f"Failed requests (must be 0). {tekst}; {_METING}."
        for db, tekst in (("sqlite", _SQLITE), ("postgresql", _PG))
    },
    **{
        f"load_p{p}_ms_{db}": (
            f"p{p} response time (locust's own percentile) over all requests. {tekst}; {_METING}."
        )
        for db, tekst in (("sqlite", _SQLITE), ("postgresql", _PG))
        for p in (50, 95, 99)
    },
    "soak_rss_growth_mb": (
        f"Growth of the web process's resident memory (VmRSS in /proc/PID/status, read every 5 s) from the "
        f"first reading after {min(60.0, _SOAK / 10):g} s (warm-up) to the last, at the end of {_SOAK:g} s "
        f"of the same load on SQLite ({_SQLITE}). Target <= 20 MB."
    ),
}


# -- the processes ----------------------------------------------------------------------------------------


def portaal_opdracht(*argumenten: str) -> list[str]:
    """A `portaal` command as its own process, with this interpreter (no console script needed)."""
    return [sys.executable, "-c", "from scripts.cli import main; main()", *argumenten]


@dataclass
class Opstelling:
    """A store, a demo PKI and the environment every process of one run gets, as a deployment sets it."""

    map: Path
    database_url: str
    env: dict[str, str] = field(default_factory=dict)
    processen: list[subprocess.Popen] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.map.mkdir(parents=True, exist_ok=True)
        pki = self.map / "var" / "pki"
        self.env = {
            **os.environ,
            "DATABASE_URL": self.database_url,
            "PORTAAL_VAR": str(self.map / "var"),
            "SECRET_KEY": "bench-" + uuid.uuid4().hex,
            "PORTAAL_PKI_TRUST_ANCHORS": str(pki / demo_bestanden.ROOT_BESTAND),
            "PORTAAL_PKI_INTERMEDIATES": str(pki / demo_bestanden.TUSSEN_BESTAND),
            "PORTAAL_PKI_CRLS": str(pki / demo_bestanden.CRL_BESTAND),
            "PORTAAL_PKI_PROXIES": "127.0.0.1",
        }
        self.env.pop("PORTAAL_DEMO", None)

    @property
    def pki(self) -> Path:
        return self.map / "var" / "pki"

    def vul(self) -> None:
        """The demo PKI, the demo store, the batch the load varies and the citizens it asks about."""
        maak_demo_pki(self.pki)
        subprocess.run(portaal_opdracht("seed-demo"), env=self.env, check=True, capture_output=True)
        with (self.map / "batch.xml").open("wb") as uit:
            berichten = voorbeeld_berichten(BATCH_BERICHTEN, DEMO_BERICHTTYPES, seed=0)
            schrijf_batch(uit, voorbeeld_kop(LEVERANCIER, 0), berichten)
        (self.map / "burgers.txt").write_text("\n".join(voorbeeld_bsns(1000, 0)) + "\n")

    def start(self, naam: str, *argumenten: str, werker: bool = False) -> subprocess.Popen:
        env = {**self.env, "PORTAAL_PROJECTIE_WERKER": "1"} if werker else self.env
        with (self.map / f"{naam}.log").open("wb") as log:  # the child keeps its own handle
            proces = subprocess.Popen(
                portaal_opdracht(*argumenten), env=env, stdout=log, stderr=subprocess.STDOUT
            )
        self.processen.append(proces)
        return proces

    def web(self, werker: bool = False) -> tuple[subprocess.Popen, str]:
        poort = opbouw.vrije_poort()
        proces = self.start(
            f"web-{poort}", "serve", "--port", str(poort), "--threads", str(SERVER_THREADS), werker=werker
        )
        opbouw.wacht_op_poort(proces, poort)
        return proces, f"http://127.0.0.1:{poort}"

    def stop(self) -> None:
        for proces in self.processen:
            proces.terminate()
        for proces in self.processen:
            try:
                proces.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proces.kill()
                proces.wait()
        self.processen.clear()

    def logs(self) -> str:
        return "\n".join(
            f"== {p.name}\n{p.read_text(errors='replace')[-3000:]}" for p in self.map.glob("*.log")
        )


def last(opstelling: Opstelling, hosts: list[str], duur: float, gebruikers: int, opwarmen: float = 5) -> dict:
    """The locust run, in a process of its own; its JSON summary."""
    uitvoer = subprocess.run(
        [
            sys.executable,
            "-m",
            "scripts.bench.last_locust",
            *(a for h in hosts for a in ("--host", h)),
            "--pki",
            str(opstelling.pki),
            "--batch",
            str(opstelling.map / "batch.xml"),
            "--burgers",
            str(opstelling.map / "burgers.txt"),
            "--duur",
            str(duur),
            "--opwarmen",
            str(opwarmen),
            "--gebruikers",
            str(gebruikers),
        ],
        capture_output=True,
        text=True,
        timeout=duur + opwarmen + 120,
    )
    if uitvoer.returncode != 0:
        raise RuntimeError(f"locust faalde:\n{uitvoer.stderr[-3000:]}")
    return json.loads(uitvoer.stdout.strip().splitlines()[-1])


@contextmanager
def sqlite_opstelling(map_: Path) -> Iterator[tuple[Opstelling, subprocess.Popen, list[str]]]:
    """As shipped: one `portaal serve` on an SQLite file, the read models caught up in the process."""
    opstelling = Opstelling(map_, f"sqlite:///{(map_ / 'portaal.sqlite3').resolve()}")
    opstelling.vul()
    try:
        proces, host = opstelling.web()
        yield opstelling, proces, [host]
    finally:
        opstelling.stop()


def postgres_server() -> str | None:
    """The PostgreSQL server to measure on, or None when none answers."""
    url = os.environ.get("PORTAAL_BENCH_POSTGRES_URL") or ""
    if not url and os.environ.get("DATABASE_URL", "").startswith("postgresql"):
        url = os.environ["DATABASE_URL"]
    url = url or STANDAARD_POSTGRES
    engine = create_engine(make_url(url).set(database="postgres"), isolation_level="AUTOCOMMIT")
    try:
        with engine.connect():
            return url
    except OperationalError:
        return None
    finally:
        engine.dispose()


@contextmanager
def postgres_opstelling(map_: Path, server: str) -> Iterator[tuple[Opstelling, list[str]]]:
    """Scaled out: the workers first (they follow every log), then two web processes in worker mode."""
    with ExitStack() as stapel:
        url = stapel.enter_context(postgres_database(server))
        opstelling = Opstelling(map_, url)
        opstelling.vul()
        stapel.callback(opstelling.stop)
        opstelling.start("projecties", "projections", "run", werker=True)
        opstelling.start("verwerking", "verwerking", "run", werker=True)
        hosts = [opstelling.web(werker=True)[1] for _ in range(2)]
        yield opstelling, hosts


# -- the measurements ---------------------------------------------------------------------------------------


def _cijfers(uitslag: dict, db: str) -> dict[str, tuple[float, str]]:
    return {
        f"load_mixed_req_per_s_{db}": (uitslag["per_s"], "req/s"),
        f"load_errors_{db}": (uitslag["fouten"], "requests"),
        f"load_p50_ms_{db}": (uitslag["p50_ms"], "ms"),
        f"load_p95_ms_{db}": (uitslag["p95_ms"], "ms"),
        f"load_p99_ms_{db}": (uitslag["p99_ms"], "ms"),
    }


def _meld(db: str, uitslag: dict, opstelling: Opstelling) -> None:
    click.echo(
        f"   {db}: {uitslag['verzoeken']} verzoeken, {uitslag['per_s']:.1f}/s, fouten {uitslag['fouten']}, "
        f"p50/p95/p99 {uitslag['p50_ms']}/{uitslag['p95_ms']}/{uitslag['p99_ms']} ms, "
        f"load {os.getloadavg()[0]:.2f}",
        err=True,
    )
    for soort, cijfers in sorted(uitslag["per_soort"].items()):
        if not cijfers["aantal"]:
            continue
        click.echo(
            f"     {soort:34} {cijfers['aantal']:6} x  p50/p95/p99 {cijfers['p50_ms']}/{cijfers['p95_ms']}/"
            f"{cijfers['p99_ms']} ms  fouten {cijfers['fouten']}",
            err=True,
        )
    for fout in uitslag["foutmeldingen"]:
        click.echo(f"   fout ({fout['aantal']}x) {fout['soort']}: {fout['melding']}", err=True)
    if uitslag["fouten"]:
        click.echo(opstelling.logs(), err=True)


def rss_mb(pid: int) -> float:
    for regel in Path(f"/proc/{pid}/status").read_text().splitlines():
        if regel.startswith("VmRSS:"):
            return int(regel.split()[1]) / 1024
    raise RuntimeError(f"geen VmRSS voor proces {pid}")


def meet_sqlite(map_: Path, duur: float, gebruikers: int) -> dict[str, tuple[float, str]]:
    with sqlite_opstelling(map_) as (opstelling, _, hosts):
        uitslag = last(opstelling, hosts, duur, gebruikers)
        _meld("sqlite", uitslag, opstelling)
    return _cijfers(uitslag, "sqlite")


def meet_postgres(map_: Path, server: str, duur: float, gebruikers: int) -> dict[str, tuple[float, str]]:
    with postgres_opstelling(map_, server) as (opstelling, hosts):
        uitslag = last(opstelling, hosts, duur, gebruikers)
        _meld("postgresql", uitslag, opstelling)
    return _cijfers(uitslag, "postgresql")


def meet_soak(map_: Path, duur: float, gebruikers: int) -> dict[str, tuple[float, str]]:
    """The load for `duur` seconds on SQLite; VmRSS of the web process after 60 s (or a tenth of a short
    run) and at the end, while the load still runs."""
    opwarmen = min(60.0, duur / 10)
    metingen: list[tuple[float, float]] = []
    with sqlite_opstelling(map_) as (opstelling, proces, hosts):
        klaar = threading.Event()

        def volg() -> None:
            begin = time.monotonic()
            while not klaar.wait(5):
                metingen.append((time.monotonic() - begin, rss_mb(proces.pid)))

        volger = threading.Thread(target=volg, daemon=True)
        volger.start()
        uitslag = last(opstelling, hosts, duur - opwarmen, gebruikers, opwarmen=opwarmen)
        klaar.set()
        volger.join()
        _meld("soak", uitslag, opstelling)
    per_minuut = [f"{t:.0f} s {mb:.1f}" for t, mb in metingen[11::12]]
    click.echo(f"   soak: VmRSS (MB) per minuut: {', '.join(per_minuut)}", err=True)
    na_opwarmen = next(mb for t, mb in metingen if t >= opwarmen)
    groei = metingen[-1][1] - na_opwarmen
    click.echo(
        f"   soak: VmRSS {na_opwarmen:.1f} MB na {opwarmen:g} s, {metingen[-1][1]:.1f} MB na "
        f"{metingen[-1][0]:.0f} s, hoogste {max(mb for _, mb in metingen):.1f} MB",
        err=True,
    )
    if uitslag["fouten"]:
        raise RuntimeError(f"de soak gaf {uitslag['fouten']} fouten")
    return {"soak_rss_growth_mb": (groei, "MB")}


def run() -> dict[str, tuple[float, str]]:
    duur, soak, gebruikers = instellingen()
    click.echo(f"   belasting op de machine bij de start: {os.getloadavg()}", err=True)
    Path("var").mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory(dir="var", prefix="last-") as map_:
        werkmap = Path(map_)
        resultaten = meet_sqlite(werkmap / "sqlite", duur, gebruikers)
        server = postgres_server()
        if server is None:
            click.echo("   geen PostgreSQL-server: de PostgreSQL-metingen zijn overgeslagen", err=True)
        else:
            resultaten.update(meet_postgres(werkmap / "postgresql", server, duur, gebruikers))
        if soak > 0:
            resultaten.update(meet_soak(werkmap / "soak", soak, gebruikers))
    return resultaten
