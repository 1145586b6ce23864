"""De clausules van PDF/A-1, PDF/A-2 en PDF/UA-1: per onderwerp een module die in de PDF zoekt wat een
clausule breekt, en dat meldt als `Schending` (controle, plek, detail). Welke clausule dat in het getoetste
profiel is, weet het domein (`domain.pdf_clausules`); hier staat alleen hoe we het vinden.

Alles blijft begrensd zoals de rest van de validator: de wandelingen tellen hun stappen (`TeComplex`), en
streams lezen we pas als de uitpakmeter ze veilig bevond.
"""

from __future__ import annotations

import pikepdf

from bijlage_validatie.clausules import (
    annotaties,
    bestand,
    document,
    inhoud,
    kleur,
    lettertypen,
    objecten,
    structuur,
    xmp,
)
from bijlage_validatie.clausules.omgeving import Omgeving
from domain.pdf_clausules.clausule import Schending
from domain.pdf_toets import Toetsing


def onderzoek(
    pdf: pikepdf.Pdf,
    data: bytes,
    paginas: list[pikepdf.Object],
    kaart: dict,
    toetsing: Toetsing,
    vooraf: list[Schending],
) -> tuple[list[Schending], str | None]:
    """De schendingen, en waarom de toets onvolledig is (None als alles getoetst is). `vooraf`: wat de
    wandeling langs alle woordenboeken al vond (`objecten.woordenboek`)."""
    omgeving = Omgeving(pdf, data, paginas, kaart, toetsing, kleur.uitvoerkleurruimte(pdf.Root))
    schendingen: list[Schending] = list(vooraf)
    # `inhoud` onthoudt welke tekens elk lettertype tekent; `lettertypen` controleert daarmee de breedtes.
    for module in (bestand, document, xmp, kleur, objecten, annotaties, inhoud, lettertypen, structuur):
        schendingen += module.schendingen(omgeving)
    return schendingen, omgeving.geheugen.get(inhoud.ONVOLLEDIG)
