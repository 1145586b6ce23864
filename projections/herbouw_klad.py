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


class Overname:
    """The copy-in of a parallel rebuild's scratch files into the live new tables (with the same indexes),
    one file at a time as its worker finishes, so that copying overlaps the workers still running.

    `begin` indexes the live new tables and empties the parts' tables (they hold nothing yet, or what an
    interrupted copy left: a part's position never moved, so each part is copied in once). `neem` copies one
    finished file and moves the positions of what it built whole. `eind` gives a projection built in parts
    the lowest position its parts reached, once all are in, and removes the scratch files."""

    def __init__(self, engine: Engine, kladden: Sequence[tuple[str, Sequence[runner.Doel]]]) -> None:
        self.engine, self.kladden = engine, dict(kladden)
        self.delen: dict[str, list[int]] = {}
        self.genomen: set[str] = set()

    def __enter__(self) -> "Overname":
        self.ruw = self.engine.raw_connection()
        self.db = self.ruw.driver_connection
        self.vorig, self.db.isolation_level = self.db.isolation_level, None  # explicit BEGIN; ATTACH outside
        return self

    def __exit__(self, *exc) -> None:
        self.db.isolation_level = self.vorig
        self.ruw.close()

    def begin(self) -> None:
        alle = [d for doelen in self.kladden.values() for d in doelen]
        for d in alle:
            d.tabellen.maak_indexen(self.engine)
        with _transactie(self.db):
            for tabel in {t.name for d in alle if delen_uit(d.positie_naam) for t in d.tabellen.lijst}:
                self.db.execute(f'DELETE FROM main."{tabel}"')  # noqa: S608

    def neem(self, pad: str) -> None:
        doelen = self.kladden[pad]
        posities = standen(pad, [d.positie_naam for d in doelen])
        for d in doelen:
            if d.positie_naam not in posities:
                raise RuntimeError(
                    f"Kladbestand zonder stand voor {d.positie_naam}; de volgende run gaat verder."
                )
        _kopieer(self.db, pad, doelen, posities)
        for d in doelen:
            gedeeld = delen_uit(d.positie_naam)
            if gedeeld is not None:
                self.delen.setdefault(gedeeld[0], []).append(posities[d.positie_naam])
        self.genomen.add(pad)

    def eind(self) -> None:
        for pad in [p for p in self.kladden if p not in self.genomen]:
            self.neem(pad)
        with _transactie(self.db):
            self.db.executemany(ZET, [(min(p), basis) for basis, p in self.delen.items()])
        for pad in self.kladden:
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
