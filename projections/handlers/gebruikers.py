"""The Berichtenbox users register as processing and Home read it: per citizen the box's interval and the
afnemers switched off with their intervals, and the daily changes of the counts (projections/tabellen.py).

A batch loads the state of every citizen its mutations name (one rowid lookup each), applies the mutations
in log order in Python (the feed is authoritative: the later one wins), and writes back only what changed.
The daily counts move by the difference between each citizen's contribution before and after the batch:
+1 on the day an interval starts and -1 on the day it ends, for the box (afnemer '') and, per afnemer, for
the part of the box's interval that the afnemer was switched off.
"""

from collections.abc import Iterable, Sequence

from domain.gebruikers import AAN, ACTIEF, GESLOTEN, STAND, UIT, dag_van, microseconden
from projections.geheugen import afgeleid_voor
from projections.schrijven import upsert_tupels
from projections.tabellen import Tabellen

RECORDED = "Gebruikerslevering.MutationsRecorded"
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


class _Stand:
    """The citizens of one batch: their state as loaded (`box0`, `uit0`) and as the mutations leave it."""

    def __init__(self, dagen: dict[int, int]) -> None:
        self.box: dict[int, Interval] = {}
        self.uit: dict[int, dict[str, Interval]] = {}
        self.box0: dict[int, Interval] = {}
        self.uit0: dict[int, dict[str, Interval]] = {}
        self.geraakt: set[int] = set()
        self.dagen = dagen

    def laad(self, connection, t: Tabellen, bsns: set[int]) -> None:
        boxen, uitschakelingen = t["berichtenbox_gebruikers"], t["berichtenbox_uitschakelingen"]
        for bsn, van, tot in _per_bsn(connection, boxen, ("bsn", "van", "tot"), bsns):
            self.box[bsn] = self.box0[bsn] = (van, tot)
        kolommen = ("bsn", "afnemer", "van", "tot")
        for bsn, afnemer, van, tot in _per_bsn(connection, uitschakelingen, kolommen, bsns):
            self.uit0.setdefault(bsn, {})[afnemer] = (van, tot)
        self.uit.update(self.uit0)

    # -- the mutations (domain/gebruikers.py) --

    def stand(self, m, moment: int) -> None:
        _, bsn, van, tot, genoemd = m
        self.box[bsn] = (van, tot)
        huidig = self.uit.get(bsn)
        if not huidig and not genoemd:
            return
        nieuw = dict(huidig or {})
        namen = set()
        for oin, sinds in genoemd:
            namen.add(oin)
            oud = nieuw.get(oin)
            if oud is None or oud[1] is not None or oud[0] != sinds:
                nieuw[oin] = (sinds, None)
        for oin, interval in (huidig or {}).items():
            if oin not in namen and interval[1] is None:
                nieuw[oin] = _sluit(interval, moment)
        self.uit[bsn] = nieuw

    def actief(self, m, moment: int) -> None:
        _, bsn, van, tot = m
        self.box[bsn] = (van, tot)

    def gesloten(self, m, moment: int) -> None:
        _, bsn, op = m
        interval = self.box.get(bsn)
        if interval is not None:
            self.box[bsn] = _sluit(interval, op)

    def uit_(self, m, moment: int) -> None:
        _, bsn, oin, op = m
        huidig = self.uit.get(bsn) or {}
        oud = huidig.get(oin)
        if oud is None or oud[1] is not None:
            self.uit[bsn] = {**huidig, oin: (op, None)}

    def aan(self, m, moment: int) -> None:
        _, bsn, oin, op = m
        huidig = self.uit.get(bsn) or {}
        oud = huidig.get(oin)
        if oud is not None and oud[1] is None:
            self.uit[bsn] = {**huidig, oin: _sluit(oud, op)}

    # -- the daily counts --

    def dag(self, moment: int) -> int:
        dag = self.dagen.get(moment)
        if dag is None:
            if len(self.dagen) >= _MAX_DAGEN:
                self.dagen.clear()
            dag = self.dagen[moment] = dag_van(moment)
        return dag

    def bijdrage(self, verschillen: dict, box: Interval | None, uit: dict | None, teken: int) -> None:
        """Add (teken=1) or take away (teken=-1) what one citizen's state counts, per (afnemer, dag)."""
        if box is None:
            return
        van, tot = box
        dag = self.dag
        sleutel = (ALLE, dag(van))
        verschillen[sleutel] = verschillen.get(sleutel, 0) + teken
        if tot is not None:
            sleutel = (ALLE, dag(tot))
            verschillen[sleutel] = verschillen.get(sleutel, 0) - teken
        for afnemer, (uit_van, uit_tot) in (uit or {}).items():
            begin = max(van, uit_van)
            einde = uit_tot if tot is None else (tot if uit_tot is None else min(tot, uit_tot))
            if einde is not None and einde <= begin:
                continue
            sleutel = (afnemer, dag(begin))
            verschillen[sleutel] = verschillen.get(sleutel, 0) + teken
            if einde is not None:
                sleutel = (afnemer, dag(einde))
                verschillen[sleutel] = verschillen.get(sleutel, 0) - teken

    def schrijf(self, connection, t: Tabellen) -> None:
        box, box0, uit, uit0 = self.box, self.box0, self.uit, self.uit0
        leeg: dict = {}
        boxen, uitschakelingen, verschillen = [], [], {}
        for bsn in self.geraakt:
            nu, toen = box.get(bsn), box0.get(bsn)
            uit_nu, uit_toen = uit.get(bsn), uit0.get(bsn)
            box_anders, uit_anders = nu != toen, uit_nu is not uit_toen
            if not box_anders and not uit_anders:
                continue
            if box_anders and nu is not None:
                boxen.append((bsn, *nu))
            if uit_anders and uit_nu:
                vorig = uit_toen or leeg
                uitschakelingen += [
                    (bsn, oin, *interval) for oin, interval in uit_nu.items() if vorig.get(oin) != interval
                ]
            self.bijdrage(verschillen, toen, uit_toen, -1)
            self.bijdrage(verschillen, nu, uit_nu, 1)
        upsert_tupels(connection, t["berichtenbox_gebruikers"], ("bsn", "van", "tot"), boxen)
        upsert_tupels(
            connection, t["berichtenbox_uitschakelingen"], ("bsn", "afnemer", "van", "tot"), uitschakelingen
        )
        _tel_bij(connection, t, verschillen)


def _tel_bij(connection, t: Tabellen, verschillen: dict) -> None:
    """Add the day changes; a day whose change sums to zero has no row, so a rebuild and live agree."""
    rijen = [(afnemer, dag, n) for (afnemer, dag), n in verschillen.items() if n]
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
    """The rows of these citizens, in queries of at most `_PER_QUERY` BSNs (SQLite's variable limit)."""
    p = "%s" if connection.dialect.paramstyle in ("pyformat", "format") else "?"
    naam = connection.dialect.identifier_preparer.format_table(tabel)
    lijst = list(bsns)
    for begin in range(0, len(lijst), _PER_QUERY):
        deel = lijst[begin : begin + _PER_QUERY]
        plaatsen = ", ".join([p] * len(deel))
        sql = f"SELECT {', '.join(kolommen)} FROM {naam} WHERE bsn IN ({plaatsen})"  # noqa: S608
        yield from connection.exec_driver_sql(sql, tuple(deel))


class GebruikersProjectie:
    naam = "gebruikers"
    versie = 1
    logboek = LOGBOEK
    gebeurtenissen = frozenset({RECORDED})

    def verwerk(self, connection, tabellen: Tabellen, gebeurtenissen: Sequence, geheugen=None) -> None:
        delen = [g for g in gebeurtenissen if g.naam == RECORDED]
        if not delen:
            return
        stand = _Stand(afgeleid_voor(geheugen, "dagen"))
        bsns = {m[1] for g in delen for m in g.event.mutaties}
        stand.laad(connection, tabellen, bsns)
        stand.geraakt = bsns
        toepassen = {
            STAND: stand.stand,
            ACTIEF: stand.actief,
            GESLOTEN: stand.gesloten,
            UIT: stand.uit_,
            AAN: stand.aan,
        }
        for g in delen:
            moment = microseconden(g.event.timestamp)
            for m in g.event.mutaties:
                toepassen[m[0]](m, moment)
        stand.schrijf(connection, tabellen)
