"""`portaal projections rebuild [NAME]`: rebuild from the events into new tables, then swap them in.

Readers keep the complete old tables until the new ones are ready: the new generation is built in tables
suffixed `__<token>`, in batches, tracked under `naam#token`. The swap is one transaction: catch up the last
events, drop the old tables, rename the new ones, move the position. A rebuild that was killed resumes
where its last committed batch ended, because `projectie_herbouw` remembers its token.

One rebuild at a time per database, across processes (`een_tegelijk`): the caller takes that lock around
deciding what to rebuild and rebuilding it (projections.motor).
"""

import gc
import secrets
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager, nullcontext

from sqlalchemy import create_engine, delete, event, inspect, select, text
from sqlalchemy.engine import Connection, Engine

from projections import runner, sloten, tracking
from projections.gebeurtenissen import Bron
from projections.handlers import PROJECTIES, van_logboek
from projections.handlers.basis import versie_van
from projections.tabellen import Tabellen


def _token(connection: Connection, naam: str) -> str:
    """The token of an unfinished rebuild of this projection by the same version of its code, or a new one.
    Half-built tables of another version are dropped: resuming them would mix two versions' rows."""
    bestaand = connection.scalar(select(tracking.herbouw.c.token).where(tracking.herbouw.c.projectie == naam))
    if bestaand:
        gebouwd_door = tracking.versies(connection, [f"{naam}#{bestaand}"]).get(f"{naam}#{bestaand}")
        if gebouwd_door in (None, versie_van(PROJECTIES[naam])):
            return bestaand
        _gooi_weg(connection, naam, bestaand)
    token = secrets.token_hex(4)
    connection.execute(tracking.herbouw.insert().values(projectie=naam, token=token))
    return token


def _gooi_weg(connection: Connection, naam: str, token: str) -> None:
    for tabel in Tabellen(naam, f"__{token}").lijst:
        connection.execute(text(f"DROP TABLE IF EXISTS {_quote(connection, tabel.name)}"))
    connection.execute(delete(tracking.posities).where(tracking.posities.c.projectie == f"{naam}#{token}"))
    connection.execute(delete(tracking.herbouw).where(tracking.herbouw.c.projectie == naam))


def bouw_doelen(engine: Engine, namen: Sequence[str]) -> list[runner.Doel]:
    """The new generation's targets; resumes an unfinished rebuild of the same projection."""
    runner.installeer(engine)
    with engine.begin() as connection:
        tokens = {naam: _token(connection, naam) for naam in namen}
    doelen = [
        runner.Doel(PROJECTIES[n], Tabellen(n, f"__{tokens[n]}", bouw=True), f"{n}#{tokens[n]}")
        for n in namen
    ]
    runner.installeer(engine, doelen)
    return doelen


def _quote(connection: Connection, naam: str) -> str:
    return connection.dialect.identifier_preparer.quote(naam)


WEG = "__weg_"


def _wissel(connection: Connection, doel: runner.Doel) -> None:
    """Rename, never drop, inside the swap: dropping a table of a million rows takes seconds, renaming
    does not. The old tables are dropped after the swap has committed (`ruim_op`)."""
    naam, token = doel.projectie.naam, doel.tabellen.suffix.removeprefix("__")
    bestaand = set(inspect(connection).get_table_names())
    for tabelnaam in doel.tabellen.namen():
        if tabelnaam in bestaand:
            _hernoem(connection, tabelnaam, f"{tabelnaam}{WEG}{token}")
        _hernoem(connection, doel.tabellen[tabelnaam].name, tabelnaam)
    positie = tracking.lees(connection, [doel.positie_naam])[doel.positie_naam]
    versie = tracking.versies(connection, [doel.positie_naam])[doel.positie_naam]
    tracking.zet(connection, naam, positie, generatie=token, versie=versie)
    connection.execute(delete(tracking.posities).where(tracking.posities.c.projectie == doel.positie_naam))
    connection.execute(delete(tracking.herbouw).where(tracking.herbouw.c.projectie == naam))


def _hernoem(connection: Connection, van: str, naar: str) -> None:
    connection.execute(text(f"ALTER TABLE {_quote(connection, van)} RENAME TO {_quote(connection, naar)}"))


def ruim_op(engine: Engine) -> None:
    """Drop the tables earlier swaps replaced (also those left by a swap whose process died right after)."""
    for tabelnaam in inspect(engine).get_table_names():
        if WEG in tabelnaam:
            with engine.begin() as connection:
                connection.execute(text(f"DROP TABLE IF EXISTS {_quote(connection, tabelnaam)}"))


def wissel_in(engine: Engine, bron: Bron, doelen: Sequence[runner.Doel]) -> None:
    """One transaction: lock the live positions, process what arrived meanwhile, swap the tables."""
    with engine.begin() as connection:
        # The first statement writes, so SQLite's implicit transaction covers the DDL below too.
        tracking.vergrendel(connection, [d.projectie.naam for d in doelen])
        while runner.verwerk_batch(connection, bron, doelen):
            pass
        for doel in doelen:
            _wissel(connection, doel)


def controleer(namen: Sequence[str] | None, logboek: str) -> list[str]:
    """The projections of this event log to rebuild (default: all of them); a name that is none of them is
    refused (another log's projection is rebuilt by that log's engine)."""
    eigen = van_logboek(logboek)
    namen = list(namen or eigen)
    onbekend = [n for n in namen if n not in eigen]
    if onbekend:
        raise KeyError(f"Onbekende projectie: {', '.join(onbekend)}")
    return namen


def herbouw(
    live_engine: Engine,
    bron: Bron,
    namen: Sequence[str] | None = None,
    voortgang: Callable[[int], None] | None = None,
    batch: int = 20_000,
    slot: AbstractContextManager | None = None,
) -> int:
    """Rebuild these projections (default: all) and swap them in. Returns the position they reached.
    `slot` is held for the swap: the caller's catch-up lock, so its own catch-ups wait for the swap rather
    than for the database."""
    namen = controleer(namen, bron.logboek)
    engine = bouw_engine(live_engine)
    try:
        doelen = bouw_doelen(engine, namen)
        with _gc_per_batch(voortgang) as na_batch:
            runner.werk_bij(engine, bron, doelen, limiet=batch, voortgang=na_batch)
        for doel in doelen:
            doel.tabellen.maak_indexen(engine)
        with slot if slot is not None else nullcontext():
            wissel_in(engine, bron, doelen)
        ruim_op(engine)
    finally:
        if engine is not live_engine:
            engine.dispose()
    with live_engine.connect() as connection:
        return runner.laagste_positie(connection, runner.live_doelen(namen))


@contextmanager
def _gc_per_batch(voortgang: Callable[[int], None] | None) -> Iterator[Callable[[int], None]]:
    """Python's cyclic garbage collector, left on, runs every 700 new container objects and keeps walking
    the rows a batch holds: a third of a rebuild's time went there. The rows hold no cycles and are freed
    by their reference counts, so during the rebuild the collector runs once per batch instead (young
    generations only: what survives a batch is not walked again)."""
    aan = gc.isenabled()
    gc.disable()

    def na_batch(positie: int) -> None:
        gc.collect(1)
        if voortgang:
            voortgang(positie)

    try:
        yield na_batch
    finally:
        if aan:
            gc.enable()


def bouw_engine(live_engine: Engine) -> Engine:
    """On SQLite a connection pool of the rebuild's own: its commits need not wait for the disk (WAL with
    synchronous=NORMAL stays consistent after any crash; at worst the last batches are done again) and its
    page cache may be large. The event writers keep the application's fully synchronous connections."""
    if live_engine.dialect.name != "sqlite":
        return live_engine
    engine = create_engine(live_engine.url)
    event.listen(engine, "connect", _pragmas)
    return engine


def _pragmas(dbapi_connection, record) -> None:
    cursor = dbapi_connection.cursor()
    for pragma in (
        "journal_mode = WAL",  # what the application sets too; synchronous=NORMAL is only safe with it
        "synchronous = NORMAL",
        "cache_size = -1048576",
        "busy_timeout = 30000",
        "wal_autocheckpoint = 50000",
        # This build of SQLite zeroes every freed page (secure_delete=ON), so dropping the old generation
        # wrote its gigabytes again. FAST still clears deleted content on pages written anyway; the pages
        # of the dropped tables hold what the new tables hold, rebuilt from the same events.
        "secure_delete = FAST",
    ):
        cursor.execute(f"PRAGMA {pragma}")
    cursor.close()


_SLEUTEL = 0x706F7274  # the advisory lock's number on PostgreSQL ("port"), as before the other locks
WACHT = (
    "Er loopt al een herbouw van de projecties (bij de start van een proces met nieuwe code, of met "
    "portaal projections rebuild). Deze herbouw wacht tot die klaar is."
)


@contextmanager
def een_tegelijk(engine: Engine, bij_wachten: Callable[[], None] | None = None) -> Iterator[None]:
    """One rebuild at a time per database, across processes (projections.sloten): the advisory lock
    `_SLEUTEL` on PostgreSQL, `<database>.herbouw.lock` beside an SQLite file. `bij_wachten` is called once
    when another process holds it. Not reentrant: take it once, around the whole rebuild."""
    with sloten.alleen(engine, sloten.HERBOUW, bij_wachten=bij_wachten, pg_sleutel=_SLEUTEL):
        yield
