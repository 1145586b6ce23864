import pytest

from domain.fouten import OngeldigeWaarde
from tests.conftest import AFNEMER, actor_voor


def test_a_contactbericht_is_stored_with_its_sender(portaal, afnemer):
    bericht_id = portaal.verstuur_contactbericht("Vraag", "Hoe koppel ik?", "a@b.nl", actor_voor(AFNEMER)).id
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
