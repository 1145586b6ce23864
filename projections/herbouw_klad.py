"""The scratch files of a parallel rebuild on SQLite (projections.herbouw_parallel): one per group of
projections next to the live database, `<database>.herbouw-<key>`, built by a worker process with its own
tracking (so it resumes), then copied into the live database's new tables, a transaction per file.

A projection built in parts (projections.deel) has a part in every file: its position moves only after the
last part is in, and a copy that was interrupted before that is emptied and made again by the next run.

The live tables get every index before the copy, as the scratch tables have: between identical empty tables
SQLite copies `INSERT INTO t SELECT * FROM u` page by page (its transfer optimisation), index entries
included, instead of inserting row by row.
"""

import hashlib
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine

from projections import herbouw as herbouwen
from projections import runner
from projections.deel import delen_uit

KLAD = ".herbouw-"


def engine(pad: str) -> Engine:
    engine = create_engine(f"sqlite:///{pad}")
    event.listen(engine, "connect", herbouwen._pragmas)
    return engine


def pad(database: str, projecties: Sequence[tuple]) -> str:
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
    return min(standen(pad, namen).values(), default=0) if Path(pad).exists() else 0


def standen(pad: str, namen: list[str]) -> dict[str, int]:
    """The positions a scratch file's projections reached (none when it cannot be read)."""
    try:
        connection = sqlite3.connect(f"file:{pad}?mode=ro", uri=True, timeout=1)
        try:
            plaatsen = ", ".join("?" * len(namen))
            sql = f"SELECT projectie, positie FROM projectie_posities WHERE projectie IN ({plaatsen})"  # noqa: S608
            return dict(connection.execute(sql, namen).fetchall())
        finally:
            connection.close()
    except sqlite3.Error:
        return {}


def neem_over(engine: Engine, kladden: Sequence[tuple[str, Sequence[runner.Doel]]]) -> None:
    """Copy finished scratch files' tables into the live new ones (with the same indexes) and move their
    positions, a transaction per file; then the scratch files go. A projection built in parts gets the
    lowest position its parts reached, once all of them are in."""
    bereikt = [standen(pad, [d.positie_naam for d in doelen]) for pad, doelen in kladden]
    delen: dict[str, list[int]] = {}
    for (_, doelen), posities in zip(kladden, bereikt, strict=True):
        for d in doelen:
            if d.positie_naam not in posities:
                raise RuntimeError(
                    f"Kladbestand zonder stand voor {d.positie_naam}; de volgende run gaat verder."
                )
            gedeeld = delen_uit(d.positie_naam)
            if gedeeld is not None:
                delen.setdefault(gedeeld[0], []).append(posities[d.positie_naam])
    alle = [d for _, doelen in kladden for d in doelen]
    for d in alle:
        d.tabellen.maak_indexen(engine)
    ruw = engine.raw_connection()
    try:
        db = ruw.driver_connection
        vorig, db.isolation_level = db.isolation_level, None  # explicit BEGIN/COMMIT; ATTACH outside both
        try:
            with _transactie(db):
                # The parts' tables hold nothing yet, or what an interrupted copy left (their position was
                # never moved): emptied, so each part is copied in once.
                for tabel in {t.name for d in alle if delen_uit(d.positie_naam) for t in d.tabellen.lijst}:
                    db.execute(f'DELETE FROM main."{tabel}"')  # noqa: S608
            for (pad, doelen), posities in zip(kladden, bereikt, strict=True):
                _kopieer(db, pad, doelen, posities)
            with _transactie(db):
                db.executemany(ZET, [(min(p), basis) for basis, p in delen.items()])
        finally:
            db.isolation_level = vorig
    finally:
        ruw.close()
    for pad, _ in kladden:
        gooi_weg(pad)


ZET = "UPDATE main.projectie_posities SET positie = ? WHERE projectie = ?"


def _kopieer(
    db: sqlite3.Connection, pad: str, doelen: Sequence[runner.Doel], posities: dict[str, int]
) -> None:
    """One scratch file's tables into the live ones, and the positions of what it built whole."""
    db.execute("ATTACH DATABASE ? AS klad", (pad,))
    try:
        with _transactie(db):
            for d in doelen:
                for tabel in d.tabellen.lijst:
                    db.execute(f'INSERT INTO main."{tabel.name}" SELECT * FROM klad."{tabel.name}"')  # noqa: S608
            heel = [
                (posities[d.positie_naam], d.positie_naam) for d in doelen if not delen_uit(d.positie_naam)
            ]
            db.executemany(ZET, heel)
    finally:
        db.execute("DETACH DATABASE klad")


@contextmanager
def _transactie(db: sqlite3.Connection) -> Iterator[None]:
    db.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")
