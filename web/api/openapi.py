"""The OpenAPI 3.1 document of the machine interface, at `GET /api/v1/openapi.json`, built from the running
app: the routes from `app.url_map`, each route's description from the view it calls (web/api/beschrijving.py),
who may call it from the same attribute that decides it (`@machine`), and the JSON schemas from the pydantic
models. apispec assembles the document (components, references). An integrator reads it before having a
certificate, so the document is open to everyone; it holds no data, only the shape of the interface."""

import re
from collections.abc import Iterator, Mapping
from importlib import metadata

from apispec import APISpec
from flask import Blueprint, Flask, current_app, jsonify
from pydantic import BaseModel
from werkzeug.routing import Rule

from web import storing
from web.api.beschrijving import Antwoord, Beschrijving, Inhoud, Vorm, beschreven, beschrijving_van
from web.api.fouten import Fout
from web.sessie import AUTORISATIE, openbaar

PREFIX = "/api/v1/"
BEVEILIGING = "pkioverheid"
ROLLEN = "x-rollen"
_NIET_GEDOCUMENTEERD = {"HEAD", "OPTIONS"}
# A werkzeug rule variable, `<name>` or `<converter(args):name>`.
_VARIABELE = re.compile(r"<(?:[^<>]*:)?([A-Za-z_][A-Za-z0-9_]*)>")
_CONVERTER = re.compile(r"<(?:([a-z]+)[^<>:]*:)?([A-Za-z_][A-Za-z0-9_]*)>")
# What werkzeug's converters let through, as the schema of the path parameter unless the route says more.
_CONVERTER_SCHEMA: dict[str, dict[str, object]] = {
    "int": {"type": "integer", "minimum": 0},
    "float": {"type": "number", "minimum": 0},
    "uuid": {"type": "string", "format": "uuid"},
}
_MACHINE = "machine:"
_TITEL = "Berichtenbox Leveranciersportaal: machine-interface"
_UITLEG = (
    "De koppelvlakken van het Berichtenbox Leveranciersportaal voor machines: berichtleveranciers leveren "
    "batches aan en lezen hun verwerkingsverslagen; de registers worden bijgehouden door hun bronnen. Elke "
    "aanroep (behalve dit document) bewijst met een PKIoverheid-certificaat (mutual TLS) welke organisatie "
    "belt; de TLS-proxy geeft het certificaat door aan het portaal. Fouten zijn JSON (`Fout`) met een "
    "4xx-status en een Nederlandse reden; een storing van de opslag is een 503 (met Retry-After) of 507. "
    "Zie docs/api.md."
)
_BEVEILIGINGSSCHEMA = {
    "type": "mutualTLS",
    "description": "Een PKIoverheid-clientcertificaat (of in de demo een certificaat van de demo-PKI) met "
    "het OIN van een organisatie die de beheerder heeft geregistreerd met een rol die de route toelaat.",
}
_CERTIFICAATFOUTEN = {
    401: "Geen geldig certificaat: ontbreekt, onleesbaar, niet vertrouwd, verlopen of ingetrokken "
    "(fout CertificaatGeweigerd, met de reden).",
    403: "Het certificaat is geldig, maar het OIN hoort niet bij een aangesloten organisatie (OnbekendeOin) "
    "of niet bij een rol die deze route toelaat (GeenToegang).",
}

bp = Blueprint("api_openapi", __name__)


def _versie() -> str:
    try:
        return metadata.version("berichtenbox-leveranciersportaal")
    except metadata.PackageNotFoundError:
        return "0"


def api_regels(app: Flask) -> Iterator[tuple[Rule, str]]:
    """Every route and method under /api/v1, the ones the document must describe."""
    for regel in sorted(app.url_map.iter_rules(), key=lambda r: r.rule):
        if regel.rule.startswith(PREFIX):
            for methode in sorted((regel.methods or set()) - _NIET_GEDOCUMENTEERD):
                yield regel, methode


def openapi_pad(regel: Rule) -> str:
    """`/api/v1/batches/<batch_id>` as OpenAPI writes it: `/api/v1/batches/{batch_id}`."""
    return _VARIABELE.sub(r"{\1}", regel.rule)


def padvariabelen(regel: Rule) -> list[tuple[str, dict[str, object]]]:
    """The path's variables in order, each with the schema its converter admits."""
    return [
        (naam, dict(_CONVERTER_SCHEMA.get(converter, {"type": "string"})))
        for converter, naam in _CONVERTER.findall(regel.rule)
    ]


class _Document:
    def __init__(self) -> None:
        self.spec = APISpec(
            title=_TITEL,
            version=_versie(),
            openapi_version="3.1.0",
            info={"description": _UITLEG},
        )
        self.spec.components.security_scheme(BEVEILIGING, _BEVEILIGINGSSCHEMA)
        self._schemas: set[str] = set()

    def schema(self, model: type[BaseModel]) -> dict[str, str]:
        """A reference to the model's schema; the model and the models and enums it uses become components."""
        schema = model.model_json_schema(ref_template="#/components/schemas/{model}", mode="serialization")
        naam = schema.get("title", model.__name__)
        for onderdeel, deel in schema.pop("$defs", {}).items():
            self._component(onderdeel, deel)
        self._component(naam, schema)
        return {"$ref": f"#/components/schemas/{naam}"}

    def _component(self, naam: str, schema: Mapping[str, object]) -> None:
        if naam not in self._schemas:
            self._schemas.add(naam)
            self.spec.components.schema(naam, dict(schema))

    def inhoud(self, vorm: Vorm) -> dict[str, object]:
        vormen = vorm if isinstance(vorm, tuple) else (vorm,)
        inhoud: dict[str, object] = {}
        for deel in vormen:
            if isinstance(deel, Inhoud):
                for mediatype in deel.mediatypes:
                    beschrijving: dict[str, object] = {"schema": dict(deel.schema)}
                    if deel.voorbeeld is not None:
                        beschrijving["example"] = deel.voorbeeld
                    inhoud[mediatype] = beschrijving
            else:
                inhoud["application/json"] = {"schema": self.schema(deel)}
        return inhoud

    def antwoord(self, antwoord: Antwoord) -> dict[str, object]:
        uit: dict[str, object] = {"description": antwoord.uitleg}
        if antwoord.vorm is not None:
            uit["content"] = self.inhoud(antwoord.vorm)
        if antwoord.headers:
            uit["headers"] = {
                naam: {"description": uitleg, "schema": {"type": "string"}}
                for naam, uitleg in antwoord.headers.items()
            }
        return uit

    def operatie(self, regel: Rule, methode: str, view, beschrijving: Beschrijving) -> dict[str, object]:
        autorisatie = getattr(view, AUTORISATIE, "")
        machine = autorisatie.startswith(_MACHINE)
        rollen = autorisatie.removeprefix(_MACHINE)
        antwoorden = dict(beschrijving.antwoorden)
        uitleg = beschrijving.uitleg
        if machine:
            for status, reden in {**_CERTIFICAATFOUTEN, **storing.API_ANTWOORDEN}.items():
                antwoorden.setdefault(status, Antwoord(reden, Fout))
            uitleg = f"{uitleg}\n\nToegang: een certificaat van een organisatie met rol {rollen}.".strip()
        operatie: dict[str, object] = {
            "operationId": f"{regel.endpoint}.{methode.lower()}",
            "summary": beschrijving.samenvatting,
            "description": uitleg,
            "tags": list(beschrijving.tags),
            "parameters": self.parameters(regel, beschrijving),
            "responses": {str(s): self.antwoord(a) for s, a in sorted(antwoorden.items())},
            "security": [{BEVEILIGING: []}] if machine else [],
        }
        if machine:
            # Which registered roles the certificate's organisation must have, for tooling and tests.
            operatie[ROLLEN] = rollen.split(",")
        if beschrijving.body is not None:
            operatie["requestBody"] = {
                "required": True,
                "description": beschrijving.body_uitleg,
                "content": self.inhoud(beschrijving.body),
            }
        return operatie

    def parameters(self, regel: Rule, beschrijving: Beschrijving) -> list[dict[str, object]]:
        parameters = []
        for naam, standaard in padvariabelen(regel):
            schema = dict(beschrijving.padparameters.get(naam, standaard))
            uitleg = schema.pop("description", "")
            parameters.append(
                {"name": naam, "in": "path", "required": True, "description": uitleg, "schema": schema}
            )
        if beschrijving.query is not None:
            schema = beschrijving.query.model_json_schema(mode="validation")
            verplicht = set(schema.get("required", ()))
            for naam, veld in schema.get("properties", {}).items():
                veld = _zonder_null(dict(veld))
                uitleg = veld.pop("description", "")
                veld.pop("title", None)
                veld.pop("default", None)
                parameters.append(
                    {
                        "name": naam,
                        "in": "query",
                        "required": naam in verplicht,
                        "description": uitleg,
                        "schema": veld,
                    }
                )
        return parameters


def _zonder_null(veld: dict[str, object]) -> dict[str, object]:
    """A query parameter is either there or not; pydantic's `X | None` becomes just X."""
    varianten = veld.pop("anyOf", None)
    if isinstance(varianten, list):
        echt = [v for v in varianten if v != {"type": "null"}]
        if len(echt) == 1:
            veld.update(echt[0])
        else:
            veld["anyOf"] = echt
    return veld


def document(app: Flask) -> dict[str, object]:
    """The OpenAPI document of every described route under /api/v1; an undescribed one is left out (and
    the test that compares the document with `app.url_map` fails on it)."""
    doc = _Document()
    paden: dict[str, dict[str, object]] = {}
    for regel, methode in api_regels(app):
        view = app.view_functions[regel.endpoint]
        beschrijving = beschrijving_van(view, methode)
        if beschrijving is not None:
            operatie = doc.operatie(regel, methode, view, beschrijving)
            paden.setdefault(openapi_pad(regel), {})[methode.lower()] = operatie
    for pad, operaties in paden.items():
        doc.spec.path(path=pad, operations=operaties)
    return doc.spec.to_dict()


@bp.get("/api/v1/openapi.json")
@openbaar
@beschreven(
    "Dit document",
    uitleg="De OpenAPI 3.1-beschrijving van alle routes onder /api/v1; zonder certificaat te lezen.",
    antwoorden={200: Antwoord("Het OpenAPI-document.", Inhoud(("application/json",), {"type": "object"}))},
    tags=("Documentatie",),
)
def openapi_document():
    return jsonify(document(current_app))
