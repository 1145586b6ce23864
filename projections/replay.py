"""Audit replay: the koppelingen (and the machtigingen valid) as of T from the events alone, compared with
the projections' answer.

The fold below reads the Dienst events in log order and keeps, per dienst, the codes linked and since when;
it uses no read model and none of the projection's code, so agreement is evidence, not a tautology.
"As of T" means: the events with a timestamp at or before T (the clock never runs backwards in one log).
"""

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from projections import asof, toegang
from projections.gebeurtenissen import Bron
from projections.kolommen import naar_microseconden, uit_microseconden

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


# -- the machtigingen register --------------------------------------------------------------------------

_LEVERING = "domain.machtigingen:Machtigingenlevering.MutationsRecorded"

MachtigingSleutel = tuple[str, str, str, str, str, datetime]


def _levering_events(bron: Bron) -> Iterator:
    t = bron.tabel
    query = select(t.c.id, t.c.originator_id, t.c.originator_version, t.c.topic, t.c.state).where(
        t.c.topic == _LEVERING
    )
    positie = 0
    with bron.engine.connect() as connection:
        while True:
            rijen = connection.execute(query.where(t.c.id > positie).order_by(t.c.id).limit(20)).all()
            if not rijen:
                return
            positie = rijen[-1][0]
            yield from (g.event for g in bron.decodeer(rijen))


def _geldig(van: int, tot: int | None, ingetrokken: int | None, moment: int) -> bool:
    return van <= moment and (tot is None or moment < tot) and (ingetrokken is None or moment < ingetrokken)


def machtigingen_uit_events(bron: Bron, moment: datetime, afnemer=None) -> set[MachtigingSleutel]:
    """(machtiging, belanghebbende, gemachtigde, afnemer, Dienst ID, geldig van) of every machtiging valid at
    `moment` as the feed's deliveries state it, folded from the machtigingen log in log order. Validity is a
    fact about `moment` that a later delivery may correct (an early end, a withdrawal), so every delivery
    counts, also those recorded after `moment`: the same knowledge the access answers use."""
    stand: dict[str, list] = {}
    for e in _levering_events(bron):
        for soort, id_, *rest in e.mutaties:
            if soort == "stand":
                stand[id_] = list(rest)
            elif id_ in stand and soort == "beeindigd":
                stand[id_][5] = rest[0]
            elif id_ in stand and soort == "ingetrokken":
                stand[id_][6] = rest[0]
    t = naar_microseconden(moment)
    return {
        (id_, b, g, a, d, uit_microseconden(van))
        for id_, (b, g, a, d, van, tot, ingetrokken) in stand.items()
        if _geldig(van, tot, ingetrokken, t) and (afnemer is None or a == str(afnemer))
    }


def vergelijk_machtigingen(motor, moment: datetime, afnemer=None) -> Vergelijking:
    """The fold beside the projection's answer (the machtigingen log's engine, caught up)."""
    motor.bijwerken()
    projectie = {
        (m.machtiging_id, m.belanghebbende, m.gemachtigde, m.afnemer, m.dienst_id, m.van)
        for m in toegang.geldig_op(motor.bron, moment, None if afnemer is None else str(afnemer))
    }
    return Vergelijking(moment, machtigingen_uit_events(motor.bron, moment, afnemer), projectie)
