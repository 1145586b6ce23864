import pytest

from domain.fouten import OngeldigeWaarde
from domain.waarden import Notificatiekenmerk, Rol
from tests.conftest import AFNEMER, BEHEERDER, INTERMEDIAIR, actor_voor


def test_a_contactbericht_is_stored_with_its_sender(portaal, afnemer):
    bericht_id = portaal.verstuur_contactbericht("Vraag", "Hoe koppel ik?", "a@b.nl", actor_voor(AFNEMER))
    opgeslagen = portaal.contactbericht(bericht_id)
    assert (opgeslagen.onderwerp, opgeslagen.afzender.oin, opgeslagen.email) == ("Vraag", AFNEMER, "a@b.nl")


@pytest.mark.parametrize("email", ["", "geen-apenstaart", "a@b", "a b@c.nl", "a@@b.nl"])
def test_a_contactbericht_needs_a_valid_email_address(portaal, email):
    with pytest.raises(OngeldigeWaarde) as fout:
        portaal.verstuur_contactbericht("Vraag", "Tekst", email, actor_voor(AFNEMER))
    assert fout.value.veld == "email"


@pytest.mark.parametrize(
    ("veld", "onderwerp", "bericht"), [("onderwerp", "x" * 101, "t"), ("bericht", "o", "x" * 2001)]
)
def test_a_contactbericht_keeps_the_length_limits(portaal, veld, onderwerp, bericht):
    with pytest.raises(OngeldigeWaarde) as fout:
        portaal.verstuur_contactbericht(onderwerp, bericht, "a@b.nl", actor_voor(AFNEMER))
    assert fout.value.veld == veld


def test_contactberichten_are_listed_newest_first(portaal):
    for onderwerp in ("eerste", "tweede"):
        portaal.verstuur_contactbericht(onderwerp, "t", "a@b.nl", actor_voor(AFNEMER))
    assert [c.onderwerp for c in portaal.contactberichten()] == ["tweede", "eerste"]


def test_withdrawn_mededelingen_are_left_out_unless_asked_for(portaal):
    blijft = portaal.plaats_mededeling("Onderhoud", "Zaterdag", actor_voor(BEHEERDER))
    weg = portaal.plaats_mededeling("Oud", "Voorbij", actor_voor(BEHEERDER))
    portaal.trek_mededeling_in(weg, actor_voor(BEHEERDER))
    assert [m.id for m in portaal.mededelingen()] == [blijft]
    assert {m.id for m in portaal.mededelingen(ook_ingetrokken=True)} == {blijft, weg}


def test_organisaties_are_listed_by_name(portaal, afnemer):
    portaal.registreer_organisatie(
        INTERMEDIAIR, "Aa Leverancier", Rol.INTERMEDIAIR, list(Notificatiekenmerk), actor_voor(BEHEERDER)
    )
    assert [o.naam for o in portaal.organisaties()] == ["Aa Leverancier", "Gemeente Voorbeeldstad"]
