"""The OpenAPI document (web/api/openapi.py): open to everyone, valid OpenAPI 3.1, and complete, so that a
route added under /api/v1 without a description fails here."""

import re

import pytest
from lxml import etree
from openapi_spec_validator import OpenAPIV31SpecValidator

from koppelvlak.schema import berichten_xsd
from web.api.batch_modellen import VOORBEELD_BATCH
from web.api.beschrijving import Antwoord, beschreven
from web.api.toegang import machine
from web.sessie import AUTORISATIE

DOCUMENT = "/api/v1/openapi.json"
METHODEN = ("get", "put", "post", "delete", "patch")


def _document(app) -> dict:
    antwoord = app.test_client().get(DOCUMENT)
    assert antwoord.status_code == 200
    assert antwoord.mimetype == "application/json"
    return antwoord.get_json()


def _ontbrekend(app, document: dict) -> list[str]:
    """Every route and method under /api/v1 that the document does not describe."""
    ontbreekt = []
    for regel in app.url_map.iter_rules():
        if not regel.rule.startswith("/api/v1/"):
            continue
        pad = re.sub(r"<(?:[^<>]*:)?(\w+)>", r"{\1}", regel.rule)
        for methode in sorted(regel.methods - {"HEAD", "OPTIONS"}):
            if methode.lower() not in document["paths"].get(pad, {}):
                ontbreekt.append(f"{methode} {pad}")
    return ontbreekt


def test_the_document_is_open_to_everyone_and_valid_openapi_3_1(app):
    # No certificate, no session: an integrator reads it before it is connected.
    document = _document(app)
    assert document["openapi"] == "3.1.0"
    OpenAPIV31SpecValidator(document).validate()


def test_every_route_under_api_v1_is_in_the_document(app):
    document = _document(app)
    assert _ontbrekend(app, document) == []
    assert {"/api/v1/batches", "/api/v1/batches/{batch_id}", "/api/v1/batches/{batch_id}/verslag"} <= set(
        document["paths"]
    )


def test_a_route_without_a_description_would_be_found(app):
    @machine()
    def vergeten():
        return "geheim"

    app.add_url_rule("/api/v1/vergeten/<int:nummer>", "vergeten", vergeten, methods=["GET", "POST"])
    verwacht = ["GET /api/v1/vergeten/{nummer}", "POST /api/v1/vergeten/{nummer}"]
    assert _ontbrekend(app, _document(app)) == verwacht


def test_exactly_the_certificate_routes_ask_for_a_certificate_and_document_its_refusals(app):
    document = _document(app)
    beveiligd = {}
    for regel in app.url_map.iter_rules():
        if regel.rule.startswith("/api/v1/"):
            autorisatie = getattr(app.view_functions[regel.endpoint], AUTORISATIE)
            pad = re.sub(r"<(?:[^<>]*:)?(\w+)>", r"{\1}", regel.rule)
            machine = autorisatie.startswith("machine:")
            beveiligd[pad] = autorisatie.removeprefix("machine:").split(",") if machine else None
    for pad, operaties in document["paths"].items():
        for methode, operatie in operaties.items():
            assert methode in METHODEN
            if beveiligd[pad]:
                assert operatie["security"] == [{"pkioverheid": []}], (methode, pad)
                assert {"401", "403"} <= set(operatie["responses"]), (methode, pad)
                assert operatie["x-rollen"] == beveiligd[pad], (methode, pad)
            else:
                assert operatie["security"] == [] and "x-rollen" not in operatie, (methode, pad)
    assert document["components"]["securitySchemes"]["pkioverheid"]["type"] == "mutualTLS"


def test_every_error_answer_is_the_json_error(app):
    document = _document(app)
    for pad, operaties in document["paths"].items():
        for methode, operatie in operaties.items():
            for status, antwoord in operatie["responses"].items():
                if int(status) >= 400:
                    schema = antwoord["content"]["application/json"]["schema"]
                    assert schema == {"$ref": "#/components/schemas/Fout"}, (methode, pad, status)
    fout = document["components"]["schemas"]["Fout"]
    assert set(fout["required"]) == {"fout", "melding"}


def test_the_example_batch_is_valid_against_the_koppelvlak_xsd(app):
    document = _document(app)
    voorbeeld = document["paths"]["/api/v1/batches"]["post"]["requestBody"]["content"]["application/xml"]
    assert voorbeeld["example"] == VOORBEELD_BATCH
    berichten_xsd().assertValid(etree.fromstring(VOORBEELD_BATCH.encode()))


@pytest.mark.parametrize("pad", ["/api/v1/batches/{batch_id}", "/api/v1/batches/{batch_id}/verslag"])
def test_path_parameters_are_described(app, pad):
    (parameter,) = _document(app)["paths"][pad]["get"]["parameters"]
    assert parameter["name"] == "batch_id" and parameter["in"] == "path" and parameter["required"]
    assert parameter["description"]


def test_a_described_route_gets_its_path_variables_typed_by_their_converters(app):
    @machine()
    @beschreven("Proef", antwoorden={200: Antwoord("Goed.")})
    def proef(nummer, naam):
        return "proef"

    app.add_url_rule("/api/v1/proef/<int:nummer>/<naam>", "proef", proef)
    operatie = _document(app)["paths"]["/api/v1/proef/{nummer}/{naam}"]["get"]
    assert [(p["name"], p["schema"]) for p in operatie["parameters"]] == [
        ("nummer", {"type": "integer", "minimum": 0}),
        ("naam", {"type": "string"}),
    ]
    assert operatie["security"] == [{"pkioverheid": []}]
    assert set(operatie["responses"]) == {"200", "401", "403", "503", "507"}
