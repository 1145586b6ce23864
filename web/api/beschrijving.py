"""How a route of the machine interface describes itself for the OpenAPI document (web/api/openapi.py): the
description sits on the view, next to the code it describes, so a route and its documentation change in one
place; a route under /api/v1 without one fails tests/web/test_openapi.py.

Bodies and answers in JSON are pydantic models (their JSON Schema is OpenAPI 3.1's own dialect, so it goes in
unchanged); a body in another form, such as the koppelvlak's XML, is an `Inhoud` with its media types."""

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from pydantic import BaseModel

View = Callable[..., object]

# The attribute on the view that holds its descriptions, per HTTP method ("*" for every method of the rule).
BESCHRIJVING = "openapi_beschrijving"
ELKE_METHODE = "*"


@dataclass(frozen=True, slots=True)
class Inhoud:
    """A body that is not a JSON model: its media types, a JSON Schema for each, and an example."""

    mediatypes: tuple[str, ...]
    schema: Mapping[str, object] = field(default_factory=lambda: {"type": "string"})
    voorbeeld: str | None = None
    uitleg: str = ""


Vorm = type[BaseModel] | Inhoud | tuple[type[BaseModel] | Inhoud, ...]


@dataclass(frozen=True, slots=True)
class Antwoord:
    """One documented answer: what it means, and its body (none for an answer without one)."""

    uitleg: str
    vorm: Vorm | None = None
    headers: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Beschrijving:
    samenvatting: str
    uitleg: str
    antwoorden: Mapping[int, Antwoord]
    query: type[BaseModel] | None = None
    body: Vorm | None = None
    body_uitleg: str = ""
    padparameters: Mapping[str, Mapping[str, object]] = field(default_factory=dict)
    tags: tuple[str, ...] = ()


def beschreven(
    samenvatting: str,
    *,
    antwoorden: Mapping[int, Antwoord],
    uitleg: str = "",
    query: type[BaseModel] | None = None,
    body: Vorm | None = None,
    body_uitleg: str = "",
    padparameters: Mapping[str, Mapping[str, object]] | None = None,
    tags: tuple[str, ...] = (),
    methode: str = ELKE_METHODE,
) -> Callable[[View], View]:
    """Describe a view for the OpenAPI document. `padparameters` maps a path variable to its JSON Schema
    (with an optional `description` and `examples`); unnamed ones are plain strings. The 401 and 403 of the
    certificate check are added by the document for every route behind `@machine`."""
    beschrijving = Beschrijving(
        samenvatting, uitleg, dict(antwoorden), query, body, body_uitleg, dict(padparameters or {}), tags
    )

    def decorator(view: View) -> View:
        bestaand = dict(getattr(view, BESCHRIJVING, {}))
        bestaand[methode.upper()] = beschrijving
        setattr(view, BESCHRIJVING, bestaand)
        return view

    return decorator


def beschrijving_van(view: View, methode: str) -> Beschrijving | None:
    beschrijvingen: Mapping[str, Beschrijving] = getattr(view, BESCHRIJVING, {})
    return beschrijvingen.get(methode.upper()) or beschrijvingen.get(ELKE_METHODE)
