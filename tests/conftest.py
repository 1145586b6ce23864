import itertools
from datetime import UTC, datetime, timedelta

import pytest

from domain.waarden import Actor, Notificatiekenmerk, Oin, Rol
from events_store.instellingen import persistence_env
from events_store.portaal import Portaal
from tests.support.databases import fresh_database_url

BEHEERDER = Oin("00000099000000000001")
AFNEMER = Oin("00000099000000000101")
ANDERE_AFNEMER = Oin("00000099000000000102")
INTERMEDIAIR = Oin("00000099000000000201")


class Klok:
    """A settable clock: each reading moves one second on, so events have distinct, known moments."""

    def __init__(self, start: datetime = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)) -> None:
        self.nu = start
        self._tik = itertools.count()

    def __call__(self) -> datetime:
        self.nu += timedelta(seconds=1)
        return self.nu


@pytest.fixture
def database_url(tmp_path):
    with fresh_database_url(tmp_path) as url:
        yield url


@pytest.fixture
def klok():
    return Klok()


@pytest.fixture
def portaal(database_url, klok):
    app = Portaal(persistence_env(database_url, {}), klok=klok)
    yield app
    app.close()
    app.engine.dispose()


def actor_voor(oin: Oin, namens: Oin | None = None) -> Actor:
    return Actor(oin, namens or oin, "test")


@pytest.fixture
def afnemer(portaal):
    """A registered afnemer that may use every notificatiekenmerk."""
    portaal.registreer_organisatie(
        AFNEMER, "Gemeente Voorbeeldstad", Rol.AFNEMER, list(Notificatiekenmerk), actor_voor(BEHEERDER)
    )
    return AFNEMER
