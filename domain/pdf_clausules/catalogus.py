"""The catalogue: every clause we test, by id, and for each check of the adapter the clauses it
tests; and which clauses a set of violations breaks in a given test."""

from __future__ import annotations

from collections.abc import Iterable

from domain.pdf_clausules import (
    annotaties,
    bestand,
    document,
    grafisch,
    kleur,
    lettertypen,
    metadata,
    structuur,
)
from domain.pdf_clausules.clausule import Clausule, Schending
from domain.pdf_clausules.eis import A1, ALLE_NIVEAUS, Eis
from domain.pdf_toets import Toetsing

_EISEN: tuple[Eis, ...] = (
    bestand.OPBOUW
    + bestand.GRENZEN
    + document.LAGEN
    + kleur.KLEUR
    + grafisch.AFBEELDINGEN
    + grafisch.DOORZICHTIGHEID
    + lettertypen.LETTERTYPEN
    + annotaties.ANNOTATIES
    + document.ACTIES
    + metadata.METADATA
    + structuur.STRUCTUUR
)

_EXTRA: dict[str, tuple[str, ...]] = {
    # Dezelfde clausule, op een andere plek gevonden.
    "formulier_opi": ("pdfa2-6.2.9-1",),
    "pdfaid_voorvoegsel_conformiteit": ("pdfa1-6.7.11-5", "pdfa2-6.6.4-4"),
}
_EXTRA_CLAUSULES = (
    Clausule(
        A1,
        "6.7.11-5",
        "Het PDF/A-identificatieschema gebruikt voor conformance het voorvoegsel {detail} in plaats van "
        "pdfaid.",
        "pdfaid:conformance heeft het voorvoegsel pdfaid.",
        "",
        ALLE_NIVEAUS,
    ),
)


def _clausules() -> dict[str, Clausule]:
    alle = [
        Clausule(norm, nummer, eis.melding, eis.controleert, eis.niet, eis.niveaus)
        for eis in _EISEN
        for norm, nummer in eis.nummers.items()
    ] + list(_EXTRA_CLAUSULES)
    per_id = {c.id: c for c in alle}
    if len(per_id) != len(alle):
        raise AssertionError("een clausule staat dubbel in de catalogus")
    return per_id


CLAUSULES: dict[str, Clausule] = _clausules()
"""Elke getoetste clausule, op id ("pdfa1-6.7.3-1")."""

CONTROLES: dict[str, tuple[str, ...]] = {
    **{
        eis.controle: tuple(f"{norm.value}-{nummer}" for norm, nummer in eis.nummers.items())
        for eis in _EISEN
    },
    **_EXTRA,
}
"""Controle van de adapter -> de clausules (hoogstens één per norm) die hij toetst."""


def clausules_voor(toetsing: Toetsing, schending: Schending) -> list[Clausule]:
    return [
        CLAUSULES[i]
        for i in CONTROLES[schending.controle]
        if toetsing.geldt(CLAUSULES[i].norm, CLAUSULES[i].niveaus)
    ]


def geschonden(toetsing: Toetsing, schendingen: Iterable[Schending]) -> list[tuple[Clausule, Schending]]:
    """Elke schending met de clausule(s) die hij breekt in deze toetsing, zonder dubbelen."""
    gezien: set[tuple] = set()
    uit = []
    for schending in schendingen:
        for clausule in clausules_voor(toetsing, schending):
            sleutel = (clausule.id, schending.pagina, schending.object, schending.detail)
            if sleutel not in gezien:
                gezien.add(sleutel)
                uit.append((clausule, schending))
    return uit
