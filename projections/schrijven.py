"""Bulk writes through the database driver's own executemany.

SQLAlchemy's executemany spends several microseconds per row building parameters; for the million rows of a
rebuild we write the statement once and hand the driver plain dicts. The SQL (INSERT, INSERT ... ON CONFLICT
DO UPDATE, UPDATE by id) is the same text on SQLite and PostgreSQL; only the placeholder style differs.
"""

from collections.abc import Sequence

from sqlalchemy import Table
from sqlalchemy.engine import Connection

from projections.kolommen import Moment, naar_microseconden


def _placeholder(connection: Connection, naam: str) -> str:
    return "%s" if connection.dialect.paramstyle in ("pyformat", "format") else "?"


def _voorbereid(tabel: Table, kolommen: Sequence[str], rijen: Sequence[dict]) -> list[tuple]:
    """Positional parameters, in column order, with moments as microseconds (what `Moment` stores)."""
    momenten = [i for i, k in enumerate(kolommen) if isinstance(tabel.c[k].type, Moment)]
    if not momenten:
        return [tuple([r[k] for k in kolommen]) for r in rijen]
    uit = []
    for rij in rijen:
        waarden = [rij[k] for k in kolommen]
        for i in momenten:
            if waarden[i] is not None:
                waarden[i] = naar_microseconden(waarden[i])
        uit.append(tuple(waarden))
    return uit


def _insert(connection: Connection, tabel: Table, kolommen: Sequence[str]) -> str:
    q = connection.dialect.identifier_preparer.quote
    namen = ", ".join(q(k) for k in kolommen)
    waarden = ", ".join(_placeholder(connection, k) for k in kolommen)
    return f"INSERT INTO {q(tabel.name)} ({namen}) VALUES ({waarden})"  # noqa: S608 - names from our own tables


def voeg_toe(connection: Connection, tabel: Table, rijen: Sequence[dict]) -> None:
    if rijen:
        kolommen = [c.name for c in tabel.columns if c.name in rijen[0]]
        connection.exec_driver_sql(_insert(connection, tabel, kolommen), _voorbereid(tabel, kolommen, rijen))


def voeg_tupels_toe(
    connection: Connection, tabel: Table, kolommen: Sequence[str], tupels: Sequence[tuple]
) -> None:
    """For the hottest append-only rows: the caller gives ready tuples in `kolommen` order, moments already
    in microseconds (`naar_microseconden`)."""
    if tupels:
        connection.exec_driver_sql(_insert(connection, tabel, kolommen), list(tupels))


def upsert(connection: Connection, tabel: Table, rijen: Sequence[dict]) -> None:
    if not rijen:
        return
    q = connection.dialect.identifier_preparer.quote
    kolommen = [c.name for c in tabel.columns if c.name in rijen[0]]
    sleutel = [c.name for c in tabel.primary_key.columns]
    zet = ", ".join(f"{q(k)} = excluded.{q(k)}" for k in kolommen if k not in sleutel)
    conflict = ", ".join(q(k) for k in sleutel)
    sql = f"{_insert(connection, tabel, kolommen)} ON CONFLICT ({conflict}) DO UPDATE SET {zet}"
    connection.exec_driver_sql(sql, _voorbereid(tabel, kolommen, rijen))


def werk_bij_op_id(
    connection: Connection, tabel: Table, kolommen: Sequence[str], rijen: Sequence[dict]
) -> None:
    if not rijen:
        return
    q = connection.dialect.identifier_preparer.quote
    zet = ", ".join(f"{q(k)} = {_placeholder(connection, k)}" for k in kolommen)
    sql = f"UPDATE {q(tabel.name)} SET {zet} WHERE {q('id')} = {_placeholder(connection, 'id')}"  # noqa: S608
    connection.exec_driver_sql(sql, _voorbereid(tabel, [*kolommen, "id"], rijen))


def tel_op(connection: Connection, tabel: Table, rijen: Sequence[dict], teller: str = "aantal") -> None:
    """Add counts: a row whose key (the primary key) exists gets `teller` added, a new one is inserted."""
    if not rijen:
        return
    q = connection.dialect.identifier_preparer.quote
    kolommen = [c.name for c in tabel.columns if c.name in rijen[0]]
    sleutel = ", ".join(q(c.name) for c in tabel.primary_key.columns)
    zet = f"{q(teller)} = {q(tabel.name)}.{q(teller)} + excluded.{q(teller)}"
    sql = f"{_insert(connection, tabel, kolommen)} ON CONFLICT ({sleutel}) DO UPDATE SET {zet}"
    connection.exec_driver_sql(sql, _voorbereid(tabel, kolommen, rijen))


def upsert_tupels(
    connection: Connection,
    tabel: Table,
    kolommen: Sequence[str],
    tupels: Sequence[tuple],
    optellen: Sequence[str] = (),
) -> None:
    """An upsert of ready tuples (moments in microseconds). Columns in `optellen` are added to the stored
    value on a conflict instead of replacing it (counters)."""
    if not tupels:
        return
    q = connection.dialect.identifier_preparer.quote
    sleutel = [c.name for c in tabel.primary_key.columns]
    zet = ", ".join(
        f"{q(k)} = {q(tabel.name)}.{q(k)} + excluded.{q(k)}" if k in optellen else f"{q(k)} = excluded.{q(k)}"
        for k in kolommen
        if k not in sleutel
    )
    conflict = ", ".join(q(k) for k in sleutel)
    sql = f"{_insert(connection, tabel, kolommen)} ON CONFLICT ({conflict}) DO UPDATE SET {zet}"
    connection.exec_driver_sql(sql, list(tupels))
