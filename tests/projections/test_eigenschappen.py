"""Property: for random command histories on random clocks, the projection as of T, the replay as of T and
a plain in-memory model agree, for every moment T that matters (each command's moment and just around it).

Every example uses an afnemer of its own, so examples share one database (SQLite or PostgreSQL) safely.
"""

import itertools
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from domain.fouten import DomeinFout
from domain.waarden import BerichttypeCode, DienstId, Notificatiekenmerk, Oin, Rol, Status
from projections import asof
from projections.motor import Projectiemotor
from projections.replay import koppelingen_uit_events
from tests.conftest import BEHEERDER, actor_voor
from tests.projections.model import Model
from tests.support.proefportaal import open_proefportaal

CODES = ["A1", "a1", "B2"]
DIENSTEN = ["Zorg", "zorg", "Zorg "]
_AFNEMERS = itertools.count(1)


class StilleKlok:
    """A clock the test moves itself; reading it does not move it, so a refused command costs no time."""

    def __init__(self) -> None:
        self.nu = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.nu


@pytest.fixture
def stille_klok():
    return StilleKlok()


@pytest.fixture
def klokportaal(database_url, stille_klok):
    app = open_proefportaal(database_url, klok=stille_klok)
    yield app
    app.close()


@pytest.fixture
def klokmotor(klokportaal) -> Projectiemotor:
    return klokportaal.samenstelling.motor


_STAP = st.sampled_from([0, 0, 1, 2, 7, 3600])
_BEGIN = [("berichttype", DIENSTEN[0], code) for code in CODES] + [("dienst", d, CODES[0]) for d in DIENSTEN]

# Every history starts by creating all berichttypes and diensten (on random clocks), then mostly links and
# unlinks, so that most examples reach the interesting cases: relinks, deactivation, equal moments.
stappen = st.tuples(
    st.lists(_STAP, min_size=len(_BEGIN), max_size=len(_BEGIN)),
    st.lists(
        st.tuples(
            st.sampled_from(
                ["koppel"] * 4
                + ["ontkoppel"] * 3
                + ["deactiveer", "activeer", "activeer_bt", "archiveer", "bijwerken"]
            ),
            st.sampled_from(DIENSTEN),
            st.sampled_from(CODES),
            _STAP,
        ),
        min_size=5,
        max_size=40,
    ),
).map(lambda t: [(*b, s) for b, s in zip(_BEGIN, t[0], strict=True)] + t[1])


def _commando(portaal, afnemer: Oin, actie: str, dienst: str, code: str):
    actor, d, c = actor_voor(afnemer), DienstId(dienst), BerichttypeCode(code)
    commandos = {
        "berichttype": lambda: portaal.maak_berichttype(
            afnemer, c, "Omschrijving", Notificatiekenmerk.BETALEN, actor
        ),
        "activeer_bt": lambda: portaal.wijzig_berichttype_status(afnemer, c, Status.ACTIEF, actor),
        "archiveer": lambda: portaal.wijzig_berichttype_status(afnemer, c, Status.ARCHIEF, actor),
        "dienst": lambda: portaal.maak_dienst(afnemer, d, "Een dienst", actor),
        "koppel": lambda: portaal.koppel(afnemer, d, c, actor),
        "ontkoppel": lambda: portaal.ontkoppel(afnemer, d, c, actor),
        "deactiveer": lambda: portaal.deactiveer_dienst(afnemer, d, actor),
        "activeer": lambda: portaal.activeer_dienst(afnemer, d, actor),
    }
    return commandos[actie]


def _model_stap(model: Model, actie: str, dienst: str, code: str, moment) -> bool:
    return {
        "berichttype": lambda: model.berichttype(code, moment),
        "activeer_bt": lambda: model.status(code, "Actief", moment),
        "archiveer": lambda: model.status(code, "Archief", moment),
        "dienst": lambda: model.dienst(dienst, moment),
        "koppel": lambda: model.koppel(dienst, code, moment),
        "ontkoppel": lambda: model.ontkoppel(dienst, code, moment),
        "deactiveer": lambda: model.deactiveer(dienst, moment),
        "activeer": lambda: model.activeer(dienst, moment),
    }[actie]()


def _speel(portaal, motor: Projectiemotor, klok: StilleKlok, afnemer: Oin, historie) -> Model:
    model = Model()
    for actie, dienst, code, seconden in historie:
        klok.nu += timedelta(seconds=seconden, microseconds=1 if seconden else 0)
        if actie == "bijwerken":
            motor.bijwerken()
            continue
        verwacht = _model_stap(model, actie, dienst, code, klok.nu)
        try:
            _commando(portaal, afnemer, actie, dienst, code)()
            gelukt = True
        except DomeinFout:
            gelukt = False
        assert gelukt == verwacht, (actie, dienst, code)
    return model


def _momenten(model: Model) -> list[datetime]:
    rond = {m + timedelta(microseconds=d) for m in model.momenten for d in (-1, 0, 1)}
    return sorted(rond | {datetime(2000, 1, 1, tzinfo=UTC)})


def _controleer(portaal, motor: Projectiemotor, afnemer: Oin, model: Model) -> None:
    for moment in _momenten(model):
        verwacht = {(str(afnemer), d, c, van) for d, c, van in model.op(moment)}
        projectie = {k.sleutel for k in asof.koppelingen_op(portaal, afnemer, moment)}
        replay = koppelingen_uit_events(motor.bron, moment, afnemer)
        assert projectie == verwacht, moment
        assert replay == verwacht, moment
        for dienst in DIENSTEN:
            codes = sorted(c for d, c, _ in model.op(moment) if d == dienst)
            assert asof.berichttypes_van_dienst_op(portaal, afnemer, dienst, moment) == codes
        for code in CODES:
            diensten = sorted(d for d, c, _ in model.op(moment) if c == code)
            assert asof.diensten_van_berichttype_op(portaal, afnemer, code, moment) == diensten


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(historie=stappen)
def test_projection_replay_and_model_agree_as_of_every_moment(klokportaal, klokmotor, stille_klok, historie):
    afnemer = Oin(f"00000099{next(_AFNEMERS):012d}")
    klokportaal.registreer_organisatie(
        afnemer, "Afnemer", Rol.AFNEMER, list(Notificatiekenmerk), actor_voor(BEHEERDER)
    )
    model = _speel(klokportaal, klokmotor, stille_klok, afnemer, historie)
    klokmotor.bijwerken()
    _controleer(klokportaal, klokmotor, afnemer, model)
