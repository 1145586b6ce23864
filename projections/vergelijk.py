"""`portaal replay --verify-all`: replay every projection into a scratch database and compare every read
model table, row by row, with the live one, at one fixed position, so the check can run while the portal
works. Surrogate ids are left out: they number rows, they say nothing."""

from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from sqlalchemy import Table, select
from sqlalchemy.engine import Connection, Engine

from projections import runner, tracking
from projections.kladdatabase import kladdatabase

TOON = 5


def _rijen(connection: Connection, tabel: Table) -> Counter:
    kolommen = [c for c in tabel.columns if not c.info.get("surrogaat")]
    return Counter(tuple(r) for r in connection.execute(select(*kolommen)).all())


def vergelijk_tabel(live: Connection, klad: Connection, tabel: Table) -> list[str]:
    a, b = _rijen(live, tabel), _rijen(klad, tabel)
    if a == b:
        return []
    verschillen = [f"{tabel.name}: {sum(a.values())} rijen live, {sum(b.values())} rijen in de replay"]
    verschillen += [f"  alleen live:   {r}" for r in sorted((a - b).elements(), key=repr)[:TOON]]
    verschillen += [f"  alleen replay: {r}" for r in sorted((b - a).elements(), key=repr)[:TOON]]
    return verschillen


def _vergelijk(live: Connection, klad: Engine, doelen: Sequence[runner.Doel], posities: dict[str, int]):
    verschillen: list[str] = []
    with klad.connect() as kopie:
        bereikt = tracking.lees(kopie, [d.positie_naam for d in doelen])
        for naam, stand in sorted(posities.items()):
            if bereikt.get(naam) != stand:
                verschillen.append(f"{naam}: live staat op positie {stand}, de replay op {bereikt.get(naam)}")
        for doel in doelen:
            for tabelnaam in doel.tabellen.namen():
                verschillen += vergelijk_tabel(live, kopie, doel.tabellen[tabelnaam])
    return verschillen


def verifieer_alles(motor, namen: Sequence[str] | None = None) -> list[str]:
    """Bring the live projections up to date (`motor`: the process's projections.motor.Projectiemotor),
    replay them into a scratch database and return the differences (an empty list when every table agrees).

    On a live system the projections move on while the replay runs, so the comparison is made at one fixed
    position: the live tables and their positions are read in one snapshot (a repeatable-read transaction
    on PostgreSQL, a read transaction in SQLite's WAL mode), and each projection is replayed to exactly the
    position that snapshot shows for it (rows and position are committed together, so they agree)."""
    motor.bijwerken()
    doelen = runner.live_doelen(namen, motor.bron.logboek)
    with momentopname(motor.engine) as live, kladdatabase(motor.engine) as klad:
        posities = tracking.lees(live, [d.positie_naam for d in doelen])
        runner.installeer(klad, doelen)
        for positie in sorted(set(posities.values())):
            groep = [d for d in doelen if posities.get(d.positie_naam) == positie]
            runner.werk_bij(klad, motor.bron, groep, tot=positie, limiet=5000)
        return _vergelijk(live, klad, doelen, posities)


@contextmanager
def momentopname(engine: Engine) -> Iterator[Connection]:
    """A connection whose reads all see the database as of its first read."""
    with engine.connect() as connection:
        if engine.dialect.name == "sqlite":
            # pysqlite opens no transaction for a SELECT; without one each read sees the newest commit.
            connection.exec_driver_sql("BEGIN")
        else:
            connection = connection.execution_options(isolation_level="REPEATABLE READ")
        try:
            yield connection
        finally:
            connection.rollback()
