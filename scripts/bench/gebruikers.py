"""`portaal bench --only gebruikers`: the MijnOverheid feed's file of ten million citizens into the
Berichtenbox users register through `portaal gebruikers import` as shipped (events and read model).

The file is generated once, reproducibly, and cached under var/bench/ by its size: distinct valid BSNs in
random order, boxes opened over the last fifteen years, about 10% closed, about 3% with switched-off
afnemers, most of those on a few big afnemers (Zipf over 300 afnemers), some with their own moment.
"""

import os
import random
import shutil
import statistics
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from click.testing import CliRunner

from domain.gebruikersbestand import KOPREGEL, SCHEIDING
from domain.waarden import Actor, Notificatiekenmerk, Oin, Rol
from scripts.gebruikers import gebruikers
from service_layer.samenstelling import bouw

MAP = Path("var/bench")
RIJEN = int(os.environ.get("PORTAAL_BENCH_GEBRUIKERS", 10_000_000))
AFNEMERS = 300
FEED = Oin("00000099000000000301")
BEHEERDER = Oin("00000099000000000001")

BESCHRIJVING = {
    "gebruikers_import_rows_per_s": (
        "`portaal gebruikers import` as shipped (the CLI command itself, default settings, progress bar) of "
        "a CSV of 10 million rows into a fresh SQLite store: BSN check, one event per 10,000 rows, and the "
        "register's read model (state per BSN, daily counts) caught up as the import goes (a projection "
        "batch of 50 events at a time) and at its end, all inside the timing. Data: distinct valid BSNs "
        "in random order, ~10% closed boxes, ~3% with 1-3 switched-off "
        "afnemers (Zipf over 300), cached under var/bench. Rows / wall time. Target >= 100,000."
    ),
    "gebruikers_ontvangers_1000_p95_ms": (
        "p95 of Lezen.berichtenbox_ontvangers for a batch of 1,000 BSNs (900 from the register, 100 unknown) "
        "and one of the 300 afnemers (the biggest one in a third of the calls), on the register the import "
        "above built (10 million citizens); 300 calls after 20 warm-up calls. What batch processing asks "
        "once per batch. Target <= 20 ms."
    ),
}


def _bsns(aantal: int, rng: random.Random) -> list[int]:
    """Distinct valid BSNs: eight digits and the check digit the elfproef asks (skipping those needing 10)."""
    uit = []
    basis = 10_000_000
    gewichten = (9, 8, 7, 6, 5, 4, 3, 2)
    while len(uit) < aantal:
        cijfers = f"{basis:08d}"
        som = sum(int(c) * g for c, g in zip(cijfers, gewichten, strict=True))
        controle = som % 11
        if controle < 10 and som != controle:
            uit.append(basis * 10 + controle)
        basis += 1
    rng.shuffle(uit)
    return uit


def _afnemers(rng: random.Random) -> tuple[list[str], list[float]]:
    oins = [f"000000010{n:011d}" for n in range(1, AFNEMERS + 1)]
    gewichten = [1 / (rang**1.2) for rang in range(1, AFNEMERS + 1)]
    return oins, gewichten


def _schrijf(pad: Path, aantal: int) -> None:
    rng = random.Random(20261201)
    oins, gewichten = _afnemers(rng)
    begin, dagen = date(2011, 12, 1), 15 * 365
    with pad.open("w", encoding="utf-8", newline="") as uit:
        uit.write(SCHEIDING.join(KOPREGEL) + "\n")
        regels = []
        for bsn in _bsns(aantal, rng):
            dag = rng.randrange(dagen)
            van = begin + timedelta(days=dag)
            tot = ""
            if rng.random() < 0.10:
                tot = (van + timedelta(days=1 + rng.randrange(dagen - dag))).isoformat()
            uitgeschakeld = ""
            if rng.random() < 0.03:
                gekozen = set(rng.choices(oins, gewichten, k=rng.randint(1, 3)))
                uitgeschakeld = " ".join(
                    f"{o}@{(van + timedelta(days=rng.randrange(400))).isoformat()}T09:30:00+01:00"
                    if rng.random() < 0.3
                    else o
                    for o in sorted(gekozen)
                )
            regels.append(f"{bsn:09d};{van.isoformat()};{tot};{uitgeschakeld}\n")
            if len(regels) >= 100_000:
                uit.writelines(regels)
                regels.clear()
        uit.writelines(regels)


def bestand(aantal: int = RIJEN) -> Path:
    """The cached file, generated under a temporary name first so a killed generation is never reused."""
    pad = MAP / f"gebruikers-{aantal}.csv"
    if not pad.exists():
        MAP.mkdir(parents=True, exist_ok=True)
        tijdelijk = pad.with_suffix(".tmp")
        _schrijf(tijdelijk, aantal)
        tijdelijk.replace(pad)
    return pad


def _lege_opslag(map_: Path) -> str:
    """A fresh store with the feed registered, as the beheerder would."""
    shutil.rmtree(map_, ignore_errors=True)
    map_.mkdir(parents=True)
    url = f"sqlite:///{(map_ / 'portaal.sqlite3').resolve()}"
    samenstelling = bouw({}, url=url)
    try:
        beheer = Actor(BEHEERDER, BEHEERDER, "bench")
        samenstelling.portaal.registreer_organisatie(
            FEED, "MijnOverheid", Rol.MIJNOVERHEID, list(Notificatiekenmerk), beheer
        )
        for motor in samenstelling.motoren.values():
            motor.start()
    finally:
        samenstelling.sluit()
    return url


def _steekproef(pad: Path, aantal: int, rng: random.Random) -> list[str]:
    """BSNs from the file (a sample of its first million rows)."""
    with pad.open(encoding="utf-8") as bestand_:
        next(bestand_)
        bsns = [regel[:9] for _, regel in zip(range(1_000_000), bestand_, strict=False)]
    return rng.sample(bsns, min(aantal, len(bsns)))


def _ontvangers_p95_ms(url: str, pad: Path) -> float:
    rng = random.Random(7)
    bekend = _steekproef(pad, 100_000, rng)
    oins, gewichten = _afnemers(rng)
    samenstelling = bouw({}, url=url)
    try:
        tijden = []
        for i in range(320):
            bsns = rng.sample(bekend, 900) + [f"{rng.randrange(10**8, 10**9):09d}" for _ in range(100)]
            afnemer = Oin(oins[0] if i % 3 == 0 else rng.choice(oins))
            begin = time.perf_counter()
            samenstelling.lezen.berichtenbox_ontvangers(bsns, afnemer, datetime.now(UTC))
            if i >= 20:
                tijden.append(time.perf_counter() - begin)
    finally:
        samenstelling.sluit()
    return statistics.quantiles(tijden, n=20)[-1] * 1000


def meet(aantal: int = RIJEN) -> dict[str, tuple[float, str]]:
    pad = bestand(aantal)
    map_ = MAP / "gebruikers-opslag"
    url = _lege_opslag(map_)
    try:
        begin = time.perf_counter()
        uitkomst = CliRunner(env={"DATABASE_URL": url}).invoke(
            gebruikers, ["import", str(pad)], catch_exceptions=False
        )
        duur = time.perf_counter() - begin
        if uitkomst.exit_code != 0 or f"{aantal} regels vastgelegd" not in uitkomst.output:
            raise RuntimeError(f"Import mislukt: {uitkomst.output[-500:]}")
        p95 = _ontvangers_p95_ms(url, pad)
    finally:
        shutil.rmtree(map_, ignore_errors=True)
    return {
        "gebruikers_import_rows_per_s": (aantal / duur, "rijen/s"),
        "gebruikers_ontvangers_1000_p95_ms": (p95, "ms"),
    }


def run() -> dict[str, tuple[float, str]]:
    return meet()
