"""A generated, realistic portal history, written in bulk: for benchmarks and the projection crash test.

The events come from the real aggregates (so every rule holds and the events decode as in production),
but are stored tens of thousands at a time by a Core insert into the application's events table, instead
of one save per command: a million events in well under a minute.
"""

import random
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from domain.berichttype import Berichttype
from domain.dienst import Dienst
from domain.organisatie import Organisatie
from domain.waarden import Actor, BerichttypeCode, DienstId, Notificatiekenmerk, Oin, Rol, Status

BEHEERDER = Oin("00000099000000000001")
KENMERKEN = list(Notificatiekenmerk)


@dataclass(frozen=True)
class Omvang:
    afnemers: int = 500
    berichttypes: int = 20_000
    diensten: int = 5_000
    events: int = 1_250_000
    seed: int = 20260105


class _Schrijver:
    """Collects pending events from aggregates and inserts them in large chunks."""

    def __init__(self, portaal, per_keer: int = 50_000) -> None:
        self.portaal = portaal
        self.tabel = portaal.recorder.events_record_cls.__table__
        self.per_keer = per_keer
        self.rijen: list[dict] = []
        self.aantal = 0

    def neem(self, aggregate) -> None:
        for event in aggregate.collect_events():
            s = self.portaal.mapper.to_stored_event(event)
            self.rijen.append(
                {
                    "originator_id": s.originator_id,
                    "originator_version": s.originator_version,
                    "topic": s.topic,
                    "state": s.state,
                }
            )
            self.aantal += 1
        if len(self.rijen) >= self.per_keer:
            self.schrijf()

    def schrijf(self) -> None:
        if self.rijen:
            with self.portaal.engine.begin() as connection:
                connection.execute(self.tabel.insert(), self.rijen)
            self.rijen = []


class _Klok:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.nu = datetime(2024, 1, 1, 8, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        self.nu += timedelta(seconds=self.rng.randint(1, 30), microseconds=self.rng.randint(0, 999_999))
        return self.nu


def _oin(i: int) -> Oin:
    return Oin(f"00000099{100000 + i:012d}")


def _stap(dienst: Dienst, codes: list[BerichttypeCode], actor: Actor, moment: datetime, rng: random.Random):
    """One realistic change on a dienst: mostly links, some unlinks, now and then a (re)activation."""
    if not dienst.actief:
        return dienst.activeer(actor, moment)
    vrij = [c for c in codes if c not in dienst.koppelingen] if len(dienst.koppelingen) < len(codes) else []
    kans = rng.random()
    if vrij and kans < 0.88:
        return dienst.koppel(rng.choice(vrij), Status.ACTIEF, actor, moment)
    if dienst.koppelingen and kans < 0.97:
        return dienst.ontkoppel(rng.choice(sorted(dienst.koppelingen)), actor, moment)
    return dienst.deactiveer(actor, moment)


def _organisaties(schrijver: _Schrijver, omvang: Omvang, klok: _Klok) -> list[Oin]:
    afnemers = [_oin(i) for i in range(omvang.afnemers)]
    for i, oin in enumerate(afnemers):
        org = Organisatie.registreren(
            oin, f"Afnemer {i}", Rol.AFNEMER, KENMERKEN, Actor(BEHEERDER, BEHEERDER), klok()
        )
        schrijver.neem(org)
    return afnemers


def _berichttypes(
    schrijver, omvang: Omvang, afnemers: list[Oin], klok, rng
) -> dict[Oin, list[BerichttypeCode]]:
    per_afnemer = omvang.berichttypes // len(afnemers)
    codes: dict[Oin, list[BerichttypeCode]] = {}
    for afnemer in afnemers:
        actor = Actor(afnemer, afnemer)
        codes[afnemer] = [BerichttypeCode(f"BT{n:04d}") for n in range(per_afnemer)]
        for code in codes[afnemer]:
            bt = Berichttype.aanmaken(
                afnemer, code, f"Bericht {code}", rng.choice(KENMERKEN), KENMERKEN, actor, klok()
            )
            bt.activeer(actor, klok())
            if rng.random() < 0.1:
                bt.wijzig_details(f"Bericht {code} (nieuw)", bt.kenmerk, KENMERKEN, actor, klok())
            schrijver.neem(bt)
    return codes


def genereer(portaal, omvang: Omvang = Omvang()) -> int:
    """Write the history into the portaal's event store; returns the number of events written."""
    rng = random.Random(omvang.seed)
    klok = _Klok(rng)
    schrijver = _Schrijver(portaal)
    afnemers = _organisaties(schrijver, omvang, klok)
    codes = _berichttypes(schrijver, omvang, afnemers, klok, rng)
    diensten = []
    for n in range(omvang.diensten):
        afnemer = afnemers[n % len(afnemers)]
        # Dienst IDs that differ only in case or a trailing space are distinct diensten.
        dienst_id = DienstId(
            f"Dienst {n // len(afnemers)}" + ("" if n % 3 else " ") + ("X" if n % 2 else "x")
        )
        diensten.append(
            Dienst.aanmaken(afnemer, dienst_id, f"Omschrijving {n}", Actor(afnemer, afnemer), klok())
        )
        schrijver.neem(diensten[-1])
    while schrijver.aantal < omvang.events:
        dienst = rng.choice(diensten)
        _stap(dienst, codes[dienst.afnemer], Actor(dienst.afnemer, dienst.afnemer), klok(), rng)
        schrijver.neem(dienst)
    schrijver.schrijf()
    return schrijver.aantal
