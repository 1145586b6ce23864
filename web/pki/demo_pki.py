"""A local test PKI for the demo: a test root, an intermediate, and client certificates for the demo OINs.

Everything here is for demonstration only: the names say TEST and NIET VOOR PRODUCTIE, the OINs carry the
test prefix 00000099, and the private keys lie unencrypted next to the certificates.
"""

import datetime as dt
import json
from dataclasses import asdict, dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from domain.demo_organisaties import DEMO_ORGANISATIES, DemoOrganisatie
from web.pki import demo_bestanden as b
from web.pki.demo_certificaten import DemoCertificaat

GEACCEPTEERD = "geaccepteerd"
DAG = dt.timedelta(days=1)
# The CRL lives as long as the valid demo certificates, so a demo PKI keeps working until those expire
# (then `portaal certs init --force` makes a new one). A production CRL lives days, not a year.
LOOPTIJD = 365 * DAG


@dataclass(frozen=True)
class _Ca:
    certificaat: x509.Certificate
    sleutel: ec.EllipticCurvePrivateKey


@dataclass(frozen=True)
class _Aanvraag:
    """One demo certificate to issue, and what verification should make of it."""

    id: str
    label: str
    oin: str | None
    organisatie: str
    rol: str | None
    verwacht: str
    van: dt.timedelta = -DAG
    tot: dt.timedelta = LOOPTIJD
    vertrouwd: bool = True
    ingetrokken: bool = False


def bestaat(map_: Path) -> bool:
    return (map_ / b.MANIFEST_BESTAND).is_file()


def maak_demo_pki(map_: Path, nu: dt.datetime | None = None) -> list[DemoCertificaat]:
    """Write the demo PKI to `map_`, overwriting an earlier one; the manifest is written last."""
    nu = nu or dt.datetime.now(dt.UTC)
    (map_ / b.CERTIFICATEN_MAP).mkdir(parents=True, exist_ok=True)
    root = _root("TEST Staat der Nederlanden Private Root CA - NIET VOOR PRODUCTIE", nu)
    tussen = _tussen(root, "TEST PKIoverheid Organisatie Persoon CA - NIET VOOR PRODUCTIE", nu)
    vreemde_root = _root("Onbekende Test Root CA - NIET VERTROUWD", nu)
    vreemd = _tussen(vreemde_root, "Onbekende Test CA", nu)
    _schrijf(map_ / b.ROOT_BESTAND, _pem(root.certificaat))
    _schrijf(map_ / b.TUSSEN_BESTAND, _pem(tussen.certificaat))
    _schrijf(map_ / b.VREEMDE_ROOT_BESTAND, _pem(vreemde_root.certificaat))
    uitgegeven = [(a, _geef_uit(map_, a, tussen if a.vertrouwd else vreemd, nu)) for a in _aanvragen()]
    ingetrokken = [cert for a, (_, cert) in uitgegeven if a.ingetrokken]
    _schrijf(map_ / b.CRL_BESTAND, _crl(tussen, ingetrokken, nu).public_bytes(serialization.Encoding.PEM))
    certificaten = [certificaat for _, (certificaat, _) in uitgegeven]
    _schrijf_manifest(map_, certificaten, nu)
    return certificaten


def _aanvragen() -> list[_Aanvraag]:
    """One valid certificate per demo organisation, then one for each way a login can be refused."""
    gewoon = [
        _Aanvraag(_slug(o.naam), f"{o.naam} ({o.rol})", o.oin, o.naam, o.rol, GEACCEPTEERD)
        for o in DEMO_ORGANISATIES
    ]
    gemeente, toeslagen, waterschap = (o for o in DEMO_ORGANISATIES if o.rol == "afnemer")
    return [
        *gewoon,
        _afwijkend(gemeente, "verlopen", "verlopen certificaat", van=-400 * DAG, tot=-30 * DAG),
        _afwijkend(toeslagen, "nog_niet_geldig", "nog niet geldig certificaat", van=30 * DAG, tot=400 * DAG),
        _afwijkend(waterschap, "ingetrokken", "ingetrokken certificaat", ingetrokken=True),
        _afwijkend(gemeente, "niet_vertrouwd", "certificaat van een onbekende uitgever", vertrouwd=False),
        _afwijkend(gemeente, "geen_oin", "certificaat zonder OIN", oin=None),
    ]


def _afwijkend(organisatie: DemoOrganisatie, verwacht: str, omschrijving: str, **afwijking) -> _Aanvraag:
    gegevens = {"oin": organisatie.oin, **afwijking}
    return _Aanvraag(
        id=verwacht.replace("_", "-"),
        label=f"{organisatie.naam}: {omschrijving}",
        organisatie=organisatie.naam,
        rol=organisatie.rol,
        verwacht=verwacht,
        **gegevens,
    )


def _slug(naam: str) -> str:
    return "-".join(naam.lower().split())


def _naam(cn: str, organisatie: str = "TEST Staat der Nederlanden", oin: str | None = None) -> x509.Name:
    attributen = [
        x509.NameAttribute(NameOID.COUNTRY_NAME, "NL"),
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, organisatie),
        x509.NameAttribute(NameOID.COMMON_NAME, cn),
    ]
    if oin is not None:
        attributen.append(x509.NameAttribute(NameOID.SERIAL_NUMBER, oin))
    return x509.Name(attributen)


def _sleutelgebruik(*, ca: bool) -> x509.KeyUsage:
    return x509.KeyUsage(
        digital_signature=not ca,
        content_commitment=False,
        key_encipherment=False,
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=ca,
        crl_sign=ca,
        encipher_only=False,
        decipher_only=False,
    )


def _bouwer(
    onderwerp: x509.Name,
    sleutel: ec.EllipticCurvePrivateKey,
    uitgever: x509.Name,
    ca: bool,
    padlengte: int | None = None,
):
    return (
        x509.CertificateBuilder()
        .subject_name(onderwerp)
        .issuer_name(uitgever)
        .public_key(sleutel.public_key())
        .serial_number(x509.random_serial_number())
        .add_extension(x509.BasicConstraints(ca=ca, path_length=padlengte), critical=True)
        .add_extension(_sleutelgebruik(ca=ca), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(sleutel.public_key()), critical=False)
    )


def _root(cn: str, nu: dt.datetime) -> _Ca:
    sleutel = ec.generate_private_key(ec.SECP256R1())
    certificaat = (
        _bouwer(_naam(cn), sleutel, _naam(cn), ca=True)
        .not_valid_before(nu - 2 * LOOPTIJD)
        .not_valid_after(nu + 10 * LOOPTIJD)
        .sign(sleutel, hashes.SHA256())
    )
    return _Ca(certificaat, sleutel)


def _aki(uitgever: _Ca) -> x509.AuthorityKeyIdentifier:
    return x509.AuthorityKeyIdentifier.from_issuer_public_key(uitgever.sleutel.public_key())


def _tussen(root: _Ca, cn: str, nu: dt.datetime) -> _Ca:
    sleutel = ec.generate_private_key(ec.SECP256R1())
    certificaat = (
        _bouwer(_naam(cn), sleutel, root.certificaat.subject, ca=True, padlengte=0)
        .not_valid_before(nu - 500 * DAG)
        .not_valid_after(nu + 5 * LOOPTIJD)
        .add_extension(_aki(root), critical=False)
        .sign(root.sleutel, hashes.SHA256())
    )
    return _Ca(certificaat, sleutel)


def _client(aanvraag: _Aanvraag, sleutel: ec.EllipticCurvePrivateKey, uitgever: _Ca, nu: dt.datetime):
    onderwerp = _naam(f"Demo medewerker {aanvraag.organisatie}", aanvraag.organisatie, aanvraag.oin)
    return (
        _bouwer(onderwerp, sleutel, uitgever.certificaat.subject, ca=False)
        .not_valid_before(nu + aanvraag.van)
        .not_valid_after(nu + aanvraag.tot)
        .add_extension(_aki(uitgever), critical=False)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.CLIENT_AUTH]), critical=False)
        .sign(uitgever.sleutel, hashes.SHA256())
    )


def _geef_uit(
    map_: Path, aanvraag: _Aanvraag, uitgever: _Ca, nu: dt.datetime
) -> tuple[DemoCertificaat, x509.Certificate]:
    sleutel = ec.generate_private_key(ec.SECP256R1())
    certificaat = _client(aanvraag, sleutel, uitgever, nu)
    demo = _demo_certificaat(aanvraag)
    _schrijf(map_ / demo.certificaat, _pem(certificaat))
    _schrijf(map_ / demo.keten, _pem(certificaat) + _pem(uitgever.certificaat))
    sleutel_pem = sleutel.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    _schrijf(map_ / demo.sleutel, sleutel_pem, geheim=True)
    p12 = pkcs12.serialize_key_and_certificates(
        aanvraag.label.encode(),
        sleutel,
        certificaat,
        [uitgever.certificaat],
        serialization.BestAvailableEncryption(b.P12_WACHTWOORD.encode()),
    )
    _schrijf(map_ / demo.p12, p12, geheim=True)
    return demo, certificaat


def _demo_certificaat(aanvraag: _Aanvraag) -> DemoCertificaat:
    basis = f"{b.CERTIFICATEN_MAP}/{aanvraag.id}"
    return DemoCertificaat(
        id=aanvraag.id,
        label=aanvraag.label,
        oin=aanvraag.oin,
        organisatie=aanvraag.organisatie,
        rol=aanvraag.rol,
        verwachte_uitkomst=aanvraag.verwacht,
        certificaat=f"{basis}.pem",
        sleutel=f"{basis}.key",
        keten=f"{basis}.keten.pem",
        p12=f"{basis}.p12",
    )


def _crl(
    uitgever: _Ca, ingetrokken: list[x509.Certificate], nu: dt.datetime
) -> x509.CertificateRevocationList:
    bouwer = (
        x509.CertificateRevocationListBuilder()
        .issuer_name(uitgever.certificaat.subject)
        .last_update(nu - DAG)
        .next_update(nu + LOOPTIJD)
    )
    for certificaat in ingetrokken:
        bouwer = bouwer.add_revoked_certificate(
            x509.RevokedCertificateBuilder()
            .serial_number(certificaat.serial_number)
            .revocation_date(nu - DAG)
            .build()
        )
    return bouwer.sign(uitgever.sleutel, hashes.SHA256())


def _schrijf_manifest(map_: Path, certificaten: list[DemoCertificaat], nu: dt.datetime) -> None:
    manifest = {
        "omschrijving": "Demo-PKI van het Berichtenbox Leveranciersportaal. NIET VOOR PRODUCTIE.",
        "aangemaakt": nu.isoformat(),
        "p12_wachtwoord": b.P12_WACHTWOORD,
        "vertrouwensanker": b.ROOT_BESTAND,
        "tussencertificaat": b.TUSSEN_BESTAND,
        "crl": b.CRL_BESTAND,
        "certificaten": [asdict(certificaat) for certificaat in certificaten],
    }
    _schrijf(map_ / b.MANIFEST_BESTAND, json.dumps(manifest, indent=2, ensure_ascii=False) + "\n")


def _pem(certificaat: x509.Certificate) -> str:
    return certificaat.public_bytes(serialization.Encoding.PEM).decode()


def _schrijf(pad: Path, inhoud: str | bytes, *, geheim: bool = False) -> None:
    data = inhoud.encode() if isinstance(inhoud, str) else inhoud
    pad.write_bytes(data)
    if geheim:
        # Demo keys, but still nobody else's business on a shared machine.
        pad.chmod(0o600)
