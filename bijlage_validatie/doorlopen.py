"""Eén begrensde wandeling langs alle woordenboeken in een PDF, met de pagina waar die bekend is.

Door elk object te bekijken in plaats van alleen de plekken die de specificatie noemt, vinden we ook
JavaScript in /Next-ketens, formuliervelden en bladwijzers. De wandeling zelf leest geen streaminhoud; wie dat
wel doet (`uitpakken`) telt begrensd, zodat een decompressiebom niet afgaat. Diepte en aantal knopen zijn
begrensd tegen kwaadaardige nesting.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pikepdf

MAX_DIEPTE = 48
MAX_KNOPEN = 250_000
MAX_PAGINAS = 5_000


class TeComplex(Exception):
    """Het bestand overschrijdt een grens die we stellen om de controle begrensd te houden."""


@dataclass(frozen=True)
class Knoop:
    woordenboek: pikepdf.Object
    """Een Dictionary of Stream (bij een Stream: het streamwoordenboek)."""
    pagina: int | None
    object: str


def is_woordenboek(obj: object) -> bool:
    return isinstance(obj, pikepdf.Dictionary | pikepdf.Stream)


def objectnaam(obj: pikepdf.Object) -> str:
    nummer, generatie = obj.objgen
    return f"object {nummer} {generatie}"


def paginas(pdf: pikepdf.Pdf) -> list[pikepdf.Object]:
    aantal = len(pdf.pages)
    if aantal > MAX_PAGINAS:
        raise TeComplex(f"meer dan {MAX_PAGINAS} pagina's")
    return [pagina.obj for pagina in pdf.pages]


def paginakaart(pagina_objecten: list[pikepdf.Object]) -> dict[tuple[int, int], int]:
    """Objectnummer -> paginanummer voor pagina's, hun inhoud, annotaties en acties daarvan (één niveau)."""
    kaart: dict[tuple[int, int], int] = {}
    for nummer, pagina in enumerate(pagina_objecten, start=1):
        kaart.setdefault(pagina.objgen, nummer)
        for kind in _paginakinderen(pagina):
            if kind.is_indirect:
                kaart.setdefault(kind.objgen, nummer)
    return kaart


def _paginakinderen(pagina: pikepdf.Object) -> Iterator[pikepdf.Object]:
    inhoud = pagina.get("/Contents")
    if isinstance(inhoud, pikepdf.Stream):
        yield inhoud
    elif isinstance(inhoud, pikepdf.Array):
        yield from (deel for deel in inhoud if isinstance(deel, pikepdf.Stream))
    annots = pagina.get("/Annots")
    if not isinstance(annots, pikepdf.Array):
        return
    for annot in annots:
        yield annot
        if is_woordenboek(annot):
            yield from _acties_van(annot)


def _acties_van(obj: pikepdf.Object) -> Iterator[pikepdf.Object]:
    actie = obj.get("/A")
    if actie is not None:
        yield actie
    extra = obj.get("/AA")
    if is_woordenboek(extra):
        yield from extra.values()


def alle_knopen(pdf: pikepdf.Pdf, kaart: dict[tuple[int, int], int]) -> Iterator[Knoop]:
    """Elk woordenboek, ook de directe die in andere objecten genest zijn."""
    teller = [0]
    for obj in pdf.objects:
        if isinstance(obj, pikepdf.Dictionary | pikepdf.Stream | pikepdf.Array):
            pagina = kaart.get(obj.objgen)
            yield from _genest(obj, pagina, objectnaam(obj), teller, 0)


def _genest(
    obj: pikepdf.Object, pagina: int | None, naam: str, teller: list[int], diepte: int
) -> Iterator[Knoop]:
    teller[0] += 1
    if teller[0] > MAX_KNOPEN:
        raise TeComplex(f"meer dan {MAX_KNOPEN} onderdelen")
    if diepte > MAX_DIEPTE:
        raise TeComplex("te diep geneste onderdelen")
    waarden = obj.values() if is_woordenboek(obj) else obj
    if is_woordenboek(obj):
        yield Knoop(obj, pagina, naam)
    for waarde in waarden:
        # Indirecte objecten komen zelf aan de beurt in pdf.objects; zo bezoeken we alles precies één keer.
        if isinstance(waarde, pikepdf.Dictionary | pikepdf.Array) and not waarde.is_indirect:
            yield from _genest(waarde, pagina, naam, teller, diepte + 1)
