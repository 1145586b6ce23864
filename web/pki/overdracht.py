"""The hand-over of the client certificate by the TLS-terminating proxy: may we trust it, what it holds."""

import base64
import binascii
import ipaddress
import re
from urllib.parse import unquote

from cryptography import x509

from web.pki.instellingen import Netwerk
from web.pki.weigering import CertificaatGeweigerd, Reden

# A leaf and its chain fit easily; anything larger is not a certificate hand-over.
MAXIMALE_LENGTE = 64 * 1024
MAXIMAAL_AANTAL = 8

_PEM_BLOK = re.compile(r"-----BEGIN CERTIFICATE-----(.*?)-----END CERTIFICATE-----", re.DOTALL)
# nginx without a client certificate sends an empty value; some proxies send "(null)" or "-".
_LEEG = {"", "(null)", "-"}


def via_vertrouwde_proxy(adres: str | None, netwerken: tuple[Netwerk, ...]) -> bool:
    """Only a configured proxy may speak for the client; anyone else could simply send the header."""
    if not adres:
        return False
    try:
        ip = ipaddress.ip_address(adres)
    except ValueError:
        return False
    return any(ip in netwerk for netwerk in netwerken)


def lees_certificaten(waarde: str | None) -> list[x509.Certificate]:
    """The certificates in a header value: the client's first, then any chain the proxy passed on.

    Accepts plain PEM, URL-escaped PEM (nginx `$ssl_client_escaped_cert`) and PEM whose line breaks a proxy
    turned into spaces or tabs: the base64 body is rebuilt from the text between the markers.
    """
    tekst = unquote(waarde or "").strip()
    if tekst in _LEEG:
        raise CertificaatGeweigerd(Reden.GEEN_CERTIFICAAT)
    if len(tekst) > MAXIMALE_LENGTE:
        raise CertificaatGeweigerd(Reden.ONLEESBAAR)
    blokken = _PEM_BLOK.findall(tekst)
    if not blokken or len(blokken) > MAXIMAAL_AANTAL:
        raise CertificaatGeweigerd(Reden.ONLEESBAAR)
    return [_certificaat(blok) for blok in blokken]


def _certificaat(blok: str) -> x509.Certificate:
    try:
        der = base64.b64decode("".join(blok.split()), validate=True)
        return x509.load_der_x509_certificate(der)
    except (binascii.Error, ValueError) as fout:
        raise CertificaatGeweigerd(Reden.ONLEESBAAR) from fout
