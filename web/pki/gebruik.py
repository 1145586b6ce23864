"""Is the certificate meant for client authentication?"""

from cryptography import x509
from cryptography.x509.oid import ExtendedKeyUsageOID

from web.pki.weigering import CertificaatGeweigerd, Reden


def controleer_gebruik(leaf: x509.Certificate) -> None:
    """Key usage digitalSignature and extended key usage clientAuth, both present.

    RFC 5280 reads a missing extension as "any use"; PKIoverheid certificates always state their use,
    so a missing one is refused rather than taken as permission.
    """
    if not (_digitale_handtekening(leaf) and _client_authenticatie(leaf)):
        raise CertificaatGeweigerd(Reden.ONGESCHIKT_GEBRUIK)


def _digitale_handtekening(leaf: x509.Certificate) -> bool:
    try:
        return leaf.extensions.get_extension_for_class(x509.KeyUsage).value.digital_signature
    except x509.ExtensionNotFound:
        return False


def _client_authenticatie(leaf: x509.Certificate) -> bool:
    try:
        gebruik = leaf.extensions.get_extension_for_class(x509.ExtendedKeyUsage).value
    except x509.ExtensionNotFound:
        return False
    return ExtendedKeyUsageOID.CLIENT_AUTH in gebruik
