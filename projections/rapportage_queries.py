"""Queries for the Berichtverwerking and Totalen tabs (manual chapters 7 and 8): what happened to an afnemer's
batches in a period, per berichtleverancier, per batch, per reason and per bericht. Never a BSN.

Totalen come from the pre-aggregated tables: the whole Dutch days of a period from the day rows, the whole
hours at its edges from the hour rows, and what is left of the edges (less than an hour on each side) from
the batch rows, so any period is answered exactly and a year reads a few thousand rows.
"""

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta

from sqlalchemy import and_, func, or_, select

from domain.verwerking import BATCHES, ONTVANGEN, VERWERKT_MET_WAARSCHUWING, VerwerkingsCode
from projections.handlers.batches import ONTVANGST, VERWERKING
from projections.queries import Pagina
from projections.tabellen import tabel
from projections.tijd import NEDERLAND
from projections.verwerking_queries import BatchRegel

DATUMSOORTEN = (ONTVANGST, VERWERKING)
VERWERKT = VerwerkingsCode.VERWERKT.value
# Batches per query when the berichten of many batches are read (a failures download).
BATCHES_PER_QUERY = 200


@dataclass(frozen=True)
class Periode:
    """[van, tot) in UTC, on the moment of ontvangst or of verwerking."""

    soort: str
    van: datetime
    tot: datetime


@dataclass(frozen=True)
class Batchfilter:
    periode: Periode
    afgerond: str = ""  # "" every batch, "ja" processed, "nee" waiting
    status: str = ""  # "" every batch, or one of STATUSSEN
    batch_id: str = ""  # one batch, whatever the period
    leverancier: str = ""


STATUSSEN = ("niet_verwerkt", "waarschuwing", "verwerkt")


@dataclass(frozen=True)
class Telling:
    """The figures of one berichtleverancier. `verwerkt` is green only; `waarschuwing` orange."""

    leverancier: str
    batches: int = 0
    ontvangen: int = 0
    verwerkt: int = 0
    waarschuwing: int = 0
    niet_verwerkt: int = 0

    @property
    def geplaatst(self) -> int:
        """Verwerkt in the manual's Totalen: with or without a warning, the bericht was placed."""
        return self.verwerkt + self.waarschuwing

    @property
    def nog_niet_verwerkt(self) -> int:
        return self.ontvangen - self.verwerkt - self.waarschuwing - self.niet_verwerkt


@dataclass(frozen=True)
class Redenregel:
    kleur: str
    code: str
    reden: str
    aantal: int


@dataclass(frozen=True)
class Foutregel:
    """A bericht in a download: its batch's facts and its own."""

    batch_id: str
    leverancier: str
    ontvangen_op: datetime
    verwerkt_op: datetime | None
    volgnummer: int
    bericht_id: str
    berichttype: str
    stadium: str | None
    code: str | None
    waarschuwing: str | None
    reden: str | None
    proceskenmerk: str | None


def _engine(bron):
    return getattr(bron, "engine", bron)


# -- splitting a period into days, hours and the rest ---------------------------------------------------


def _middernacht(dag) -> datetime:
    return datetime.combine(dag, time(), NEDERLAND).astimezone(UTC)


def dagen_in(van: datetime, tot: datetime) -> tuple[str, str, datetime, datetime] | None:
    """The whole Dutch days in [van, tot): (first day, day after the last, their midnights in UTC)."""
    eerste = van.astimezone(NEDERLAND).date()
    if _middernacht(eerste) < van:
        eerste += timedelta(days=1)
    na_laatste = tot.astimezone(NEDERLAND).date()
    if eerste >= na_laatste:
        return None
    return eerste.isoformat(), na_laatste.isoformat(), _middernacht(eerste), _middernacht(na_laatste)


def uren_in(van: datetime, tot: datetime) -> tuple[datetime, datetime] | None:
    """The whole UTC hours in [van, tot)."""
    eerste = van.astimezone(UTC).replace(minute=0, second=0, microsecond=0)
    if eerste < van:
        eerste += timedelta(hours=1)
    laatste = tot.astimezone(UTC).replace(minute=0, second=0, microsecond=0)
    return (eerste, laatste) if eerste < laatste else None


@dataclass(frozen=True)
class Stukken:
    dagen: tuple[str, str] | None
    uren: list[tuple[datetime, datetime]]
    rest: list[tuple[datetime, datetime]]


def stukken(van: datetime, tot: datetime) -> Stukken:
    """[van, tot) as whole days, whole hours beside them, and the pieces of less than an hour at the edges."""
    if van >= tot:
        return Stukken(None, [], [])
    dagen = dagen_in(van, tot)
    randen = [(van, tot)] if dagen is None else [(van, dagen[2]), (dagen[3], tot)]
    uren, rest = [], []
    for a, b in randen:
        if a >= b:
            continue
        heel = uren_in(a, b)
        if heel is None:
            rest.append((a, b))
            continue
        uren.append(heel)
        rest += [(x, y) for x, y in ((a, heel[0]), (heel[1], b)) if x < y]
    return Stukken(dagen[:2] if dagen else None, uren, rest)


# -- Totalen --------------------------------------------------------------------------------------------


def _tel(teller: dict, leverancier: str, uitkomst: str, aantal: int) -> None:
    regel = teller.setdefault(leverancier, Counter())
    if uitkomst == BATCHES:
        regel["batches"] += aantal
    elif uitkomst == ONTVANGEN:
        regel["ontvangen"] += aantal
    elif uitkomst == VERWERKT:
        regel["verwerkt"] += aantal
    elif uitkomst == VERWERKT_MET_WAARSCHUWING:
        regel["waarschuwing"] += aantal
    else:
        regel["niet_verwerkt"] += aantal


def totalen(bron, afnemer: str, periode: Periode) -> list[Telling]:
    """Per berichtleverancier of this afnemer, the batches, berichten and outcomes in the period, exactly."""
    delen = stukken(periode.van, periode.tot)
    dagen, uren, batches = tabel("verwerking_dagen"), tabel("verwerking_uren"), tabel("batches")
    teller: dict[str, Counter] = {}
    vragen = []
    if delen.dagen:
        vragen.append(_per_uitkomst(dagen, afnemer, periode.soort, dagen.c.dag, [delen.dagen]))
    if delen.uren:
        vragen.append(_per_uitkomst(uren, afnemer, periode.soort, uren.c.uur, delen.uren))
    with _engine(bron).connect() as connection:
        for vraag in vragen:
            for leverancier, uitkomst, aantal in connection.execute(vraag):
                _tel(teller, leverancier, uitkomst, int(aantal))
        if delen.rest:
            moment = _moment(batches, periode.soort)
            voorwaarde = and_(batches.c.afnemer == afnemer, _in_reeksen(moment, delen.rest))
            for telling in _batchtellingen(connection, batches, voorwaarde):
                regel = teller.setdefault(telling.leverancier, Counter())
                for veld in ("batches", "ontvangen", "verwerkt", "waarschuwing", "niet_verwerkt"):
                    regel[veld] += getattr(telling, veld)
    return [Telling(lev, **regel) for lev, regel in sorted(teller.items()) if any(regel.values())]


def _in_reeksen(kolom, reeksen):
    """In one of the ranges [van, tot): one query for both edges of a period."""
    return or_(*(and_(kolom >= van, kolom < tot) for van, tot in reeksen))


def _per_uitkomst(t, afnemer: str, soort: str, kolom, reeksen):
    return (
        select(t.c.leverancier, t.c.uitkomst, func.sum(t.c.aantal))
        .where(t.c.afnemer == afnemer, t.c.datumsoort == soort, _in_reeksen(kolom, reeksen))
        .group_by(t.c.leverancier, t.c.uitkomst)
    )


def _moment(t, soort: str):
    return t.c.ontvangen_op if soort == ONTVANGST else t.c.verwerkt_op


def _in_periode(t, afnemer: str, soort: str, van: datetime, tot: datetime):
    moment = _moment(t, soort)
    return and_(t.c.afnemer == afnemer, moment >= van, moment < tot)


def _batchtellingen(connection, t, voorwaarde) -> list[Telling]:
    query = (
        select(
            t.c.leverancier,
            func.count(),
            func.sum(t.c.aantal),
            func.sum(t.c.verwerkt),
            func.sum(t.c.waarschuwing),
            func.sum(t.c.niet_verwerkt),
        )
        .where(voorwaarde)
        .group_by(t.c.leverancier)
        .order_by(t.c.leverancier)
    )
    return [Telling(r[0], *(int(x or 0) for x in r[1:])) for r in connection.execute(query)]


# -- Berichtverwerking: batches, reasons, berichten ------------------------------------------------------


def _voorwaarde(t, afnemer: str, f: Batchfilter):
    delen = [t.c.afnemer == afnemer]
    if f.batch_id:
        delen.append(t.c.batch_id == f.batch_id.lower())
    else:
        delen.append(_in_periode(t, afnemer, f.periode.soort, f.periode.van, f.periode.tot))
    if f.leverancier:
        delen.append(t.c.leverancier == f.leverancier)
    if f.afgerond == "ja":
        delen.append(t.c.verwerkt_op.is_not(None))
    elif f.afgerond == "nee":
        delen.append(t.c.verwerkt_op.is_(None))
    if f.status == "niet_verwerkt":
        delen.append(t.c.niet_verwerkt > 0)
    elif f.status == "waarschuwing":
        delen.append(t.c.waarschuwing > 0)
    elif f.status == "verwerkt":
        delen += [t.c.verwerkt_op.is_not(None), t.c.niet_verwerkt == 0, t.c.waarschuwing == 0]
    return and_(*delen)


def per_leverancier(bron, afnemer: str, f: Batchfilter) -> list[Telling]:
    t = tabel("batches")
    with _engine(bron).connect() as connection:
        return _batchtellingen(connection, t, _voorwaarde(t, afnemer, f))


def batches(bron, afnemer: str, f: Batchfilter, pagina: int, per_pagina: int, totaal: int) -> Pagina:
    """One page of the batches that match, newest first on the filter's date. `totaal` is known already
    (the sum of `per_leverancier`), so no count is asked for."""
    t = tabel("batches")
    moment = _moment(t, f.periode.soort)
    query = (
        select(t)
        .where(_voorwaarde(t, afnemer, f))
        .order_by(moment.desc(), t.c.ontvangen_op.desc(), t.c.batch_id)
        .limit(per_pagina)
        .offset((pagina - 1) * per_pagina)
    )
    with _engine(bron).connect() as connection:
        regels = [BatchRegel(**r) for r in connection.execute(query).mappings()]
    return Pagina(regels, pagina, per_pagina, totaal)


def redenen(
    bron, afnemer: str, f: Batchfilter, kleur: str, batch_uuid: str | None = None
) -> list[Redenregel]:
    """The counts per reason of one colour, over the batches that match (or of one batch), most first."""
    r, t = tabel("batch_redenen"), tabel("batches")
    som = func.sum(r.c.aantal)
    query = select(r.c.kleur, r.c.code, r.c.reden, som).where(r.c.kleur == kleur)
    if batch_uuid is not None:
        query = query.where(r.c.batch_uuid == batch_uuid)
    else:
        query = query.join(t, t.c.batch_uuid == r.c.batch_uuid).where(_voorwaarde(t, afnemer, f))
    query = query.group_by(r.c.kleur, r.c.code, r.c.reden).order_by(som.desc(), r.c.code, r.c.reden)
    with _engine(bron).connect() as connection:
        return [Redenregel(k, c, reden, int(n)) for k, c, reden, n in connection.execute(query)]


def batch_van_afnemer(bron, afnemer: str, batch_id: str) -> BatchRegel | None:
    """A batch by its BatchID, only when it is this afnemer's: another's is simply not found."""
    t = tabel("batches")
    query = select(t).where(t.c.batch_id == batch_id.lower(), t.c.afnemer == afnemer)
    with _engine(bron).connect() as connection:
        rij = connection.execute(query).mappings().first()
    return BatchRegel(**rij) if rij else None


def _foutregel(batch: BatchRegel, r) -> Foutregel:
    return Foutregel(batch.batch_id, batch.leverancier, batch.ontvangen_op, batch.verwerkt_op, *r)


def _berichtkolommen():
    b = tabel("verwerkte_berichten")
    return b, (
        b.c.volgnummer,
        b.c.bericht_id,
        b.c.berichttype,
        b.c.stadium,
        b.c.code,
        b.c.waarschuwing,
        b.c.reden,
        b.c.proceskenmerk,
    )


def berichten_van_batch(bron, batch: BatchRegel) -> Iterator[Foutregel]:
    """Every bericht of one batch in delivery order, streamed."""
    b, kolommen = _berichtkolommen()
    query = select(*kolommen).where(b.c.batch_uuid == batch.batch_uuid).order_by(b.c.volgnummer)
    with _engine(bron).connect() as connection:
        for r in connection.execute(query):
            yield _foutregel(batch, r)


def niet_verwerkte_berichten(bron, afnemer: str, f: Batchfilter) -> Iterator[Foutregel]:
    """The berichten not processed (red) of the batches that match, batch by batch as the overview orders
    them, streamed: the batches first, then their failed berichten a few hundred batches at a time."""
    t = tabel("batches")
    moment = _moment(t, f.periode.soort)
    query = (
        select(t)
        .where(_voorwaarde(t, afnemer, f), t.c.niet_verwerkt > 0)
        .order_by(moment.desc(), t.c.ontvangen_op.desc(), t.c.batch_id)
    )
    b, kolommen = _berichtkolommen()
    with _engine(bron).connect() as connection:
        lijst = [BatchRegel(**r) for r in connection.execute(query).mappings()]
        for begin in range(0, len(lijst), BATCHES_PER_QUERY):
            deel = {x.batch_uuid: x for x in lijst[begin : begin + BATCHES_PER_QUERY]}
            vraag = (
                select(b.c.batch_uuid, *kolommen)
                .where(b.c.batch_uuid.in_(list(deel)), b.c.code != VERWERKT)
                .order_by(b.c.batch_uuid, b.c.volgnummer)
            )
            per_batch: dict[str, list] = {}
            for r in connection.execute(vraag):
                per_batch.setdefault(r[0], []).append(r[1:])
            for sleutel, batch in deel.items():
                for r in per_batch.get(sleutel, ()):
                    yield _foutregel(batch, r)
