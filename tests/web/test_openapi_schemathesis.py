"""Schemathesis against the app in-process, as an authorised caller (a real certificate in the proxy's
header, of an organisation with the first role the operation's `x-rollen` names): every documented operation
with its examples and with generated and negative input; no 500s, every answer in a documented status and
content type, conforming to its schema.

The schema is read at collection from the same generator that serves it, on a bare Flask app that only
registers the API's blueprints (no database); each test then calls the full app on its own database, and
`test_the_tested_document_is_the_served_one` keeps the two the same. (schemathesis' fixture-based loading
does not run under pytest 9.)"""

import json
from datetime import timedelta
from urllib.parse import quote

import pytest
import schemathesis
from flask import Flask
from flask_wtf import CSRFProtect
from hypothesis import HealthCheck, settings
from schemathesis.core.failures import FailureGroup
from schemathesis.specs.openapi.checks import positive_data_acceptance

from domain.waarden import BerichttypeCode, Bsn, Notificatiekenmerk, Oin, Rol, Status
from tests.conftest import AFNEMER, BEHEERDER, INTERMEDIAIR, actor_voor
from tests.web.helpers import HEADER, PROXY
from web.api import registratie
from web.api.batch_modellen import VOORBEELD_BATCH, VOORBEELD_BATCH_ID
from web.api.openapi import document

FEED = Oin("00000099000000000301")


def _document_van_de_code() -> dict:
    kaal = Flask(__name__)
    registratie.registreer(kaal, CSRFProtect())
    return document(kaal)


@schemathesis.serializer("application/xml", "text/xml")
def _xml_zoals_gegeven(ctx, waarde) -> bytes:
    # schemathesis would wrap a string body in an XML element of its own; a batch is sent as it is, and
    # whatever else it makes of the body (negative tests) goes as its JSON text, which is not XML either.
    if isinstance(waarde, bytes):
        return waarde
    if isinstance(waarde, str):
        return waarde.encode("utf-8")
    return json.dumps(waarde).encode("utf-8")


DOCUMENT = _document_van_de_code()
schema = schemathesis.openapi.from_dict(DOCUMENT)


# The cast registers afnemers, an intermediair and a beheerder; each other role gets an organisation here.
VASTE_ROLLEN = {Rol.AFNEMER: AFNEMER, Rol.INTERMEDIAIR: INTERMEDIAIR, Rol.BEHEERDER: BEHEERDER}
MACHINES = {
    rol: Oin(f"000000990000000004{nummer:02d}")
    for nummer, rol in enumerate(r for r in Rol if r not in VASTE_ROLLEN)
}


@pytest.fixture
def afnemer_certificaat(pki) -> dict[str, str]:
    return {HEADER: quote(pki.pem(AFNEMER))}


@pytest.fixture
def certificaten(pki, organisaties) -> dict[str, dict[str, str]]:
    """Per role, the proxy's header with a certificate of an organisation registered with that role."""
    for rol, oin in MACHINES.items():
        organisaties.registreer_organisatie(
            oin, f"Bron {rol.value}", rol, list(Notificatiekenmerk), actor_voor(BEHEERDER)
        )
    organisaties.bijwerken()
    return {rol.value: {HEADER: quote(pki.pem(oin))} for rol, oin in (VASTE_ROLLEN | MACHINES).items()}


@pytest.fixture
def met_voorbeeldbatch(app, organisaties, afnemer_certificaat, klok):
    """The documented example batch exists, so the examples of the GET routes reach their 200; its berichttype
    is active and its citizen has a Berichtenbox, so it is Verwerkt as the documentation shows."""
    door = actor_voor(AFNEMER)
    organisaties.maak_berichttype(
        AFNEMER, BerichttypeCode("AANSLAG"), "Aanslag", Notificatiekenmerk.INFORMATIE_KRIJGEN, door
    )
    organisaties.wijzig_berichttype_status(AFNEMER, BerichttypeCode("AANSLAG"), Status.ACTIEF, door)
    organisaties.zet_berichtenbox(Bsn("123456782"), klok.nu - timedelta(days=400), None, actor_voor(FEED))
    organisaties.bijwerken()
    antwoord = app.test_client().post(
        "/api/v1/batches",
        data=VOORBEELD_BATCH.encode(),
        content_type="application/xml",
        headers=afnemer_certificaat,
        environ_base={"REMOTE_ADDR": PROXY},
    )
    assert antwoord.status_code == 202, antwoord.get_json()
    assert antwoord.get_json()["batch_id"] == VOORBEELD_BATCH_ID
    assert antwoord.get_json()["verwerkt"] == 1
    return app


def test_the_tested_document_is_the_served_one(app):
    assert app.test_client().get("/api/v1/openapi.json").get_json() == DOCUMENT


@schema.parametrize()
@settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))
def test_the_api_holds_to_its_document(case, met_voorbeeldbatch, certificaten):
    rollen = case.operation.definition.raw.get("x-rollen", [Rol.AFNEMER.value])
    case.call_and_validate(
        app=met_voorbeeldbatch,
        headers=certificaten[rollen[0]],
        environ_base={"REMOTE_ADDR": PROXY},
        # The portal's input has rules no JSON Schema carries: a batch is the koppelvlak's XSD plus rules
        # across its fields (the BatchID in every bericht equal to the kop's, BerichtLeverancierID the
        # certificate's OIN), a BSN passes the elfproef, a moment is ISO 8601 between 2000 and 2100. Input
        # that fits the document can still break them, and its 4xx with a Dutch reason is right; so "valid
        # by the document means accepted" is not checked. The documented examples stand in for it (the
        # example batch's 202 is checked above), and everything else is: no 5xx, documented statuses and
        # content types, answers that fit their schemas, invalid input refused.
        excluded_checks=[positive_data_acceptance],
    )


def _operatie(pad: str, methode: str = "GET"):
    return schema[pad][methode]


def test_the_report_in_json_holds_to_its_schema(met_voorbeeldbatch, afnemer_certificaat):
    # Schemathesis asks for the report in XML only; the JSON form is checked against the document here.
    zaak = _operatie("/api/v1/batches/{batch_id}/verslag").Case(
        path_parameters={"batch_id": VOORBEELD_BATCH_ID}, headers={"Accept": "application/json"}
    )
    antwoord = zaak.call_and_validate(
        app=met_voorbeeldbatch, headers=afnemer_certificaat, environ_base={"REMOTE_ADDR": PROXY}
    )
    assert antwoord.status_code == 200 and antwoord.headers["content-type"] == ["application/json"]
    verslag = antwoord.json()
    assert verslag["BatchID"] == VOORBEELD_BATCH_ID and len(verslag["Berichten"]) == 1


@pytest.mark.parametrize("pad", ["/api/v1/batches/{batch_id}", "/api/v1/batches/{batch_id}/verslag"])
def test_without_a_certificate_the_refusal_holds_to_the_document(app, organisaties, pad):
    zaak = _operatie(pad).Case(path_parameters={"batch_id": VOORBEELD_BATCH_ID})
    antwoord = zaak.call_and_validate(app=app, environ_base={"REMOTE_ADDR": PROXY})
    assert antwoord.status_code == 401
    assert antwoord.json()["fout"] == "CertificaatGeweigerd" and antwoord.json()["melding"]


def test_the_checks_find_an_answer_outside_the_document(met_voorbeeldbatch, afnemer_certificaat):
    # The checks can fail: the status of a batch is not the JSON error the document promises for a 404.
    zaak = _operatie("/api/v1/batches/{batch_id}").Case(path_parameters={"batch_id": VOORBEELD_BATCH_ID})
    antwoord = zaak.call(
        app=met_voorbeeldbatch, headers=afnemer_certificaat, environ_base={"REMOTE_ADDR": PROXY}
    )
    antwoord.status_code = 404
    with pytest.raises(FailureGroup):
        zaak.validate_response(antwoord)
