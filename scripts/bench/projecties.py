"""Benchmarks of the read side (`portaal bench --only projecties`), on the generated history of
scripts/bench/geschiedenis.py (its defaults: 600 afnemers, 20,000 berichttypes, 5,000 diensten, 1.1 million
events), cached under var/bench/ by its parameters so a second run does not generate it again.
"""

import random
import shutil
import time
from datetime import timedelta
from pathlib import Path

from eventsourcing.persistence import Tracking
from eventsourcing.projection import Projection
from eventsourcing_sqlalchemy.datastore import SQLAlchemyDatastore
from eventsourcing_sqlalchemy.recorders import SQLAlchemyTrackingRecorder
from sqlalchemy import event, func, select

from projections import asof, herbouw, runner
from projections.gebeurtenissen import Gebeurtenis
from projections.handlers import PROJECTIES
from projections.tabellen import live, tabel
from scripts.bench import opbouw
from scripts.bench.geschiedenis import Omvang, genereer

MAP = Path("var/bench")
OMVANG = Omvang()
STOCK_VANAF, STOCK_EVENTS = 200_000, 5_000
VRAGEN, OPWARMEN = 2_000, 200

BESCHRIJVING = {
    "projection_rebuild_events_per_s": (
        "`portaal projections rebuild` as shipped (the CLI command itself, default batch, default "
        "--processen: one worker process per core, the audit trail and koppeling history split by aggregate) "
        "on an installation whose read models exist, SQLite, "
        "history of 1.1M events: 600 afnemers, 20,000 berichttypes, 5,000 diensten, Zipf-sized afnemers, "
        "every kind of event. Events in the log / wall time. Target >= 60,000 on two cores."
    ),
    "projection_rebuild_one_process_events_per_s": (
        "The same rebuild with --processen 1 (everything in the command's own process), for comparison."
    ),
    "projection_rebuild_two_processes_events_per_s": (
        "The same rebuild with --processen 2 (two worker processes whatever the load), for comparison."
    ),
    "projection_rebuild_encrypted_events_per_s": (
        "The same rebuild on the same history written with PORTAAL_CIPHER_KEY set (AES-encrypted events, "
        "decoded through the library's mapper). Target >= 15,000."
    ),
    "projection_stock_one_by_one_events_per_s": (
        "The library's own way, for comparison: select_notifications, the mapper, and one transaction with "
        "its Tracking record per event (ProcessApplication style) through the same handlers, same durability "
        "(WAL, synchronous=NORMAL) as the rebuild; 5,000 events from position 200,000 of the same history."
    ),
    "asof_query_p99_ms_historie_van_dienst": (
        "p99 of the first page (50 intervals, newest first) of a dienst's link history as the Diensten tab's "
        "details page shows it (asof.historie_van_dienst), for 2,000 diensten drawn in proportion to their "
        "history (busy diensten more often), after 200 warm-up queries. Target <= 1 ms."
    ),
    "asof_query_p99_ms_historie_van_berichttype": (
        "p99 of the first page of a berichttype's link history as its details page shows it "
        "(asof.historie_van_berichttype), berichttypes drawn as above. Target <= 1 ms."
    ),
    "asof_query_p99_ms_berichttypes_van_dienst_op": (
        "p99 of the dienst details page's question 'which berichttypes were linked at T' "
        "(asof.berichttypes_van_dienst_op), T near a real begin or end of a link. Target <= 1 ms."
    ),
    "asof_query_p99_ms_diensten_van_berichttype_op": (
        "p99 of the berichttype details page's question 'which diensten was it linked to at T' "
        "(asof.diensten_van_berichttype_op), T as above. Target <= 1 ms."
    ),
    "asof_query_p99_ms_koppelingen_op": (
        "p99 of `portaal replay --as-of T --afnemer X` (asof.koppelingen_op) for 2,000 (afnemer, moment) "
        "drawn from the history (big afnemers more often), after 200 warm-up queries. Target <= 1 ms."
    ),
    "asof_history_rows": ("Number of koppeling intervals in the rebuilt history the queries ran on."),
}


# -- the cached histories --------------------------------------------------------------------------------


def _paden() -> tuple[Path, Path]:
    return MAP / f"geschiedenis-{OMVANG.sleutel}.sqlite3", MAP / f"geschiedenis-{OMVANG.sleutel}-aes.sqlite3"


def geschiedenissen() -> tuple[Path, Path]:
    """The plain and the encrypted history (the same events), generated under temporary names first so a
    killed generation is never reused."""
    gewoon, versleuteld = _paden()
    if gewoon.exists() and versleuteld.exists():
        return gewoon, versleuteld
    MAP.mkdir(parents=True, exist_ok=True)
    bezig = [p.with_suffix(".bezig") for p in (gewoon, versleuteld)]
    for pad in bezig:
        for oud in MAP.glob(f"{pad.name}*"):
            oud.unlink()
    portalen = [
        opbouw.open_portaal(opbouw.omgeving(bezig[0])),
        opbouw.open_portaal(opbouw.omgeving(bezig[1], versleuteld=True)),
    ]
    try:
        genereer(*portalen, omvang=OMVANG)
    finally:
        for portaal in portalen:
            opbouw.sluit_portaal(portaal)
    for pad in bezig:
        for rest in MAP.glob(f"{pad.name}-*"):  # -wal / -shm after a clean close: none, but be sure
            rest.unlink()
    bezig[0].rename(gewoon)
    bezig[1].rename(versleuteld)
    return gewoon, versleuteld


def _installatie(geschiedenis: Path) -> Path:
    """A working copy of the history that has read models, as an installation has when someone runs a
    rebuild. Made once (its first rebuild is not measured); later runs rebuild it again."""
    werk = geschiedenis.with_name(geschiedenis.name.replace("geschiedenis-", "installatie-"))
    if not werk.exists():
        bezig = werk.with_suffix(".bezig")
        shutil.copyfile(geschiedenis, bezig)
        opbouw.herbouw_zoals_cli(opbouw.omgeving(bezig, versleuteld="-aes" in werk.name))
        for rest in MAP.glob(f"{bezig.name}-*"):
            rest.unlink()
        bezig.rename(werk)
    return werk


# -- rebuild as shipped ----------------------------------------------------------------------------------


def _herbouw(database: Path, versleuteld: bool, *opties: str) -> tuple[float, int]:
    env = opbouw.omgeving(database, versleuteld)
    portaal = opbouw.open_portaal(env)
    aantal = opbouw.bron(portaal).hoogste()
    opbouw.sluit_portaal(portaal)
    begin = time.perf_counter()
    opbouw.herbouw_zoals_cli(env, *opties)
    return aantal / (time.perf_counter() - begin), aantal


# -- the stock way -------------------------------------------------------------------------------------


class _StockProjectie(Projection[SQLAlchemyTrackingRecorder]):
    """Our handlers, driven the library's way: one event and its tracking record per transaction."""

    name = "stock"

    def process_event(self, domain_event, tracking: Tracking) -> None:
        gebeurtenis = Gebeurtenis(
            tracking.notification_id,
            domain_event,
            type(domain_event).__qualname__,
            str(domain_event.originator_id),
        )
        with self.view.transaction(commit=True) as session:
            connection = session.connection()
            for projectie in PROJECTIES.values():
                projectie.verwerk(connection, live(projectie.naam), [gebeurtenis])
            self.view._insert_tracking(session, tracking)


def _stock(database: Path) -> float:
    """Projections in a database of their own, first brought to STOCK_VANAF by our batches (not timed), so
    the timed events meet tables as full as they are half-way a real history; then STOCK_EVENTS the stock
    way, with the rebuild's connection settings (WAL, synchronous=NORMAL, the same page cache)."""
    pad = MAP / "stock.sqlite3"
    for oud in MAP.glob("stock.sqlite3*"):
        oud.unlink()
    datastore = SQLAlchemyDatastore(url=f"sqlite:///{pad.resolve()}")
    event.listen(datastore.engine, "connect", herbouw._pragmas)
    datastore.engine.dispose()
    portaal = opbouw.open_portaal(opbouw.omgeving(database))
    try:
        view = SQLAlchemyTrackingRecorder(datastore, tracking_table_name="stock_tracking")
        view.create_table()
        runner.installeer(datastore.engine)
        runner.werk_bij(
            datastore.engine, opbouw.bron(portaal), runner.live_doelen(), tot=STOCK_VANAF, limiet=20_000
        )
        projectie = _StockProjectie(view=view)
        positie, einde = STOCK_VANAF, STOCK_VANAF + STOCK_EVENTS
        begin = time.perf_counter()
        while positie < einde:
            notificaties = portaal.recorder.select_notifications(positie + 1, min(1000, einde - positie))
            for notificatie in notificaties:
                domain_event = portaal.mapper.to_domain_event(notificatie)
                projectie.process_event(domain_event, Tracking(portaal.name, notificatie.id))
            positie = notificaties[-1].id
        duur = time.perf_counter() - begin
    finally:
        opbouw.sluit_portaal(portaal)
        datastore.engine.dispose()
    return STOCK_EVENTS / duur


# -- as-of and history queries ---------------------------------------------------------------------------


def _steekproef(portaal, rng: random.Random) -> list[tuple]:
    """Koppeling intervals drawn uniformly, so a dienst or afnemer with more history is drawn more often."""
    k = tabel("koppelingen").c
    with portaal.engine.connect() as connection:
        hoogste = connection.scalar(select(func.max(k.id)))
        ids = [rng.randint(1, hoogste) for _ in range(VRAGEN * 2)]
        kolommen = (k.afnemer, k.dienst_id, k.code, k.van, k.tot)
        rijen = connection.execute(select(*kolommen).where(k.id.in_(ids))).all()
    rng.shuffle(rijen)
    return rijen[:VRAGEN]


def _p99(vraag, argumenten: list[tuple]) -> float:
    for args in argumenten[:OPWARMEN]:
        vraag(*args)  # warm-up: connection pool, statement cache, page cache; not measured
    duren = []
    for args in argumenten[OPWARMEN:]:
        begin = time.perf_counter()
        vraag(*args)
        duren.append(time.perf_counter() - begin)
    duren.sort()
    return duren[int(len(duren) * 0.99) - 1] * 1000


def _asof(database: Path) -> dict[str, tuple[float, str]]:
    portaal = opbouw.open_portaal(opbouw.omgeving(database))
    try:
        with portaal.engine.connect() as connection:
            rijen = connection.scalar(select(func.count()).select_from(tabel("koppelingen")))
        rng = random.Random(1)
        steekproef = _steekproef(portaal, rng)
        historie = [(portaal, afnemer, dienst_id) for afnemer, dienst_id, _, _, _ in steekproef]
        bt_historie = [(portaal, afnemer, code) for afnemer, _, code, _, _ in steekproef]
        momenten, dienst_op, berichttype_op = [], [], []
        for afnemer, dienst_id, code, van, tot in steekproef:
            rond = van if tot is None or rng.random() < 0.5 else tot
            moment = rond + timedelta(seconds=rng.randint(-3600, 3600))
            momenten.append((portaal, afnemer, moment))
            dienst_op.append((portaal, afnemer, dienst_id, moment))
            berichttype_op.append((portaal, afnemer, code, moment))
        return {
            "asof_query_p99_ms_historie_van_dienst": (_p99(asof.historie_van_dienst, historie), "ms"),
            "asof_query_p99_ms_historie_van_berichttype": (
                _p99(asof.historie_van_berichttype, bt_historie),
                "ms",
            ),
            "asof_query_p99_ms_berichttypes_van_dienst_op": (
                _p99(asof.berichttypes_van_dienst_op, dienst_op),
                "ms",
            ),
            "asof_query_p99_ms_diensten_van_berichttype_op": (
                _p99(asof.diensten_van_berichttype_op, berichttype_op),
                "ms",
            ),
            "asof_query_p99_ms_koppelingen_op": (_p99(asof.koppelingen_op, momenten), "ms"),
            "asof_history_rows": (float(rijen), "rijen"),
        }
    finally:
        opbouw.sluit_portaal(portaal)


def run() -> dict[str, tuple[float, str]]:
    gewoon, versleuteld = geschiedenissen()
    installatie, installatie_aes = _installatie(gewoon), _installatie(versleuteld)
    resultaten: dict[str, tuple[float, str]] = {}
    per_seconde, _ = _herbouw(installatie, versleuteld=False)
    resultaten["projection_rebuild_events_per_s"] = (per_seconde, "events/s")
    per_seconde, _ = _herbouw(installatie, False, "--processen", "1")
    resultaten["projection_rebuild_one_process_events_per_s"] = (per_seconde, "events/s")
    per_seconde, _ = _herbouw(installatie, False, "--processen", "2")
    resultaten["projection_rebuild_two_processes_events_per_s"] = (per_seconde, "events/s")
    per_seconde, _ = _herbouw(installatie_aes, versleuteld=True)
    resultaten["projection_rebuild_encrypted_events_per_s"] = (per_seconde, "events/s")
    resultaten["projection_stock_one_by_one_events_per_s"] = (_stock(gewoon), "events/s")
    resultaten.update(_asof(installatie))
    return resultaten
