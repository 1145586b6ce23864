import pytest
from cryptography.x509.oid import ExtendedKeyUsageOID

from domain.waarden import Notificatiekenmerk, Oin, Rol
from tests.conftest import AFNEMER, BEHEERDER, INTERMEDIAIR, actor_voor
from tests.pki import maak
from tests.web.helpers import controleer_pagina, foutmeldingen, meldingen

GELDIG_TOT = maak.NU + 300 * maak.DAG


def test_the_login_page_offers_the_certificate_login(bezoeker):
    pagina = bezoeker.get("inloggen.index")
    assert pagina.h1.get_text(strip=True) == "Inloggen"
    assert pagina.find("form", action=bezoeker.url("inloggen.met_certificaat"))
    assert not pagina.find("form", action=bezoeker.url("inloggen.met_democertificaat"))


@pytest.mark.parametrize(
    ("oin", "naam", "rol"),
    [
        (AFNEMER, "Gemeente Voorbeeldstad", "afnemer"),
        (INTERMEDIAIR, "Berichtenleverancier Test BV", "intermediair"),
        (BEHEERDER, "Logius Beheer", "beheerder"),
    ],
)
def test_a_valid_certificate_of_a_registered_oin_logs_in_with_its_role(
    bezoeker, pki, organisaties, oin, naam, rol
):
    pagina = bezoeker.volg(bezoeker.log_in(pki.pem(oin)))
    account = pagina.find(class_="kop__account").get_text(" ", strip=True)
    assert naam in account and rol in account
    assert f"U bent ingelogd als {naam}." in " ".join(meldingen(pagina))


def test_the_session_keeps_the_certificate_serial_for_the_actor(bezoeker, pki, organisaties):
    pem = pki.pem(AFNEMER)
    bezoeker.log_in(pem)
    with bezoeker.client.session_transaction() as sessie:
        assert sessie["oin"] == AFNEMER.waarde
        assert sessie["rol"] == "afnemer"
        assert int(sessie["certificaat"], 16) > 0


def _weigering(bezoeker, pem, **opties) -> str:
    antwoord = bezoeker.log_in(pem, status=403, **opties)
    meldingen_ = foutmeldingen(controleer_pagina(antwoord))
    assert len(meldingen_) == 1
    with bezoeker.client.session_transaction() as sessie:
        assert "oin" not in sessie
    return meldingen_[0]


def test_an_unknown_oin_is_refused(bezoeker, pki, organisaties):
    melding = _weigering(bezoeker, pki.pem("00000099000000009999"))
    assert melding.startswith("Onbekende OIN")
    assert "00000099000000009999" in melding


def test_an_expired_certificate_is_refused_with_its_date(bezoeker, pki, organisaties):
    melding = _weigering(
        bezoeker, pki.pem(AFNEMER, van=maak.NU - 400 * maak.DAG, tot=maak.NU - 30 * maak.DAG)
    )
    assert melding.startswith("Uw certificaat is verlopen op")


def test_a_certificate_not_yet_valid_is_refused(bezoeker, pki, organisaties):
    melding = _weigering(bezoeker, pki.pem(AFNEMER, van=maak.NU + maak.DAG, tot=GELDIG_TOT))
    assert melding.startswith("Uw certificaat is pas geldig vanaf")


def test_a_certificate_from_an_untrusted_root_is_refused(bezoeker, organisaties):
    vreemd = maak.tussen(maak.root("Onbekende Root"))
    melding = _weigering(bezoeker, maak.pem(maak.leaf(vreemd, oin=AFNEMER.waarde)))
    assert "niet uitgegeven door een vertrouwde" in melding


def test_a_revoked_certificate_is_refused(bezoeker, organisaties, ingetrokken_certificaat):
    assert _weigering(bezoeker, maak.pem(ingetrokken_certificaat)) == "Uw certificaat is ingetrokken."


def test_a_certificate_without_oin_is_refused(bezoeker, pki, organisaties):
    assert _weigering(bezoeker, pki.pem(None)) == "Uw certificaat bevat geen geldig OIN."


def test_a_certificate_not_meant_for_client_authentication_is_refused(bezoeker, pki, organisaties):
    pem = pki.pem(AFNEMER, gebruik=(ExtendedKeyUsageOID.SERVER_AUTH,))
    assert _weigering(bezoeker, pem) == "Uw certificaat is niet geschikt om mee in te loggen."


def test_a_certificate_header_from_an_address_that_is_not_the_proxy_is_refused(bezoeker, pki, organisaties):
    melding = _weigering(bezoeker, pki.pem(AFNEMER), adres="192.0.2.77")
    assert melding == "Uw certificaat is niet via de beveiligde verbinding van het portaal aangeboden."


def test_a_login_without_certificate_is_refused(bezoeker, organisaties):
    assert _weigering(bezoeker, "").startswith("Er is geen certificaat aangeboden")


def test_pages_need_a_login(bezoeker):
    antwoord = bezoeker.client.get(bezoeker.url("home.index"))
    assert antwoord.status_code == 302
    assert antwoord.location.endswith(bezoeker.url("inloggen.index"))


def test_logout_ends_the_session(ingelogd):
    bezoeker = ingelogd(AFNEMER)
    pagina = bezoeker.volg(bezoeker.post("inloggen.uitloggen"))
    assert "U bent uitgelogd." in " ".join(meldingen(pagina))
    assert bezoeker.client.get(bezoeker.url("home.index")).status_code == 302


def test_logout_is_a_post(ingelogd):
    bezoeker = ingelogd(AFNEMER)
    assert bezoeker.client.get(bezoeker.url("inloggen.uitloggen")).status_code == 405


def test_the_demo_login_is_not_there_outside_demo_mode(bezoeker):
    bezoeker.post("inloggen.met_democertificaat", {"certificaat": "gemeente-voorbeeldstad"}, status=404)


def test_a_feeds_certificate_does_not_log_in_to_the_portal(bezoeker, pki, organisaties):
    feed = Oin("00000099000000000302")
    organisaties.registreer_organisatie(
        feed, "DigiD Machtigen", Rol.MACHTIGINGEN, list(Notificatiekenmerk), actor_voor(BEHEERDER)
    )
    assert "machine-interface" in _weigering(bezoeker, pki.pem(feed))
