"""Property: for random machtigingen, links, unlinks, deactivations and reactivations on random clocks, the
access answer (through the read gateway, from the projections) equals a brute-force model written here from
the commands alone, for random (gemachtigde, belanghebbende, berichttype, T); and every uitleg names only
intervals that exist in the model's history.

Every example uses an afnemer and machtiging ids of its own, so examples share one database safely.
"""

import itertools
from datetime import datetime, timedelta

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from domain import machtigingen as mt
from domain.fouten import DomeinFout
from domain.waarden import BerichttypeCode, Bsn, DienstId, Notificatiekenmerk, Oin, Rol
from koppelvlak.voorbeeld import voorbeeld_bsns
from tests.conftest import BEHEERDER, actor_voor
from tests.projections.test_eigenschappen import StilleKlok
from tests.support.proefportaal import open_proefportaal

CODES = ["A1", "B2"]
DIENSTEN = ["Zorg", "zorg "]
BSNS = list(voorbeeld_bsns(3, seed=12))
_AFNEMERS = itertools.count(1)
_UUR = 3600


class Model:
    """The rule, brute force: every fact as the list of what happened to it, asked afresh for each T."""

    def __init__(self, begin: datetime) -> None:
        # The clock runs on from example to example: every moment of this one counts from here.
        self.begin = begin
        self.machtigingen: dict[str, dict] = {}
        self.dienst_gebeurtenissen: dict[str, list[tuple[datetime, bool]]] = {d: [] for d in DIENSTEN}
        self.koppel_gebeurtenissen: dict[tuple[str, str], list[tuple[datetime, bool]]] = {}
        self.actief: dict[str, bool] = {}
        self.gekoppeld: set[tuple[str, str]] = set()

    # -- what the commands did --

    def uur(self, n: int) -> datetime:
        return self.begin + timedelta(hours=n)

    def dienst_status(self, dienst: str, actief: bool, moment: datetime) -> None:
        self.dienst_gebeurtenissen[dienst].append((moment, actief))
        self.actief[dienst] = actief
        if not actief:
            for d, c in sorted(self.gekoppeld):
                if d == dienst:
                    self.koppel(d, c, False, moment)

    def koppel(self, dienst: str, code: str, aan: bool, moment: datetime) -> None:
        self.koppel_gebeurtenissen.setdefault((dienst, code), []).append((moment, aan))
        (self.gekoppeld.add if aan else self.gekoppeld.discard)((dienst, code))

    # -- the rule --

    @staticmethod
    def _laatste(gebeurtenissen, moment) -> bool:
        stand = False
        for wanneer, aan in gebeurtenissen:
            if wanneer <= moment:
                stand = aan
        return stand

    def geldig(self, m: dict, moment: datetime) -> bool:
        if not m["van"] <= moment:
            return False
        if m["tot"] is not None and moment >= m["tot"]:
            return False
        return m["ingetrokken"] is None or moment < m["ingetrokken"]

    def toegang(self, g: str, b: str, code: str, moment: datetime) -> bool:
        for m in self.machtigingen.values():
            if (m["g"], m["b"]) != (g, b) or not self.geldig(m, moment):
                continue
            d = m["dienst"]
            if self._laatste(self.dienst_gebeurtenissen[d], moment) and self._laatste(
                self.koppel_gebeurtenissen.get((d, code), []), moment
            ):
                return True
        return False

    # -- which intervals exist --

    @staticmethod
    def _perioden(gebeurtenissen) -> set[tuple[datetime, datetime | None]]:
        perioden, open_ = set(), None
        for wanneer, aan in gebeurtenissen:
            if aan and open_ is None:
                open_ = wanneer
            elif not aan and open_ is not None:
                perioden.add((open_, wanneer))
                open_ = None
        if open_ is not None:
            perioden.add((open_, None))
        return perioden

    def dienstperioden(self, dienst: str):
        return self._perioden(self.dienst_gebeurtenissen[dienst])

    def koppelperioden(self, dienst: str, code: str):
        return self._perioden(self.koppel_gebeurtenissen.get((dienst, code), []))

    def momenten(self) -> set[datetime]:
        uit = {w for g in self.dienst_gebeurtenissen.values() for w, _ in g}
        uit |= {w for g in self.koppel_gebeurtenissen.values() for w, _ in g}
        for m in self.machtigingen.values():
            uit |= {e for e in (m["van"], m["tot"], m["ingetrokken"]) if e is not None}
        return uit

    def machtiging_bestaat(self, id_: str, van: datetime, tot: datetime | None) -> bool:
        m = self.machtigingen.get(id_)
        if m is None or m["van"] != van:
            return False
        einden = [e for e in (m["tot"], m["ingetrokken"]) if e is not None]
        return tot == (max(van, min(einden)) if einden else None)


@pytest.fixture
def toegang_klok():
    return StilleKlok()


@pytest.fixture
def toegangsportaal(database_url, toegang_klok):
    app = open_proefportaal(database_url, klok=toegang_klok)
    yield app
    app.close()


_UREN = st.integers(-2, 20)
_MACHTIG = st.tuples(
    st.just("machtig"),
    st.integers(0, 3),
    st.tuples(
        st.integers(0, 2), st.integers(1, 2), st.sampled_from(DIENSTEN), _UREN, st.one_of(st.none(), _UREN)
    ),
)
_STAP = st.sampled_from([0, 1, 7, _UUR, 2 * _UUR])
_ACTIE = st.one_of(
    st.tuples(st.just("koppel"), st.sampled_from(DIENSTEN), st.sampled_from(CODES)),
    st.tuples(st.just("koppel"), st.sampled_from(DIENSTEN), st.sampled_from(CODES)),
    st.tuples(st.just("ontkoppel"), st.sampled_from(DIENSTEN), st.sampled_from(CODES)),
    st.tuples(st.just("deactiveer"), st.sampled_from(DIENSTEN), st.just("")),
    st.tuples(st.just("activeer"), st.sampled_from(DIENSTEN), st.just("")),
    _MACHTIG,
    _MACHTIG,
    _MACHTIG,
    st.tuples(st.just("beeindig"), st.integers(0, 3), _UREN),
    st.tuples(st.just("trek_in"), st.integers(0, 3), _UREN),
)
historie = st.lists(st.tuples(_ACTIE, _STAP), min_size=3, max_size=30)
vragen = st.lists(
    st.tuples(
        st.integers(0, 2), st.integers(0, 2), st.sampled_from(CODES), st.integers(-2 * _UUR, 40 * _UUR)
    ),
    min_size=5,
    max_size=15,
)


def _machtig(portaal, model: Model, actor, afnemer: Oin, id_: str, gegevens) -> None:
    b, verschil, dienst, van_uur, tot_uur = gegevens
    g = (b + verschil) % len(BSNS)
    van, tot = model.uur(van_uur), None if tot_uur is None else model.uur(van_uur + abs(tot_uur) + 1)
    mutatie = mt.stand(id_, Bsn(BSNS[b]), Bsn(BSNS[g]), afnemer, DienstId(dienst), van, tot)
    portaal.leg_machtigingen_vast([mutatie], actor)
    model.machtigingen[id_] = {
        "b": BSNS[b],
        "g": BSNS[g],
        "dienst": dienst,
        "van": van,
        "tot": tot,
        "ingetrokken": None,
    }


def _speel(portaal, klok: StilleKlok, afnemer: Oin, stappen, prefix: str) -> Model:
    model, actor = Model(klok.nu), actor_voor(afnemer)
    feed = actor_voor(BEHEERDER)
    for code in CODES:
        portaal.maak_berichttype(
            afnemer, BerichttypeCode(code), "Omschrijving", Notificatiekenmerk.BETALEN, actor
        )
    for dienst in DIENSTEN:
        klok.nu += timedelta(seconds=1)
        portaal.maak_dienst(afnemer, DienstId(dienst), "Een dienst", actor)
        model.dienst_status(dienst, True, klok.nu)
    for (actie, a, b), seconden in stappen:
        klok.nu += timedelta(seconds=seconden, microseconds=1)
        id_ = f"{prefix}-{a}"
        if actie == "machtig":
            _machtig(portaal, model, feed, afnemer, id_, b)
        elif actie in ("beeindig", "trek_in"):
            moment = model.uur(b)
            mutatie = mt.beeindigd(id_, moment) if actie == "beeindig" else mt.ingetrokken(id_, moment)
            portaal.leg_machtigingen_vast([mutatie], feed)
            if id_ in model.machtigingen:
                model.machtigingen[id_]["tot" if actie == "beeindig" else "ingetrokken"] = moment
        else:
            _configuratie(portaal, model, klok, afnemer, actie, a, b)
    return model


def _configuratie(portaal, model: Model, klok, afnemer: Oin, actie: str, dienst: str, code: str) -> None:
    actor, d = actor_voor(afnemer), DienstId(dienst)
    try:
        if actie == "koppel":
            portaal.koppel(afnemer, d, BerichttypeCode(code), actor)
        elif actie == "ontkoppel":
            portaal.ontkoppel(afnemer, d, BerichttypeCode(code), actor)
        elif actie == "deactiveer":
            portaal.deactiveer_dienst(afnemer, d, actor)
        else:
            portaal.activeer_dienst(afnemer, d, actor)
    except DomeinFout:
        return
    if actie in ("koppel", "ontkoppel"):
        model.koppel(dienst, code, actie == "koppel", klok.nu)
    else:
        model.dienst_status(dienst, actie == "activeer", klok.nu)


def _controleer_uitleg(model: Model, besluit, code: str) -> None:
    machtigingen = [*besluit.machtigingen, *(g.machtiging for g in besluit.gronden)]
    perioden = [*besluit.dienstperioden, *(g.dienst for g in besluit.gronden)]
    koppelingen = [*besluit.koppelingen, *(g.koppeling for g in besluit.gronden)]
    for m in machtigingen:
        assert model.machtiging_bestaat(m.machtiging_id, m.van, m.tot), m
    for p in perioden:
        assert (p.van, p.tot) in model.dienstperioden(p.dienst_id), p
    for k in koppelingen:
        assert k.code == code and (k.van, k.tot) in model.koppelperioden(k.dienst_id, k.code), k


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(stappen=historie, vragen=vragen, willekeur=st.randoms(use_true_random=False))
def test_the_access_answer_equals_a_brute_force_model(
    toegangsportaal, toegang_klok, stappen, vragen, willekeur
):
    nummer = next(_AFNEMERS)
    afnemer = Oin(f"00000099{nummer + 500:012d}")
    toegangsportaal.registreer_organisatie(
        afnemer, "Afnemer", Rol.AFNEMER, list(Notificatiekenmerk), actor_voor(BEHEERDER)
    )
    model = _speel(toegangsportaal, toegang_klok, afnemer, stappen, f"E{nummer}")

    def kies(grenzen, aantal):
        return willekeur.sample(grenzen, min(aantal, len(grenzen)))

    lezen = toegangsportaal.samenstelling.lezen
    for g, b, code, moment in _vragen(model, vragen, kies):
        besluit = lezen.toegang(g, b, afnemer, code, moment)
        assert besluit.toegang == model.toegang(g, b, code, moment), (g, b, code, moment)
        _controleer_uitleg(model, besluit, code)
        event(besluit.reden or "toegang")


def _vragen(model: Model, vragen, kies) -> list[tuple[str, str, str, datetime]]:
    """The random questions, and for the machtigingen that exist, questions at the moments that matter:
    every moment something began or ended, and a microsecond either side."""
    gevraagd = [(BSNS[g], BSNS[b], code, model.begin + timedelta(seconds=s)) for g, b, code, s in vragen]
    grenzen = sorted({w + timedelta(microseconds=d) for w in model.momenten() for d in (-1, 0, 1)})
    for m in model.machtigingen.values():
        for code in CODES:
            for moment in kies(grenzen, 6):
                gevraagd.append((m["g"], m["b"], code, moment))
    return gevraagd
