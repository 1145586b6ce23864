"""Bringing read models up to date: in batches, each batch's rows and positions in one transaction.

Stateless building blocks: what a process knows and holds (its lock, how far it got, whether it installed)
lives in its `projections.motor.Projectiemotor`, which drives these.

A projection whose tables another version of its code built is passed over by every batch (its version is
read with its locked position): its tables have that other version's shape, and the rebuild that replaces
them catches up the remaining events when it swaps them in (projections.versies, projections.herbouw).
"""

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field

from sqlalchemy import inspect
from sqlalchemy.engine import Connection, Engine

from events_store.zonder_fsync import transactie_zonder_fsync
from projections import hartslag, tracking
from projections.gebeurtenissen import Bron
from projections.geheugen import Geheugen
from projections.handlers import PROJECTIES, van_logboek
from projections.handlers.basis import CONFIGURATIE, Projectie, reageert_op, versie_van
from projections.tabellen import Tabellen, live

BATCH = 2000


@dataclass(frozen=True)
class Doel:
    """Where one projection writes: its handler, its tables, the name its position is tracked under, and
    what it remembers between the batches of one run."""

    projectie: Projectie
    tabellen: Tabellen
    positie_naam: str
    geheugen: Geheugen = field(default_factory=Geheugen, compare=False)


def live_doelen(namen: Sequence[str] | None = None, logboek: str = CONFIGURATIE) -> list[Doel]:
    """The live targets of these projections (default: every projection that follows `logboek`)."""
    return [Doel(PROJECTIES[n], live(n), n) for n in (namen or van_logboek(logboek))]


def alle_doelen() -> list[Doel]:
    """The live targets of every projection of every log: what a database needs installed."""
    return [Doel(p, live(n), n) for n, p in PROJECTIES.items()]


def installeer(engine: Engine, doelen: Sequence[Doel] | None = None) -> None:
    """Create the tracking tables, the tables of these projections and their position rows, if missing.

    A new position row records the version of the projection's code: its tables start empty, so they are
    what that version builds."""
    doelen = alle_doelen() if doelen is None else doelen
    tracking.metadata.create_all(engine)
    tracking.bijwerken_schema(engine)
    hartslag.installeer(engine)
    for doel in doelen:
        doel.tabellen.metadata.create_all(engine)
    with engine.begin() as connection:
        tracking.zorg_voor(connection, {d.positie_naam: versie_van(d.projectie) for d in doelen})


def verwerk_batch(
    connection: Connection,
    bron: Bron,
    doelen: Sequence[Doel],
    limiet: int = BATCH,
    bron_connection: Connection | None = None,
    tot: int | None = None,
) -> int:
    """One batch for these projections, inside the caller's transaction. Returns the last position seen,
    or 0 when there was nothing new. The events are read once and handed to every projection that has not
    seen them yet. Projections whose tables another version of their code built are passed over."""
    if not doelen:
        return 0  # a log no projection follows yet (PostgreSQL refuses the empty IN list of the lock)
    namen = [d.positie_naam for d in doelen]
    standen = tracking.vergrendel(connection, namen)
    actief = []
    for doel in doelen:
        if standen[doel.positie_naam][2] == versie_van(doel.projectie):
            actief.append(doel)
        else:
            doel.geheugen.wis()
    if not actief:
        return 0
    start = min(standen[d.positie_naam][0] for d in actief)
    gebeurtenissen = bron.lees(start, limiet, bron_connection or connection, tot)
    if not gebeurtenissen:
        return 0
    laatste = gebeurtenissen[-1].positie
    soorten = {g.naam for g in gebeurtenissen}
    nieuwe_posities = {}
    for doel in actief:
        eigen, generatie, _ = standen[doel.positie_naam]
        doel.geheugen.begin(eigen, generatie)
        # A projection none of these events concern writes nothing; its position moves on all the same.
        if reageert_op(doel.projectie, soorten):
            nieuw = gebeurtenissen if eigen <= start else [g for g in gebeurtenissen if g.positie > eigen]
            doel.projectie.verwerk(connection, doel.tabellen, nieuw, doel.geheugen)
        nieuwe_posities[doel.positie_naam] = max(eigen, laatste)
    tracking.zet_alle(connection, nieuwe_posities)
    return laatste


def werk_bij(
    engine: Engine,
    bron: Bron,
    doelen: Sequence[Doel],
    tot: int | None = None,
    limiet: int = BATCH,
    voortgang: Callable[[int], None] | None = None,
) -> int:
    """Batches, one transaction each, until the projections reach `tot` (default: the newest event)."""
    tot = bron.hoogste() if tot is None else tot
    with engine.connect() as connection:
        positie = laagste_positie(connection, doelen)
    while positie < tot:
        laatste = een_transactie(engine, bron, doelen, limiet, tot)
        if not laatste:
            break
        positie = laatste
        if voortgang:
            voortgang(positie)
    return positie


def een_transactie(engine: Engine, bron: Bron, doelen: Sequence[Doel], limiet: int, tot: int | None) -> int:
    """One batch in a transaction of its own; what the projections remember follows its commit or rollback."""
    try:
        with _transactie(engine) as connection, _bron_verbinding(engine, bron) as bron_connection:
            laatste = verwerk_batch(connection, bron, doelen, limiet, bron_connection, tot)
    except BaseException:
        # Rolled back: what the projections remember may be ahead of their tables now.
        for doel in doelen:
            doel.geheugen.wis()
        raise
    for doel in doelen:
        doel.geheugen.bevestig(laatste)
    return laatste


class _bron_verbinding:
    """Read the events on the writing connection when they share a database (one snapshot, no extra
    connection), on a connection of their own when the read models live elsewhere (the scratch replay)."""

    def __init__(self, engine: Engine, bron: Bron) -> None:
        self.eigen = bron.engine is not engine
        self.bron = bron

    def __enter__(self) -> Connection | None:
        self.connection = self.bron.engine.connect() if self.eigen else None
        return self.connection

    def __exit__(self, *exc) -> None:
        if self.connection is not None:
            self.connection.close()


@contextmanager
def _transactie(engine: Engine) -> Iterator[Connection]:
    """One projection transaction, committed without an fsync on SQLite in WAL mode (events_store.zonder_fsync
    says why that is safe: read models redo what a power cut took from the events, which were committed
    fully synchronous before a projection read them)."""
    with transactie_zonder_fsync(engine, _grote_cache) as connection:
        yield connection


def _grote_cache(connection: Connection) -> None:
    """Per pooled SQLite connection, once: a page cache of at least 256 MB (SQLite's default 2 MB is far
    smaller than the tables a batch writes into).

    (Decoding the next batch in a second thread was tried and dropped: sqlite3 takes the GIL back for every
    row of an executemany, so a busy decoder thread made each row wait for the interpreter's switch interval.)
    """
    huidig = connection.exec_driver_sql("PRAGMA cache_size").scalar()
    if huidig >= 0 or huidig > -262144:
        connection.exec_driver_sql("PRAGMA cache_size = -262144")


def laagste_positie(connection: Connection, doelen: Sequence[Doel]) -> int:
    """The position every one of these projections whose tables their current code built has reached (the
    lowest of them); when none has such tables, the lowest of all. A projection without a position row has
    processed nothing yet."""
    standen = tracking.standen(connection, [d.positie_naam for d in doelen])
    actueel, alle = [], []
    for doel in doelen:
        positie, versie = standen.get(doel.positie_naam, (0, versie_van(doel.projectie)))
        alle.append(positie)
        if versie == versie_van(doel.projectie):
            actueel.append(positie)
    return min(actueel or alle, default=0)


def heeft_tracking(engine: Engine) -> bool:
    return inspect(engine).has_table(tracking.posities.name)
