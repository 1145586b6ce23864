"""The machtigingen register: one row per machtiging as DigiD Machtigen's feed last stated it.

The feed's deliveries carry their rows in chunks (domain/machtigingen.py); a batch of events can hold a
million of them, so the rows are kept as tuples of plain values (moments as microseconds) and written with
one upsert per batch. A `stand` replaces the machtiging whole; an early end or a withdrawal needs the row as
it stands, read in one query per batch for the ids the batch did not state itself.
"""

from collections.abc import Sequence

from sqlalchemy import Table
from sqlalchemy.engine import Connection

from domain.machtigingen import BEEINDIGD, INGETROKKEN, STAND, effectief
from projections.tabellen import Tabellen

MUTATIES = "Machtigingenlevering.MutationsRecorded"

KOLOMMEN = (
    "machtiging_id",
    "belanghebbende",
    "gemachtigde",
    "afnemer",
    "dienst_id",
    "van",
    "geldig_tot",
    "ingetrokken_op",
    "beeindigd",
    "tot",
    "einde",
)
_PER_QUERY = 500


def _rij(
    id_, belanghebbende, gemachtigde, afnemer, dienst, van, geldig_tot, ingetrokken_op, beeindigd
) -> tuple:
    tot, einde = effectief(van, geldig_tot, ingetrokken_op, bool(beeindigd))
    return (
        id_,
        belanghebbende,
        gemachtigde,
        afnemer,
        dienst,
        van,
        geldig_tot,
        ingetrokken_op,
        beeindigd,
        tot,
        einde,
    )


def _p(connection: Connection) -> str:
    return "%s" if connection.dialect.paramstyle in ("pyformat", "format") else "?"


def _lees(connection: Connection, tabel: Table, ids: list[str]) -> dict[str, tuple]:
    """The stored rows of these ids, as tuples in `KOLOMMEN` order (moments as microseconds)."""
    q = connection.dialect.identifier_preparer.quote
    kolommen = ", ".join(q(k) for k in KOLOMMEN)
    gevonden = {}
    for begin in range(0, len(ids), _PER_QUERY):
        deel = ids[begin : begin + _PER_QUERY]
        plaatsen = ", ".join([_p(connection)] * len(deel))
        sql = f"SELECT {kolommen} FROM {q(tabel.name)} WHERE machtiging_id IN ({plaatsen})"  # noqa: S608
        for rij in connection.exec_driver_sql(sql, tuple(deel)):
            gevonden[rij[0]] = tuple(rij)
    return gevonden


def _schrijf(connection: Connection, tabel: Table, rijen: list[tuple]) -> None:
    if not rijen:
        return
    q = connection.dialect.identifier_preparer.quote
    namen = ", ".join(q(k) for k in KOLOMMEN)
    plaatsen = ", ".join([_p(connection)] * len(KOLOMMEN))
    zet = ", ".join(f"{q(k)} = excluded.{q(k)}" for k in KOLOMMEN[1:])
    sql = (
        f"INSERT INTO {q(tabel.name)} ({namen}) VALUES ({plaatsen}) "  # noqa: S608 - our own table's names
        f"ON CONFLICT (machtiging_id) DO UPDATE SET {zet}"
    )
    connection.exec_driver_sql(sql, rijen)


def _nodig(mutaties: list) -> list[str]:
    """The ids an end or withdrawal names before any stand of them in this batch: those rows are read."""
    gesteld, nodig = set(), set()
    for mutatie in mutaties:
        if mutatie[0] == STAND:
            gesteld.add(mutatie[1])
        elif mutatie[1] not in gesteld:
            nodig.add(mutatie[1])
    return list(nodig)


class MachtigingenProjectie:
    naam = "machtigingen"
    versie = 1
    logboek = "machtigingen"
    gebeurtenissen = frozenset({MUTATIES})

    def verwerk(self, connection, tabellen: Tabellen, gebeurtenissen: Sequence, geheugen=None) -> None:
        mutaties = [m for g in gebeurtenissen if g.naam == MUTATIES for m in g.event.mutaties]
        if not mutaties:
            return
        tabel = tabellen["machtigingen"]
        rijen: dict[str, tuple] = _lees(connection, tabel, _nodig(mutaties))
        for mutatie in mutaties:
            soort, id_ = mutatie[0], mutatie[1]
            if soort == STAND:
                rijen[id_] = _rij(*mutatie[1:], 0)
                continue
            oud = rijen.get(id_)
            if oud is None:
                continue
            if soort == BEEINDIGD:
                rijen[id_] = _rij(*oud[:6], mutatie[2], oud[7], 1)
            elif soort == INGETROKKEN:
                rijen[id_] = _rij(*oud[:7], mutatie[2], oud[8])
        _schrijf(connection, tabel, list(rijen.values()))
