"""Audit replay: the koppelingen as of T from the events alone, compared with the projection's answer.

The fold below reads the Dienst events in log order and keeps, per dienst, the codes linked and since when;
it uses no read model and none of the projection's code, so agreement is evidence, not a tautology.
"As of T" means: the events with a timestamp at or before T (the clock never runs backwards in one log).
"""

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from projections import asof
from projections.gebeurtenissen import Bron

_DIENST = "domain.dienst:Dienst."
_PER_KEER = 5000

KoppelingSleutel = tuple[str, str, str, datetime]


def _dienst_events(bron: Bron) -> Iterator:
    t = bron.tabel
    query = select(t.c.id, t.c.originator_id, t.c.originator_version, t.c.topic, t.c.state).where(
        t.c.topic.like(f"{_DIENST}%")
    )
    positie = 0
    with bron.engine.connect() as connection:
        while True:
            rijen = connection.execute(query.where(t.c.id > positie).order_by(t.c.id).limit(_PER_KEER)).all()
            if not rijen:
                return
            positie = rijen[-1][0]
            yield from (g.event for g in bron.decodeer(rijen))


def koppelingen_uit_events(bron: Bron, moment: datetime, afnemer=None) -> set[KoppelingSleutel]:
    """(afnemer, Dienst ID, code, sinds) for every link standing at `moment`, folded from the events."""
    diensten: dict[str, tuple[str, str]] = {}
    gekoppeld: dict[str, dict[str, datetime]] = {}
    for e in _dienst_events(bron):
        if e.timestamp > moment:
            continue
        sleutel, naam = str(e.originator_id), type(e).__qualname__
        if naam == "Dienst.Created":
            diensten[sleutel] = (str(e.afnemer), e.dienst_id.waarde)
            gekoppeld[sleutel] = {}
        elif naam == "Dienst.Linked":
            gekoppeld[sleutel][str(e.code)] = e.timestamp
        elif naam == "Dienst.Unlinked":
            gekoppeld[sleutel].pop(str(e.code), None)
        elif naam == "Dienst.Deactivated":
            gekoppeld[sleutel] = {}
    return {
        (*diensten[d], code, van)
        for d, codes in gekoppeld.items()
        for code, van in codes.items()
        if afnemer is None or diensten[d][0] == str(afnemer)
    }


@dataclass(frozen=True)
class Vergelijking:
    moment: datetime
    replay: set[KoppelingSleutel]
    projectie: set[KoppelingSleutel]

    @property
    def alleen_replay(self) -> list[KoppelingSleutel]:
        return sorted(self.replay - self.projectie)

    @property
    def alleen_projectie(self) -> list[KoppelingSleutel]:
        return sorted(self.projectie - self.replay)

    @property
    def gelijk(self) -> bool:
        return self.replay == self.projectie


def vergelijk_koppelingen(motor, moment: datetime, afnemer=None) -> Vergelijking:
    """The replay beside the projection's answer, once `motor` (a projections.motor.Projectiemotor) has
    caught up."""
    motor.bijwerken()
    projectie = {k.sleutel for k in asof.koppelingen_op(motor.bron, afnemer, moment)}
    return Vergelijking(moment, koppelingen_uit_events(motor.bron, moment, afnemer), projectie)
