from datetime import timedelta

import pytest

from domain.identiteit import dienst_id
from domain.waarden import BerichttypeCode, DienstId, Notificatiekenmerk, Oin, Rol, Status
from projections import queries
from projections.motor import Projectiemotor
from tests.conftest import ANDERE_AFNEMER, BEHEERDER, actor_voor


class Handelingen:
    """Short commands for projection tests: every call is a real command on the portaal."""

    def __init__(self, portaal, afnemer: Oin, motor: Projectiemotor) -> None:
        self.portaal = portaal
        self.motor = motor
        self.afnemer = afnemer
        self.actor = actor_voor(afnemer)

    def berichttype(self, code: str, omschrijving: str = "Omschrijving", kenmerk=Notificatiekenmerk.BETALEN):
        self.portaal.maak_berichttype(self.afnemer, BerichttypeCode(code), omschrijving, kenmerk, self.actor)

    def status(self, code: str, status: Status):
        self.portaal.wijzig_berichttype_status(self.afnemer, BerichttypeCode(code), status, self.actor)

    def dienst(self, dienst_id: str, omschrijving: str = "Een dienst"):
        self.portaal.maak_dienst(self.afnemer, DienstId(dienst_id), omschrijving, self.actor)

    def koppel(self, dienst_id: str, code: str):
        self.portaal.koppel(self.afnemer, DienstId(dienst_id), BerichttypeCode(code), self.actor)

    def ontkoppel(self, dienst_id: str, code: str):
        self.portaal.ontkoppel(self.afnemer, DienstId(dienst_id), BerichttypeCode(code), self.actor)

    def deactiveer(self, dienst_id: str):
        self.portaal.deactiveer_dienst(self.afnemer, DienstId(dienst_id), self.actor)

    def activeer(self, dienst_id: str):
        self.portaal.activeer_dienst(self.afnemer, DienstId(dienst_id), self.actor)

    def bijwerken(self) -> int:
        return self.motor.bijwerken()


@pytest.fixture
def motor(samenstelling) -> Projectiemotor:
    """The projection engine the composition root built for this test's process; a test wanting a newly
    started process makes another `Projectiemotor(portaal)`."""
    return samenstelling.motor


@pytest.fixture
def doe(portaal, afnemer, motor):
    return Handelingen(portaal, afnemer, motor)


@pytest.fixture
def andere_afnemer(portaal):
    portaal.registreer_organisatie(
        ANDERE_AFNEMER, "Gemeente Anderstad", Rol.AFNEMER, list(Notificatiekenmerk), actor_voor(BEHEERDER)
    )
    return ANDERE_AFNEMER


def dienst_regel(portaal, afnemer: Oin, waarde: str):
    """The overzicht row of one dienst, found as the pages find it: by its URL key."""
    return queries.dienst_met_sleutel(portaal, afnemer, dienst_id(afnemer, DienstId(waarde)))


def net_na(moment):
    return moment + timedelta(microseconds=1)
