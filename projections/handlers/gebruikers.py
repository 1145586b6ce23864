"""The Berichtenbox users register as processing and Home read it: per citizen the box's interval and the
afnemers switched off with their intervals, and the daily changes of the counts (projections/tabellen.py).

A batch loads the state of every citizen its events name (one rowid lookup each), applies the rows and
mutations in log order in Python (the feed is authoritative: the later one wins), and writes back only what
changed. The daily counts move by the difference between each citizen's contribution before and after the
batch: +1 on the day an interval starts and -1 on the day it ends, for the box (afnemer '') and, per
afnemer, for the part of the box's interval that the afnemer was switched off.

Ten million rows come through here in one import, so the common case, a citizen without switched-off
afnemers, goes through dict updates and counters over whole columns rather than a Python loop per row.
"""

from collections import Counter
from collections.abc import Iterable, Sequence

from domain.gebruikers import AAN, ACTIEF, GESLOTEN, UIT, dag_van, microseconden
from projections.geheugen import afgeleid_voor
from projections.schrijven import upsert_tupels, voeg_tupels_toe
from projections.tabellen import Tabellen

STATES = "Gebruikerslevering.StatesRecorded"
MUTATIONS = "Gebruikerslevering.MutationsRecorded"
LOGBOEK = "gebruikers"
ALLE = ""  # the afnemer column of the active boxes' counts

_PER_QUERY = 10_000
_MAX_DAGEN = 100_000

Interval = tuple[int, int | None]


def _sluit(interval: Interval, op: int) -> Interval:
    """The interval ended at `op`, unless it ended already; never before it began."""
    van, tot = interval
    if tot is not None and tot <= op:
        return interval
    return (van, max(van, op))


class _Dagen(dict):
    """Dutch calendar day (ordinal) per moment, each distinct moment converted once; a lookup in C."""

    def __missing__(self, moment: int) -> int:
        if len(self) >= _MAX_DAGEN:
            self.clear()
        dag = self[moment] = dag_van(moment)
        return dag


class _Stand:
    """The citizens of one batch: their state as loaded (`box0`, `uit0`) and as the events leave it. An
    `uit` dict is replaced, never changed in place, so `is` tells whether a citizen's afnemers changed."""

    def __init__(self, dagen: _Dagen) -> None:
        self.box: dict[int, Interval] = {}
        self.uit: dict[int, dict[str, Interval]] = {}
        self.box0: dict[int, Interval] = {}
        self.uit0: dict[int, dict[str, Interval]] = {}
        self.dagen = dagen

    def laad(self, connection, t: Tabellen, bsns: set[int]) -> None:
        boxen, uitschakelingen = t["berichtenbox_gebruikers"], t["berichtenbox_uitschakelingen"]
        for bsn, van, tot in _per_bsn(connection, boxen, ("bsn", "van", "tot"), bsns):
            self.box0[bsn] = (van, tot)
        kolommen = ("bsn", "afnemer", "van", "tot")
        for bsn, afnemer, van, tot in _per_bsn(connection, uitschakelingen, kolommen, bsns):
            self.uit0.setdefault(bsn, {})[afnemer] = (van, tot)
        self.box.update(self.box0)
        self.uit.update(self.uit0)

    # -- a file's rows: whole states --

    def standen(self, e, moment: int) -> None:
        bsns = e.bsns
        self.box.update(zip(bsns, zip(e.van, e.tot, strict=True), strict=True))
        genoemd: dict[int, list] = {}
        for rij, oin, sinds in e.uit:
            genoemd.setdefault(rij, []).append((oin, sinds))
        met_uit = self.uit.keys() & set(bsns) if self.uit else ()
        rijen = {*genoemd, *(i for i, bsn in enumerate(bsns) if bsn in met_uit)} if met_uit else genoemd
        for rij in sorted(rijen):
            self._zet_uit(bsns[rij], genoemd.get(rij, ()), moment)

    def _zet_uit(self, bsn: int, genoemd: Iterable[tuple[str, int]], moment: int) -> None:
        """Exactly these afnemers switched off: one named anew since its moment, one not named any more
        switched on again at the event's moment."""
        huidig = self.uit.get(bsn) or {}
        nieuw = dict(huidig)
        namen = set()
        for oin, sinds in genoemd:
            namen.add(oin)
            oud = huidig.get(oin)
            if oud is None or oud[1] is not None or oud[0] != sinds:
                nieuw[oin] = (sinds, None)
        for oin, interval in huidig.items():
            if oin not in namen and interval[1] is None:
                nieuw[oin] = _sluit(interval, moment)
        if nieuw != huidig:
            self.uit[bsn] = nieuw

    # -- the API's mutations --

    def mutatie(self, m, moment: int) -> None:
        soort, bsn = m[0], m[1]
        if soort == ACTIEF:
            self.box[bsn] = (m[2], m[3])
        elif soort == GESLOTEN:
            interval = self.box.get(bsn)
            if interval is not None:
                self.box[bsn] = _sluit(interval, m[2])
        elif soort in (UIT, AAN):
            huidig = self.uit.get(bsn) or {}
            oud = huidig.get(m[2])
            open_ = oud is not None and oud[1] is None
            if soort == UIT and not open_:
                self.uit[bsn] = {**huidig, m[2]: (m[3], None)}
            elif soort == AAN and open_:
                self.uit[bsn] = {**huidig, m[2]: _sluit(oud, m[3])}

    # -- writing back, with the daily counts --

    def schrijf(self, connection, t: Tabellen) -> None:
        box, box0, uit, uit0 = self.box, self.box0, self.uit, self.uit0
        # New citizens (most of a first import) are inserted; known ones whose box changed are updated.
        nieuw = [(bsn, *nu) for bsn, nu in box.items() if bsn not in box0]
        gewijzigd = [(bsn, *box[bsn]) for bsn, nu in box0.items() if box[bsn] != nu]
        uit_anders = [bsn for bsn, nu in uit.items() if nu is not uit0.get(bsn)]
        uitschakelingen = [
            (bsn, oin, *interval)
            for bsn in uit_anders
            for oin, interval in uit[bsn].items()
            if (uit0.get(bsn) or {}).get(oin) != interval
        ]
        verschillen = self._alle(nieuw, gewijzigd)
        # The afnemers' counts of a citizen change with its afnemers, and with its box when it has any.
        met_uit = uit.keys() | uit0.keys()
        for bsn in {*uit_anders, *(rij[0] for rij in gewijzigd if rij[0] in met_uit)} | (
            met_uit & {rij[0] for rij in nieuw} if met_uit else set()
        ):
            self._afnemers(verschillen, box0.get(bsn), uit0.get(bsn), -1)
            self._afnemers(verschillen, box.get(bsn), uit.get(bsn), 1)
        voeg_tupels_toe(connection, t["berichtenbox_gebruikers"], ("bsn", "van", "tot"), nieuw)
        upsert_tupels(connection, t["berichtenbox_gebruikers"], ("bsn", "van", "tot"), gewijzigd)
        kolommen = ("bsn", "afnemer", "van", "tot")
        upsert_tupels(connection, t["berichtenbox_uitschakelingen"], kolommen, uitschakelingen)
        _tel_bij(connection, t, verschillen)

    def _alle(self, nieuw: list[tuple], gewijzigd: list[tuple]) -> dict[tuple[str, int], int]:
        """The active boxes' daily changes: counted over whole columns (C loops), not per citizen."""
        dag, box0 = self.dagen.__getitem__, self.box0
        oud = [box0[rij[0]] for rij in gewijzigd]
        per_dag = Counter()
        for rijen in (nieuw, gewijzigd):
            per_dag.update(map(dag, [rij[1] for rij in rijen]))
            per_dag.subtract(map(dag, [rij[2] for rij in rijen if rij[2] is not None]))
        per_dag.subtract(map(dag, [van for van, _ in oud]))
        per_dag.update(map(dag, [tot for _, tot in oud if tot is not None]))
        return {(ALLE, d): n for d, n in per_dag.items() if n}

    def _afnemers(self, verschillen: dict, box: Interval | None, uit: dict | None, teken: int) -> None:
        """Add (teken=1) or take away (teken=-1) one citizen's switched-off days per afnemer: the part of
        the box's interval that the afnemer was switched off."""
        if box is None or not uit:
            return
        van, tot = box
        dag = self.dagen.__getitem__
        for afnemer, (uit_van, uit_tot) in uit.items():
            begin = max(van, uit_van)
            einde = uit_tot if tot is None else (tot if uit_tot is None else min(tot, uit_tot))
            if einde is not None and einde <= begin:
                continue
            sleutel = (afnemer, dag(begin))
            verschillen[sleutel] = verschillen.get(sleutel, 0) + teken
            if einde is not None:
                sleutel = (afnemer, dag(einde))
                verschillen[sleutel] = verschillen.get(sleutel, 0) - teken


def _tel_bij(connection, t: Tabellen, verschillen: dict) -> None:
    """Add the day changes; a day whose change sums to zero has no row, so a rebuild and live agree."""
    rijen = sorted((afnemer, dag, n) for (afnemer, dag), n in verschillen.items() if n)
    if not rijen:
        return
    tabel = t["berichtenbox_per_dag"]
    upsert_tupels(connection, tabel, ("afnemer", "dag", "verschil"), rijen, optellen=("verschil",))
    p = "%s" if connection.dialect.paramstyle in ("pyformat", "format") else "?"
    naam = connection.dialect.identifier_preparer.format_table(tabel)
    connection.exec_driver_sql(
        f"DELETE FROM {naam} WHERE afnemer = {p} AND dag = {p} AND verschil = 0",  # noqa: S608
        [(afnemer, dag) for afnemer, dag, _ in rijen],
    )


def _per_bsn(connection, tabel, kolommen: Sequence[str], bsns: Iterable[int]) -> Iterable[tuple]:
    """The rows of these citizens, in queries of at most `_PER_QUERY` BSNs (SQLite's variable limit).

    Only BSNs between the table's lowest and highest are looked up: a first import into an empty register
    (ten million citizens nobody knows yet) then costs two index reads instead of a lookup per citizen."""
    p = "%s" if connection.dialect.paramstyle in ("pyformat", "format") else "?"
    naam = connection.dialect.identifier_preparer.format_table(tabel)
    laagste, hoogste = connection.exec_driver_sql(f"SELECT min(bsn), max(bsn) FROM {naam}").one()  # noqa: S608
    if laagste is None:
        return
    lijst = sorted(b for b in bsns if laagste <= b <= hoogste)
    for begin in range(0, len(lijst), _PER_QUERY):
        deel = lijst[begin : begin + _PER_QUERY]
        plaatsen = ", ".join([p] * len(deel))
        sql = f"SELECT {', '.join(kolommen)} FROM {naam} WHERE bsn IN ({plaatsen})"  # noqa: S608
        yield from connection.exec_driver_sql(sql, tuple(deel))


def _bsns(g) -> Iterable[int]:
    if g.naam == STATES:
        return g.event.bsns
    return (m[1] for m in g.event.mutaties)


class GebruikersProjectie:
    naam = "gebruikers"
    versie = 1
    logboek = LOGBOEK
    gebeurtenissen = frozenset({STATES, MUTATIONS})

    def verwerk(self, connection, tabellen: Tabellen, gebeurtenissen: Sequence, geheugen=None) -> None:
        delen = [g for g in gebeurtenissen if g.naam in self.gebeurtenissen]
        if not delen:
            return
        dagen = afgeleid_voor(geheugen, "dagen").setdefault("dagen", _Dagen())
        stand = _Stand(dagen)
        bsns: set[int] = set()
        for g in delen:
            bsns.update(_bsns(g))
        stand.laad(connection, tabellen, bsns)
        for g in delen:
            moment = microseconden(g.event.timestamp)
            if g.naam == STATES:
                stand.standen(g.event, moment)
            else:
                for m in g.event.mutaties:
                    stand.mutatie(m, moment)
        stand.schrijf(connection, tabellen)
