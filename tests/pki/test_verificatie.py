import pytest
from cryptography.x509.oid import ExtendedKeyUsageOID

from tests.pki import maak
from tests.pki.conftest import PROXY
from web.pki.verificatie import CertificaatGeweigerd, Reden


def weigering(verificatie, header: str | None, adres: str = PROXY) -> CertificaatGeweigerd:
    with pytest.raises(CertificaatGeweigerd) as fout:
        verificatie.verifieer_overdracht(adres, header)
    return fout.value


def test_valid_certificate_gives_its_identity(verificatie, geldig):
    identiteit = verificatie.verifieer_overdracht(PROXY, maak.pem(geldig))
    assert identiteit.oin == "00000099000000000101"
    assert identiteit.naam == "Jan Tester"
    assert identiteit.organisatie == "Gemeente Voorbeeldstad"
    assert identiteit.serienummer == format(geldig.serial_number, "x")
    assert identiteit.geldig_tot == geldig.not_valid_after_utc


def test_expired_certificate_is_refused_with_its_end_date(verificatie, tussen):
    verlopen = maak.leaf(tussen, van=maak.NU - 400 * maak.DAG, tot=maak.NU - maak.DAG)
    fout = weigering(verificatie, maak.pem(verlopen))
    assert fout.reden is Reden.VERLOPEN
    assert fout.melding == "Uw certificaat is verlopen op 14 juni 2026."


def test_certificate_not_yet_valid_is_refused_with_its_start_date(verificatie, tussen):
    toekomstig = maak.leaf(tussen, van=maak.NU + 3 * maak.DAG)
    fout = weigering(verificatie, maak.pem(toekomstig))
    assert fout.reden is Reden.NOG_NIET_GELDIG
    assert fout.melding == "Uw certificaat is pas geldig vanaf 18 juni 2026."


def test_certificate_from_an_untrusted_root_is_refused(verificatie, vreemde_tussen):
    vreemd = maak.leaf(vreemde_tussen)
    fout = weigering(verificatie, maak.pem(vreemd, vreemde_tussen.certificaat))
    assert fout.reden is Reden.NIET_VERTROUWD
    assert fout.melding == "Uw certificaat is niet uitgegeven door een vertrouwde PKIoverheid-uitgever."


def test_expired_certificate_from_an_untrusted_root_hears_only_that_it_is_not_trusted(
    verificatie, vreemde_tussen
):
    vreemd = maak.leaf(vreemde_tussen, van=maak.NU - 400 * maak.DAG, tot=maak.NU - maak.DAG)
    assert weigering(verificatie, maak.pem(vreemd, vreemde_tussen.certificaat)).reden is Reden.NIET_VERTROUWD


def test_self_signed_leaf_claiming_a_trusted_issuer_name_is_not_trusted(verificatie, tussen):
    vervalser = maak.Uitgever(tussen.certificaat, maak.root().sleutel)
    assert weigering(verificatie, maak.pem(maak.leaf(vervalser))).reden is Reden.NIET_VERTROUWD


def test_revoked_certificate_is_refused(verificatie, ingetrokken):
    fout = weigering(verificatie, maak.pem(ingetrokken))
    assert fout.reden is Reden.INGETROKKEN
    assert fout.melding == "Uw certificaat is ingetrokken."


def test_certificate_without_oin_is_refused(verificatie, tussen):
    fout = weigering(verificatie, maak.pem(maak.leaf(tussen, oin=None)))
    assert fout.reden is Reden.GEEN_OIN
    assert fout.melding == "Uw certificaat bevat geen geldig OIN."


@pytest.mark.parametrize(
    "serienummer",
    ["0000009900000000010", "000000990000000001011", "OIN:00000099000000000101", "0000009900000000010X"],
    ids=["19 cijfers", "21 cijfers", "met voorvoegsel", "letter"],
)
def test_serial_number_that_is_not_exactly_twenty_digits_is_no_oin(verificatie, tussen, serienummer):
    assert weigering(verificatie, maak.pem(maak.leaf(tussen, oin=serienummer))).reden is Reden.GEEN_OIN


@pytest.mark.parametrize(
    ("gebruik", "digitale_handtekening"),
    [
        ((ExtendedKeyUsageOID.SERVER_AUTH,), True),
        ((ExtendedKeyUsageOID.EMAIL_PROTECTION,), True),
        (None, True),
        ((ExtendedKeyUsageOID.CLIENT_AUTH,), False),
    ],
    ids=["alleen serverAuth", "alleen e-mail", "geen EKU", "geen digitalSignature"],
)
def test_certificate_unfit_for_client_authentication_is_refused(
    verificatie, tussen, gebruik, digitale_handtekening
):
    ongeschikt = maak.leaf(tussen, gebruik=gebruik, digitale_handtekening=digitale_handtekening)
    fout = weigering(verificatie, maak.pem(ongeschikt))
    assert fout.reden is Reden.ONGESCHIKT_GEBRUIK
    assert fout.melding == "Uw certificaat is niet geschikt om mee in te loggen."


@pytest.mark.parametrize("ca", ["wortel", "tussen"])
def test_a_ca_certificate_is_not_accepted_as_a_client_certificate(verificatie, request, ca):
    certificaat = request.getfixturevalue(ca).certificaat
    assert weigering(verificatie, maak.pem(certificaat)).reden is Reden.NIET_VERTROUWD


def test_leaf_outliving_an_expired_intermediate_is_not_trusted(verificatie_met, tussen):
    later = maak.NU + 1100 * maak.DAG
    leaf = maak.leaf(tussen, tot=later + 10 * maak.DAG)
    with pytest.raises(CertificaatGeweigerd) as fout:
        verificatie_met(nu=later).verifieer_overdracht(PROXY, maak.pem(leaf))
    assert fout.value.reden is Reden.NIET_VERTROUWD
