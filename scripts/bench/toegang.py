"""Machtigingen and access questions (manual chapter 6): the answers from the read models at the issue's
sizes, and the import of DigiD Machtigen's file through the real path.

The store for the questions (var/bench/toegang/, generated once) holds the demo configuration (so the demo
certificates authenticate) and, written straight into the projections' own tables (same schema and indexes
as the handlers build), 1,000,000 machtigingen, 500 afnemers with 4 diensten and 40 berichttypes each
(20,000), 100,000 koppeling intervals and 1,000,000 delivered berichten. Generating that many through the
commands would take most of an hour; the read side is what these figures measure. One hot afnemer carries
the cases the issue names: a berichttype with 100,000 delivered berichten linked to a dienst with 20,000
machtigingen, and a belanghebbende with 1,000 gemachtigden.
"""

import http.client
import random
import statistics
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import quote, urlencode

from domain.waarden import Actor, Oin
from koppelvlak.voorbeeld import voorbeeld_bsns
from projections.kolommen import naar_microseconden
from scripts.bench import opbouw
from scripts.seed import BEHEERDER, vul_demo
from web.pki.demo_certificaten import demo_certificaten, lees_demo_certificaat_pem

MAP = Path("var/bench/toegang")
VERSIE = "2"
AFNEMERS, DIENSTEN, TYPES = 500, 4, 40
MACHTIGINGEN, BERICHTEN, INTERVALLEN = 1_000_000, 1_000_000, 100_000
HOT_BERICHTEN, HOT_MACHTIGINGEN, LEZERS = 100_000, 20_000, 1_000
IMPORT_RIJEN = 1_000_000
NU = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)
BEGIN = datetime(2020, 1, 1, tzinfo=UTC)
VRAGEN, HTTP_VRAGEN, HTTP_PER_S = 20_000, 2_000, 200

BESCHRIJVING = {
    "access_check_p99_ms": (
        "p99 of one access question (gemachtigde, belanghebbende, afnemer, berichttype, T) through the read "
        "gateway in process, with reads not waiting for catch-up (as with a projection worker), over 20,000 "
        "questions: half about existing machtigingen, half about pairs without one; 1,000,000 machtigingen, "
        "100,000 koppeling intervals, SQLite. Target <= 0.5 ms."
    ),
    "access_check_http_p99_ms": (
        "p99 of GET /api/v1/toegang through waitress (4 threads) on a real socket, the beheerder's demo "
        "certificate handed over as the proxy does, 2,000 requests sent at a steady 200 per second from "
        "four client threads, same store. Target <= 5 ms."
    ),
    "lezers_query_p95_ms": (
        "p95 over 200 runs of 'who could read this bericht at T, and since when' for a bericht whose "
        "belanghebbende has 1,000 gemachtigden for the dienst its berichttype is linked to. Target <= 20 ms."
    ),
    "impact_preview_p95_ms": (
        "p95 over 30 runs of the impact preview for unlinking a berichttype with 100,000 delivered berichten "
        "from a dienst with 20,000 machtigingen (another dienst also linked), the count of gemachtigden and "
        "berichten that lose access. Target <= 100 ms."
    ),
    "machtigingen_import_rows_per_s": (
        "Rows/s of `portaal machtigingen import` of a 1,000,000-row DigiD Machtigen file into an empty "
        "SQLite store: streaming read and checks (elfproef, OIN, Dienst ID, dates), one event per 10,000 "
        "rows, and the machtigingen read model caught up after each event, all included. Target >= 100,000."
    ),
}


def _oin(i: int) -> str:
    return f"00000099{10_000 + i:012d}"


def _dienst(j: int) -> str:
    return f"Dienst {j}"


def _code(j: int) -> str:
    return f"T{j:03d}"


def _moment(kans: random.Random, van: datetime = BEGIN, tot: datetime = NU) -> int:
    return naar_microseconden(van) + kans.randrange(naar_microseconden(tot) - naar_microseconden(van))


def _p(connection) -> str:
    return "%s" if connection.dialect.paramstyle in ("pyformat", "format") else "?"


def _voeg_in(connection, tabel: str, kolommen: tuple[str, ...], rijen: Iterator[tuple], per: int = 50_000):
    sql = (
        f"INSERT INTO {tabel} ({', '.join(kolommen)}) VALUES ({', '.join([_p(connection)] * len(kolommen))})"  # noqa: S608
    )
    deel = []
    for rij in rijen:
        deel.append(rij)
        if len(deel) >= per:
            connection.exec_driver_sql(sql, deel)
            deel = []
    if deel:
        connection.exec_driver_sql(sql, deel)


class Gegevens:
    """What the generator made, for the questions: the hot afnemer's cases and a sample of machtigingen."""

    def __init__(self) -> None:
        self.kans = random.Random(12)
        self.burgers = list(voorbeeld_bsns(2_000_000, seed=3))
        self.hot = _oin(0)
        self.hot_dienst, self.ander = _dienst(0), _dienst(1)
        self.hot_code = _code(0)
        self.lezer_b = self.burgers[-1]
        self.lezer_bericht = "00000000-0000-4000-8000-000000000001"
        self.steekproef: list[tuple[str, str, str, str]] = []

    def machtigingen(self) -> Iterator[tuple]:
        kans, burgers = self.kans, self.burgers
        hot_b = burgers[:HOT_MACHTIGINGEN]
        van = naar_microseconden(BEGIN)
        for i in range(MACHTIGINGEN):
            if i < HOT_MACHTIGINGEN:
                a, d, b, g = self.hot, self.hot_dienst, hot_b[i], burgers[-2 - i]
                begin, tot = van, None
            elif i < HOT_MACHTIGINGEN + LEZERS:
                a, d, b, g = self.hot, self.hot_dienst, self.lezer_b, burgers[-100_000 - i]
                begin, tot = van + i, None
            else:
                a = _oin(kans.randrange(AFNEMERS))
                d, b, g = _dienst(kans.randrange(DIENSTEN)), kans.choice(burgers), kans.choice(burgers)
                begin = _moment(kans)
                tot = None if kans.random() < 0.6 else begin + kans.randrange(1, 3 * 365 * 86_400) * 1_000_000
            if i % 100 == 0:
                self.steekproef.append((g, b, a, d))
            yield (f"M{i:08d}", b, g, a, d, begin, tot, None, 0, tot, None)

    def koppelingen(self) -> Iterator[tuple]:
        kans, nummer = self.kans, 10_000_000  # after the demo configuration's own intervals
        per_type = INTERVALLEN // (AFNEMERS * TYPES)
        for i in range(AFNEMERS):
            for j in range(TYPES):
                moment = naar_microseconden(BEGIN)
                for k in range(per_type):
                    nummer += 1
                    dienst = _dienst(kans.randrange(DIENSTEN))
                    if i == 0 and j == 0:
                        dienst = self.hot_dienst if k == per_type - 1 else self.ander
                    laatste = k == per_type - 1
                    tot = None if laatste else moment + kans.randrange(1, 200) * 86_400_000_000
                    yield (
                        nummer,
                        _oin(i),
                        dienst,
                        _code(j),
                        f"u{i}-{dienst}",
                        moment,
                        tot,
                        None if laatste else "ontkoppeld",
                    )
                    moment = (tot or moment) + 1
        # The hot berichttype is linked to a second dienst too, so unlinking it checks the other way in.
        yield (
            nummer + 1,
            self.hot,
            self.ander,
            self.hot_code,
            f"u0-{self.ander}",
            naar_microseconden(NU) - 10**12,
            None,
            None,
        )

    def berichten(self) -> Iterator[tuple]:
        kans, burgers = self.kans, self.burgers
        geplaatst = naar_microseconden(NU) - 86_400_000_000
        for i in range(BERICHTEN):
            if i == 0:
                a, code, bsn = self.hot, self.hot_code, self.lezer_b
                bericht_id = self.lezer_bericht
            else:
                bericht_id = f"00000000-0000-4000-8000-{i + 1:012d}"
                if i < HOT_BERICHTEN:
                    a, code = self.hot, self.hot_code
                    bsn = burgers[i % (HOT_MACHTIGINGEN // 2)] if i % 2 else kans.choice(burgers)
                else:
                    a, code, bsn = (
                        _oin(kans.randrange(AFNEMERS)),
                        _code(kans.randrange(TYPES)),
                        kans.choice(burgers),
                    )
            yield (bericht_id, "bench", a, code, bsn, geplaatst, geplaatst)


def _bouw_opslag(pad: Path, gegevens: Gegevens) -> None:
    env = opbouw.omgeving(pad, var=pad.parent / "var")
    samenstelling = opbouw.bouw_samenstelling(env)
    try:
        vul_demo(samenstelling.portaal)
        for motor in samenstelling.motoren.values():
            motor.bijwerken()
        with samenstelling.engine.begin() as c:
            _voeg_in(
                c,
                "machtigingen",
                (
                    "machtiging_id",
                    "belanghebbende",
                    "gemachtigde",
                    "afnemer",
                    "dienst_id",
                    "van",
                    "geldig_tot",
                    "ingetrokken_op",
                    "beeindigd",
                    "tot",
                    "einde",
                ),
                gegevens.machtigingen(),
            )
            _voeg_in(
                c,
                "koppelingen",
                ("id", "afnemer", "dienst_id", "code", "dienst_uuid", "van", "tot", "einde"),
                gegevens.koppelingen(),
            )
            perioden = (
                (
                    i * DIENSTEN + j + 1_000_000,
                    f"u{i}-{_dienst(j)}",
                    _oin(i),
                    _dienst(j),
                    naar_microseconden(BEGIN),
                    None,
                )
                for i in range(AFNEMERS)
                for j in range(DIENSTEN)
            )
            _voeg_in(
                c, "dienst_perioden", ("id", "dienst_uuid", "afnemer", "dienst_id", "van", "tot"), perioden
            )
            _voeg_in(
                c,
                "bezorgde_berichten",
                (
                    "bericht_id",
                    "batch_uuid",
                    "afnemer",
                    "berichttype",
                    "bsn",
                    "geplaatst_op",
                    "publicatie_op",
                ),
                gegevens.berichten(),
            )
            c.exec_driver_sql("ANALYZE")
    finally:
        samenstelling.sluit()


def _opslag() -> tuple[Path, Gegevens]:
    pad = MAP / f"v{VERSIE}" / "toegang.sqlite3"
    gegevens = Gegevens()
    if not pad.exists():
        pad.parent.mkdir(parents=True, exist_ok=True)
        tijdelijk = pad.with_suffix(".bouw")
        for oud in pad.parent.glob("toegang.bouw*"):
            oud.unlink()
        _bouw_opslag(tijdelijk, gegevens)
        tijdelijk.rename(pad)
    else:
        for _ in gegevens.machtigingen():
            pass  # the same seed: the sample of machtigingen the questions ask about
    return pad, gegevens


def _vragen(gegevens: Gegevens, aantal: int) -> list[tuple[str, str, Oin, str, datetime]]:
    kans = random.Random(5)
    vragen = []
    for i in range(aantal):
        g, b, a, _ = kans.choice(gegevens.steekproef)
        if i % 2:
            b = kans.choice(gegevens.burgers)
        moment = datetime.fromtimestamp(_moment(kans) / 1e6, UTC)
        vragen.append((g, b, Oin(a), _code(kans.randrange(TYPES)), moment))
    return vragen


def _kwantiel(tijden: list[float], n: int, k: int) -> float:
    return statistics.quantiles(tijden, n=n)[k] * 1000


def meet_in_proces(pad: Path, gegevens: Gegevens) -> dict[str, tuple[float, str]]:
    env = opbouw.omgeving(pad, var=pad.parent / "var")
    samenstelling = opbouw.bouw_samenstelling(env, werker=True)
    lezen = samenstelling.lezen
    try:
        tijden, ja = [], 0
        for g, b, a, code, moment in _vragen(gegevens, VRAGEN):
            begin = time.perf_counter()
            besluit = lezen.toegang(g, b, a, code, moment)
            tijden.append(time.perf_counter() - begin)
            ja += besluit.toegang
        if not ja:
            raise RuntimeError("geen enkele vraag gaf toegang: de gegevens kloppen niet")
        bericht = lezen.bezorgd_bericht(gegevens.lezer_bericht)
        lezers_tijden = []
        for _ in range(200):
            begin = time.perf_counter()
            gevonden = lezen.lezers(bericht, NU)
            lezers_tijden.append(time.perf_counter() - begin)
        if len(gevonden) != LEZERS:
            raise RuntimeError(f"{len(gevonden)} lezers in plaats van {LEZERS}")
        impact_tijden = []
        for _ in range(30):
            begin = time.perf_counter()
            impact = lezen.impact_van_koppelingen(
                Oin(gegevens.hot), gegevens.hot_dienst, (), [gegevens.hot_code], NU
            )
            impact_tijden.append(time.perf_counter() - begin)
        if not impact.berichten_eraf:
            raise RuntimeError("het ontkoppelen raakt geen enkel bericht: de gegevens kloppen niet")
    finally:
        samenstelling.sluit()
    return {
        "access_check_p99_ms": (_kwantiel(tijden, 100, 98), "ms"),
        "lezers_query_p95_ms": (_kwantiel(lezers_tijden, 20, 18), "ms"),
        "impact_preview_p95_ms": (_kwantiel(impact_tijden, 20, 18), "ms"),
    }


def meet_http(pad: Path, gegevens: Gegevens) -> float:
    var = pad.parent / "var"
    app = opbouw.maak_app(opbouw.omgeving(pad, var=var))
    certificaat = next(c for c in demo_certificaten(var / "pki") if c.oin == BEHEERDER.oin)
    pem = quote(lees_demo_certificaat_pem(var / "pki", certificaat.id))
    server, poort = opbouw.server_in_proces(app, threads=4)
    vragen = _vragen(gegevens, HTTP_VRAGEN)
    tijden: list[float] = []
    start = time.perf_counter() + 0.5
    slot = threading.Lock()

    def client(deel: int) -> None:
        verbinding = http.client.HTTPConnection("127.0.0.1", poort, timeout=30)
        for i in range(deel, len(vragen), 4):
            g, b, a, code, moment = vragen[i]
            query = urlencode(
                {
                    "gemachtigde": g,
                    "belanghebbende": b,
                    "afnemer": a.waarde,
                    "berichttype": code,
                    "op": moment.isoformat(),
                }
            )
            wacht = start + i / HTTP_PER_S - time.perf_counter()
            if wacht > 0:
                time.sleep(wacht)
            begin = time.perf_counter()
            verbinding.request("GET", f"/api/v1/toegang?{query}", headers={"X-SSL-Client-Cert": pem})
            antwoord = verbinding.getresponse()
            antwoord.read()
            duur = time.perf_counter() - begin
            if antwoord.status != 200:
                raise RuntimeError(f"GET /api/v1/toegang: {antwoord.status}")
            with slot:
                tijden.append(duur)

    try:
        draden = [threading.Thread(target=client, args=(d,)) for d in range(4)]
        for d in draden:
            d.start()
        for d in draden:
            d.join()
    finally:
        server.close()
        opbouw.sluit_app(app)
    if len(tijden) != len(vragen):
        raise RuntimeError("niet elke vraag kreeg antwoord")
    return _kwantiel(tijden[100:], 100, 98)


def _importbestand(gegevens: Gegevens) -> Path:
    pad = MAP / f"v{VERSIE}" / "machtigingen.csv"
    if pad.exists():
        return pad
    kans = random.Random(8)
    tijdelijk = pad.with_suffix(".bouw")
    with tijdelijk.open("w", encoding="utf-8") as uit:
        uit.write(
            "machtiging;belanghebbende;gemachtigde;afnemer;dienst_id;geldig_van;geldig_tot;ingetrokken_op\n"
        )
        burgers = gegevens.burgers
        for i in range(IMPORT_RIJEN):
            b, g = burgers[kans.randrange(len(burgers))], burgers[kans.randrange(len(burgers))]
            if b == g:
                g = burgers[(burgers.index(b) + 1) % len(burgers)]
            jaar = 2020 + kans.randrange(6)
            tot = f"{jaar + 2}-01-01" if kans.random() < 0.4 else ""
            afnemer, dienst = _oin(kans.randrange(AFNEMERS)), _dienst(kans.randrange(DIENSTEN))
            van = f"{jaar}-{kans.randrange(1, 13):02d}-01"
            uit.write(f"D{i:09d};{b};{g};{afnemer};{dienst};{van};{tot};\n")
    tijdelijk.rename(pad)
    return pad


def meet_import(gegevens: Gegevens, werkmap: Path) -> float:
    bestand = _importbestand(gegevens)
    env = opbouw.omgeving(werkmap / "import.sqlite3")
    samenstelling = opbouw.bouw_samenstelling(env)
    feed = Actor(Oin("00000099000000000302"), Oin("00000099000000000302"), "bench")
    try:
        begin = time.perf_counter()
        with bestand.open(encoding="utf-8") as regels:
            verslag = samenstelling.portaal.importeer_machtigingen(
                regels, feed, lambda v, _deel: samenstelling.na_commando(v)
            )
        samenstelling.na_commando(verslag.positie)
        duur = time.perf_counter() - begin
        with samenstelling.engine.connect() as c:
            aantal = c.exec_driver_sql("SELECT count(*) FROM machtigingen").scalar()
    finally:
        samenstelling.sluit()
    if aantal != IMPORT_RIJEN or verslag.overgeslagen:
        raise RuntimeError(f"{aantal} machtigingen in het read model, {verslag.overgeslagen} overgeslagen")
    return IMPORT_RIJEN / duur


def run() -> dict[str, tuple[float, str]]:
    import tempfile

    pad, gegevens = _opslag()
    uitkomst = meet_in_proces(pad, gegevens)
    uitkomst["access_check_http_p99_ms"] = (meet_http(pad, gegevens), "ms")
    with tempfile.TemporaryDirectory(dir=MAP) as werkmap:
        uitkomst["machtigingen_import_rows_per_s"] = (meet_import(gegevens, Path(werkmap)), "rows/s")
    return uitkomst
