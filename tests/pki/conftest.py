import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from cryptography import x509

from tests.pki import maak
from web.pki.instellingen import PkiInstellingen, netwerken
from web.pki.verificatie import Certificaatverificatie

PROXY = "10.0.0.5"


@pytest.fixture(scope="session")
def wortel() -> maak.Uitgever:
    return maak.root("TEST Staat der Nederlanden Root")


@pytest.fixture(scope="session")
def tussen(wortel: maak.Uitgever) -> maak.Uitgever:
    return maak.tussen(wortel, "TEST PKIoverheid Organisatie Persoon CA")


@pytest.fixture(scope="session")
def vreemde_tussen() -> maak.Uitgever:
    return maak.tussen(maak.root("Onbekende Root"), "Onbekende Tussen CA")


@pytest.fixture(scope="session")
def geldig(tussen: maak.Uitgever) -> x509.Certificate:
    return maak.leaf(tussen)


@pytest.fixture(scope="session")
def ingetrokken(tussen: maak.Uitgever) -> x509.Certificate:
    return maak.leaf(tussen, oin="00000099000000000102")


@pytest.fixture(scope="session")
def pki_map(tmp_path_factory, wortel, tussen, ingetrokken) -> Path:
    map_ = tmp_path_factory.mktemp("pki")
    (map_ / "root.pem").write_text(maak.pem(wortel.certificaat))
    (map_ / "tussen.pem").write_text(maak.pem(tussen.certificaat))
    (map_ / "tussen.crl.pem").write_bytes(maak.crl_pem(maak.crl(tussen, (ingetrokken,))))
    return map_


Maker = Callable[..., Certificaatverificatie]


@pytest.fixture(scope="session")
def verificatie_met(pki_map: Path) -> Maker:
    """A verifier at the fixed moment NU; pass crl=... to use another CRL file, tussen=False for none."""

    def maak_verificatie(
        *, crl: Path | None = None, met_tussen: bool = True, nu: dt.datetime = maak.NU
    ) -> Certificaatverificatie:
        instellingen = PkiInstellingen(
            vertrouwensankers=(pki_map / "root.pem",),
            tussencertificaten=(pki_map / "tussen.pem",) if met_tussen else (),
            crl_bestanden=(crl or pki_map / "tussen.crl.pem",),
            proxy_netwerken=netwerken(f"{PROXY}/32, fd00::/8"),
        )
        return Certificaatverificatie(instellingen, klok=lambda: nu)

    return maak_verificatie


@pytest.fixture(scope="session")
def verificatie(verificatie_met: Maker) -> Certificaatverificatie:
    return verificatie_met()
