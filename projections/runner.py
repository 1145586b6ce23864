"""Bringing the read models up to date: in batches, each batch's rows and positions in one transaction.

Embedded (SQLite): `bijwerken(portaal)` after each command, so the user sees the change at once.
PostgreSQL: `volg(portaal)` runs in its own worker process (`portaal projections run`); a web request that
just issued a command calls `wacht_op(portaal, positie)` or simply `na_commando(portaal)`.
"""

import threading
import time
import weakref
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field

from sqlalchemy import inspect
from sqlalchemy.engine import Connection, Engine

from projections import tracking
from projections.gebeurtenissen import Bron
from projections.geheugen import Geheugen
from projections.handlers import PROJECTIES
from projections.handlers.basis import Projectie, reageert_op, versie_van
from projections.tabellen import Tabellen, live
from projections.wachten import wachter

BATCH = 2000

_sloten: "weakref.WeakKeyDictionary[Engine, threading.Lock]" = weakref.WeakKeyDictionary()
_bijgewerkt_tot: "weakref.WeakKeyDictionary[Engine, int]" = weakref.WeakKeyDictionary()
_geinstalleerd: "weakref.WeakSet[Engine]" = weakref.WeakSet()
_gestart: "weakref.WeakSet[Engine]" = weakref.WeakSet()  # versions checked (projections.versies)
_bronnen: "weakref.WeakKeyDictionary[object, Bron]" = weakref.WeakKeyDictionary()
_register = threading.Lock()


@dataclass(frozen=True)
class Doel:
    """Where one projection writes: its handler, its tables, the name its position is tracked under, and
    what it remembers between the batches of one run."""

    projectie: Projectie
    tabellen: Tabellen
    positie_naam: str
    geheugen: Geheugen = field(default_factory=Geheugen, compare=False)


def live_doelen(namen: Sequence[str] | None = None) -> list[Doel]:
    return [Doel(PROJECTIES[n], live(n), n) for n in (namen or PROJECTIES)]


def installeer(engine: Engine, doelen: Sequence[Doel] | None = None) -> None:
    """Create the tracking tables, the tables of these projections and their position rows, if missing.

    A new position row records the version of the projection's code: its tables start empty, so they are
    what that version builds."""
    alle_live = doelen is None
    doelen = live_doelen() if doelen is None else doelen
    tracking.metadata.create_all(engine)
    tracking.bijwerken_schema(engine)
    for doel in doelen:
        doel.tabellen.metadata.create_all(engine)
    with engine.begin() as connection:
        tracking.zorg_voor(connection, {d.positie_naam: versie_van(d.projectie) for d in doelen})
    if alle_live:
        _geinstalleerd.add(engine)


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
    seen them yet."""
    namen = [d.positie_naam for d in doelen]
    standen = tracking.vergrendel(connection, namen)
    start = min(positie for positie, _ in standen.values())
    gebeurtenissen = bron.lees(start, limiet, bron_connection or connection, tot)
    if not gebeurtenissen:
        return 0
    laatste = gebeurtenissen[-1].positie
    soorten = {g.naam for g in gebeurtenissen}
    nieuwe_posities = {}
    for doel in doelen:
        eigen, generatie = standen[doel.positie_naam]
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
    positie = min(_posities(engine, doelen).values(), default=0)
    while positie < tot:
        laatste = _een_transactie(engine, bron, doelen, limiet, tot)
        if not laatste:
            break
        positie = laatste
        if voortgang:
            voortgang(positie)
    return positie


def _een_transactie(engine: Engine, bron: Bron, doelen: Sequence[Doel], limiet: int, tot: int | None) -> int:
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


SNEL = 1  # PRAGMA synchronous = NORMAL


@contextmanager
def _transactie(engine: Engine) -> Iterator[Connection]:
    """One projection transaction. On SQLite in WAL mode it commits with synchronous=NORMAL and then
    gives the connection back with the setting it had.

    Why that is safe, and only for these writes: with WAL, NORMAL skips the fsync of the log at commit but
    keeps the database consistent after any crash; a power cut may lose the last few projection commits,
    never half of one, and the rows and positions of a batch share its transaction, so the projections
    simply redo those batches (read models can always be rebuilt from the events). The events themselves
    are safe: they were committed, fully synchronous, by the event store before a projection read them, and
    its next commit syncs the whole log again. The pooled connection is the event store's too, which is
    why the setting is put back after every projection transaction instead of once per connection."""
    with engine.connect() as connection:
        terugzetten = None
        try:
            with connection.begin():
                # A PRAGMA does not open SQLite's transaction (pysqlite begins one before the first write).
                if connection.dialect.name == "sqlite":
                    terugzetten = _sqlite_voor_projecties(connection)
                yield connection
        finally:
            if terugzetten is not None and not connection.invalidated:
                # On the driver's connection: SQLAlchemy would count this as a transaction of its own.
                connection.connection.driver_connection.execute(f"PRAGMA synchronous = {terugzetten}")


def _sqlite_voor_projecties(connection: Connection) -> int | None:
    """Per pooled connection, once: a page cache of at least 256 MB (SQLite's default 2 MB is far smaller
    than the tables a batch writes into) and what its journal and synchronous settings are. Per transaction:
    synchronous=NORMAL when in WAL mode. Returns the setting to put back, or None.

    (Decoding the next batch in a second thread was tried and dropped: sqlite3 takes the GIL back for every
    row of an executemany, so a busy decoder thread made each row wait for the interpreter's switch interval.)
    """
    info = connection.info
    if "portaal_synchronous" not in info:
        huidig = connection.exec_driver_sql("PRAGMA cache_size").scalar()
        if huidig >= 0 or huidig > -262144:
            connection.exec_driver_sql("PRAGMA cache_size = -262144")
        wal = connection.exec_driver_sql("PRAGMA journal_mode").scalar().lower() == "wal"
        synchronous = connection.exec_driver_sql("PRAGMA synchronous").scalar()
        info["portaal_synchronous"] = synchronous if wal and synchronous != SNEL else None
    terugzetten = info["portaal_synchronous"]
    if terugzetten is not None:
        connection.exec_driver_sql(f"PRAGMA synchronous = {SNEL}")
    return terugzetten


def _posities(engine: Engine, doelen: Sequence[Doel]) -> dict[str, int]:
    with engine.connect() as connection:
        return tracking.lees(connection, [d.positie_naam for d in doelen])


def slot(engine: Engine) -> threading.Lock:
    with _register:
        return _sloten.setdefault(engine, threading.Lock())


def bron_van(portaal) -> Bron:
    """One `Bron` (table, mapper, transcoder) per portaal, made on first use rather than per catch-up."""
    try:
        return _bronnen[portaal]
    except KeyError:
        bron = _bronnen[portaal] = Bron(portaal)
        return bron


def bijwerken(portaal) -> int:
    """Bring every projection up to the newest event; cheap (one indexed max query) when nothing is new.

    The first call for a database in this process first installs what is missing and rebuilds every
    projection whose tables another version of its code built (projections.versies).
    Thread-safe: waitress serves requests on several threads, and they share one lock per database.
    Returns the position the projections have reached.
    """
    engine = portaal.engine
    bron = bron_van(portaal)
    with slot(engine):
        if engine not in _gestart:
            _start(portaal)
        hoogste = bron.hoogste()
        if hoogste <= _bijgewerkt_tot.get(engine, -1):
            return _bijgewerkt_tot[engine]
        doelen = live_doelen()
        laatste = _een_transactie(engine, bron, doelen, BATCH, hoogste)
        while 0 < laatste < hoogste:
            laatste = _een_transactie(engine, bron, doelen, BATCH, hoogste)
        # After a batch every projection stands at its last event or beyond, and the lowest exactly there.
        bereikt = laatste if laatste >= hoogste else positie(portaal)
        _bijgewerkt_tot[engine] = bereikt
        return bereikt


def _start(portaal) -> None:
    from projections import versies  # versies rebuilds through herbouw, which builds on this module

    if portaal.engine not in _geinstalleerd:
        installeer(portaal.engine)
    versies.herbouw_verouderde(portaal, slot_vast=True)
    _gestart.add(portaal.engine)


def vergeet(engine: Engine) -> None:
    """Forget what this process knows about a database, as a newly started process would."""
    _geinstalleerd.discard(engine)
    _gestart.discard(engine)
    _bijgewerkt_tot.pop(engine, None)


def positie(portaal) -> int:
    """The position every live projection has reached (the lowest of them)."""
    doelen = live_doelen()
    posities = _posities(portaal.engine, doelen) if _heeft_tracking(portaal.engine) else {}
    # A projection without a position row has processed nothing yet.
    return min((posities.get(d.positie_naam, 0) for d in doelen), default=0)


def _heeft_tracking(engine: Engine) -> bool:
    if engine in _geinstalleerd:
        return True
    return inspect(engine).has_table(tracking.posities.name)


def wacht_op(portaal, doelpositie: int, timeout: float = 2.0, interval: float = 0.02) -> bool:
    """Read-your-writes with a separate worker: wait until the projections have reached `doelpositie`.
    True when they have; False after `timeout` seconds (the page then shows slightly older data)."""
    einde = time.monotonic() + timeout
    while positie(portaal) < doelpositie:
        if time.monotonic() >= einde:
            return False
        time.sleep(interval)
    return True


def na_commando(portaal, embedded: bool | None = None, timeout: float = 2.0) -> bool:
    """After a command: catch up in this request (SQLite) or wait for the worker (PostgreSQL)."""
    if embedded is None:
        embedded = portaal.engine.dialect.name == "sqlite"
    if embedded:
        bijwerken(portaal)
        return True
    return wacht_op(portaal, bron_van(portaal).hoogste(), timeout)


def volg(
    portaal,
    interval: float = 0.1,
    stop: Callable[[], bool] = lambda: False,
    melding: Callable[[str], None] | None = None,
) -> None:
    """The worker loop of `portaal projections run`: first rebuild every projection whose tables another
    version of its code built (`melding` says which and why), then catch up, then wait for new events
    (LISTEN/NOTIFY on PostgreSQL, polling on SQLite), at most `interval` seconds at a time.

    Several workers may run at once: the tracking rows are locked per batch, so each event is processed once.
    The projections remember rows between batches for as long as the worker runs (see projections.geheugen).
    """
    from projections import versies  # versies rebuilds through herbouw, which builds on this module

    engine, bron, doelen = portaal.engine, bron_van(portaal), live_doelen()
    installeer(engine, doelen)
    versies.herbouw_verouderde(portaal, melding=melding)
    with wachter(portaal, interval) as wacht:
        while not stop():
            if werk_bij(engine, bron, doelen) >= bron.hoogste():
                wacht()
