import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from cryptography import x509
from cryptography.hazmat.primitives.serialization import pkcs12

from domain.demo_organisaties import DEMO_ORGANISATIES
from scripts.certs import certs
from web.pki.demo_certificaten import (
    OnbekendDemoCertificaat,
    demo_certificaten,
    lees_demo_certificaat_pem,
)
from web.pki.instellingen import PkiInstellingen
from web.pki.verificatie import CertificaatGeweigerd, Certificaatverificatie

UITKOMSTEN = {"geaccepteerd", "verlopen", "nog_niet_geldig", "ingetrokken", "niet_vertrouwd", "geen_oin"}


def init(map_: Path, *extra: str):
    resultaat = CliRunner().invoke(certs, ["init", "--dir", str(map_), *extra])
    assert resultaat.exit_code == 0, resultaat.output
    return resultaat


@pytest.fixture(scope="module")
def var_dir(tmp_path_factory) -> Path:
    var = tmp_path_factory.mktemp("var")
    init(var / "pki")
    return var


@pytest.fixture(scope="module")
def pki(var_dir: Path) -> Path:
    return var_dir / "pki"


def test_init_writes_every_file_the_manifest_names(pki):
    for certificaat in demo_certificaten(pki):
        for bestand in (certificaat.certificaat, certificaat.sleutel, certificaat.keten, certificaat.p12):
            assert (pki / bestand).is_file(), bestand
    manifest = json.loads((pki / "manifest.json").read_text())
    for sleutel in ("vertrouwensanker", "tussencertificaat", "crl"):
        assert (pki / manifest[sleutel]).is_file()
    assert manifest["p12_wachtwoord"] == "demo"


def test_manifest_has_a_valid_certificate_for_every_demo_organisation(pki):
    geaccepteerd = {c.oin: c for c in demo_certificaten(pki) if c.verwachte_uitkomst == "geaccepteerd"}
    assert set(geaccepteerd) == {o.oin for o in DEMO_ORGANISATIES}
    for organisatie in DEMO_ORGANISATIES:
        assert geaccepteerd[organisatie.oin].organisatie == organisatie.naam
        assert geaccepteerd[organisatie.oin].rol == organisatie.rol


def test_manifest_covers_every_refusal_the_demo_should_show(pki):
    certificaten = demo_certificaten(pki)
    assert {c.verwachte_uitkomst for c in certificaten} == UITKOMSTEN
    assert len({c.id for c in certificaten}) == len(certificaten)
    assert all(c.label for c in certificaten)


def test_root_is_clearly_a_test_root(pki):
    root = x509.load_pem_x509_certificate((pki / "test-root.pem").read_bytes())
    naam = root.subject.rfc4514_string()
    assert "TEST" in naam and "NIET VOOR PRODUCTIE" in naam


def test_every_demo_certificate_gets_its_expected_outcome_through_the_verification(var_dir, pki):
    verificatie = Certificaatverificatie(PkiInstellingen.demo(var_dir))
    for certificaat in demo_certificaten(pki):
        pem = lees_demo_certificaat_pem(pki, certificaat.id)
        try:
            identiteit = verificatie.verifieer_pem(pem)
        except CertificaatGeweigerd as fout:
            assert fout.reden == certificaat.verwachte_uitkomst, certificaat.id
        else:
            assert certificaat.verwachte_uitkomst == "geaccepteerd", certificaat.id
            assert identiteit.oin == certificaat.oin
            assert identiteit.organisatie == certificaat.organisatie


def test_demo_certificate_is_verified_the_same_way_when_handed_over_by_the_local_proxy(var_dir, pki):
    verificatie = Certificaatverificatie(PkiInstellingen.demo(var_dir))
    pem = lees_demo_certificaat_pem(pki, "logius-beheer")
    assert verificatie.verifieer_overdracht("127.0.0.1", pem).oin == "00000099000000000001"


def test_p12_files_open_with_the_documented_password(pki):
    certificaat = demo_certificaten(pki)[0]
    sleutel, leaf, keten = pkcs12.load_key_and_certificates((pki / certificaat.p12).read_bytes(), b"demo")
    assert sleutel is not None and leaf is not None
    assert len(keten) == 1


def test_unknown_demo_certificate_id_is_refused_and_never_read_as_a_path(pki):
    with pytest.raises(OnbekendDemoCertificaat):
        lees_demo_certificaat_pem(pki, "../manifest")


def test_second_init_changes_nothing_and_says_so(tmp_path):
    init(tmp_path / "pki")
    voor = (tmp_path / "pki" / "test-root.pem").read_bytes()
    resultaat = init(tmp_path / "pki")
    assert "bestaat al" in resultaat.output
    assert (tmp_path / "pki" / "test-root.pem").read_bytes() == voor


def test_force_makes_a_new_pki(tmp_path):
    init(tmp_path / "pki")
    voor = (tmp_path / "pki" / "test-root.pem").read_bytes()
    resultaat = init(tmp_path / "pki", "--force")
    assert "gemaakt" in resultaat.output
    assert (tmp_path / "pki" / "test-root.pem").read_bytes() != voor


def test_init_without_dir_writes_to_the_pki_folder_of_portaal_var(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PORTAAL_VAR", str(tmp_path / "elders"))
    resultaat = CliRunner().invoke(certs, ["init"])
    assert resultaat.exit_code == 0, resultaat.output
    assert (tmp_path / "elders" / "pki" / "test-root.pem").is_file()
    assert not (tmp_path / "var").exists()


def test_init_without_dir_and_without_portaal_var_writes_to_var_pki(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("PORTAAL_VAR", raising=False)
    resultaat = CliRunner().invoke(certs, ["init"])
    assert resultaat.exit_code == 0, resultaat.output
    assert (tmp_path / "var" / "pki" / "test-root.pem").is_file()
