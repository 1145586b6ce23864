"""Where each projection stands in the event log, written in the same transaction as its rows.

`projectie_posities` holds one row per projection (and per rebuild in progress, as `naam#token`), with the
version of the projection's code that built its tables (see `projections.versies`);
`projectie_herbouw` remembers a rebuild that has not been swapped in yet, so a restart resumes it.

The statements a catch-up runs for every command are plain SQL text (`_Sql`): building and compiling
SQLAlchemy constructs cost more than running them on SQLite.
"""

from collections.abc import Mapping

from sqlalchemy import BigInteger, Column, Integer, MetaData, String, Table, inspect, select, text
from sqlalchemy.engine import Connection

APPLICATIE = "portaal"
# The version recorded for position rows that existed before versions were: unknown, so never equal to a
# projection's `versie` (which starts at 1), and the projection is rebuilt once.
ONBEKEND = 0

metadata = MetaData()

posities = Table(
    "projectie_posities",
    metadata,
    Column("projectie", String(80), primary_key=True),
    Column("applicatie", String(40), nullable=False),
    Column("positie", BigInteger, nullable=False),
    # Which generation of tables the position belongs to: a rebuild's swap changes it, so a worker that
    # remembers rows of the old tables between batches knows to forget them.
    Column("generatie", String(16), nullable=False, server_default=""),
    # The `versie` of the projection's code that built these tables (projections.versies).
    Column("versie", Integer, nullable=False, server_default=str(ONBEKEND)),
)

herbouw = Table(
    "projectie_herbouw",
    metadata,
    Column("projectie", String(40), primary_key=True),
    Column("token", String(16), nullable=False),
)

_MIGRATIES = {
    "generatie": "ALTER TABLE projectie_posities ADD COLUMN generatie VARCHAR(16) NOT NULL DEFAULT ''",
    "versie": f"ALTER TABLE projectie_posities ADD COLUMN versie INTEGER NOT NULL DEFAULT {ONBEKEND}",
}


def bijwerken_schema(engine) -> None:
    """Tracking tables made before a column existed get it added, in place (rows keep their positions)."""
    kolommen = {k["name"] for k in inspect(engine).get_columns(posities.name)}
    ontbrekend = [sql for kolom, sql in _MIGRATIES.items() if kolom not in kolommen]
    if ontbrekend:
        with engine.begin() as connection:
            for sql in ontbrekend:
                connection.execute(text(sql))


def zorg_voor(connection: Connection, versies: Mapping[str, int]) -> None:
    """Position rows for these projections (name -> version of their code), at 0, if missing."""
    namen = list(versies)
    bestaand = set(connection.scalars(select(posities.c.projectie).where(posities.c.projectie.in_(namen))))
    nieuw = [
        {"projectie": n, "applicatie": APPLICATIE, "positie": 0, "generatie": "", "versie": versies[n]}
        for n in namen
        if n not in bestaand
    ]
    if nieuw:
        connection.execute(posities.insert(), nieuw)


class _Sql:
    """The per-batch statements as text, in the driver's placeholder style, for n projection names."""

    def __init__(self, paramstyle: str, aantal: int) -> None:
        p = "%s" if paramstyle in ("pyformat", "format") else "?"
        namen = ", ".join([p] * aantal)
        # Only placeholders are put into the text; the names travel as parameters.
        waar = f"WHERE projectie IN ({namen})"
        self.vergrendel = f"UPDATE projectie_posities SET positie = positie {waar}"  # noqa: S608
        self.lees = f"SELECT projectie, positie, generatie, versie FROM projectie_posities {waar}"  # noqa: S608
        self.zet = f"UPDATE projectie_posities SET positie = {p} {waar}"  # noqa: S608


def vergrendel(connection: Connection, namen: list[str]) -> dict[str, tuple[int, str, int]]:
    """Lock the rows first: on PostgreSQL a row lock, on SQLite the database write lock.

    Whoever holds them may process the next batch; a second worker waits and then reads the new position,
    so no event is processed twice, whichever process or thread gets there first.
    Returns (position, generation, version of the code that built the tables) per projection.
    """
    sql = _Sql(connection.dialect.paramstyle, len(namen))
    connection.exec_driver_sql(sql.vergrendel, tuple(namen))
    rijen = connection.exec_driver_sql(sql.lees, tuple(namen))
    return {naam: (positie, generatie, versie) for naam, positie, generatie, versie in rijen}


def lees(connection: Connection, namen: list[str]) -> dict[str, int]:
    rijen = connection.execute(
        select(posities.c.projectie, posities.c.positie).where(posities.c.projectie.in_(namen))
    )
    return {naam: positie for naam, positie in rijen}


def standen(connection: Connection, namen: list[str]) -> dict[str, tuple[int, int]]:
    """(position, version of the code that built the tables) per projection."""
    p = posities.c
    rijen = connection.execute(select(p.projectie, p.positie, p.versie).where(p.projectie.in_(namen)))
    return {naam: (positie, versie) for naam, positie, versie in rijen}


def versies(connection: Connection, namen: list[str]) -> dict[str, int]:
    rijen = connection.execute(
        select(posities.c.projectie, posities.c.versie).where(posities.c.projectie.in_(namen))
    )
    return {naam: versie for naam, versie in rijen}


def zet_alle(connection: Connection, nieuw: Mapping[str, int]) -> None:
    """Every projection's new position in one statement per distinct position (after a batch: one)."""
    per_positie: dict[int, list[str]] = {}
    for naam, positie in nieuw.items():
        per_positie.setdefault(positie, []).append(naam)
    for positie, namen in per_positie.items():
        sql = _Sql(connection.dialect.paramstyle, len(namen))
        connection.exec_driver_sql(sql.zet, (positie, *namen))


def zet(
    connection: Connection,
    naam: str,
    positie: int,
    generatie: str | None = None,
    versie: int | None = None,
) -> None:
    waarden: dict = {"positie": positie}
    if generatie is not None:
        waarden["generatie"] = generatie
    if versie is not None:
        waarden["versie"] = versie
    connection.execute(posities.update().where(posities.c.projectie == naam).values(**waarden))
