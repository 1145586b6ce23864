"""An app per test on a fresh database, a test PKI made with `cryptography`, and the demo organisations."""

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from flask import Flask

from domain.waarden import Notificatiekenmerk, Oin, Rol
from tests.conftest import AFNEMER, ANDERE_AFNEMER, BEHEERDER, INTERMEDIAIR, actor_voor
from tests.pki import maak
from tests.support.proefportaal import Proefportaal
from tests.web.helpers import PROXY, Bezoeker
from web.app import create_app, sluit
from web.pki.instellingen import PkiInstellingen, netwerken

# An afnemer no intermediair serves, for the tests of reach.
DERDE_AFNEMER = Oin("00000099000000000103")


class Pki:
    def __init__(self, map_: Path, tussen: maak.Uitgever) -> None:
        self.map = map_
        self.tussen = tussen

    def instellingen(self) -> PkiInstellingen:
        return PkiInstellingen(
            vertrouwensankers=(self.map / "root.pem",),
            tussencertificaten=(self.map / "tussen.pem",),
            crl_bestanden=(self.map / "tussen.crl.pem",),
            proxy_netwerken=netwerken(f"{PROXY}/32"),
        )

    def pem(self, oin: Oin | str | None, **opties) -> str:
        """A fresh client certificate for this OIN, as the proxy hands it over (leaf only, PEM)."""
        waarde = oin.waarde if isinstance(oin, Oin) else oin
        return maak.pem(maak.leaf(self.tussen, oin=waarde, **opties))


@pytest.fixture(scope="session")
def ingetrokken_certificaat(web_pki_basis):
    return web_pki_basis[2]


@pytest.fixture(scope="session")
def web_pki_basis(tmp_path_factory):
    map_ = tmp_path_factory.mktemp("web-pki")
    wortel = maak.root("TEST Staat der Nederlanden Root")
    tussen = maak.tussen(wortel, "TEST PKIoverheid Organisatie Persoon CA")
    ingetrokken = maak.leaf(tussen, oin=ANDERE_AFNEMER.waarde)
    (map_ / "root.pem").write_text(maak.pem(wortel.certificaat))
    (map_ / "tussen.pem").write_text(maak.pem(tussen.certificaat))
    (map_ / "tussen.crl.pem").write_bytes(maak.crl_pem(maak.crl(tussen, (ingetrokken,))))
    return map_, tussen, ingetrokken


@pytest.fixture(scope="session")
def pki(web_pki_basis) -> Pki:
    map_, tussen, _ = web_pki_basis
    return Pki(map_, tussen)


def app_config(database_url: str, tmp_path: Path, pki: Pki, klok, **extra) -> dict:
    return {
        "TESTING": True,
        "SECRET_KEY": "test-sleutel",
        "WTF_CSRF_ENABLED": False,
        "DATABASE_URL": database_url,
        "PORTAAL_VAR": tmp_path / "var",
        "PORTAAL_KLOK": klok,
        "PKI_INSTELLINGEN": pki.instellingen(),
        "PKI_KLOK": lambda: maak.NU,
        **extra,
    }


@pytest.fixture
def maak_app(database_url, tmp_path, pki, klok) -> Iterator[Callable[..., Flask]]:
    """Build an app with extra config; at most one per test, as each gets the test's database."""
    gebouwd: list[Flask] = []

    def bouw(**extra) -> Flask:
        app = create_app(app_config(database_url, tmp_path, pki, klok, **extra))
        gebouwd.append(app)
        return app

    yield bouw
    for app in gebouwd:
        sluit(app)


@pytest.fixture
def app(maak_app) -> Flask:
    return maak_app()


@pytest.fixture
def app_portaal(app) -> Proefportaal:
    return Proefportaal(app.extensions["samenstelling"])


def registreer_cast(portaal: Proefportaal) -> Proefportaal:
    """The demo cast: a beheerder, three afnemers, and an intermediair serving the first two."""
    beheer = actor_voor(BEHEERDER)
    alle = list(Notificatiekenmerk)
    portaal.registreer_organisatie(BEHEERDER, "Logius Beheer", Rol.BEHEERDER, alle, beheer)
    portaal.registreer_organisatie(AFNEMER, "Gemeente Voorbeeldstad", Rol.AFNEMER, alle, beheer)
    portaal.registreer_organisatie(ANDERE_AFNEMER, "Dienst Toeslagen Test", Rol.AFNEMER, alle, beheer)
    portaal.registreer_organisatie(DERDE_AFNEMER, "Waterschap Testland", Rol.AFNEMER, alle, beheer)
    portaal.registreer_organisatie(
        INTERMEDIAIR, "Berichtenleverancier Test BV", Rol.INTERMEDIAIR, alle, beheer
    )
    portaal.bedien_afnemer(INTERMEDIAIR, AFNEMER, beheer)
    portaal.bedien_afnemer(INTERMEDIAIR, ANDERE_AFNEMER, beheer)
    return portaal


@pytest.fixture
def organisaties(app_portaal) -> Proefportaal:
    return registreer_cast(app_portaal)


@pytest.fixture
def organisaties_voor() -> Callable[[Flask], Proefportaal]:
    """For tests that build their own app with `maak_app`."""
    return lambda app: registreer_cast(Proefportaal(app.extensions["samenstelling"]))


@pytest.fixture
def bezoeker(app, pki) -> Bezoeker:
    """Not logged in."""
    return Bezoeker(app)


@pytest.fixture
def ingelogd(app, pki, organisaties) -> Callable[[Oin], Bezoeker]:
    """A visitor logged in as the organisation with this OIN, through the production login path."""

    def log_in(oin: Oin) -> Bezoeker:
        bezoeker = Bezoeker(app)
        bezoeker.log_in(pki.pem(oin))
        return bezoeker

    return log_in
