"""Benchmarks of the Berichtverwerking and Totalen tabs (`portaal bench --only rapportage`), on a year of
processed batches: 10,000,000 berichten for 600 afnemers, as unequal as real senders are (the demo's Gemeente
Voorbeeldstad sends about 70%, the others share the rest by a Zipf law).

The store is written once through the real Batch aggregate and the processing log (a Received and a
Processed event per batch, saved a few dozen batches per transaction, nothing through the intake's XML),
its read models caught up, and cached under var/bench/ by its size. Each run then rebuilds the report's
read models with `portaal projections rebuild batches` and times the pages and queries on the result.
`PORTAAL_BENCH_BERICHTEN` makes a smaller store (for trying the benchmark out).
"""

import os
import random
import shutil
import statistics
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

from click.testing import CliRunner
from sqlalchemy import select

from domain.batch import Batch
from domain.verwerking import Stadium, VerwerkingsCode
from domain.waarden import Actor, Oin
from projections import rapportage_queries as rq
from projections.tabellen import tabel
from scripts.bench import opbouw
from scripts.bench.portaal import _democertificaten, _token
from scripts.projecties import projections
from scripts.seed import registreer_organisaties

MAP = Path("var/bench")
VERSIE = "1"  # bump when the generated data changes
BERICHTEN = int(os.environ.get("PORTAAL_BENCH_BERICHTEN", 10_000_000))
AFNEMERS, AANDEEL_GROOTSTE = 600, 0.70
GROOTSTE = Oin("00000099000000000101")  # Gemeente Voorbeeldstad in the demo PKI: the bench logs in as it
JAAR = datetime(2025, 1, 1, tzinfo=UTC)
BATCHES_PER_TRANSACTIE = 25
VRAGEN, OPWARMEN = 300, 20
CSV_RIJEN = 100_000
REBUILD_BATCH = 200  # events per transaction in the timed rebuild: a Received event holds up to 1000 rows

V, S = VerwerkingsCode, Stadium
# Per bericht: (weight, code, stadium, waarschuwing, reden); about 8% not processed, 3% with a warning.
UITKOMSTEN = [
    (890, V.VERWERKT, S.NA, None, None),
    (30, V.VERWERKT, S.NA, "lettertype_niet_ingesloten", None),
    (45, V.NIET_ACTIEF_OF_GEABONNEERD, S.VALIDATE_GEBRUIKER, None, None),
    (5, V.NIET_ACTIEF_OF_GEABONNEERD, S.VALIDATE_GEBRUIKER, None, "elfproef"),
    (15, V.BERICHTTYPE_NIET_ONDERSTEUND, S.VALIDATE_BERICHTTYPE, None, None),
    (10, V.TECHNISCH_PROBLEEM, S.STORE_MESSAGE, None, "javascript"),
    (5, V.BERICHT_BESTAAT_AL, S.STORE_MESSAGE, None, None),
]

BESCHRIJVING = {
    "totalen_query_p95_ms": (
        f"p95 of the Totalen query (rapportage_queries.totalen, as the tab asks it) for {VRAGEN} random "
        "periods of up to a year with edges at random minutes, on both date kinds, for afnemers drawn in "
        "proportion to their berichten, SQLite, 10M berichten / 600 afnemers / one year. Target <= 20 ms."
    ),
    "berichtverwerking_page_p95_ms": (
        "p95 of GET /berichtverwerking/ through the Flask app (logged in through the demo login) for the "
        "busiest afnemer (~70% of all berichten), a random month on the ontvangstdatum: per-leverancier "
        "figures and the first page of 50 batches. Target <= 50 ms."
    ),
    "batch_details_page_p95_ms": (
        "p95 of GET /berichtverwerking/batch/<id> (header, reasons, first page of 100 berichten) for random "
        "batches of 1,000 berichten of the busiest afnemer. Target <= 50 ms."
    ),
    "csv_failures_rows_per_s": (
        "Rows per second of GET /berichtverwerking/niet-verwerkt.csv through the Flask app, streamed, read "
        "to the end (the second of two downloads), for a period of the busiest afnemer holding at least "
        "100,000 failed berichten. "
        "Target >= 100,000."
    ),
    "rapportage_rebuild_berichten_per_s": (
        "`portaal projections rebuild batches --batch 200` (the CLI command itself) on the year's events: "
        "berichten in the log / wall time. Target >= 200,000."
    ),
}


# -- the year's history ---------------------------------------------------------------------------------


def _afnemers() -> list[tuple[Oin, int]]:
    """Each afnemer with its share of the berichten."""
    anderen = [Oin(f"00000099{700_000_000_000 + i:012d}") for i in range(AFNEMERS - 1)]
    gewichten = [1 / (i + 1) for i in range(len(anderen))]
    rest = BERICHTEN * (1 - AANDEEL_GROOTSTE)
    som = sum(gewichten)
    return [(GROOTSTE, int(BERICHTEN * AANDEEL_GROOTSTE))] + [
        (a, max(1, int(rest * g / som))) for a, g in zip(anderen, gewichten, strict=True)
    ]


def _batches(kans: random.Random):
    """(afnemer, aantal, ontvangen, verwerkt) for every batch of the year, in order of ontvangst."""
    lijst = []
    seconden = 365 * 24 * 3600
    for afnemer, totaal in _afnemers():
        while totaal > 0:
            aantal = min(totaal, 1000 if afnemer == GROOTSTE else kans.randint(20, 1000))
            totaal -= aantal
            ontvangen = JAAR + timedelta(seconds=kans.randrange(seconden))
            verwerkt = ontvangen + timedelta(seconds=kans.randint(30, 6 * 3600))
            lijst.append((afnemer, aantal, ontvangen, verwerkt))
    lijst.sort(key=lambda b: b[2])
    return lijst


def _bij(samenstelling) -> None:
    """Catch every read model up to its log's head, as the embedded portal does before a read."""
    for motor in samenstelling.motoren.values():
        motor.bijwerken()


def _vul(samenstelling) -> None:
    kans = random.Random(2026)
    registreer_organisaties(samenstelling.portaal)
    _bij(samenstelling)
    log = samenstelling.verwerking.log
    gewichten = [u[0] for u in UITKOMSTEN]
    uitkomsten = [[u[1].value, u[2].value, u[3], u[4]] for u in UITKOMSTEN]
    inhoud, bsn = "0" * 64, "111222333"
    teller = 0
    wachtend = []
    for afnemer, aantal, ontvangen, verwerkt in _batches(kans):
        rijen = []
        for _ in range(aantal):
            teller += 1
            rijen.append([str(uuid.UUID(int=teller)), "AANSLAG", bsn, inhoud, None, []])
        actor = Actor(afnemer, afnemer, "bench")
        batch = Batch(str(uuid.uuid4()), afnemer, afnemer, ontvangen, rijen, actor, ontvangen)
        batch._processed(str(uuid.uuid4()), kans.choices(uitkomsten, gewichten, k=aantal), actor, verwerkt)
        wachtend.append(batch)
        if len(wachtend) >= BATCHES_PER_TRANSACTIE:
            log.save(*wachtend)
            wachtend = []
    if wachtend:
        log.save(*wachtend)
    _bij(samenstelling)


def opslag() -> Path:
    """The cached store of the year; generated when missing (under a temporary name first)."""
    bestand = MAP / f"rapportage-v{VERSIE}-{BERICHTEN}.sqlite3"
    if bestand.exists():
        return bestand
    MAP.mkdir(parents=True, exist_ok=True)
    tijdelijk = bestand.with_suffix(".bezig")
    for oud in MAP.glob(tijdelijk.name + "*"):
        oud.unlink()
    portaal = opbouw.open_portaal(opbouw.omgeving(tijdelijk))
    try:
        _vul(portaal.samenstelling)
    finally:
        opbouw.sluit_portaal(portaal)
    tijdelijk.rename(bestand)
    return bestand


# -- measurements -----------------------------------------------------------------------------------------


def _p95(tijden: list[float]) -> float:
    return statistics.quantiles(tijden, n=20)[-1] * 1000


def meet_rebuild(env: dict[str, str], database: Path) -> float:
    begin = time.perf_counter()
    uitkomst = CliRunner(env=env).invoke(
        projections, ["rebuild", "batches", "--batch", str(REBUILD_BATCH)], catch_exceptions=False
    )
    duur = time.perf_counter() - begin
    if uitkomst.exit_code != 0:
        raise RuntimeError(f"portaal projections rebuild batches faalde: {uitkomst.output}")
    return BERICHTEN / duur


def _periode(kans: random.Random, maximum_dagen: int) -> rq.Periode:
    lengte = timedelta(minutes=kans.randint(1, maximum_dagen * 24 * 60))
    van = JAAR + timedelta(minutes=kans.randrange(365 * 24 * 60)) - lengte / 2
    return rq.Periode(kans.choice(rq.DATUMSOORTEN), van, van + lengte)


def meet_totalen(engine) -> float:
    kans = random.Random(8)
    afnemers = _afnemers()
    oins, gewichten = [a.waarde for a, _ in afnemers], [n for _, n in afnemers]
    tijden = []
    for n in range(OPWARMEN + VRAGEN):
        afnemer = kans.choices(oins, gewichten)[0]
        periode = _periode(kans, 365)
        begin = time.perf_counter()
        rq.totalen(engine, afnemer, periode)
        if n >= OPWARMEN:
            tijden.append(time.perf_counter() - begin)
    return _p95(tijden)


def _ingelogd(app, pki: Path):
    client = app.test_client()
    token = _token(client.get("/inloggen/").get_data(as_text=True))
    certificaat = next(c for c, oin in _democertificaten(pki) if oin == GROOTSTE)
    antwoord = client.post("/inloggen/demo", data={"csrf_token": token, "certificaat": certificaat})
    if antwoord.status_code != 302:
        raise RuntimeError(f"inloggen mislukt: status {antwoord.status_code}")
    return client


def _tijd(client, pad: str) -> float:
    begin = time.perf_counter()
    antwoord = client.get(pad)
    duur = time.perf_counter() - begin
    if antwoord.status_code != 200:
        raise RuntimeError(f"{pad}: status {antwoord.status_code}")
    return duur


def _maand(kans: random.Random) -> str:
    maand = kans.randint(1, 12)
    tot = f"{2025 + maand // 12}-{maand % 12 + 1:02d}-01T00:00"
    return f"van=2025-{maand:02d}-01T00:00&tot={tot}"


def meet_paginas(app, pki: Path, engine) -> dict[str, tuple[float, str]]:
    client = _ingelogd(app, pki)
    kans = random.Random(5)
    maanden = [_tijd(client, f"/berichtverwerking/?{_maand(kans)}") for _ in range(OPWARMEN + VRAGEN)]
    t = tabel("batches")
    with engine.connect() as c:
        ids = list(c.scalars(select(t.c.batch_id).where(t.c.afnemer == GROOTSTE.waarde, t.c.aantal == 1000)))
    details = [
        _tijd(client, f"/berichtverwerking/batch/{kans.choice(ids)}") for _ in range(OPWARMEN + VRAGEN)
    ]
    # A period long enough for CSV_RIJEN failures of the busiest afnemer (about 8% of its berichten fail).
    dagen = min(365, int(CSV_RIJEN / (BERICHTEN * AANDEEL_GROOTSTE * 0.08 / 365)) + 2)
    tot = JAAR + timedelta(days=dagen)
    pad = f"/berichtverwerking/niet-verwerkt.csv?van=2025-01-01T00:00&tot={tot:%Y-%m-%dT%H:%M}"
    for _ in range(2):  # the first download warms the page cache, as the page timings' warm-up does
        begin = time.perf_counter()
        antwoord = client.get(pad, buffered=False)
        rijen = sum(stuk.count(b"\n") for stuk in antwoord.response) - 1
        duur = time.perf_counter() - begin
    return {
        "berichtverwerking_page_p95_ms": (_p95(maanden[OPWARMEN:]), "ms"),
        "batch_details_page_p95_ms": (_p95(details[OPWARMEN:]), "ms"),
        "csv_failures_rows_per_s": (rijen / duur, "rows/s"),
        "csv_failures_rows": (rijen, "rows"),
    }


def run() -> dict[str, tuple[float, str]]:
    database = opslag()
    env = opbouw.omgeving(database)
    resultaten = {"rapportage_rebuild_berichten_per_s": (meet_rebuild(env, database), "berichten/s")}
    with tempfile.TemporaryDirectory() as map_:
        werkmap = Path(map_)
        pki = MAP / "pki"
        if pki.exists():
            shutil.copytree(pki, werkmap / "var" / "pki")
        app = opbouw.maak_app({**env, "PORTAAL_VAR": str(werkmap / "var")})
        try:
            engine = app.extensions["samenstelling"].engine
            resultaten["totalen_query_p95_ms"] = (meet_totalen(engine), "ms")
            resultaten.update(meet_paginas(app, werkmap / "var" / "pki", engine))
        finally:
            opbouw.sluit_app(app)
    return resultaten


if __name__ == "__main__":
    for naam, (waarde, eenheid) in run().items():
        print(f"{naam:40} {waarde:12.1f} {eenheid}")
