"""Zijn de lettertypen die een pagina, een formulier-XObject of een annotatie gebruikt ingesloten?

We kijken naar de lettertypen in de resources (niet naar de tekstopdrachten in de inhoud): dat leest geen
streams en is dus snel en bomveilig, maar strenger dan nodig als een resource wel genoemd maar niet gebruikt
wordt.
"""

from __future__ import annotations

from collections.abc import Iterator

import pikepdf

from bijlage_validatie.doorlopen import MAX_DIEPTE, MAX_KNOPEN, TeComplex, is_woordenboek
from domain.pdf_validatie import Plek

LETTERTYPEBESTANDEN = ("/FontFile", "/FontFile2", "/FontFile3")
MAX_OUDERS = 64


def niet_ingesloten_lettertypen(pagina_objecten: list[pikepdf.Object]) -> list[tuple[Plek, str]]:
    """Waar een lettertype gebruikt wordt dat niet in de PDF zit, met zijn naam; het domein oordeelt."""
    return [
        (plek, lettertypenaam(lettertype))
        for plek, lettertype in alle_lettertypen(pagina_objecten)
        if not ingesloten(lettertype)
    ]


def alle_lettertypen(pagina_objecten: list[pikepdf.Object]) -> list[tuple[Plek, pikepdf.Object]]:
    """Elk lettertype in de resources van de pagina's (ook in formulieren, patronen, Type 3-lettertypen en
    annotatieweergaven), één keer, met de eerste pagina waar het voorkomt."""
    zoeker = _Zoeker()
    for nummer, pagina in enumerate(pagina_objecten, start=1):
        zoeker.resources(geerfd(pagina, "/Resources"), nummer, 0)
        for vorm in _weergaven(pagina):
            zoeker.resources(vorm.get("/Resources"), nummer, 0)
    return zoeker.alle


def geerfd(pagina: pikepdf.Object, sleutel: str) -> pikepdf.Object | None:
    """Een erfbare paginaeigenschap, zo nodig van een ouder in de paginaboom."""
    knoop = pagina
    for _ in range(MAX_OUDERS):
        if not is_woordenboek(knoop):
            return None
        waarde = knoop.get(sleutel)
        if waarde is not None:
            return waarde
        knoop = knoop.get("/Parent")
    raise TeComplex("te diepe paginaboom")


def ingesloten(lettertype: pikepdf.Object) -> bool:
    subtype = lettertype.get("/Subtype")
    if subtype == pikepdf.Name.Type3:
        return True
    if subtype == pikepdf.Name.Type0:
        afstammelingen = lettertype.get("/DescendantFonts")
        if not isinstance(afstammelingen, pikepdf.Array) or len(afstammelingen) == 0:
            return False
        lettertype = afstammelingen[0]
        if not is_woordenboek(lettertype):
            return False
    beschrijving = lettertype.get("/FontDescriptor")
    if not is_woordenboek(beschrijving):
        return False
    return any(isinstance(beschrijving.get(k), pikepdf.Stream) for k in LETTERTYPEBESTANDEN)


def lettertypenaam(lettertype: pikepdf.Object) -> str:
    naam = lettertype.get("/BaseFont")
    return str(naam)[1:] if isinstance(naam, pikepdf.Name) else "zonder naam"


def _weergaven(pagina: pikepdf.Object) -> Iterator[pikepdf.Object]:
    """De weergavestreams (/AP) van de annotaties op een pagina."""
    annots = pagina.get("/Annots")
    if not isinstance(annots, pikepdf.Array):
        return
    for annot in annots:
        weergave = annot.get("/AP") if is_woordenboek(annot) else None
        if is_woordenboek(weergave):
            for soort in ("/N", "/R", "/D"):
                yield from _streams(weergave.get(soort))


def _streams(waarde: object) -> Iterator[pikepdf.Object]:
    if isinstance(waarde, pikepdf.Stream):
        yield waarde
    elif isinstance(waarde, pikepdf.Dictionary):
        # Een weergave per toestand (bijvoorbeeld aan/uit van een selectievakje).
        yield from (w for w in waarde.values() if isinstance(w, pikepdf.Stream))


class _Zoeker:
    def __init__(self) -> None:
        self.alle: list[tuple[Plek, pikepdf.Object]] = []
        self._gezien: set[tuple[int, int]] = set()
        self._stappen = 0

    def _nieuw(self, obj: pikepdf.Object) -> bool:
        self._stappen += 1
        if self._stappen > MAX_KNOPEN:
            raise TeComplex(f"meer dan {MAX_KNOPEN} onderdelen")
        if not obj.is_indirect:
            return True
        if obj.objgen in self._gezien:
            return False
        self._gezien.add(obj.objgen)
        return True

    def resources(self, resources: object, pagina: int, diepte: int) -> None:
        if diepte > MAX_DIEPTE:
            raise TeComplex("te diep geneste formulieren")
        if not is_woordenboek(resources) or not self._nieuw(resources):
            return
        for lettertype in _waarden(resources.get("/Font")):
            self._lettertype(lettertype, pagina, diepte)
        for xobject in _waarden(resources.get("/XObject")):
            if xobject.get("/Subtype") == pikepdf.Name.Form and self._nieuw(xobject):
                self.resources(xobject.get("/Resources"), pagina, diepte + 1)
        for patroon in _waarden(resources.get("/Pattern")):
            if isinstance(patroon, pikepdf.Stream) and self._nieuw(patroon):
                self.resources(patroon.get("/Resources"), pagina, diepte + 1)

    def _lettertype(self, lettertype: pikepdf.Object, pagina: int, diepte: int) -> None:
        if not self._nieuw(lettertype):
            return
        object = f"object {lettertype.objgen[0]} {lettertype.objgen[1]}" if lettertype.is_indirect else None
        self.alle.append((Plek(pagina, object), lettertype))
        if lettertype.get("/Subtype") == pikepdf.Name.Type3:
            # De tekens van een Type 3-lettertype zijn zelf inhoud en kunnen andere lettertypen gebruiken.
            self.resources(lettertype.get("/Resources"), pagina, diepte + 1)


def _waarden(woordenboek: object) -> list[pikepdf.Object]:
    if not is_woordenboek(woordenboek):
        return []
    return [w for w in woordenboek.values() if is_woordenboek(w)]
