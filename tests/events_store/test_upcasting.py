"""Dienst.Created renamed its field `dienst_id_` to `dienst_id` (class_version 2): events stored by the old
code still load, on a plain and on an encrypted store."""

import json
from datetime import UTC, datetime

import pytest
from eventsourcing.cryptography import AESCipher

from domain.waarden import BerichttypeCode, DienstId, Notificatiekenmerk, Rol
from tests.conftest import AFNEMER, actor_voor
from tests.support.oude_events import bewaar_oude_dienst
from tests.support.proefportaal import open_proefportaal

OUD = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)


@pytest.fixture(params=[False, True], ids=["plain", "encrypted"])
def opslag(request, database_url, klok):
    omgeving = {"PORTAAL_CIPHER_KEY": AESCipher.create_key(32)} if request.param else {}
    app = open_proefportaal(database_url, klok=klok, environ=omgeving)
    yield app
    app.close()


def test_an_old_dienst_created_loads_and_takes_new_commands(opslag):
    opslag.registreer_organisatie(
        AFNEMER, "Gemeente", Rol.AFNEMER, list(Notificatiekenmerk), actor_voor(AFNEMER)
    )
    door = actor_voor(AFNEMER)
    opslag.maak_berichttype(AFNEMER, BerichttypeCode("AB1"), "Aanslag", Notificatiekenmerk.BETALEN, door)
    bewaar_oude_dienst(opslag, AFNEMER, "Toeslagen ", "Oude dienst", OUD)

    dienst = opslag.dienst(AFNEMER, DienstId("Toeslagen "))
    assert (dienst.dienst_id, dienst.omschrijving, dienst.afnemer, dienst.version) == (
        DienstId("Toeslagen "),
        "Oude dienst",
        AFNEMER,
        1,
    )
    opslag.koppel(AFNEMER, DienstId("Toeslagen "), BerichttypeCode("AB1"), door)
    assert BerichttypeCode("AB1") in opslag.dienst(AFNEMER, DienstId("Toeslagen ")).koppelingen

    oud = opslag.mapper.to_domain_event(opslag.events.recorder.select_events(dienst.id, lte=1)[0])
    assert oud.dienst_id == DienstId("Toeslagen ") and not hasattr(oud, "dienst_id_")


def test_a_new_dienst_created_is_stored_as_version_2_under_the_new_name(portaal, afnemer):
    door = actor_voor(afnemer)
    nieuw = portaal.maak_dienst(afnemer, DienstId("Zorg"), "Zorg", door).id
    (opgeslagen,) = portaal.recorder.select_events(nieuw, lte=1)
    state = json.loads(opgeslagen.state)
    assert state["class_version"] == 2
    assert state["dienst_id"] == {"_type_": "dienst_id", "_data_": "Zorg"} and "dienst_id_" not in state
