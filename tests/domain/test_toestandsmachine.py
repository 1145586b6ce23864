"""Berichttypes and Diensten driven through random command sequences against a plain model.

The aggregates live in memory, each change is saved to a real SQLite event store, and every step checks
that what the store gives back equals what is in memory.
"""

import tempfile
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from domain.berichttype import Berichttype
from domain.bijlage_limieten import MAX_STANDAARD_BIJLAGEN, MAX_STANDAARD_TOTAAL_BYTES
from domain.dienst import Dienst
from domain.fouten import DomeinFout
from domain.waarden import BerichttypeCode, DienstId, Notificatiekenmerk, Status
from tests.domain.maak import AFNEMER, ALLE_KENMERKEN, DOOR, bijlage, moment
from tests.support.proefportaal import open_proefportaal

CODES = st.sampled_from(["A", "a", "C1"])
DIENST_IDS = st.sampled_from(["Toeslagen", "toeslagen", "Toeslagen "])
GROOTTES = st.sampled_from([10_000, 700_000, 1_000_000])
# The lifecycle written out again, independently of the domain's table.
OVERGANGEN = {
    Status.NIEUW: {Status.ACTIEF},
    Status.ACTIEF: {Status.INACTIEF, Status.ARCHIEF},
    Status.INACTIEF: {Status.ACTIEF, Status.ARCHIEF},
    Status.ARCHIEF: set(),
}


@dataclass
class ModelBerichttype:
    status: Status = Status.NIEUW
    bijlagen: list[tuple[str, int]] = field(default_factory=list)


@dataclass
class ModelDienst:
    actief: bool = True
    gekoppeld: set[str] = field(default_factory=set)


class Portaalmodel(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.map = tempfile.TemporaryDirectory()
        self.portaal = open_proefportaal(f"sqlite:///{Path(self.map.name) / 'es.sqlite3'}")
        self.stap = 0
        self.berichttypes: dict[str, Berichttype] = {}
        self.diensten: dict[str, Dienst] = {}
        self.model_bt: dict[str, ModelBerichttype] = {}
        self.model_di: dict[str, ModelDienst] = {}
        self.ooit_gearchiveerd: set[str] = set()
        self.bijlagen_bij_vertrek: dict[str, list[tuple[str, int]]] = {}
        self.volgnummer = 0

    def teardown(self) -> None:
        self.portaal.close()
        self.map.cleanup()

    def nu(self):
        self.stap += 1
        return moment(self.stap)

    def uitvoeren(self, aggregate, opdracht, verwacht_geweigerd: bool) -> bool:
        """Run one domain command; it must be refused exactly when the model says so."""
        try:
            opdracht()
        except DomeinFout:
            assert verwacht_geweigerd, "the model allowed what the domain refused"
            assert not aggregate.pending_events
            return False
        assert not verwacht_geweigerd, "the domain allowed what the model refuses"
        self.portaal.save(aggregate)
        return True

    # -- berichttypes --------------------------------------------------------------------------------

    @rule(code=CODES)
    def maak_berichttype(self, code: str) -> None:
        if code in self.berichttypes:
            assert self.portaal.repository.get(self.berichttypes[code].id).version >= 1
            return
        nieuw = Berichttype.aanmaken(
            AFNEMER,
            BerichttypeCode(code),
            f"Type {code}",
            Notificatiekenmerk.BETALEN,
            ALLE_KENMERKEN,
            DOOR,
            self.nu(),
        )
        self.portaal.save(nieuw)
        self.berichttypes[code], self.model_bt[code] = nieuw, ModelBerichttype()

    @precondition(lambda self: self.berichttypes)
    @rule(data=st.data(), naar=st.sampled_from(list(Status)))
    def wijzig_status(self, data, naar: Status) -> None:
        code = data.draw(st.sampled_from(sorted(self.berichttypes)))
        item, model = self.berichttypes[code], self.model_bt[code]
        toegestaan = naar in OVERGANGEN[model.status]
        if self.uitvoeren(item, lambda: item.wijzig_status(naar, DOOR, self.nu()), not toegestaan):
            if model.status is Status.NIEUW:
                self.bijlagen_bij_vertrek[code] = list(model.bijlagen)
            model.status = naar
            if naar is Status.ARCHIEF:
                self.ooit_gearchiveerd.add(code)

    @precondition(lambda self: self.berichttypes)
    @rule(data=st.data(), grootte=GROOTTES)
    def voeg_bijlage_toe(self, data, grootte: int) -> None:
        code = data.draw(st.sampled_from(sorted(self.berichttypes)))
        item, model = self.berichttypes[code], self.model_bt[code]
        self.volgnummer += 1
        nieuw = bijlage(grootte=grootte, nummer=self.volgnummer)
        past = (
            model.status is Status.NIEUW
            and len(model.bijlagen) < MAX_STANDAARD_BIJLAGEN
            and sum(g for _, g in model.bijlagen) + grootte <= MAX_STANDAARD_TOTAAL_BYTES
        )
        if self.uitvoeren(item, lambda: item.voeg_bijlage_toe(nieuw, DOOR, self.nu()), not past):
            model.bijlagen.append((nieuw.bijlage_id, grootte))

    @precondition(lambda self: any(m.bijlagen for m in self.model_bt.values()))
    @rule(data=st.data(), stap=st.sampled_from([-1, 1]))
    def verplaats_bijlage(self, data, stap: int) -> None:
        code = data.draw(st.sampled_from(sorted(c for c, m in self.model_bt.items() if m.bijlagen)))
        item, model = self.berichttypes[code], self.model_bt[code]
        positie = data.draw(st.integers(0, len(model.bijlagen) - 1))
        bijlage_id = model.bijlagen[positie][0]
        kan = model.status is Status.NIEUW and 0 <= positie + stap < len(model.bijlagen)
        if self.uitvoeren(item, lambda: item.verplaats_bijlage(bijlage_id, stap, DOOR, self.nu()), not kan):
            verplaatst = model.bijlagen.pop(positie)
            model.bijlagen.insert(positie + stap, verplaatst)

    @precondition(lambda self: any(m.bijlagen for m in self.model_bt.values()))
    @rule(data=st.data())
    def verwijder_bijlage(self, data) -> None:
        code = data.draw(st.sampled_from(sorted(c for c, m in self.model_bt.items() if m.bijlagen)))
        item, model = self.berichttypes[code], self.model_bt[code]
        bijlage_id = data.draw(st.sampled_from([b for b, _ in model.bijlagen]))
        if self.uitvoeren(
            item,
            lambda: item.verwijder_bijlage(bijlage_id, DOOR, self.nu()),
            model.status is not Status.NIEUW,
        ):
            model.bijlagen = [b for b in model.bijlagen if b[0] != bijlage_id]

    # -- diensten ------------------------------------------------------------------------------------

    @rule(dienst_id=DIENST_IDS)
    def maak_dienst(self, dienst_id: str) -> None:
        if dienst_id not in self.diensten:
            nieuw = Dienst.aanmaken(AFNEMER, DienstId(dienst_id), "Dienst", DOOR, self.nu())
            self.portaal.save(nieuw)
            self.diensten[dienst_id], self.model_di[dienst_id] = nieuw, ModelDienst()

    @precondition(lambda self: self.diensten and self.berichttypes)
    @rule(data=st.data())
    def koppel(self, data) -> None:
        dienst_id = data.draw(st.sampled_from(sorted(self.diensten)))
        code = data.draw(st.sampled_from(sorted(self.berichttypes)))
        item, model = self.diensten[dienst_id], self.model_di[dienst_id]
        status = self.model_bt[code].status
        kan = model.actief and status is not Status.ARCHIEF and code not in model.gekoppeld
        if self.uitvoeren(item, lambda: item.koppel(BerichttypeCode(code), status, DOOR, self.nu()), not kan):
            model.gekoppeld.add(code)

    @precondition(lambda self: self.diensten and self.berichttypes)
    @rule(data=st.data())
    def ontkoppel(self, data) -> None:
        dienst_id = data.draw(st.sampled_from(sorted(self.diensten)))
        code = data.draw(st.sampled_from(sorted(self.berichttypes)))
        item, model = self.diensten[dienst_id], self.model_di[dienst_id]
        if self.uitvoeren(
            item, lambda: item.ontkoppel(BerichttypeCode(code), DOOR, self.nu()), code not in model.gekoppeld
        ):
            model.gekoppeld.discard(code)

    @precondition(lambda self: self.diensten)
    @rule(data=st.data(), actief=st.booleans())
    def wijzig_dienststatus(self, data, actief: bool) -> None:
        dienst_id = data.draw(st.sampled_from(sorted(self.diensten)))
        item, model = self.diensten[dienst_id], self.model_di[dienst_id]
        opdracht = item.activeer if actief else item.deactiveer
        if self.uitvoeren(item, lambda: opdracht(DOOR, self.nu()), model.actief == actief):
            model.actief, model.gekoppeld = actief, set()

    # -- invariants ----------------------------------------------------------------------------------

    @invariant()
    def gearchiveerd_komt_nooit_terug(self) -> None:
        for code in self.ooit_gearchiveerd:
            assert self.berichttypes[code].status is Status.ARCHIEF

    @invariant()
    def bijlagen_veranderen_niet_buiten_nieuw(self) -> None:
        for code, bij_vertrek in self.bijlagen_bij_vertrek.items():
            assert [(b.bijlage_id, b.grootte) for b in self.berichttypes[code].bijlagen] == bij_vertrek

    @invariant()
    def inactieve_dienst_heeft_geen_open_koppelingen(self) -> None:
        for dienst in self.diensten.values():
            assert dienst.actief or not dienst.koppelingen

    @invariant()
    def geheugen_gelijk_aan_model(self) -> None:
        for code, item in self.berichttypes.items():
            assert item.status is self.model_bt[code].status
            assert [(b.bijlage_id, b.grootte) for b in item.bijlagen] == self.model_bt[code].bijlagen
        for dienst_id, item in self.diensten.items():
            assert {c.waarde for c in item.koppelingen} == self.model_di[dienst_id].gekoppeld

    @invariant()
    def herladen_uit_opslag_gelijk_aan_geheugen(self) -> None:
        for item in [*self.berichttypes.values(), *self.diensten.values()]:
            assert toestand(self.portaal.repository.get(item.id)) == toestand(item)


def toestand(aggregate) -> dict:
    return {k: v for k, v in vars(aggregate).items() if k != "_pending_events"}


Portaalmodel.TestCase.settings = settings(
    max_examples=150,
    stateful_step_count=40,
    deadline=timedelta(seconds=5),
    suppress_health_check=[HealthCheck.too_slow],
)
TestPortaalmodel = Portaalmodel.TestCase
