"""Batch intake benchmarks: berichten through the koppelvlak, end to end, as shipped (embedded, SQLite).

The batches are realistic and written once to var/bench/intake/ (the XML of a thousand batches of a thousand
berichten is about 700 MB): the demo gemeente's active berichttypes, a different citizen for every bericht,
about 3% of them without a Berichtenbox. Every run starts on an empty store (cold), with the demo
configuration and the citizens' register imported before the clock starts.
"""

import http.client
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import quote

from domain.levering import Bijlagelevering
from domain.waarden import Actor, Oin
from koppelvlak.schrijven import schrijf_batch
from koppelvlak.voorbeeld import voorbeeld_berichten, voorbeeld_bsns, voorbeeld_kop
from scripts.batch import DEMO_BERICHTTYPES
from scripts.bench import opbouw
from scripts.bench.pdf import lettertypebestand, met_foto
from scripts.seed import AFNEMERS, vul_demo
from web.pki.demo_certificaten import demo_certificaten, lees_demo_certificaat_pem

MAP = Path("var/bench/intake")
VERSIE = "1"
BATCHES, PER_BATCH = 1_000, 1_000
HTTP_BATCHES = 60
ZONDER_BOX = 33  # one citizen in every 33 has no Berichtenbox
LEVERANCIER = Oin(AFNEMERS[0].oin)
# 150 berichten with two letters of 240 kB photo each: just under 100 MB of XML with the base64.
GROOT_BERICHTEN, GROOT_BIJLAGE = 150, 240 * 1024

BESCHRIJVING = {
    "intake_berichten_per_s": (
        "Berichten/s end to end in one process, as `portaal batch submit` and the API do it: 1,000 batches "
        "of "
        "1,000 berichten without attachments (XML read from disk, XSD-validated while streaming, contents "
        "stored by hash, Received event, processing of the three stages against the users register and the "
        "berichttypes, Processed event, report read models caught up after each batch) on an empty SQLite "
        "store with the demo configuration and 1,000,000 citizens (3% without a box). Target >= 20,000."
    ),
    "intake_batch_1000_p95_ms": (
        "p95 over 60 batches of 1,000 berichten: POST /api/v1/batches through waitress on a real socket "
        "(demo certificate handed over as the proxy does) until the 202, plus GET of its JSON report: the "
        "report is ready when the POST returns (embedded processing). Target <= 100 ms."
    ),
    "intake_100mb_peak_rss_mb": (
        "Peak resident memory (MB) of a fresh process that receives and processes one batch of just under "
        "100 MB: 150 berichten with two different one-page PDF/A-2a letters of about 250 kB each "
        "(validated in the PDF worker pool, whose processes are not counted here). Target <= 300 MB."
    ),
}


def _batchbestand(nummer: int) -> Path:
    return MAP / f"v{VERSIE}" / f"batch-{nummer:04d}.xml"


def _nu() -> datetime:
    # A fixed delivery day keeps the cached XML valid: the store's clock is set to it too.
    return datetime(2026, 11, 30, 14, 0, tzinfo=UTC)


def _schrijf_batches() -> None:
    (MAP / f"v{VERSIE}").mkdir(parents=True, exist_ok=True)
    for nummer in range(BATCHES):
        bestand = _batchbestand(nummer)
        if bestand.exists():
            continue
        tijdelijk = bestand.with_suffix(".bezig")
        with tijdelijk.open("wb") as uit:
            berichten = voorbeeld_berichten(PER_BATCH, DEMO_BERICHTTYPES, seed=nummer, nu=_nu())
            schrijf_batch(uit, voorbeeld_kop(LEVERANCIER.waarde, nummer, _nu()), berichten)
        tijdelijk.rename(bestand)


def _register(bsns: Iterator[str]) -> Iterator[str]:
    """The users file for these citizens, one in ZONDER_BOX left out."""
    yield "bsn;actief_van;actief_tot;uitgeschakeld"
    for teller, bsn in enumerate(bsns, start=1):
        if teller % ZONDER_BOX:
            yield f"{bsn};2020-01-01;;"


def _burgers(aantal_batches: int, per_batch: int = PER_BATCH) -> Iterator[str]:
    for nummer in range(aantal_batches):
        yield from voorbeeld_bsns(per_batch, nummer)


def klaarzetten(samenstelling, bsns: Iterator[str]) -> None:
    """The demo configuration and these citizens' register, caught up: before the clock starts."""
    vul_demo(samenstelling.portaal)
    feed = Actor(LEVERANCIER, LEVERANCIER, "bench")
    samenstelling.portaal.importeer_gebruikers(_register(bsns), feed)
    for motor in samenstelling.motoren.values():
        motor.bijwerken()


class Klok:
    """The store's clock at the fixed delivery day, moving on as real time does."""

    def __init__(self) -> None:
        self.begin = time.monotonic()

    def __call__(self) -> datetime:
        return _nu() + timedelta(seconds=time.monotonic() - self.begin)


def meet_doorvoer(werkmap: Path) -> float:
    _schrijf_batches()
    env = opbouw.omgeving(werkmap / "intake.sqlite3")
    samenstelling = opbouw.bouw_samenstelling(env, klok=Klok())
    try:
        klaarzetten(samenstelling, _burgers(BATCHES))
        begin = time.perf_counter()
        for nummer in range(BATCHES):
            with _batchbestand(nummer).open("rb") as stroom:
                aanlevering = samenstelling.portaal.lever_batch_aan(stroom, LEVERANCIER, "bench")
            samenstelling.na_commando(*aanlevering.vastgelegd)
        duur = time.perf_counter() - begin
        verwerkt = samenstelling.lezen.batch(aanlevering.batch_id)
        if verwerkt is None or verwerkt.verwerkt_op is None or verwerkt.verwerkt < PER_BATCH * 0.9:
            raise RuntimeError("de laatste batch is niet (goed) verwerkt")
    finally:
        samenstelling.sluit()
    return BATCHES * PER_BATCH / duur


def meet_http(werkmap: Path) -> float:
    var = werkmap / "var-http"
    env = opbouw.omgeving(werkmap / "http.sqlite3", var=var)
    app = opbouw.maak_app({**env, "PORTAAL_KLOK": Klok()})
    samenstelling = app.extensions["samenstelling"]
    klaarzetten(samenstelling, _burgers(HTTP_BATCHES))
    certificaat = next(c for c in demo_certificaten(var / "pki") if c.oin == LEVERANCIER.waarde)
    pem = quote(lees_demo_certificaat_pem(var / "pki", certificaat.id))
    server, poort = opbouw.server_in_proces(app, threads=4)
    tijden = []
    try:
        verbinding = http.client.HTTPConnection("127.0.0.1", poort, timeout=120)
        for nummer in range(HTTP_BATCHES):
            body = _batchbestand(nummer).read_bytes()
            begin = time.perf_counter()
            verbinding.request(
                "POST", "/api/v1/batches", body, {"Content-Type": "application/xml", "X-SSL-Client-Cert": pem}
            )
            antwoord = verbinding.getresponse()
            status = antwoord.read()
            if antwoord.status != 202:
                raise RuntimeError(f"POST: {antwoord.status} {status[:300]!r}")
            verslag = antwoord.getheader("Location") + "/verslag"
            verbinding.request(
                "GET", verslag, headers={"Accept": "application/json", "X-SSL-Client-Cert": pem}
            )
            antwoord = verbinding.getresponse()
            antwoord.read()
            tijden.append(time.perf_counter() - begin)
            if antwoord.status != 200:
                raise RuntimeError(f"GET verslag: {antwoord.status}")
    finally:
        server.close()
        opbouw.sluit_app(app)
    return statistics.quantiles(tijden[5:], n=20)[-1] * 1000


def _grote_batch(bestand: Path) -> None:
    if bestand.exists():
        return
    lettertype = lettertypebestand()
    bijlagen = [met_foto(n, GROOT_BIJLAGE, lettertype) for n in range(GROOT_BERICHTEN * 2)]
    berichten = voorbeeld_berichten(GROOT_BERICHTEN, DEMO_BERICHTTYPES, seed=7, nu=_nu())
    compleet = (_met_bijlagen(b, bijlagen[2 * i], bijlagen[2 * i + 1]) for i, b in enumerate(berichten))
    tijdelijk = bestand.with_suffix(".bezig")
    with tijdelijk.open("wb") as uit:
        schrijf_batch(uit, voorbeeld_kop(LEVERANCIER.waarde, 7, _nu()), compleet)
    tijdelijk.rename(bestand)


def _met_bijlagen(bericht, een: bytes, twee: bytes):
    return replace(
        bericht,
        bijlagen=(
            Bijlagelevering("brief.pdf", 1, len(een), een),
            Bijlagelevering("bijlage.pdf", 2, len(twee), twee),
        ),
    )


def meet_geheugen(werkmap: Path) -> float:
    bestand = MAP / f"v{VERSIE}" / f"groot-{GROOT_BERICHTEN}x2x{GROOT_BIJLAGE}.xml"
    bestand.parent.mkdir(parents=True, exist_ok=True)
    _grote_batch(bestand)
    uitvoer = subprocess.run(
        [sys.executable, "-m", "scripts.bench.intake_geheugen", str(bestand), str(werkmap / "groot.sqlite3")],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ},
    )
    return float(uitvoer.stdout.strip().splitlines()[-1])


def run() -> dict[str, tuple[float, str]]:
    with tempfile.TemporaryDirectory(dir="var") as map_:
        werkmap = Path(map_)
        return {
            "intake_berichten_per_s": (meet_doorvoer(werkmap), "berichten/s"),
            "intake_batch_1000_p95_ms": (meet_http(werkmap), "ms"),
            "intake_100mb_peak_rss_mb": (meet_geheugen(werkmap), "MB"),
        }
