"""Who the certificate says its holder is: the OIN from the subject serialNumber, and names for display."""

import datetime as dt
import re
from dataclasses import dataclass

from cryptography import x509
from cryptography.x509.oid import NameOID

from web.pki.weigering import CertificaatGeweigerd, Reden

# A 20-digit subject serialNumber in a PKIoverheid certificate is always an OIN (REFERENCE.md). Other
# forms (a prefix such as "OIN:" or a shorter number) are refused rather than guessed at.
_OIN = re.compile(r"[0-9]{20}")


@dataclass(frozen=True)
class Certificaatidentiteit:
    oin: str
    naam: str
    organisatie: str
    serienummer: str
    geldig_tot: dt.datetime


def identiteit(leaf: x509.Certificate) -> Certificaatidentiteit:
    return Certificaatidentiteit(
        oin=lees_oin(leaf),
        naam=_attribuut(leaf, NameOID.COMMON_NAME),
        organisatie=_attribuut(leaf, NameOID.ORGANIZATION_NAME),
        serienummer=format(leaf.serial_number, "x"),
        geldig_tot=leaf.not_valid_after_utc,
    )


def lees_oin(leaf: x509.Certificate) -> str:
    waarden = leaf.subject.get_attributes_for_oid(NameOID.SERIAL_NUMBER)
    if len(waarden) != 1:
        raise CertificaatGeweigerd(Reden.GEEN_OIN)
    oin = str(waarden[0].value)
    if not _OIN.fullmatch(oin):
        raise CertificaatGeweigerd(Reden.GEEN_OIN)
    return oin


def _attribuut(leaf: x509.Certificate, oid: x509.ObjectIdentifier) -> str:
    waarden = leaf.subject.get_attributes_for_oid(oid)
    return str(waarden[0].value) if waarden else ""
