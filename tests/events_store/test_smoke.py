from domain.waarden import BerichttypeCode, Notificatiekenmerk
from tests.conftest import actor_voor


def test_a_created_berichttype_can_be_loaded_from_the_store(portaal, afnemer):
    portaal.maak_berichttype(
        afnemer, BerichttypeCode("AB1"), "Aanslag", Notificatiekenmerk.BETALEN, actor_voor(afnemer)
    )
    assert portaal.berichttype(afnemer, BerichttypeCode("AB1")).omschrijving == "Aanslag"
