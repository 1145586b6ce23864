"""The scratch files of a parallel rebuild on SQLite (projections.herbouw_parallel): one per group of
projections next to the live database, `<database>.herbouw-<key>`, built by a worker process with its own
tracking (so it resumes), then copied into the live database's new tables in one transaction.

The live tables get every index before the copy, as the scratch tables have: between identical empty tables
SQLite copies `INSERT INTO t SELECT * FROM u` page by page (its transfer optimisation), index entries
included, instead of inserting row by row.
"""

import hashlib
import sqlite3
from collections.abc import Sequence
from pathlib import Path

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine

from projections import herbouw as herbouwen
from projections import runner

KLAD = ".herbouw-"


def engine(pad: str) -> Engine:
    engine = create_engine(f"sqlite:///{pad}")
    event.listen(engine, "connect", herbouwen._pragmas)
    return engine


def pad(database: str, projecties: Sequence[tuple[str, str]]) -> str:
    sleutel = hashlib.sha256(repr(sorted(projecties)).encode()).hexdigest()[:12]
    return f"{database}{KLAD}{sleutel}"


def gooi_weg(pad: str) -> None:
    for rest in ("", "-wal", "-shm", "-journal"):
        Path(f"{pad}{rest}").unlink(missing_ok=True)


def ruim_oude_op(database: str, houden: set[str]) -> None:
    """Scratch files of another grouping or of tokens since dropped: their work cannot be resumed."""
    map_, naam = Path(database).parent, Path(database).name
    for pad in map_.glob(f"{naam}{KLAD}*"):
        basis = str(pad).removesuffix("-wal").removesuffix("-shm").removesuffix("-journal")
        if basis not in houden:
            pad.unlink(missing_ok=True)


def stand(pad: str, namen: list[str]) -> int:
    """How far a scratch file got (read-only: never creates the file a worker is about to make)."""
    if not Path(pad).exists():
        return 0
    try:
        connection = sqlite3.connect(f"file:{pad}?mode=ro", uri=True, timeout=1)
        try:
            plaatsen = ", ".join("?" * len(namen))
            sql = f"SELECT min(positie) FROM projectie_posities WHERE projectie IN ({plaatsen})"  # noqa: S608
            return connection.execute(sql, namen).fetchone()[0] or 0
        finally:
            connection.close()
    except sqlite3.Error:
        return 0


def neem_over(engine: Engine, pad: str, doelen: Sequence[runner.Doel]) -> None:
    """Copy a finished scratch file's tables into the live ones (empty, with the same indexes) and move
    their positions, in one transaction; then the scratch file goes."""
    for d in doelen:
        d.tabellen.maak_indexen(engine)
    namen = [d.positie_naam for d in doelen]
    ruw = engine.raw_connection()
    try:
        db = ruw.driver_connection
        vorig, db.isolation_level = db.isolation_level, None  # explicit BEGIN/COMMIT; ATTACH outside both
        db.execute("ATTACH DATABASE ? AS klad", (pad,))
        try:
            db.execute("BEGIN IMMEDIATE")
            try:
                for d in doelen:
                    for tabel in d.tabellen.lijst:
                        db.execute(f'INSERT INTO main."{tabel.name}" SELECT * FROM klad."{tabel.name}"')  # noqa: S608
                plaatsen = ", ".join("?" * len(namen))
                standen = db.execute(
                    f"SELECT projectie, positie FROM klad.projectie_posities WHERE projectie IN ({plaatsen})",  # noqa: S608
                    namen,
                ).fetchall()
                zet = "UPDATE main.projectie_posities SET positie = ? WHERE projectie = ?"
                db.executemany(zet, [(positie, naam) for naam, positie in standen])
                db.execute("COMMIT")
            except BaseException:
                db.execute("ROLLBACK")
                raise
        finally:
            db.execute("DETACH DATABASE klad")
            db.isolation_level = vorig
    finally:
        ruw.close()
    gooi_weg(pad)
