"""What counts is the world at processing time (manual, chapter 4): a berichttype deactivated while its
berichten are underway refuses them; a citizen who closed the Berichtenbox meanwhile no longer receives."""

from datetime import timedelta

from domain.waarden import BerichttypeCode, Bsn, Status
from service_layer.samenstelling import bouw
from tests.conftest import AFNEMER, actor_voor
from tests.support.proefportaal import Proefportaal
from tests.verwerking.wereld import FEED, batch_stroom, richt_in
from tests.web.api.hulp import MET_BOX, bericht


def test_a_berichttype_deactivated_and_a_box_closed_while_underway_decide_at_processing(database_url, klok):
    samenstelling = bouw({}, url=database_url, klok=klok, werker=True)
    try:
        portaal = Proefportaal(samenstelling)
        richt_in(portaal, klok.nu)
        berichten = [bericht(0), bericht(1), bericht(2, gebruiker=MET_BOX[1])]
        aanlevering = portaal.lever_batch_aan(batch_stroom(0, berichten, klok.nu), AFNEMER, "test")
        samenstelling.na_commando(*aanlevering.vastgelegd)
        assert samenstelling.lezen.verslag(aanlevering.batch_id).afgerond is False

        portaal.wijzig_berichttype_status(
            AFNEMER, BerichttypeCode("AANSLAG"), Status.INACTIEF, actor_voor(AFNEMER)
        )
        klok.nu += timedelta(minutes=5)
        portaal.sluit_berichtenbox(Bsn(MET_BOX[1]), actor_voor(FEED), klok.nu)
        klok.nu += timedelta(minutes=5)
        portaal.wijzig_berichttype_status(
            AFNEMER, BerichttypeCode("AANSLAG"), Status.ACTIEF, actor_voor(AFNEMER)
        )
        portaal.bijwerken()
        # Deactivated and active again: only the box closed meanwhile still counts.
        samenstelling.verwerker.verwerk_wachtende()
        portaal.bijwerken()
        verslag = samenstelling.lezen.verslag(aanlevering.batch_id)
        assert [(u.code.value, u.stadium.value) for u in verslag.uitkomsten] == [
            ("Verwerkt", "NA"),
            ("NietActiefOfGeabonneerd", "ValidateGebruiker"),
            ("NietActiefOfGeabonneerd", "ValidateGebruiker"),
        ]
    finally:
        samenstelling.sluit()


def test_a_berichttype_deactivated_while_underway_refuses_its_berichten(database_url, klok):
    samenstelling = bouw({}, url=database_url, klok=klok, werker=True)
    try:
        portaal = Proefportaal(samenstelling)
        richt_in(portaal, klok.nu)
        aanlevering = portaal.lever_batch_aan(batch_stroom(0, [bericht(0)], klok.nu), AFNEMER, "test")
        portaal.wijzig_berichttype_status(
            AFNEMER, BerichttypeCode("AANSLAG"), Status.INACTIEF, actor_voor(AFNEMER)
        )
        portaal.bijwerken()
        samenstelling.verwerker.verwerk_wachtende()
        portaal.bijwerken()
        verslag = samenstelling.lezen.verslag(aanlevering.batch_id)
        assert [(u.code.value, u.stadium.value) for u in verslag.uitkomsten] == [
            ("BerichtTypeNietOndersteund", "ValidateBerichtType")
        ]
    finally:
        samenstelling.sluit()
