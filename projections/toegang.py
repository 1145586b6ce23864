"""The access questions of chapter 6, answered from the read models: may G read B's berichten of BT at A at
moment T (and why), who could read one bericht, how visible a berichttype was over a period, how many
machtigingen of a dienst count now, and what a change of koppelingen would do.

The rule itself is domain.toegang's; this module only fetches the intervals it needs, each with one index
seek: the machtigingen of (G, B, A), and those of B at A, by (afnemer, belanghebbende, gemachtigde); those
of a dienst by (afnemer, dienst_id, van, tot); the koppelingen of a berichttype by (afnemer, code, ...); a
dienst's active periods by (afnemer, dienst_id, van, tot). The statements are text
written once per dialect: the access check is asked hundreds of times a second, and compiling a Core select
costs more than running it.
"""

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from domain import toegang as regel
from domain.toegang import Dienstperiode, Koppelingsperiode, Machtigingsperiode
from projections.kolommen import naar_microseconden, uit_microseconden

_MACHTIGING = "machtiging_id, belanghebbende, gemachtigde, afnemer, dienst_id, van, tot, einde"
_PER_QUERY = 500


def _engine(bron):
    return getattr(bron, "engine", bron)


def _p(connection) -> str:
    return "%s" if connection.dialect.paramstyle in ("pyformat", "format") else "?"


def _moment(waarde: int | None) -> datetime | None:
    return None if waarde is None else uit_microseconden(waarde)


def _machtiging(rij) -> Machtigingsperiode:
    id_, b, g, a, d, van, tot, einde = rij
    return Machtigingsperiode(id_, b, g, a, d, uit_microseconden(van), _moment(tot), einde)


def _sql(connection, sql: str) -> str:
    return sql.replace("?", _p(connection))


def _in(connection, aantal: int) -> str:
    return ", ".join([_p(connection)] * aantal)


def machtigingen_van(
    connection, gemachtigde: str, belanghebbende: str, afnemer: str
) -> list[Machtigingsperiode]:
    sql = (
        f"SELECT {_MACHTIGING} FROM machtigingen WHERE gemachtigde = ? AND belanghebbende = ? AND afnemer = ?"  # noqa: S608
    )
    rijen = connection.exec_driver_sql(_sql(connection, sql), (gemachtigde, belanghebbende, afnemer))
    return [_machtiging(r) for r in rijen]


def machtigingen_van_belanghebbende(
    connection, belanghebbende: str, afnemer: str
) -> list[Machtigingsperiode]:
    sql = f"SELECT {_MACHTIGING} FROM machtigingen WHERE afnemer = ? AND belanghebbende = ?"  # noqa: S608
    return [
        _machtiging(r) for r in connection.exec_driver_sql(_sql(connection, sql), (afnemer, belanghebbende))
    ]


def dienstperioden(connection, afnemer: str, diensten: Iterable[str]) -> list[Dienstperiode]:
    diensten = sorted(set(diensten))
    uit = []
    for begin in range(0, len(diensten), _PER_QUERY):
        deel = diensten[begin : begin + _PER_QUERY]
        sql = (
            "SELECT afnemer, dienst_id, van, tot FROM dienst_perioden "  # noqa: S608
            f"WHERE afnemer = {_p(connection)} AND dienst_id IN ({_in(connection, len(deel))})"
        )
        for a, d, van, tot in connection.exec_driver_sql(sql, (afnemer, *deel)):
            uit.append(Dienstperiode(a, d, uit_microseconden(van), _moment(tot)))
    return uit


def koppelingen_van_berichttype(connection, afnemer: str, code: str) -> list[Koppelingsperiode]:
    sql = "SELECT afnemer, dienst_id, code, van, tot FROM koppelingen WHERE afnemer = ? AND code = ?"
    return [
        Koppelingsperiode(a, d, c, uit_microseconden(van), _moment(tot))
        for a, d, c, van, tot in connection.exec_driver_sql(_sql(connection, sql), (afnemer, code))
    ]


def toegang(
    bron, gemachtigde: str, belanghebbende: str, afnemer: str, berichttype: str, moment: datetime
) -> regel.Besluit:
    """The rule's answer with its uitleg, from three index seeks (one when there is no machtiging)."""
    with _engine(bron).connect() as connection:
        machtigingen = machtigingen_van(connection, gemachtigde, belanghebbende, afnemer)
        if not machtigingen:
            return regel.beslis(gemachtigde, belanghebbende, afnemer, berichttype, moment, (), (), ())
        diensten = {m.dienst_id for m in machtigingen}
        perioden = dienstperioden(connection, afnemer, diensten)
        koppelingen = [
            k
            for k in koppelingen_van_berichttype(connection, afnemer, berichttype)
            if k.dienst_id in diensten
        ]
    return regel.beslis(
        gemachtigde, belanghebbende, afnemer, berichttype, moment, machtigingen, perioden, koppelingen
    )


# -- who could read one bericht --------------------------------------------------------------------------


@dataclass(frozen=True)
class Bericht:
    bericht_id: str
    afnemer: str
    berichttype: str
    belanghebbende: str
    geplaatst_op: datetime
    publicatie_op: datetime


@dataclass(frozen=True)
class Lezer:
    gemachtigde: str
    sinds: datetime
    gronden: tuple[regel.Grond, ...]


def bericht(bron, bericht_id: str) -> Bericht | None:
    sql = (
        "SELECT bericht_id, afnemer, berichttype, bsn, geplaatst_op, publicatie_op "
        "FROM bezorgde_berichten WHERE bericht_id = ?"
    )
    with _engine(bron).connect() as connection:
        rij = connection.exec_driver_sql(_sql(connection, sql), (bericht_id,)).first()
    if rij is None:
        return None
    return Bericht(*rij[:4], uit_microseconden(rij[4]), uit_microseconden(rij[5]))


def lezers(bron, gevonden: Bericht, moment: datetime) -> list[Lezer]:
    """Every gemachtigde who could read the bericht at `moment` by the rule, since when without a break,
    and through which machtigingen and koppelingen; sorted by since."""
    with _engine(bron).connect() as connection:
        machtigingen = machtigingen_van_belanghebbende(connection, gevonden.belanghebbende, gevonden.afnemer)
        if not machtigingen:
            return []
        koppelingen = koppelingen_van_berichttype(connection, gevonden.afnemer, gevonden.berichttype)
        gekoppeld = {k.dienst_id for k in koppelingen}
        machtigingen = [m for m in machtigingen if m.dienst_id in gekoppeld]
        perioden = dienstperioden(connection, gevonden.afnemer, {m.dienst_id for m in machtigingen})
    per_gemachtigde: dict[str, list[Machtigingsperiode]] = defaultdict(list)
    for m in machtigingen:
        per_gemachtigde[m.gemachtigde].append(m)
    uit = []
    for gemachtigde, eigen in per_gemachtigde.items():
        gronden = regel.gronden_op(eigen, perioden, koppelingen, gevonden.berichttype, moment)
        if gronden:
            stukken = regel.toegangsperioden(eigen, perioden, koppelingen, gevonden.berichttype)
            uit.append(Lezer(gemachtigde, regel.sinds(stukken, moment), tuple(gronden)))
    return sorted(uit, key=lambda lezer: (lezer.sinds, lezer.gemachtigde))


def machtiging_bekend(bron, machtiging_id: str) -> bool:
    with _engine(bron).connect() as connection:
        sql = _sql(connection, "SELECT 1 FROM machtigingen WHERE machtiging_id = ?")
        return connection.exec_driver_sql(sql, (machtiging_id,)).first() is not None


def geldig_op(bron, moment: datetime, afnemer: str | None = None) -> list[Machtigingsperiode]:
    """Every machtiging valid at `moment` (of one afnemer, or of all): for the audit replay, not for pages."""
    t = naar_microseconden(moment)
    with _engine(bron).connect() as connection:
        p = _p(connection)
        sql = f"SELECT {_MACHTIGING} FROM machtigingen WHERE van <= {p} AND (tot IS NULL OR tot > {p})"  # noqa: S608
        parameters: tuple = (t, t)
        if afnemer is not None:
            sql += f" AND afnemer = {p}"
            parameters += (afnemer,)
        return [_machtiging(r) for r in connection.exec_driver_sql(sql, parameters)]


# -- machtigingen of a dienst ----------------------------------------------------------------------------


def _geldig_op(connection) -> str:
    p = _p(connection)
    return f"van <= {p} AND (tot IS NULL OR tot > {p})"


def geldige_machtigingen(bron, afnemer: str, dienst_id: str, moment: datetime) -> int:
    """How many machtigingen for this dienst count at `moment` (an index range of the dienst's)."""
    t = naar_microseconden(moment)
    with _engine(bron).connect() as connection:
        sql = (
            "SELECT count(*) FROM machtigingen WHERE afnemer = "  # noqa: S608
            f"{_p(connection)} AND dienst_id = {_p(connection)} AND {_geldig_op(connection)}"
        )
        return connection.exec_driver_sql(sql, (afnemer, dienst_id, t, t)).scalar() or 0


# -- the impact of a change of koppelingen ---------------------------------------------------------------


@dataclass(frozen=True)
class Impact:
    """What a change would do to gemachtigden now: how many gain or lose access to how many delivered
    berichten. Counts only; never a BSN."""

    gemachtigden_erbij: int = 0
    berichten_erbij: int = 0
    gemachtigden_eraf: int = 0
    berichten_eraf: int = 0

    @property
    def leeg(self) -> bool:
        return not (self.gemachtigden_erbij or self.gemachtigden_eraf)


def _gelezen_via(connection, afnemer: str, dienst_id: str, code: str, t: int) -> set[tuple[str, str, str]]:
    """(gemachtigde, belanghebbende, bericht_id) of every delivered bericht of this type that a machtiging
    for this dienst, valid at t, reaches: one seek per machtiging into the berichten of its belanghebbende."""
    p = _p(connection)
    sql = (
        # CROSS JOIN: SQLite keeps this order (the dienst's machtigingen outside, one seek per machtiging
        # into the berichten); PostgreSQL plans it as any join. Both sides read only covering indexes.
        "SELECT m.gemachtigde, m.belanghebbende, b.bericht_id FROM machtigingen m "  # noqa: S608
        "CROSS JOIN bezorgde_berichten b "
        f"WHERE m.afnemer = {p} AND m.dienst_id = {p} AND m.van <= {p} AND (m.tot IS NULL OR m.tot > {p}) "
        f"AND b.afnemer = m.afnemer AND b.berichttype = {p} AND b.bsn = m.belanghebbende"
    )
    return {tuple(r) for r in connection.exec_driver_sql(sql, (afnemer, dienst_id, t, t, code))}


def _paren_met(connection, afnemer: str, diensten: Sequence[str], t: int) -> set[tuple[str, str]]:
    """(gemachtigde, belanghebbende) of the machtigingen valid at t for any of these diensten."""
    uit: set[tuple[str, str]] = set()
    for begin in range(0, len(diensten), _PER_QUERY):
        deel = list(diensten[begin : begin + _PER_QUERY])
        p = _p(connection)
        sql = (
            "SELECT gemachtigde, belanghebbende FROM machtigingen "  # noqa: S608
            f"WHERE afnemer = {p} AND dienst_id IN ({_in(connection, len(deel))}) "
            f"AND van <= {p} AND (tot IS NULL OR tot > {p})"
        )
        uit.update(tuple(r) for r in connection.exec_driver_sql(sql, (afnemer, *deel, t, t)))
    return uit


def _actief_op(connection, afnemer: str, t: int) -> set[str]:
    p = _p(connection)
    sql = (
        "SELECT dienst_id FROM dienst_perioden WHERE afnemer = "  # noqa: S608
        f"{p} AND van <= {p} AND (tot IS NULL OR tot > {p})"
    )
    return {r[0] for r in connection.exec_driver_sql(sql, (afnemer, t, t))}


def _gekoppeld_op(connection, afnemer: str, code: str, t: int) -> set[str]:
    p = _p(connection)
    sql = (
        "SELECT dienst_id FROM koppelingen WHERE afnemer = "  # noqa: S608
        f"{p} AND code = {p} AND van <= {p} AND (tot IS NULL OR tot > {p})"
    )
    return {r[0] for r in connection.exec_driver_sql(sql, (afnemer, code, t, t))}


def impact(
    bron,
    afnemer: str,
    dienst_id: str,
    koppelen: Iterable[str],
    ontkoppelen: Iterable[str],
    moment: datetime,
) -> Impact:
    """What linking `koppelen` to the dienst and unlinking `ontkoppelen` from it at `moment` would change."""
    wijzigingen = [(dienst_id, c, True) for c in koppelen] + [(dienst_id, c, False) for c in ontkoppelen]
    return impact_van_wijzigingen(bron, afnemer, wijzigingen, moment)


def impact_van_wijzigingen(
    bron, afnemer: str, wijzigingen: Iterable[tuple[str, str, bool]], moment: datetime
) -> Impact:
    """What these changes of koppelingen, (Dienst ID, code, koppelen?), would change at `moment`: per
    berichttype, a gemachtigde gains a delivered bericht it reaches through a newly linked dienst and through
    none of the diensten linked before, and loses one it reached only through unlinked diensten. A dienst
    linked and active both before and after keeps its gemachtigden's access."""
    t = naar_microseconden(moment)
    per_code: dict[str, tuple[set[str], set[str]]] = defaultdict(lambda: (set(), set()))
    for dienst, code, aan in wijzigingen:
        per_code[code][0 if aan else 1].add(dienst)
    erbij: set[tuple[str, str]] = set()
    eraf: set[tuple[str, str]] = set()
    with _engine(bron).connect() as connection:
        actief = _actief_op(connection, afnemer, t)
        for code, (aan, uit) in per_code.items():
            gekoppeld = _gekoppeld_op(connection, afnemer, code, t) & actief
            nieuw, weg = (aan & actief) - gekoppeld, uit & gekoppeld
            if not nieuw and not weg:
                continue
            blijft = sorted(gekoppeld - weg)
            via_nieuw = {r for d in sorted(nieuw) for r in _gelezen_via(connection, afnemer, d, code, t)}
            via_weg = {r for d in sorted(weg) for r in _gelezen_via(connection, afnemer, d, code, t)}
            al = _paren_met(connection, afnemer, blijft, t) if blijft and (via_nieuw or via_weg) else set()
            erbij.update((g, i) for g, b, i in via_nieuw - via_weg if (g, b) not in al)
            eraf.update((g, i) for g, b, i in via_weg - via_nieuw if (g, b) not in al)
    return Impact(
        len({g for g, _ in erbij}),
        len({b for _, b in erbij}),
        len({g for g, _ in eraf}),
        len({b for _, b in eraf}),
    )


def impact_deactiveren(bron, afnemer: str, dienst_id: str, moment: datetime) -> Impact:
    """Deactivating ends every link of the dienst at once: the impact of unlinking all of them."""
    t = naar_microseconden(moment)
    with _engine(bron).connect() as connection:
        p = _p(connection)
        sql = (
            "SELECT code FROM koppelingen WHERE afnemer = "  # noqa: S608
            f"{p} AND dienst_id = {p} AND van <= {p} AND (tot IS NULL OR tot > {p})"
        )
        codes = sorted({r[0] for r in connection.exec_driver_sql(sql, (afnemer, dienst_id, t, t))})
    return impact(bron, afnemer, dienst_id, (), codes, moment)


# -- how visible a berichttype was over a period ---------------------------------------------------------


@dataclass(frozen=True)
class Zichtbaarheid:
    """The diensten the berichttype was linked to in [van, tot), how many gemachtigden could read it at
    some moment of the period, at its start and end, and each change of that number (`verloop`: from which
    moment how many; at most `MAX_VERLOOP` points, else the number at the end of each day)."""

    van: datetime
    tot: datetime
    koppelingen: tuple[Koppelingsperiode, ...]
    gemachtigden: int
    aan_begin: int
    aan_einde: int
    verloop: tuple[tuple[datetime, int], ...]


MAX_VERLOOP = 500


def _machtigingen_van_diensten(
    connection, afnemer: str, diensten: Sequence[str], van: int, tot: int
) -> list[Machtigingsperiode]:
    uit = []
    for begin in range(0, len(diensten), _PER_QUERY):
        deel = list(diensten[begin : begin + _PER_QUERY])
        p = _p(connection)
        sql = (
            f"SELECT {_MACHTIGING} FROM machtigingen WHERE afnemer = {p} "  # noqa: S608
            f"AND dienst_id IN ({_in(connection, len(deel))}) AND van < {p} AND (tot IS NULL OR tot > {p})"
        )
        uit.extend(_machtiging(r) for r in connection.exec_driver_sql(sql, (afnemer, *deel, tot, van)))
    return uit


def _overlapt(periode, van: datetime, tot: datetime) -> bool:
    return periode.van < tot and (periode.tot is None or periode.tot > van)


def zichtbaarheid(bron, afnemer: str, code: str, van: datetime, tot: datetime) -> Zichtbaarheid:
    with _engine(bron).connect() as connection:
        koppelingen = [
            k for k in koppelingen_van_berichttype(connection, afnemer, code) if _overlapt(k, van, tot)
        ]
        diensten = sorted({k.dienst_id for k in koppelingen})
        perioden = dienstperioden(connection, afnemer, diensten)
        machtigingen = _machtigingen_van_diensten(
            connection, afnemer, diensten, naar_microseconden(van), naar_microseconden(tot)
        )
    per_gemachtigde: dict[str, list[Machtigingsperiode]] = defaultdict(list)
    for m in machtigingen:
        per_gemachtigde[m.gemachtigde].append(m)
    veranderingen: dict[datetime, int] = defaultdict(int)
    gezien = 0
    for eigen in per_gemachtigde.values():
        geteld = False
        for stuk in regel.toegangsperioden(eigen, perioden, koppelingen, code):
            begin = max(stuk.van, van)
            einde = tot if stuk.tot is None else min(stuk.tot, tot)
            if begin >= einde:
                continue
            geteld = True
            veranderingen[begin] += 1
            if einde < tot:
                veranderingen[einde] -= 1
        gezien += geteld
    return _met_verloop(
        van, tot, tuple(sorted(koppelingen, key=lambda k: (k.van, k.dienst_id))), gezien, veranderingen
    )


def _met_verloop(van, tot, koppelingen, gezien: int, veranderingen: dict[datetime, int]) -> Zichtbaarheid:
    stand, verloop = 0, []
    aan_begin = veranderingen.pop(van, 0) if van in veranderingen else 0
    stand = aan_begin
    verloop.append((van, stand))
    for moment in sorted(veranderingen):
        stand += veranderingen[moment]
        if stand != verloop[-1][1]:
            verloop.append((moment, stand))
    if len(verloop) > MAX_VERLOOP:
        per_dag: dict = {}
        for moment, aantal in verloop:
            per_dag[moment.date()] = (moment, aantal)
        verloop = list(per_dag.values())[-MAX_VERLOOP:]
    return Zichtbaarheid(van, tot, koppelingen, gezien, aan_begin, stand, tuple(verloop))
