"""Revocation by CRL files: loaded from disk, reloaded when older than the refresh interval."""

import datetime as dt
import logging
import threading
from collections.abc import Callable, Sequence
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives.asymmetric.types import CertificateIssuerPublicKeyTypes

from web.pki.weigering import CertificaatGeweigerd, Reden

log = logging.getLogger(__name__)
Klok = Callable[[], dt.datetime]


def _nu() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class CrlVoorraad:
    """The configured CRL files, read again once they are older than `verversing`.

    Something outside the portal (cron, the proxy's own fetcher) downloads fresh CRLs to these paths; the
    portal only rereads them, so a login never waits on the network.
    """

    def __init__(self, bestanden: Sequence[Path], verversing: dt.timedelta, klok: Klok = _nu) -> None:
        self._bestanden = tuple(bestanden)
        self._verversing = verversing
        self._klok = klok
        self._slot = threading.Lock()
        self._crls: tuple[x509.CertificateRevocationList, ...] = ()
        self._geladen: dt.datetime | None = None

    def crls(self) -> tuple[x509.CertificateRevocationList, ...]:
        with self._slot:
            nu = self._klok()
            if self._geladen is None or nu - self._geladen >= self._verversing:
                self._crls = tuple(crl for pad in self._bestanden if (crl := _lees_crl(pad)) is not None)
                self._geladen = nu
            return self._crls


def _lees_crl(pad: Path) -> x509.CertificateRevocationList | None:
    # An unreadable file is skipped, not fatal: certificates of that issuer then have no usable CRL and are
    # refused as "intrekkingsstatus onbekend", while other issuers keep working.
    try:
        data = pad.read_bytes()
        if data.lstrip().startswith(b"-----BEGIN"):
            return x509.load_pem_x509_crl(data)
        return x509.load_der_x509_crl(data)
    except (OSError, ValueError):
        log.warning("CRL-bestand %s kan niet worden gelezen", pad)
        return None


def controleer_intrekking(
    keten: Sequence[x509.Certificate], crls: Sequence[x509.CertificateRevocationList], nu: dt.datetime
) -> None:
    """Refuse a revoked chain, or one whose revocation status cannot be known.

    The leaf must be covered by a current CRL of its issuer. Intermediates are checked against the CRL of
    their issuer (the root's ARL) when one is configured, as PKIoverheid roots publish one; a trust anchor
    itself is never checked.
    """
    if len(keten) < 2:
        # Only a certificate that is itself a trust anchor has no issuer to ask; nobody should log in so.
        raise CertificaatGeweigerd(Reden.INTREKKING_ONBEKEND)
    _controleer(keten[0], keten[1], crls, nu, verplicht=True)
    for certificaat, uitgever in zip(keten[1:-1], keten[2:], strict=True):
        _controleer(certificaat, uitgever, crls, nu, verplicht=False)


def _controleer(
    certificaat: x509.Certificate,
    uitgever: x509.Certificate,
    crls: Sequence[x509.CertificateRevocationList],
    nu: dt.datetime,
    *,
    verplicht: bool,
) -> None:
    eigen = _crls_van(uitgever, crls)
    if not eigen:
        if verplicht:
            raise CertificaatGeweigerd(Reden.INTREKKING_ONBEKEND)
        return
    # Revocation is final, so even a stale CRL that lists the certificate is proof enough.
    if any(crl.get_revoked_certificate_by_serial_number(certificaat.serial_number) for crl in eigen):
        raise CertificaatGeweigerd(Reden.INGETROKKEN)
    if not any(_actueel(crl, nu) for crl in eigen):
        raise CertificaatGeweigerd(Reden.INTREKKING_ONBEKEND)


def _crls_van(
    uitgever: x509.Certificate, crls: Sequence[x509.CertificateRevocationList]
) -> list[x509.CertificateRevocationList]:
    """CRLs named for this issuer and signed by its key; a CRL with a wrong signature is ignored."""
    sleutel: CertificateIssuerPublicKeyTypes = uitgever.public_key()  # type: ignore[assignment]
    return [crl for crl in crls if crl.issuer == uitgever.subject and _ondertekend_door(crl, sleutel)]


def _ondertekend_door(crl: x509.CertificateRevocationList, sleutel: CertificateIssuerPublicKeyTypes) -> bool:
    try:
        return crl.is_signature_valid(sleutel)
    except (TypeError, ValueError):
        return False


def _actueel(crl: x509.CertificateRevocationList, nu: dt.datetime) -> bool:
    # A CRL past its nextUpdate may miss recent revocations; one without nextUpdate cannot say how long
    # it holds. Neither is used, so a stale CRL refuses rather than lets a revoked certificate in.
    volgende = crl.next_update_utc
    return volgende is not None and nu <= volgende
