from urllib.parse import quote

import pytest

from tests.pki import maak
from tests.pki.conftest import PROXY
from web.pki.verificatie import CertificaatGeweigerd, Reden


def reden(verificatie, header: str | None, adres: str | None = PROXY) -> Reden:
    with pytest.raises(CertificaatGeweigerd) as fout:
        verificatie.verifieer_overdracht(adres, header)
    return fout.value.reden


@pytest.mark.parametrize("adres", ["203.0.113.9", "10.0.0.6", "::1", "", None, "geen-adres"])
def test_header_from_an_address_that_is_not_a_proxy_is_not_trusted(verificatie, geldig, adres):
    with pytest.raises(CertificaatGeweigerd) as fout:
        verificatie.verifieer_overdracht(adres, maak.pem(geldig))
    assert fout.value.reden is Reden.NIET_VIA_PROXY
    assert fout.value.melding == (
        "Uw certificaat is niet via de beveiligde verbinding van het portaal aangeboden."
    )


def test_header_from_a_proxy_in_a_configured_ipv6_network_is_trusted(verificatie, geldig):
    assert verificatie.verifieer_overdracht("fd00::17", maak.pem(geldig)).oin == "00000099000000000101"


@pytest.mark.parametrize("header", [None, "", "   ", "(null)", "-"])
def test_missing_certificate_is_refused(verificatie, header):
    with pytest.raises(CertificaatGeweigerd) as fout:
        verificatie.verifieer_overdracht(PROXY, header)
    assert fout.value.reden is Reden.GEEN_CERTIFICAAT
    assert fout.value.melding == "Er is geen certificaat aangeboden. Log in met uw PKIoverheid-certificaat."


@pytest.mark.parametrize(
    "header",
    [
        "dit is geen certificaat",
        "-----BEGIN CERTIFICATE-----\nQUJD!!\n-----END CERTIFICATE-----",
        "-----BEGIN CERTIFICATE-----\nQUJDRA==\n-----END CERTIFICATE-----",
        "-----BEGIN CERTIFICATE-----\n" + "A" * 70_000 + "\n-----END CERTIFICATE-----",
    ],
    ids=["tekst", "geen base64", "geen DER", "te groot"],
)
def test_garbage_header_is_unreadable(verificatie, header):
    with pytest.raises(CertificaatGeweigerd) as fout:
        verificatie.verifieer_overdracht(PROXY, header)
    assert fout.value.reden is Reden.ONLEESBAAR
    assert fout.value.melding == "Uw certificaat kan niet worden gelezen."


def test_url_escaped_certificate_as_nginx_sends_it_is_accepted(verificatie, geldig):
    header = quote(maak.pem(geldig), safe="")
    assert "\n" not in header and "%0A" in header
    assert verificatie.verifieer_overdracht(PROXY, header).oin == "00000099000000000101"


def test_certificate_with_line_breaks_turned_into_spaces_is_accepted(verificatie, geldig):
    header = maak.pem(geldig).replace("\n", " ")
    assert verificatie.verifieer_overdracht(PROXY, header).oin == "00000099000000000101"


def test_chain_sent_in_the_header_completes_the_path_to_the_trust_anchor(verificatie_met, geldig, tussen):
    zonder_tussen = verificatie_met(met_tussen=False)
    header = quote(maak.pem(geldig, tussen.certificaat), safe="")
    assert zonder_tussen.verifieer_overdracht(PROXY, header).oin == "00000099000000000101"


def test_without_the_intermediate_the_leaf_is_not_trusted(verificatie_met, geldig):
    zonder_tussen = verificatie_met(met_tussen=False)
    assert reden(zonder_tussen, maak.pem(geldig)) is Reden.NIET_VERTROUWD


def test_a_sent_trust_anchor_does_not_make_a_foreign_chain_trusted(verificatie, vreemde_tussen):
    vreemd = maak.leaf(vreemde_tussen)
    assert reden(verificatie, maak.pem(vreemd, vreemde_tussen.certificaat)) is Reden.NIET_VERTROUWD
