"""In-memory working sets for one batch: read the rows a batch needs in a few queries, change them in Python,
write them back with one executemany per table. This is what lets a rebuild run tens of thousands of events
per second instead of a few hundred statements per second.
"""

from collections.abc import Hashable, Iterable

from sqlalchemy import Table, func, select, tuple_
from sqlalchemy.engine import Connection

from projections.geheugen import Geheugen, geheugen_voor
from projections.kolommen import Moment, uit_microseconden
from projections.schrijven import upsert, voeg_toe, werk_bij_op_id

_PER_QUERY = 500


def _in(kolommen, sleutels: list[tuple]):
    if len(kolommen) == 1:
        return kolommen[0].in_([s[0] for s in sleutels])
    return tuple_(*kolommen).in_(sleutels)


def _selecteer(dialect, tabel: Table, aantal: int) -> tuple[str, list[str], list[str]]:
    p = "%s" if dialect.paramstyle in ("pyformat", "format") else "?"
    q = dialect.identifier_preparer.quote
    namen = [c.name for c in tabel.columns]
    momenten = [c.name for c in tabel.columns if isinstance(c.type, Moment)]
    kolommen = ", ".join(q(n) for n in namen)
    sleutel = q(tabel.primary_key.columns[0].name)
    plaatsen = ", ".join([p] * aantal)
    sql = f"SELECT {kolommen} FROM {q(tabel.name)} WHERE {sleutel} IN ({plaatsen})"  # noqa: S608
    return sql, namen, momenten


class Werkset:
    """Rows of one table by primary key; `schrijf` upserts the changed ones."""

    def __init__(self, connection: Connection, tabel: Table, geheugen: Geheugen | None = None) -> None:
        self.connection = connection
        self.tabel = tabel
        self.sleutel = [c.name for c in tabel.primary_key.columns]
        # Known rows, and None for keys known to be absent; kept between batches when there is a memory.
        self.rijen: dict[tuple, dict | None] = geheugen_voor(geheugen, tabel.name)
        self.gewijzigd: set[tuple] = set()

    def laad(self, sleutels: Iterable[tuple]) -> None:
        nieuw = list({s for s in sleutels if s not in self.rijen})
        for begin in range(0, len(nieuw), _PER_QUERY):
            deel = nieuw[begin : begin + _PER_QUERY]
            for s in deel:
                self.rijen[s] = None
            if len(self.sleutel) == 1:
                self._laad_tekst([s[0] for s in deel])
                continue
            kolommen = [self.tabel.c[n] for n in self.sleutel]
            for rij in self.connection.execute(select(self.tabel).where(_in(kolommen, deel))).mappings():
                self.rijen[tuple(rij[n] for n in self.sleutel)] = dict(rij)

    def _laad_tekst(self, waarden: list) -> None:
        """One key column: the SELECT as text (a few microseconds to write, where compiling a Core select
        took far longer), and the moments converted here (what `Moment` does for a Core select)."""
        sql, namen, momenten = _selecteer(self.connection.dialect, self.tabel, len(waarden))
        positie = namen.index(self.sleutel[0])
        for ruw in self.connection.exec_driver_sql(sql, tuple(waarden)):
            rij = dict(zip(namen, ruw, strict=True))
            for naam in momenten:
                if rij[naam] is not None:
                    rij[naam] = uit_microseconden(rij[naam])
            self.rijen[(ruw[positie],)] = rij

    def get(self, sleutel: tuple) -> dict | None:
        if sleutel not in self.rijen:
            self.laad([sleutel])
        return self.rijen[sleutel]

    def zet(self, rij: dict) -> None:
        sleutel = tuple(rij[n] for n in self.sleutel)
        self.rijen[sleutel] = rij
        self.gewijzigd.add(sleutel)

    def schrijf(self) -> None:
        rijen = [self.rijen[s] for s in self.gewijzigd]
        self.gewijzigd.clear()
        if not rijen:
            return
        upsert(self.connection, self.tabel, rijen)


class OpenIntervallen:
    """The open [van, …) rows of an interval table, grouped (per dienst, per intermediair), for one batch.

    New intervals get their id here (the next after the table's highest), so they can be closed by id in a
    later batch without reading them back; the projection's position lock makes this its only writer.
    """

    def __init__(
        self,
        connection: Connection,
        tabel: Table,
        groep: tuple[str, ...],
        lid: str,
        geheugen: Geheugen | None = None,
    ) -> None:
        self.connection = connection
        self.tabel = tabel
        self.groep = groep
        self.lid = lid
        self.open: dict[tuple, dict[Hashable, dict]] = geheugen_voor(geheugen, f"{tabel.name}:open")
        self.ids: dict[str, int] = geheugen.volgende_id if geheugen is not None else {}
        self.rest, self.stap = geheugen.ids if geheugen is not None else (0, 1)
        self.nieuw: list[dict] = []
        self.gesloten: list[dict] = []

    def laad(self, groepen: Iterable[tuple]) -> None:
        nieuw = list({g for g in groepen if g not in self.open})
        kolommen = [self.tabel.c[n] for n in self.groep]
        for begin in range(0, len(nieuw), _PER_QUERY):
            deel = nieuw[begin : begin + _PER_QUERY]
            for g in deel:
                self.open[g] = {}
            query = select(self.tabel).where(_in(kolommen, deel), self.tabel.c.tot.is_(None))
            for rij in self.connection.execute(query).mappings():
                self.open[tuple(rij[n] for n in self.groep)][rij[self.lid]] = dict(rij)

    def van_groep(self, groep: tuple) -> dict[Hashable, dict]:
        if groep not in self.open:
            self.laad([groep])
        return self.open[groep]

    def _volgend_id(self) -> int:
        naam = self.tabel.name
        if naam not in self.ids:
            eerste = (self.connection.scalar(select(func.max(self.tabel.c.id))) or 0) + 1
            self.ids[naam] = eerste + (self.rest - eerste) % self.stap
        self.ids[naam] += self.stap
        return self.ids[naam] - self.stap

    def begin(self, rij: dict) -> None:
        rij = {**rij, "id": self._volgend_id(), "tot": None}
        self.van_groep(tuple(rij[n] for n in self.groep))[rij[self.lid]] = rij
        self.nieuw.append(rij)

    def sluit(self, groep: tuple, lid: Hashable, tot, **extra) -> None:
        rij = self.van_groep(groep).pop(lid, None)
        if rij is None:
            return
        rij.update(tot=tot, **extra)
        self.gesloten.append(rij)

    def sluit_alle(self, groep: tuple, tot, **extra) -> None:
        for lid in list(self.van_groep(groep)):
            self.sluit(groep, lid, tot, **extra)

    def schrijf(self) -> None:
        # An interval opened and closed in this batch is inserted closed; only older ones need an update.
        nieuw_ids = {r["id"] for r in self.nieuw}
        oud = [r for r in self.gesloten if r["id"] not in nieuw_ids]
        werk_bij_op_id(self.connection, self.tabel, ["tot", *self._extra()], oud)
        voeg_toe(self.connection, self.tabel, self.nieuw)
        self.nieuw, self.gesloten = [], []

    def _extra(self) -> tuple[str, ...]:
        # What an ending may set besides `tot` (koppelingen: `einde`); the identity of the interval stays.
        vast = (*self.groep, self.lid, "id", "van", "tot", "afnemer", "dienst_id", "intermediair")
        return tuple(c.name for c in self.tabel.columns if c.name not in vast)
