"""Schemathesis against the app in-process, as an authorised berichtleverancier (a real certificate in the
proxy's header): every documented operation with its examples and with generated and negative input; no
500s, every answer in a documented status and content type, conforming to its schema.

The schema is read at collection from the same generator that serves it, on a bare Flask app that only
registers the API's blueprints (no database); each test then calls the full app on its own database, and
`test_the_tested_document_is_the_served_one` keeps the two the same. (schemathesis' fixture-based loading
does not run under pytest 9.)"""

from urllib.parse import quote

import pytest
import schemathesis
from flask import Flask
from flask_wtf import CSRFProtect
from hypothesis import HealthCheck, settings

from tests.conftest import AFNEMER
from tests.web.helpers import HEADER, PROXY
from web.api import registratie
from web.api.batch_modellen import VOORBEELD_BATCH, VOORBEELD_BATCH_ID
from web.api.openapi import document


def _document_van_de_code() -> dict:
    kaal = Flask(__name__)
    registratie.registreer(kaal, CSRFProtect())
    return document(kaal)


DOCUMENT = _document_van_de_code()
schema = schemathesis.openapi.from_dict(DOCUMENT)


@pytest.fixture
def afnemer_certificaat(pki) -> dict[str, str]:
    return {HEADER: quote(pki.pem(AFNEMER))}


@pytest.fixture
def met_voorbeeldbatch(app, organisaties, afnemer_certificaat):
    """The documented example batch exists, so the examples of the GET routes reach their 200."""
    antwoord = app.test_client().post(
        "/api/v1/batches",
        data=VOORBEELD_BATCH.encode(),
        content_type="application/xml",
        headers=afnemer_certificaat,
        environ_base={"REMOTE_ADDR": PROXY},
    )
    assert antwoord.status_code == 202, antwoord.get_json()
    assert antwoord.get_json()["batch_id"] == VOORBEELD_BATCH_ID
    return app


def test_the_tested_document_is_the_served_one(app):
    assert app.test_client().get("/api/v1/openapi.json").get_json() == DOCUMENT


@schema.parametrize()
@settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))
def test_the_api_holds_to_its_document(case, met_voorbeeldbatch, afnemer_certificaat):
    case.call_and_validate(
        app=met_voorbeeldbatch, headers=afnemer_certificaat, environ_base={"REMOTE_ADDR": PROXY}
    )
