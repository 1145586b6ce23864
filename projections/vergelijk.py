"""`portaal replay --verify-all`: replay every projection into a scratch database and compare every read
model table, row by row, with the live one. Surrogate ids are left out: they number rows, they say nothing."""

from collections import Counter
from collections.abc import Sequence

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


def _vergelijk(engine: Engine, klad: Engine, doelen: Sequence[runner.Doel], positie: int) -> list[str]:
    verschillen: list[str] = []
    with engine.connect() as live, klad.connect() as kopie:
        posities = tracking.lees(live, [d.positie_naam for d in doelen])
        for naam, stand in sorted(posities.items()):
            if stand != positie:
                verschillen.append(f"{naam}: live staat op positie {stand}, de replay op {positie}")
        for doel in doelen:
            for tabelnaam in doel.tabellen.namen():
                verschillen += vergelijk_tabel(live, kopie, doel.tabellen[tabelnaam])
    return verschillen


def verifieer_alles(motor, namen: Sequence[str] | None = None) -> list[str]:
    """Bring the live projections up to date (`motor`: the process's projections.motor.Projectiemotor),
    replay them into a scratch database up to the same position, and return the differences (an empty list
    when every table agrees)."""
    positie = motor.bijwerken()
    doelen = runner.live_doelen(namen, motor.bron.logboek)
    with kladdatabase(motor.engine) as klad:
        runner.installeer(klad, doelen)
        runner.werk_bij(klad, motor.bron, doelen, tot=positie, limiet=5000)
        return _vergelijk(motor.engine, klad, doelen, positie)
