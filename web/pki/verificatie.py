"""Verify a client certificate handed over by the proxy, and say who it belongs to or why it is refused.

The login view (production) calls `verifieer_overdracht` with the remote address and the header value;
the demo login calls `verifieer_pem` with a demo certificate. Both run the same checks, in this order:
trust and validity, use, revocation, OIN. The order matters: an untrusted certificate is told only that
it is not trusted, whatever else is wrong with it.
"""

import datetime as dt
from pathlib import Path

from cryptography import x509

from web.pki.gebruik import controleer_gebruik
from web.pki.identiteit import Certificaatidentiteit, identiteit
from web.pki.instellingen import PkiInstellingen
from web.pki.intrekking import CrlVoorraad, Klok, controleer_intrekking
from web.pki.keten import verifieer_keten
from web.pki.overdracht import lees_certificaten, via_vertrouwde_proxy
from web.pki.weigering import CertificaatGeweigerd, Reden

__all__ = ["Certificaatidentiteit", "Certificaatverificatie", "CertificaatGeweigerd", "Reden"]


def _nu() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class Certificaatverificatie:
    """Built once per application from the settings; safe to share between request threads."""

    def __init__(self, instellingen: PkiInstellingen, klok: Klok = _nu) -> None:
        self.instellingen = instellingen
        self._klok = klok
        self._wortels = _lees_certificaten(instellingen.vertrouwensankers)
        self._tussen = _lees_certificaten(instellingen.tussencertificaten)
        self._crls = CrlVoorraad(instellingen.crl_bestanden, instellingen.crl_verversing, klok)

    def verifieer_overdracht(
        self, remote_addr: str | None, header_waarde: str | None
    ) -> Certificaatidentiteit:
        """The certificate in the proxy's header, trusted only when the request came from that proxy."""
        if not via_vertrouwde_proxy(remote_addr, self.instellingen.proxy_netwerken):
            raise CertificaatGeweigerd(Reden.NIET_VIA_PROXY)
        return self.verifieer_pem(header_waarde)

    def verifieer_pem(self, pem: str | None) -> Certificaatidentiteit:
        """A certificate as PEM (plain or URL-escaped), leaf first, optionally followed by its chain."""
        leaf, *meegestuurd = lees_certificaten(pem)
        nu = self._klok()
        keten = verifieer_keten(leaf, [*meegestuurd, *self._tussen], self._wortels, nu)
        controleer_gebruik(leaf)
        controleer_intrekking(keten, self._crls.crls(), nu)
        return identiteit(leaf)


def _lees_certificaten(bestanden: tuple[Path, ...]) -> list[x509.Certificate]:
    # A file may be a bundle of several PEM certificates, as CA bundles usually are. A missing or broken
    # file is a configuration error and should stop the application at start-up, so it is not caught.
    return [
        certificaat for pad in bestanden for certificaat in x509.load_pem_x509_certificates(pad.read_bytes())
    ]
