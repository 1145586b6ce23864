"""What a user and a machine see while the store cannot be used: an SQLite file held by another writer (a
real lock, with a short busy timeout so the test need not wait the default five seconds)."""

import sqlite3

import pytest

from tests.conftest import AFNEMER
from tests.support.proefportaal import Proefportaal
from tests.verwerking.wereld import richt_in
from tests.web.api.hulp import Leverancier, batch_xml, bericht
from tests.web.helpers import Bezoeker, controleer_pagina


@pytest.fixture
def vergrendeld(maak_app, pki, klok, tmp_path):
    """An app on its own SQLite file, a logged-in afnemer and a leverancier; the file locked for writing."""
    pad = tmp_path / "vergrendeld.sqlite3"
    app = maak_app(DATABASE_URL=f"sqlite:///{pad}?timeout=0.2", TESTING=False)
    richt_in(Proefportaal(app.extensions["samenstelling"]), klok.nu)
    bezoeker = Bezoeker(app)
    bezoeker.log_in(pki.pem(AFNEMER))
    houder = sqlite3.connect(pad, isolation_level=None)
    houder.execute("BEGIN EXCLUSIVE")
    try:
        yield bezoeker, Leverancier(app.test_client(), pki.pem(AFNEMER))
    finally:
        houder.close()


def test_a_command_while_the_store_is_unreachable_gets_the_dutch_503_page_with_retry_after(vergrendeld):
    bezoeker, _ = vergrendeld
    velden = {"code": "SLOT1", "omschrijving": "Vergrendeld", "notificatiekenmerk": "Betalen"}
    antwoord = bezoeker.client.post("/berichttypes/toevoegen", data=velden)
    assert antwoord.status_code == 503
    assert antwoord.headers["Retry-After"].isdigit()
    pagina = controleer_pagina(antwoord)
    assert pagina.h1.get_text(strip=True) == "Portaal tijdelijk niet beschikbaar"


def test_a_batch_while_the_store_is_unreachable_gets_the_json_503(vergrendeld, klok):
    _, leverancier = vergrendeld
    antwoord = leverancier.lever(batch_xml(AFNEMER, [bericht(0)], klok.nu))
    assert antwoord.status_code == 503
    assert antwoord.headers["Retry-After"].isdigit()
    assert antwoord.get_json()["fout"] == "TijdelijkNietBeschikbaar"
