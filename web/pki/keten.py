"""Does the certificate chain to a trust anchor, and is it within its validity period?"""

import datetime as dt

from cryptography import x509
from cryptography.x509 import verification as v

from web.pki.weigering import CertificaatGeweigerd, Reden


def _verifier(wortels: list[x509.Certificate], moment: dt.datetime) -> v.ClientVerifier:
    # The webpki profile of `cryptography` requires a subjectAltName on client certificates; PKIoverheid
    # certificates for organisations (services, servers) need not carry one, so it may be absent here.
    # Extended key usage is left to `gebruik.py`: the webpki profile accepts a leaf without any EKU, and a
    # wrong EKU would otherwise be reported as "not trusted" instead of "not fit for client authentication".
    ee = (
        v.ExtensionPolicy.webpki_defaults_ee()
        .may_be_present(x509.SubjectAlternativeName, v.Criticality.AGNOSTIC, None)
        .may_be_present(x509.ExtendedKeyUsage, v.Criticality.AGNOSTIC, None)
    )
    return (
        v.PolicyBuilder()
        .store(v.Store(wortels))
        .time(moment)
        .extension_policies(ca_policy=v.ExtensionPolicy.webpki_defaults_ca(), ee_policy=ee)
        .build_client_verifier()
    )


def verifieer_keten(
    leaf: x509.Certificate,
    tussen: list[x509.Certificate],
    wortels: list[x509.Certificate],
    nu: dt.datetime,
) -> list[x509.Certificate]:
    """The verified chain, leaf first and trust anchor last; or a refusal.

    Signatures, basic constraints, key usage of the issuers and the validity of every certificate are
    checked by `cryptography`. Only when a chain exists at a moment inside the leaf's own validity period
    do we tell the user the leaf expired or is not yet valid: an untrusted certificate only ever hears that
    it is not trusted.
    """
    if not wortels:
        raise CertificaatGeweigerd(Reden.NIET_VERTROUWD)
    try:
        return _verifier(wortels, nu).verify(leaf, tussen).chain
    except v.VerificationError:
        pass
    binnen_geldigheid = min(max(nu, leaf.not_valid_before_utc), leaf.not_valid_after_utc)
    if binnen_geldigheid != nu and _bestaat_keten(leaf, tussen, wortels, binnen_geldigheid):
        if nu > leaf.not_valid_after_utc:
            raise CertificaatGeweigerd(Reden.VERLOPEN, leaf.not_valid_after_utc)
        raise CertificaatGeweigerd(Reden.NOG_NIET_GELDIG, leaf.not_valid_before_utc)
    raise CertificaatGeweigerd(Reden.NIET_VERTROUWD)


def _bestaat_keten(
    leaf: x509.Certificate,
    tussen: list[x509.Certificate],
    wortels: list[x509.Certificate],
    moment: dt.datetime,
) -> bool:
    try:
        _verifier(wortels, moment).verify(leaf, tussen)
    except v.VerificationError:
        return False
    return True
