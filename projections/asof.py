"""Point-in-time questions on the koppeling history: what was linked to what at moment T?

Every koppeling is an interval [van, tot) (tot open while linked). The intervals of one (afnemer, dienst,
berichttype) never overlap, so "linked at T?" asks whether one of them contains T:

- "berichttypes of a dienst at T" uses (afnemer, dienst_id, van, tot, code) and "diensten of a berichttype
  at T" uses (afnemer, code, van, tot, dienst_id): a seek to the dienst (or berichttype) and a range on
  van <= T, answered from the index alone: O(log n + k), k the intervals of that one dienst or berichttype
  begun by T, never a scan of the table;
- "koppelingen of an afnemer at T" reads the afnemer's part of one of these indexes: O(log n + k), k the
  afnemer's intervals.

Identifiers are compared exactly: Dienst ID 'Zorg' and 'zorg ' are two diensten.
"""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import and_, or_, select

from projections.handlers.koppelingen import DIENST_GEDEACTIVEERD, ONTKOPPELD
from projections.tabellen import tabel

EINDE = {ONTKOPPELD: "Ontkoppeld", DIENST_GEDEACTIVEERD: "Dienst gedeactiveerd"}

_koppelingen = tabel("koppelingen")


@dataclass(frozen=True, order=True)
class Koppeling:
    """One interval of the history; `tot is None` while the link stands."""

    afnemer: str
    dienst_id: str
    code: str
    van: datetime
    tot: datetime | None
    einde: str | None

    @property
    def einde_tekst(self) -> str:
        """Why the interval ended, in the words of the history screen."""
        if self.einde is None:
            return "Loopt nog"
        return EINDE.get(self.einde, self.einde)

    @property
    def sleutel(self) -> tuple[str, str, str, datetime]:
        """What a replay as of T can know of it: which link, and since when."""
        return self.afnemer, self.dienst_id, self.code, self.van


def _engine(bron):
    return getattr(bron, "engine", bron)


def _op(moment: datetime):
    k = _koppelingen.c
    return and_(k.van <= moment, or_(k.tot.is_(None), k.tot > moment))


def _lijst(bron, query) -> list[Koppeling]:
    with _engine(bron).connect() as connection:
        return [Koppeling(*rij) for rij in connection.execute(query).all()]


def _kolommen():
    k = _koppelingen.c
    return select(k.afnemer, k.dienst_id, k.code, k.van, k.tot, k.einde)


def koppelingen_op(bron, afnemer, moment: datetime) -> list[Koppeling]:
    """Every koppeling that stood at `moment`, of one afnemer (or of all when `afnemer` is None),
    sorted by afnemer, Dienst ID and code."""
    k = _koppelingen.c
    query = _kolommen().where(_op(moment))
    if afnemer is not None:
        query = query.where(k.afnemer == str(afnemer))
    return _lijst(bron, query.order_by(k.afnemer, k.dienst_id, k.code))


def _waarden(bron, query) -> list[str]:
    with _engine(bron).connect() as connection:
        return sorted(connection.scalars(query).all())


def berichttypes_van_dienst_op(bron, afnemer, dienst_id, moment: datetime) -> list[str]:
    """The codes linked to the dienst at `moment`, sorted."""
    k = _koppelingen.c
    return _waarden(
        bron, select(k.code).where(k.afnemer == str(afnemer), k.dienst_id == str(dienst_id), _op(moment))
    )


def diensten_van_berichttype_op(bron, afnemer, code, moment: datetime) -> list[str]:
    """The Dienst IDs the berichttype was linked to at `moment`, sorted."""
    k = _koppelingen.c
    return _waarden(
        bron, select(k.dienst_id).where(k.afnemer == str(afnemer), k.code == str(code), _op(moment))
    )


@dataclass(frozen=True)
class Historiepagina:
    """One page of a link history, newest first; whether an older page follows is known without counting the
    whole history (a busy dienst has tens of thousands of intervals)."""

    regels: list[Koppeling]
    pagina: int
    per_pagina: int
    heeft_volgende: bool


def _historiepagina(bron, query, pagina: int, per_pagina: int) -> Historiepagina:
    pagina, per_pagina = max(1, pagina), max(1, per_pagina)
    regels = _lijst(bron, query.limit(per_pagina + 1).offset((pagina - 1) * per_pagina))
    return Historiepagina(regels[:per_pagina], pagina, per_pagina, len(regels) > per_pagina)


def historie_van_dienst(bron, afnemer, dienst_id, pagina: int = 1, per_pagina: int = 50) -> Historiepagina:
    """The dienst's intervals, newest first, a page at a time: a seek in (afnemer, dienst_id, van, tot, code)
    read backwards, so a page costs the same on a dienst with ten or with a hundred thousand intervals."""
    k = _koppelingen.c
    query = _kolommen().where(k.afnemer == str(afnemer), k.dienst_id == str(dienst_id))
    query = query.order_by(k.van.desc(), k.tot.desc(), k.code.desc())
    return _historiepagina(bron, query, pagina, per_pagina)


def historie_van_berichttype(bron, afnemer, code, pagina: int = 1, per_pagina: int = 50) -> Historiepagina:
    """The berichttype's intervals, newest first, a page at a time (index (afnemer, code, van, tot,
    dienst_id) read backwards)."""
    k = _koppelingen.c
    query = _kolommen().where(k.afnemer == str(afnemer), k.code == str(code))
    query = query.order_by(k.van.desc(), k.tot.desc(), k.dienst_id.desc())
    return _historiepagina(bron, query, pagina, per_pagina)
