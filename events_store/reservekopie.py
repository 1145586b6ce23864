"""`portaal backup` and `portaal restore`: a consistent copy of the whole store, and putting one back into an
empty database.

The whole store is one database: the four event logs and their snapshots, the contents stored beside them
(`bijlage_inhoud`, `bericht_inhoud`), the BerichtID register, the sessions, and the read models with their
positions. A backup copies all of it, read models included: they are copied in the same snapshot as the
events (a projection's rows and its position are written in one transaction), so a restored portal serves
pages at once, and `portaal projections rebuild` replaces them from the events anyway. Leaving them out would
save space but not safety, and would need a list of what is derived that could fall behind the code.

On SQLite the copy is made by SQLite's online backup API in one step: one read transaction, so a copy taken
while the portal writes is the store as it stood at one moment (WAL: the writers do not wait for it). On
PostgreSQL it is `pg_dump -Fc` (events_store.pg_reservekopie), whose one transaction gives the same.
"""

import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.engine import make_url

from events_store.logboeken import ConfiguratieLog, GebruikersLog, MachtigingenLog, VerwerkingsLog

LOGBOEKEN = tuple(log.name for log in (ConfiguratieLog, VerwerkingsLog, GebruikersLog, MachtigingenLog))
SQLITE_KOP = b"SQLite format 3\x00"


class ReservekopieFout(Exception):
    """Refused or failed, with the Dutch message the operator reads."""

    def __init__(self, melding: str) -> None:
        super().__init__(melding)
        self.melding = melding


@dataclass(frozen=True)
class Stand:
    """What a backup or a restored database holds: the newest position of every event log in it."""

    posities: dict[str, int]

    def beschrijving(self) -> str:
        return ", ".join(f"{log} tot positie {positie}" for log, positie in self.posities.items())


def is_sqlite(url: str) -> bool:
    return make_url(url).get_backend_name() == "sqlite"


def sqlite_pad(url: str) -> Path:
    database = make_url(url).database
    if not database or database == ":memory:":
        raise ReservekopieFout("Een database in het geheugen heeft geen bestand om te kopiëren of te vullen.")
    return Path(database)


def nieuw_bestand(doel: Path) -> Path:
    """The temporary name a copy is written under; the copy gets its real name only when complete."""
    if doel.exists():
        raise ReservekopieFout(f"{doel} bestaat al; een reservekopie overschrijft nooit een bestand.")
    if not doel.parent.is_dir():
        raise ReservekopieFout(f"De map {doel.parent} bestaat niet.")
    bezig = doel.with_name(f"{doel.name}.bezig")
    bezig.unlink(missing_ok=True)
    return bezig


def maak_definitief(bezig: Path, doel: Path) -> None:
    with open(bezig, "rb") as bestand:
        os.fsync(bestand.fileno())
    os.replace(bezig, doel)
    map_ = os.open(doel.parent, os.O_RDONLY)
    try:
        os.fsync(map_)
    finally:
        os.close(map_)


def stand_van(connection: sqlite3.Connection) -> Stand:
    tabellen = {r[0] for r in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    return Stand(
        {
            log: connection.execute(f'SELECT coalesce(max(id), 0) FROM "{log}_events"').fetchone()[0]  # noqa: S608
            for log in LOGBOEKEN
            if f"{log}_events" in tabellen
        }
    )


def maak_sqlite(url: str, doel: Path) -> Stand:
    """Copy the store into the new file `doel`, consistent while the portal writes."""
    bron = sqlite_pad(url)
    if not bron.is_file():
        raise ReservekopieFout(f"Er is geen database op {bron}.")
    bezig = nieuw_bestand(doel)
    try:
        lezer = sqlite3.connect(bron, timeout=60)
        kopie = sqlite3.connect(bezig)
        try:
            # pages=-1: everything in one step, so one read transaction: a stepwise copy would start over
            # whenever another process writes, and on a busy portal might never finish.
            lezer.backup(kopie, pages=-1)
            # A single self-contained file: no -wal beside it to forget. The portal sets WAL again when it
            # opens a restored copy.
            kopie.execute("PRAGMA journal_mode = DELETE")
            stand = stand_van(kopie)
        finally:
            kopie.close()
            lezer.close()
        if not stand.posities:
            raise ReservekopieFout(f"{bron} bevat geen eventlogs van het portaal; er is geen kopie gemaakt.")
        maak_definitief(bezig, doel)
    except BaseException:
        bezig.unlink(missing_ok=True)
        raise
    return stand


def _controleer_bron_sqlite(bron: Path) -> None:
    if not bron.is_file():
        raise ReservekopieFout(f"{bron} bestaat niet.")
    with open(bron, "rb") as bestand:
        kop = bestand.read(len(SQLITE_KOP))
    if kop != SQLITE_KOP:
        raise ReservekopieFout(
            f"{bron} is geen SQLite-reservekopie van het portaal (een PostgreSQL-dump zet u terug in "
            "PostgreSQL)."
        )


def _tabellen_sqlite(pad: Path) -> int:
    if not pad.exists() or pad.stat().st_size == 0:
        return 0
    connection = sqlite3.connect(f"file:{pad}?mode=ro", uri=True)
    try:
        return connection.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table'").fetchone()[0]
    finally:
        connection.close()


def controleer_leeg_sqlite(doel: Path) -> None:
    aantal = _tabellen_sqlite(doel)
    if aantal:
        raise ReservekopieFout(
            f"De database {doel} is niet leeg ({aantal} tabellen). Terugzetten kan alleen in een lege "
            "database: kies een ander bestand (DATABASE_URL of PORTAAL_VAR) of verplaats het oude eerst."
        )
    for rest in (Path(f"{doel}-wal"), Path(f"{doel}-journal")):
        if rest.exists() and rest.stat().st_size:
            raise ReservekopieFout(
                f"Naast {doel} staat nog {rest.name} van een eerdere database; verplaats die eerst, anders "
                "leest SQLite die wijzigingen in de teruggezette database."
            )


def zet_terug_sqlite(url: str, bron: Path) -> Stand:
    """Put the backup `bron` into the database of `url`, which must be empty (absent or without tables)."""
    doel = sqlite_pad(url)
    _controleer_bron_sqlite(bron)
    controleer_leeg_sqlite(doel)
    if not doel.parent.is_dir():
        raise ReservekopieFout(f"De map {doel.parent} bestaat niet.")
    bezig = doel.with_name(f"{doel.name}.terugzetten")
    bezig.unlink(missing_ok=True)
    try:
        lezer = sqlite3.connect(f"file:{bron}?mode=ro", uri=True)
        kopie = sqlite3.connect(bezig)
        try:
            try:
                lezer.backup(kopie, pages=-1)
                stand = stand_van(kopie)
            except sqlite3.DatabaseError as fout:
                raise ReservekopieFout(f"{bron} is beschadigd of geen SQLite-database ({fout}).") from None
            kopie.execute("PRAGMA journal_mode = WAL")
        finally:
            kopie.close()
            lezer.close()
        if not stand.posities:
            raise ReservekopieFout(f"{bron} bevat geen eventlogs van het portaal; er is niets teruggezet.")
        controleer_leeg_sqlite(doel)  # again: nobody may have filled it meanwhile
        maak_definitief(bezig, doel)
    except BaseException:
        bezig.unlink(missing_ok=True)
        raise
    return stand
