"""The PostgreSQL route of `portaal backup` and `portaal restore`: PostgreSQL's own `pg_dump -Fc` and
`pg_restore`, run as programs (their versions must fit the server's, which only the server's own client
packages guarantee). pg_dump reads the whole database in one transaction: a consistent copy while the portal
writes. The password travels in PGPASSWORD, never on a command line another user can read in `ps`.
"""

import os
import shutil
import subprocess
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import OperationalError

from events_store.reservekopie import LOGBOEKEN, ReservekopieFout, Stand, maak_definitief, nieuw_bestand

DUMP_KOP = b"PGDMP"


def _libpq(url: str) -> tuple[str, dict[str, str]]:
    """The libpq connection URI (without the password) and the environment that carries the password."""
    gegeven: URL = make_url(url)
    env = dict(os.environ)
    if gegeven.password:
        env["PGPASSWORD"] = str(gegeven.password)
    zonder = gegeven.set(drivername="postgresql", password=None)
    return zonder.render_as_string(hide_password=False), env


def _programma(naam: str) -> str:
    pad = shutil.which(naam)
    if pad is None:
        raise ReservekopieFout(
            f"{naam} staat niet op het PATH. Installeer de clientprogramma's van PostgreSQL in de versie van "
            f"de server (Debian: apt-get install postgresql-client) of gebruik {naam} zelf zoals "
            "docs/backup.md beschrijft."
        )
    return pad


def _draai(opdracht: list[str], env: dict[str, str], wat: str) -> None:
    uitkomst = subprocess.run(opdracht, env=env, capture_output=True, text=True, check=False)  # noqa: S603
    if uitkomst.returncode != 0:
        melding = uitkomst.stderr.strip()
        raise ReservekopieFout(f"{wat} is mislukt (afsluitcode {uitkomst.returncode}):\n{melding}")


def _stand(url: str) -> Stand:
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            vraag = text("SELECT tablename FROM pg_catalog.pg_tables WHERE schemaname = 'public'")
            tabellen = set(connection.scalars(vraag))
            posities = {
                log: connection.scalar(text(f'SELECT coalesce(max(id), 0) FROM "{log}_events"'))  # noqa: S608
                for log in LOGBOEKEN
                if f"{log}_events" in tabellen
            }
    finally:
        engine.dispose()
    return Stand(posities)


def maak(url: str, doel: Path) -> Stand:
    """`pg_dump -Fc` of the database of `url` into the new file `doel`. Returns what the database held
    when the dump began or later (the dump is the snapshot of its own transaction)."""
    pg_dump = _programma("pg_dump")
    stand = _stand(url)
    if not stand.posities:
        raise ReservekopieFout("Deze database bevat geen eventlogs van het portaal; er is geen dump gemaakt.")
    bezig = nieuw_bestand(doel)
    conninfo, env = _libpq(url)
    try:
        _draai([pg_dump, "--format=custom", "--no-password", f"--file={bezig}", conninfo], env, "pg_dump")
        maak_definitief(bezig, doel)
    except BaseException:
        bezig.unlink(missing_ok=True)
        raise
    return stand


def _tabellen(url: str) -> int:
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            return connection.scalar(
                text(
                    "SELECT count(*) FROM pg_catalog.pg_tables "
                    "WHERE schemaname NOT IN ('pg_catalog', 'information_schema')"
                )
            )
    except OperationalError as fout:
        database = make_url(url).database
        raise ReservekopieFout(
            f"De database {database} is niet bereikbaar. Bestaat hij? Maak hem leeg aan met "
            f"`createdb {database}` (docs/backup.md).\n{fout.orig}"
        ) from None
    finally:
        engine.dispose()


def controleer_leeg(url: str) -> None:
    aantal = _tabellen(url)
    if aantal:
        raise ReservekopieFout(
            f"De database {make_url(url).database} is niet leeg ({aantal} tabellen). Terugzetten kan alleen "
            "in een lege database: maak een nieuwe aan (createdb) en wijs DATABASE_URL daarheen."
        )


def zet_terug(url: str, bron: Path) -> Stand:
    """`pg_restore` of the dump `bron` into the database of `url`, which must exist and be empty. One
    transaction: a restore that fails leaves the database empty."""
    if not bron.is_file():
        raise ReservekopieFout(f"{bron} bestaat niet.")
    with open(bron, "rb") as bestand:
        if bestand.read(len(DUMP_KOP)) != DUMP_KOP:
            raise ReservekopieFout(
                f"{bron} is geen dump van pg_dump -Fc (een SQLite-reservekopie zet u terug in SQLite)."
            )
    pg_restore = _programma("pg_restore")
    controleer_leeg(url)
    conninfo, env = _libpq(url)
    opdracht = [
        pg_restore,
        "--exit-on-error",
        "--single-transaction",
        "--no-owner",
        "--no-privileges",
        "--no-password",
        f"--dbname={conninfo}",
        str(bron),
    ]
    _draai(opdracht, env, "pg_restore")
    stand = _stand(url)
    if not stand.posities:
        raise ReservekopieFout(f"{bron} bevatte geen eventlogs van het portaal.")
    return stand
