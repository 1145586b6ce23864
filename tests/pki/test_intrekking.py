import datetime as dt

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec

from tests.pki import maak
from tests.pki.conftest import PROXY
from web.pki.instellingen import PkiInstellingen, netwerken
from web.pki.intrekking import CrlVoorraad
from web.pki.verificatie import CertificaatGeweigerd, Certificaatverificatie, Reden


def weigering(verificatie, certificaat) -> CertificaatGeweigerd:
    with pytest.raises(CertificaatGeweigerd) as fout:
        verificatie.verifieer_overdracht(PROXY, maak.pem(certificaat))
    return fout.value


def test_certificate_is_refused_when_the_crl_is_past_its_next_update(
    verificatie_met, tmp_path, tussen, geldig
):
    verouderd = tmp_path / "verouderd.crl.pem"
    verouderd.write_bytes(maak.crl_pem(maak.crl(tussen, volgende=maak.NU - dt.timedelta(minutes=1))))
    fout = weigering(verificatie_met(crl=verouderd), geldig)
    assert fout.reden is Reden.INTREKKING_ONBEKEND
    assert fout.melding == "De intrekkingsstatus van uw certificaat is onbekend. Probeer het later opnieuw."


def test_revoked_certificate_stays_revoked_when_the_crl_is_stale(verificatie_met, tmp_path, tussen, geldig):
    verouderd = tmp_path / "verouderd.crl.pem"
    crl = maak.crl(tussen, (geldig,), volgende=maak.NU - maak.DAG)
    verouderd.write_bytes(maak.crl_pem(crl))
    assert weigering(verificatie_met(crl=verouderd), geldig).reden is Reden.INGETROKKEN


def test_crl_signed_by_another_key_is_ignored_so_revocation_status_is_unknown(
    verificatie_met, tmp_path, tussen, geldig
):
    """A forged CRL can neither revoke nor clear anyone: it is ignored, and without a CRL we refuse."""
    vals = tmp_path / "vals.crl.pem"
    vals.write_bytes(maak.crl_pem(maak.crl(tussen, ondertekenaar=ec.generate_private_key(ec.SECP256R1()))))
    assert weigering(verificatie_met(crl=vals), geldig).reden is Reden.INTREKKING_ONBEKEND


def test_without_a_crl_of_the_issuer_revocation_status_is_unknown(verificatie_met, tmp_path, geldig):
    zonder_crl = verificatie_met(crl=tmp_path / "bestaat-niet.crl")
    assert weigering(zonder_crl, geldig).reden is Reden.INTREKKING_ONBEKEND


def test_crl_in_der_form_is_read(verificatie_met, tmp_path, tussen, ingetrokken):
    der = tmp_path / "tussen.crl"
    der.write_bytes(maak.crl(tussen, (ingetrokken,)).public_bytes(serialization.Encoding.DER))
    assert weigering(verificatie_met(crl=der), ingetrokken).reden is Reden.INGETROKKEN


def test_revoked_intermediate_is_refused_when_the_root_publishes_a_crl(tmp_path, wortel, tussen, geldig):
    (tmp_path / "root.pem").write_text(maak.pem(wortel.certificaat))
    (tmp_path / "tussen.crl").write_bytes(maak.crl_pem(maak.crl(tussen)))
    (tmp_path / "root.crl").write_bytes(maak.crl_pem(maak.crl(wortel, (tussen.certificaat,))))
    instellingen = PkiInstellingen(
        vertrouwensankers=(tmp_path / "root.pem",),
        crl_bestanden=(tmp_path / "tussen.crl", tmp_path / "root.crl"),
        proxy_netwerken=netwerken(PROXY),
    )
    verificatie = Certificaatverificatie(instellingen, klok=lambda: maak.NU)
    with pytest.raises(CertificaatGeweigerd) as fout:
        verificatie.verifieer_overdracht(PROXY, maak.pem(geldig, tussen.certificaat))
    assert fout.value.reden is Reden.INGETROKKEN


class Klok:
    def __init__(self) -> None:
        self.nu = maak.NU

    def __call__(self) -> dt.datetime:
        return self.nu


def test_crl_files_are_read_again_once_older_than_the_refresh_interval(tmp_path, tussen, geldig):
    pad = tmp_path / "tussen.crl"
    pad.write_bytes(maak.crl_pem(maak.crl(tussen)))
    klok = Klok()
    voorraad = CrlVoorraad([pad], dt.timedelta(hours=4), klok)
    assert not voorraad.crls()[0].get_revoked_certificate_by_serial_number(geldig.serial_number)

    pad.write_bytes(maak.crl_pem(maak.crl(tussen, (geldig,))))
    klok.nu += dt.timedelta(hours=3, minutes=59)
    assert not voorraad.crls()[0].get_revoked_certificate_by_serial_number(geldig.serial_number)
    klok.nu += dt.timedelta(minutes=1)
    assert voorraad.crls()[0].get_revoked_certificate_by_serial_number(geldig.serial_number)
