"""Where each projection stands in the event log, written in the same transaction as its rows.

`projectie_posities` holds one row per projection (and per rebuild in progress, as `naam#token`);
`projectie_herbouw` remembers a rebuild that has not been swapped in yet, so a restart resumes it.
"""

from sqlalchemy import BigInteger, Column, MetaData, String, Table, inspect, select, text, update
from sqlalchemy.engine import Connection

APPLICATIE = "portaal"

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
)

herbouw = Table(
    "projectie_herbouw",
    metadata,
    Column("projectie", String(40), primary_key=True),
    Column("token", String(16), nullable=False),
)


def bijwerken_schema(engine) -> None:
    """Tracking tables made before the `generatie` column existed get it added."""
    kolommen = {k["name"] for k in inspect(engine).get_columns(posities.name)}
    if "generatie" not in kolommen:
        with engine.begin() as connection:
            connection.execute(
                text("ALTER TABLE projectie_posities ADD COLUMN generatie VARCHAR(16) NOT NULL DEFAULT ''")
            )


def zorg_voor(connection: Connection, namen: list[str]) -> None:
    bestaand = set(connection.scalars(select(posities.c.projectie).where(posities.c.projectie.in_(namen))))
    nieuw = [
        {"projectie": n, "applicatie": APPLICATIE, "positie": 0, "generatie": ""}
        for n in namen
        if n not in bestaand
    ]
    if nieuw:
        connection.execute(posities.insert(), nieuw)


def vergrendel(connection: Connection, namen: list[str]) -> dict[str, int]:
    """Lock the rows first: on PostgreSQL a row lock, on SQLite the database write lock.

    Whoever holds them may process the next batch; a second worker waits and then reads the new position,
    so no event is processed twice, whichever process or thread gets there first.
    """
    connection.execute(
        update(posities).where(posities.c.projectie.in_(namen)).values(positie=posities.c.positie)
    )
    return lees(connection, namen)


def lees(connection: Connection, namen: list[str]) -> dict[str, int]:
    rijen = connection.execute(
        select(posities.c.projectie, posities.c.positie).where(posities.c.projectie.in_(namen))
    )
    return {naam: positie for naam, positie in rijen}


def generaties(connection: Connection, namen: list[str]) -> dict[str, str]:
    rijen = connection.execute(
        select(posities.c.projectie, posities.c.generatie).where(posities.c.projectie.in_(namen))
    )
    return {naam: generatie for naam, generatie in rijen}


def zet(connection: Connection, naam: str, positie: int, generatie: str | None = None) -> None:
    waarden = {"positie": positie} if generatie is None else {"positie": positie, "generatie": generatie}
    connection.execute(update(posities).where(posities.c.projectie == naam).values(**waarden))
