"""The users register's read model against what the events say, folded here without the projection's code,
and against a replay into a scratch database."""

import io
import random
from datetime import UTC, date, datetime, timedelta

import pytest

from domain.gebruikers import dag_van, microseconden, moment_van
from domain.waarden import Actor, Bsn, Oin
from projections.vergelijk import verifieer_alles

FEED = Oin("00000099000000000301")
AFNEMERS = [Oin(f"000000990000000001{n:02d}") for n in range(1, 5)]
KOP = "bsn;actief_van;actief_tot;uitgeschakeld\n"


def geldige_bsns(aantal: int, rng: random.Random) -> list[str]:
    uit: set[str] = set()
    while len(uit) < aantal:
        acht = f"{rng.randrange(10_000_000, 99_999_999):08d}"
        controle = sum(int(c) * g for c, g in zip(acht, (9, 8, 7, 6, 5, 4, 3, 2), strict=True)) % 11
        if controle < 10 and acht.strip("0"):
            uit.add(acht + str(controle))
    return sorted(uit)


class Register:
    """The commands a feed gives, through the use cases, and the register's state folded from the log."""

    def __init__(self, samenstelling) -> None:
        self.s = samenstelling
        self.actor = Actor(FEED, FEED, "test")
        self.motor = samenstelling.motoren["gebruikers"]

    def importeer(self, regels: list[str]):
        verslag = self.s.portaal.importeer_gebruikers(io.StringIO(KOP + "".join(regels)), self.actor)
        self.s.na_commando(verslag.positie)
        return verslag

    def doe(self, commando, *args):
        self.s.na_commando(commando(*args, self.actor))

    def gebeurtenissen(self):
        positie = 0
        while gelezen := self.motor.bron.lees(positie, 1000):  # the log caps a read at a few dozen
            yield from gelezen
            positie = gelezen[-1].positie

    def gevouwen(self):
        """(boxes, switch-offs) per BSN from the events alone, applied in log order, row by row."""
        box: dict[int, tuple] = {}
        uit: dict[tuple[int, str], tuple] = {}
        for g in self.gebeurtenissen():
            moment = microseconden(g.event.timestamp)
            if g.naam.endswith("StatesRecorded"):
                e = g.event
                for i, bsn in enumerate(e.bsns):
                    box[bsn] = (e.van[i], e.tot[i])
                    genoemd = {oin: sinds for rij, oin, sinds in e.uit if rij == i}
                    for (b, oin), (van, tot) in list(uit.items()):
                        if b == bsn and tot is None and oin not in genoemd:
                            uit[b, oin] = (van, max(van, moment))
                    for oin, sinds in genoemd.items():
                        if uit.get((bsn, oin)) != (sinds, None):
                            uit[bsn, oin] = (sinds, None)
            elif g.naam.endswith("MutationsRecorded"):
                for m in g.event.mutaties:
                    _pas_toe(box, uit, m)
        return box, uit


def _pas_toe(box, uit, m) -> None:
    soort, bsn = m[0], m[1]
    if soort == "actief":
        box[bsn] = (m[2], m[3])
    elif soort == "gesloten" and bsn in box:
        van, tot = box[bsn]
        if tot is None or tot > m[2]:
            box[bsn] = (van, max(van, m[2]))
    elif soort == "uit" and (uit.get((bsn, m[2])) or (0, 0))[1] is not None:
        uit[bsn, m[2]] = (m[3], None)
    elif soort == "aan" and (uit.get((bsn, m[2])) or (0, 0))[1] is None:
        van, _ = uit[bsn, m[2]]
        uit[bsn, m[2]] = (van, max(van, m[3]))


def actief_op(interval, moment: int) -> bool:
    van, tot = interval
    return van <= moment and (tot is None or tot > moment)


def tellingen_op(box, uit, dag: int, afnemer: str) -> tuple[int, int]:
    """Active at the end of the (Dutch) day, counted citizen by citizen."""

    def telt(van, tot) -> bool:
        return (tot is None or van < tot) and dag_van(van) <= dag and (tot is None or dag_van(tot) > dag)

    actief = sum(1 for van, tot in box.values() if telt(van, tot))
    uitgeschakeld = 0
    for (bsn, oin), (uit_van, uit_tot) in uit.items():
        if oin != afnemer or bsn not in box:
            continue
        van, tot = box[bsn]
        begin = max(van, uit_van)
        einde = min((t for t in (tot, uit_tot) if t is not None), default=None)
        uitgeschakeld += telt(begin, einde)
    return actief, uitgeschakeld


@pytest.fixture
def register(samenstelling):
    return Register(samenstelling)


def willekeurige_geschiedenis(register: Register, rng: random.Random, klok) -> list[str]:
    bsns = geldige_bsns(120, rng)
    begin = date(2025, 10, 1)

    def moment(dagen: int) -> str:
        return (begin + timedelta(days=dagen)).isoformat()

    for ronde in range(3):
        regels = []
        for bsn in rng.sample(bsns, 80):
            van = rng.randrange(60)
            tot = moment(van + rng.randrange(1, 60)) if rng.random() < 0.3 else ""
            gekozen = rng.sample(AFNEMERS, rng.choice([0, 0, 1, 2]))
            uit = " ".join(
                f"{o}@{moment(van + rng.randrange(40))}" if rng.random() < 0.5 else str(o) for o in gekozen
            )
            regels.append(f"{bsn};{moment(van)};{tot};{uit}\n")
        register.importeer(regels)
        klok.nu += timedelta(days=7 + ronde)
        for _ in range(25):
            bsn, afnemer = Bsn(rng.choice(bsns)), rng.choice(AFNEMERS)
            keuze = rng.randrange(4)
            if keuze == 0:
                van = datetime(2025, 11, 1, tzinfo=UTC) + timedelta(hours=rng.randrange(2000))
                register.doe(register.s.portaal.zet_berichtenbox, bsn, van, None)
            elif keuze == 1:
                register.doe(register.s.portaal.sluit_berichtenbox, bsn)
            elif keuze == 2:
                register.doe(register.s.portaal.schakel_afnemer_uit, bsn, afnemer)
            else:
                register.doe(register.s.portaal.schakel_afnemer_in, bsn, afnemer)
    return bsns


@pytest.mark.parametrize("zaad", [1, 2, 3])
def test_the_register_equals_the_fold_of_its_events_and_a_replay(register, samenstelling, klok, zaad):
    bsns = willekeurige_geschiedenis(register, random.Random(zaad), klok)
    box, uit = register.gevouwen()
    with samenstelling.engine.connect() as c:
        rijen = c.exec_driver_sql("SELECT bsn, van, tot FROM berichtenbox_gebruikers").all()
        uit_rijen = c.exec_driver_sql("SELECT bsn, afnemer, van, tot FROM berichtenbox_uitschakelingen").all()
    assert {b: (v, t) for b, v, t in rijen} == box
    assert {(b, a): (v, t) for b, a, v, t in uit_rijen} == uit
    assert verifieer_alles(register.motor) == []

    for moment in [datetime(2025, 10, 20, tzinfo=UTC), datetime(2025, 12, 1, tzinfo=UTC), klok.nu]:
        for afnemer in AFNEMERS[:2]:
            m = microseconden(moment)
            verwacht = {
                f"{b:09d}"
                for b, interval in box.items()
                if actief_op(interval, m) and not actief_op(uit.get((b, afnemer.waarde), (m + 1, None)), m)
            }
            assert samenstelling.lezen.berichtenbox_ontvangers(bsns, afnemer, moment) == verwacht

    afnemer = AFNEMERS[0]
    dagen = samenstelling.lezen.gebruikers_per_dag(afnemer, date(2025, 9, 28), date(2026, 2, 15))
    for telling in dagen[::3]:
        actief, uitgeschakeld = tellingen_op(box, uit, telling.dag.toordinal(), afnemer.waarde)
        assert (telling.dag, telling.actief, telling.uitgeschakeld) == (telling.dag, actief, uitgeschakeld)
        assert telling.ontvangend == actief - uitgeschakeld


def test_a_box_is_active_from_van_until_tot_and_a_switch_off_holds_for_that_afnemer_only(
    register, samenstelling
):
    register.importeer(
        [
            "999999990;2024-01-01;;\n",
            "123456782;2024-01-01;2024-06-01;\n",
            f"111222333;2024-02-01;;{AFNEMERS[0]}@2024-03-01\n",
        ]
    )
    ontvangers = samenstelling.lezen.berichtenbox_ontvangers
    alle = ["999999990", "123456782", "111222333", "000000000", "12"]
    op = datetime(2024, 4, 1, tzinfo=UTC)
    assert ontvangers(alle, AFNEMERS[0], op) == {"999999990", "123456782"}
    assert ontvangers(alle, AFNEMERS[1], op) == {"999999990", "123456782", "111222333"}
    assert ontvangers(alle, AFNEMERS[1], datetime(2024, 7, 1, tzinfo=UTC)) == {"999999990", "111222333"}
    assert ontvangers(alle, AFNEMERS[1], datetime(2023, 12, 31, 22, 59, tzinfo=UTC)) == set()
    assert ontvangers([], AFNEMERS[1], op) == set()


def test_switched_on_again_the_afnemer_reaches_the_citizen_and_a_closed_box_reaches_nobody(
    register, samenstelling, klok
):
    register.importeer([f"111222333;2024-02-01;;{AFNEMERS[0]}\n", "999999990;2024-01-01;;\n"])
    register.doe(samenstelling.portaal.schakel_afnemer_in, Bsn("111222333"), AFNEMERS[0])
    register.doe(samenstelling.portaal.sluit_berichtenbox, Bsn("999999990"))
    assert samenstelling.lezen.berichtenbox_ontvangers(["111222333", "999999990"], AFNEMERS[0], klok.nu) == {
        "111222333"
    }


def test_a_later_file_without_an_afnemer_switches_it_on_again_and_importing_twice_changes_nothing(
    register, samenstelling, klok
):
    regel = f"111222333;2024-02-01;;{AFNEMERS[0]} {AFNEMERS[1]}\n"
    register.importeer([regel])
    register.importeer([regel])
    _, uit = register.gevouwen()
    assert all(tot is None for _, tot in uit.values())
    register.importeer([f"111222333;2024-02-01;;{AFNEMERS[1]}\n"])
    assert samenstelling.lezen.berichtenbox_ontvangers(["111222333"], AFNEMERS[0], klok.nu) == {"111222333"}
    assert samenstelling.lezen.berichtenbox_ontvangers(["111222333"], AFNEMERS[1], klok.nu) == set()


def test_the_daily_counts_need_no_citizens_and_an_afnemer_sees_those_who_did_not_switch_it_off(
    register, samenstelling
):
    register.importeer(
        [
            "999999990;2024-01-01;2024-01-03;\n",
            f"123456782;2024-01-02;;{AFNEMERS[0]}@2024-01-03\n",
        ]
    )
    dagen = samenstelling.lezen.gebruikers_per_dag(AFNEMERS[0], date(2023, 12, 31), date(2024, 1, 4))
    assert [(d.dag.day, d.actief, d.uitgeschakeld, d.ontvangend) for d in dagen] == [
        (31, 0, 0, 0),
        (1, 1, 0, 1),
        (2, 2, 0, 2),
        (3, 1, 1, 0),
        (4, 1, 1, 0),
    ]
    zonder_afnemer = samenstelling.lezen.gebruikers_per_dag(None, date(2024, 1, 2), date(2024, 1, 2))
    assert [(d.actief, d.uitgeschakeld) for d in zonder_afnemer] == [(2, 0)]


def test_a_day_whose_changes_cancel_out_has_no_row_live_or_rebuilt(register, samenstelling):
    register.importeer(["999999990;2024-01-01;;\n"])
    register.doe(
        samenstelling.portaal.zet_berichtenbox, Bsn("999999990"), datetime(2024, 2, 1, tzinfo=UTC), None
    )
    with samenstelling.engine.connect() as c:
        rijen = c.exec_driver_sql("SELECT afnemer, dag, verschil FROM berichtenbox_per_dag").all()
    assert rijen == [("", date(2024, 2, 1).toordinal(), 1)]
    assert verifieer_alles(register.motor) == []


def test_catching_up_twice_counts_nothing_twice(register, samenstelling):
    register.importeer(["999999990;2024-01-01;;\n"])
    register.motor.bijwerken()
    register.motor.herbouw()
    register.motor.bijwerken()
    dagen = samenstelling.lezen.gebruikers_per_dag(None, date(2024, 1, 1), date(2024, 1, 1))
    assert [d.actief for d in dagen] == [1]


def test_moments_are_kept_to_the_microsecond(register, samenstelling):
    van = datetime(2024, 1, 1, 10, 0, 0, 123456, tzinfo=UTC)
    register.doe(samenstelling.portaal.zet_berichtenbox, Bsn("999999990"), van, None)
    box, _ = register.gevouwen()
    assert moment_van(box[999999990][0]) == van
