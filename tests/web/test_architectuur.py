"""Architecture read from the code: every route decides who may use it; the domain imports no outer layer."""

import ast
from pathlib import Path

import pytest

from web.sessie import AUTORISATIE

WORTEL = Path(__file__).resolve().parents[2]
VERBODEN_VOOR_DOMEIN = ("web", "projections", "events_store", "flask", "sqlalchemy", "flask_wtf", "wtforms")


def test_every_route_states_who_may_use_it(app):
    zonder = [
        regel.endpoint
        for regel in app.url_map.iter_rules()
        if regel.endpoint != "static" and not hasattr(app.view_functions[regel.endpoint], AUTORISATIE)
    ]
    assert zonder == []


def test_only_logging_in_and_out_and_logius_contact_details_are_open_to_everyone(app):
    openbaar = {
        regel.endpoint
        for regel in app.url_map.iter_rules()
        if getattr(app.view_functions[regel.endpoint], AUTORISATIE, None) == "openbaar"
    }
    assert openbaar == {
        "inloggen.index",
        "inloggen.met_certificaat",
        "inloggen.met_democertificaat",
        "inloggen.uitloggen",
        # Who cannot log in must still find out whom to ask (manual chapter 12); the page shows no data.
        "contact.gegevens",
        # The OpenAPI document: an integrator reads it before it has a certificate; it holds no data.
        "api_openapi.openapi_document",
    }


def test_every_beheer_route_is_for_the_beheerder_only(app):
    beheer = [r.endpoint for r in app.url_map.iter_rules() if r.endpoint.startswith("beheer.")]
    assert beheer
    assert {getattr(app.view_functions[e], AUTORISATIE) for e in beheer} == {"rol:beheerder"}


def _imports(pad: Path) -> list[str]:
    boom = ast.parse(pad.read_text(encoding="utf-8"), filename=str(pad))
    namen: list[str] = []
    for knoop in ast.walk(boom):
        if isinstance(knoop, ast.Import):
            namen.extend(alias.name for alias in knoop.names)
        elif isinstance(knoop, ast.ImportFrom) and knoop.module and knoop.level == 0:
            namen.append(knoop.module)
    return namen


@pytest.mark.parametrize(
    "pad",
    sorted((WORTEL / "domain").rglob("*.py")),
    ids=lambda p: p.relative_to(WORTEL / "domain").as_posix(),
)
def test_the_domain_imports_nothing_from_outer_layers(pad):
    fout = [n for n in _imports(pad) if n.split(".")[0] in VERBODEN_VOOR_DOMEIN]
    assert fout == []


def test_the_import_check_sees_a_forbidden_import(tmp_path):
    # The check above must be able to fail.
    pad = tmp_path / "slecht.py"
    pad.write_text("from flask import request\nimport events_store.portaal\n")
    assert [n.split(".")[0] for n in _imports(pad)] == ["flask", "events_store"]


def test_a_route_without_decorator_would_be_found(app):
    app.add_url_rule("/vergeten", "vergeten", lambda: "geheim")
    assert not hasattr(app.view_functions["vergeten"], AUTORISATIE)
