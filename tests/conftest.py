import itertools
from datetime import UTC, datetime, timedelta

import pytest

from domain.waarden import Actor, Notificatiekenmerk, Oin, Rol
from service_layer.samenstelling import bouw
from tests.support.databases import fresh_database_url
from tests.support.proefportaal import Proefportaal

# Every run checks its own log lines for BSNs.
pytest_plugins = ["tests.support.geen_bsn_in_logs"]

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
def samenstelling(database_url, klok):
    """What a process builds, through the composition root, on the test's own database."""
    gebouwd = bouw({}, url=database_url, klok=klok)
    yield gebouwd
    gebouwd.sluit()


@pytest.fixture
def portaal(samenstelling):
    """The use cases of the portal configuration, with the aggregates and the log behind them."""
    return Proefportaal(samenstelling)


@pytest.fixture
def configuratie(samenstelling):
    """The write side itself, for tests that look at aggregates or the log."""
    return samenstelling.configuratie


def actor_voor(oin: Oin, namens: Oin | None = None) -> Actor:
    return Actor(oin, namens or oin, "test")


@pytest.fixture
def afnemer(portaal):
    """A registered afnemer that may use every notificatiekenmerk."""
    portaal.registreer_organisatie(
        AFNEMER, "Gemeente Voorbeeldstad", Rol.AFNEMER, list(Notificatiekenmerk), actor_voor(BEHEERDER)
    )
    return AFNEMER
