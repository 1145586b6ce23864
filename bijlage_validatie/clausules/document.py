"""De catalogus en de pagina's: lagen, acties op document- en paginaniveau, formulieren, voorkeuren,
markering en taal, paginagrenzen en geërfde resources."""

from __future__ import annotations

import re

import pikepdf

from bijlage_validatie.clausules.gemeen import getal, lijst, naam, plek, tekst, waarden
from bijlage_validatie.clausules.omgeving import Omgeving
from bijlage_validatie.doorlopen import is_woordenboek
from domain.pdf_clausules.clausule import Schending

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
    formulier = _woordenboek(catalogus.get("/AcroForm"))
    toestemming = _woordenboek(catalogus.get("/Perms"))
    namen = _woordenboek(catalogus.get("/Names"))
    markering = _woordenboek(catalogus.get("/MarkInfo"))
    voorkeuren = _woordenboek(catalogus.get("/ViewerPreferences"))
    eisen = (
        ("catalogus_aa", "/AA" in catalogus),
        ("needappearances", formulier.get("/NeedAppearances") is True),
        ("xfa", "/XFA" in formulier),
        ("needsrendering", catalogus.get("/NeedsRendering") is True),
        ("perms", bool(set(toestemming.keys()) - {"/UR3", "/DocMDP"})),
        ("alternatieve_presentaties", "/AlternatePresentations" in namen),
        ("ingesloten_namen", "/EmbeddedFiles" in namen),
        ("vereisten", "/Requirements" in catalogus),
        ("niet_gemarkeerd", markering.get("/Marked") is not True),
        ("suspects", markering.get("/Suspects") is True),
        ("geen_structuur", not is_woordenboek(catalogus.get("/StructTreeRoot"))),
        ("titel_niet_getoond", voorkeuren.get("/DisplayDocTitle") is not True),
    )
    gevonden = [Schending(controle) for controle, geschonden in eisen if geschonden]
    taal = catalogus.get("/Lang")
    if taal is not None and not geldige_taal(tekst(taal)):
        gevonden.append(Schending("taal_ongeldig", object="catalogus", detail=repr(tekst(taal))))
    return gevonden


def _woordenboek(waarde: object) -> pikepdf.Dictionary:
    """Het woordenboek zelf, of een leeg woordenboek als er geen (goed) is."""
    return waarde if isinstance(waarde, pikepdf.Dictionary) else pikepdf.Dictionary()


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
                gevonden.append(
                    Schending("paginamaat", nummer, detail=f"{sleutel[1:]} {breedte:g} × {hoogte:g}")
                )
    annots = [a for a in lijst(pagina.get("/Annots")) if is_woordenboek(a)]
    if annots and naam(pagina.get("/Tabs")) != "S":
        gevonden.append(Schending("tabvolgorde", nummer, detail=str(nummer)))
    return gevonden


__all__ = ["geldige_taal", "schendingen", "waarden"]
