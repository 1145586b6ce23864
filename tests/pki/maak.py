"""Certificates for the tests, made with `cryptography` directly (independent of the demo PKI generator)."""

import datetime as dt
from dataclasses import dataclass

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

NU = dt.datetime(2026, 6, 15, 12, 0, tzinfo=dt.UTC)
DAG = dt.timedelta(days=1)


@dataclass(frozen=True)
class Uitgever:
    certificaat: x509.Certificate
    sleutel: ec.EllipticCurvePrivateKey


def naam(cn: str, serienummer: str | None = None, organisatie: str = "Test Organisatie") -> x509.Name:
    attributen = [
        x509.NameAttribute(NameOID.COUNTRY_NAME, "NL"),
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, organisatie),
        x509.NameAttribute(NameOID.COMMON_NAME, cn),
    ]
    if serienummer is not None:
        attributen.append(x509.NameAttribute(NameOID.SERIAL_NUMBER, serienummer))
    return x509.Name(attributen)


def _sleutelgebruik(*, ca: bool, digitale_handtekening: bool = True) -> x509.KeyUsage:
    return x509.KeyUsage(
        digital_signature=digitale_handtekening and not ca,
        content_commitment=False,
        key_encipherment=False,
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=ca,
        crl_sign=ca,
        encipher_only=False,
        decipher_only=False,
    )


def _basis(onderwerp: x509.Name, sleutel: ec.EllipticCurvePrivateKey, uitgever_naam: x509.Name):
    return (
        x509.CertificateBuilder()
        .subject_name(onderwerp)
        .issuer_name(uitgever_naam)
        .public_key(sleutel.public_key())
        .serial_number(x509.random_serial_number())
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(sleutel.public_key()), critical=False)
    )


def root(cn: str = "TEST Root") -> Uitgever:
    sleutel = ec.generate_private_key(ec.SECP256R1())
    certificaat = (
        _basis(naam(cn), sleutel, naam(cn))
        .not_valid_before(NU - 3650 * DAG)
        .not_valid_after(NU + 3650 * DAG)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(_sleutelgebruik(ca=True), critical=True)
        .sign(sleutel, hashes.SHA256())
    )
    return Uitgever(certificaat, sleutel)


def tussen(boven: Uitgever, cn: str = "TEST Tussen CA") -> Uitgever:
    sleutel = ec.generate_private_key(ec.SECP256R1())
    certificaat = (
        _basis(naam(cn), sleutel, boven.certificaat.subject)
        .not_valid_before(NU - 1000 * DAG)
        .not_valid_after(NU + 1000 * DAG)
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(_sleutelgebruik(ca=True), critical=True)
        .add_extension(_aki(boven), critical=False)
        .sign(boven.sleutel, hashes.SHA256())
    )
    return Uitgever(certificaat, sleutel)


def _aki(uitgever: Uitgever) -> x509.AuthorityKeyIdentifier:
    return x509.AuthorityKeyIdentifier.from_issuer_public_key(uitgever.sleutel.public_key())


def leaf(
    uitgever: Uitgever,
    *,
    oin: str | None = "00000099000000000101",
    van: dt.datetime = NU - 30 * DAG,
    tot: dt.datetime = NU + 300 * DAG,
    gebruik: tuple[x509.ObjectIdentifier, ...] | None = (ExtendedKeyUsageOID.CLIENT_AUTH,),
    digitale_handtekening: bool = True,
    cn: str = "Jan Tester",
    organisatie: str = "Gemeente Voorbeeldstad",
) -> x509.Certificate:
    sleutel = ec.generate_private_key(ec.SECP256R1())
    bouwer = (
        _basis(naam(cn, oin, organisatie), sleutel, uitgever.certificaat.subject)
        .not_valid_before(van)
        .not_valid_after(tot)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(_sleutelgebruik(ca=False, digitale_handtekening=digitale_handtekening), critical=True)
        .add_extension(_aki(uitgever), critical=False)
    )
    if gebruik is not None:
        bouwer = bouwer.add_extension(x509.ExtendedKeyUsage(list(gebruik)), critical=False)
    return bouwer.sign(uitgever.sleutel, hashes.SHA256())


def crl(
    uitgever: Uitgever,
    ingetrokken: tuple[x509.Certificate, ...] = (),
    *,
    volgende: dt.datetime = NU + 7 * DAG,
    ondertekenaar: ec.EllipticCurvePrivateKey | None = None,
) -> x509.CertificateRevocationList:
    bouwer = (
        x509.CertificateRevocationListBuilder()
        .issuer_name(uitgever.certificaat.subject)
        .last_update(NU - 2 * DAG)
        .next_update(volgende)
    )
    for certificaat in ingetrokken:
        bouwer = bouwer.add_revoked_certificate(
            x509.RevokedCertificateBuilder()
            .serial_number(certificaat.serial_number)
            .revocation_date(NU - DAG)
            .build()
        )
    return bouwer.sign(ondertekenaar or uitgever.sleutel, hashes.SHA256())


def pem(*certificaten: x509.Certificate) -> str:
    return "".join(c.public_bytes(serialization.Encoding.PEM).decode() for c in certificaten)


def crl_pem(lijst: x509.CertificateRevocationList) -> bytes:
    return lijst.public_bytes(serialization.Encoding.PEM)
