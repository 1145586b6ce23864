"""De catalogus en de pagina's: lagen, acties op document- en paginaniveau, formulieren, voorkeuren,
markering en taal, paginagrenzen en geërfde resources."""

from __future__ import annotations

import re

import pikepdf

from bijlage_validatie.clausules.gemeen import getal, lijst, naam, plek, tekst, waarden
from bijlage_validatie.clausules.omgeving import Omgeving
from bijlage_validatie.doorlopen import is_woordenboek
from domain.pdf_clausules import Schending

TAALCODE = re.compile(r"^[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*$")
GRENZEN = ("/MediaBox", "/CropBox", "/BleedBox", "/TrimBox", "/ArtBox")
MIN_MAAT, MAX_MAAT = 3, 14400


def schendingen(omgeving: Omgeving) -> list[Schending]:
    catalogus = omgeving.pdf.Root
    gevonden = _lagen(catalogus.get("/OCProperties"))
    gevonden += _catalogus(catalogus)
    for nummer, pagina in enumerate(omgeving.paginas, start=1):
        gevonden += _pagina(pagina, nummer)
    return gevonden


def geldige_taal(waarde: str) -> bool:
    return waarde == "" or bool(TAALCODE.match(waarde))


def _catalogus(catalogus: pikepdf.Object) -> list[Schending]:
    gevonden = []
    if "/AA" in catalogus:
        gevonden.append(Schending("catalogus_aa"))
    formulier = catalogus.get("/AcroForm")
    if is_woordenboek(formulier):
        if formulier.get("/NeedAppearances") is True:
            gevonden.append(Schending("needappearances"))
        if "/XFA" in formulier:
            gevonden.append(Schending("xfa"))
    if catalogus.get("/NeedsRendering") is True:
        gevonden.append(Schending("needsrendering"))
    toestemming = catalogus.get("/Perms")
    if is_woordenboek(toestemming) and set(toestemming.keys()) - {"/UR3", "/DocMDP"}:
        gevonden.append(Schending("perms"))
    namen = catalogus.get("/Names")
    if is_woordenboek(namen) and "/AlternatePresentations" in namen:
        gevonden.append(Schending("alternatieve_presentaties"))
    if is_woordenboek(namen) and "/EmbeddedFiles" in namen:
        gevonden.append(Schending("ingesloten_namen"))
    if "/Requirements" in catalogus:
        gevonden.append(Schending("vereisten"))
    markering = catalogus.get("/MarkInfo")
    if not (is_woordenboek(markering) and markering.get("/Marked") is True):
        gevonden.append(Schending("niet_gemarkeerd"))
    if is_woordenboek(markering) and markering.get("/Suspects") is True:
        gevonden.append(Schending("suspects"))
    if not is_woordenboek(catalogus.get("/StructTreeRoot")):
        gevonden.append(Schending("geen_structuur"))
    voorkeuren = catalogus.get("/ViewerPreferences")
    if not (is_woordenboek(voorkeuren) and voorkeuren.get("/DisplayDocTitle") is True):
        gevonden.append(Schending("titel_niet_getoond"))
    taal = catalogus.get("/Lang")
    if taal is not None and not geldige_taal(tekst(taal)):
        gevonden.append(Schending("taal_ongeldig", object="catalogus", detail=repr(tekst(taal))))
    return gevonden


def _lagen(eigenschappen: object) -> list[Schending]:
    if not is_woordenboek(eigenschappen):
        return []
    gevonden = [Schending("lagen_pdfa1")]
    configuraties = [eigenschappen.get("/D"), *lijst(eigenschappen.get("/Configs"))]
    alle_lagen = {g.objgen for g in lijst(eigenschappen.get("/OCGs")) if g.is_indirect}
    namen: set[str] = set()
    for configuratie in configuraties:
        if not is_woordenboek(configuratie):
            continue
        waar = plek(configuratie) or "laagconfiguratie"
        titel = tekst(configuratie.get("/Name"))
        if not titel:
            gevonden.append(Schending("lagen_naam", object=waar))
        elif titel in namen:
            gevonden.append(Schending("lagen_naam_dubbel", detail=titel))
        namen.add(titel)
        if "/AS" in configuratie:
            gevonden.append(Schending("lagen_as", object=waar))
        volgorde = configuratie.get("/Order")
        if volgorde is not None and not alle_lagen <= _in_volgorde(volgorde):
            gevonden.append(Schending("lagen_volgorde", object=waar))
    return gevonden


def _in_volgorde(volgorde: object, diepte: int = 0) -> set:
    gevonden = set()
    for item in lijst(volgorde):
        if isinstance(item, pikepdf.Array) and diepte < 16:
            gevonden |= _in_volgorde(item, diepte + 1)
        elif is_woordenboek(item) and item.is_indirect:
            gevonden.add(item.objgen)
    return gevonden


def _pagina(pagina: pikepdf.Object, nummer: int) -> list[Schending]:
    gevonden = []
    if "/AA" in pagina:
        gevonden.append(Schending("pagina_aa", nummer, detail=str(nummer)))
    if "/PresSteps" in pagina:
        gevonden.append(Schending("presentatiestappen", nummer, detail=str(nummer)))
    if "/Resources" not in pagina:
        gevonden.append(Schending("geerfde_resources", nummer, detail=str(nummer)))
    for sleutel in GRENZEN:
        rechthoek = [getal(v) for v in lijst(pagina.get(sleutel))]
        if len(rechthoek) == 4 and None not in rechthoek:
            breedte, hoogte = abs(rechthoek[2] - rechthoek[0]), abs(rechthoek[3] - rechthoek[1])
            if not (MIN_MAAT <= breedte <= MAX_MAAT and MIN_MAAT <= hoogte <= MAX_MAAT):
                gevonden.append(Schending("paginamaat", nummer, detail=f"{sleutel[1:]} {breedte:g} × {hoogte:g}"))
    annots = [a for a in lijst(pagina.get("/Annots")) if is_woordenboek(a)]
    if annots and naam(pagina.get("/Tabs")) != "S":
        gevonden.append(Schending("tabvolgorde", nummer, detail=str(nummer)))
    return gevonden


__all__ = ["geldige_taal", "schendingen", "waarden"]
