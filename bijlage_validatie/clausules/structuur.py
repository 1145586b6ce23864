"""De structuurboom (getagde PDF, niveau a en PDF/UA-1): rolvertaling, koppen, tabellen, lijsten, figuren,
formules, voetnoten en taal, en waar annotaties in de structuur hangen.

De wandeling is begrensd in diepte en aantal en bezoekt elk element één keer, ook bij kringen.
"""

from __future__ import annotations

from dataclasses import dataclass

import pikepdf

from bijlage_validatie.clausules.document import geldige_taal
from bijlage_validatie.clausules.gemeen import geheel, lijst, naam, plek, tekst
from bijlage_validatie.clausules.omgeving import Omgeving
from bijlage_validatie.doorlopen import MAX_KNOPEN, TeComplex, is_woordenboek
from domain.pdf_clausules.clausule import Schending

MAX_STRUCTUURDIEPTE = 256
MAX_ROLSTAPPEN = 32
STANDAARDTYPEN = frozenset(
    [
        "Document",
        "Part",
        "Art",
        "Sect",
        "Div",
        "BlockQuote",
        "Caption",
        "TOC",
        "TOCI",
        "Index",
        "NonStruct",
        "Private",
        "P",
        "H",
        "H1",
        "H2",
        "H3",
        "H4",
        "H5",
        "H6",
        "L",
        "LI",
        "Lbl",
        "LBody",
        "Table",
        "TR",
        "TH",
        "TD",
        "THead",
        "TBody",
        "TFoot",
        "Span",
        "Quote",
        "Note",
        "Reference",
        "BibEntry",
        "Code",
        "Link",
        "Annot",
        "Ruby",
        "RB",
        "RT",
        "RP",
        "Warichu",
        "WT",
        "WP",
        "Figure",
        "Formula",
        "Form",
    ]
)
TABELGROEPEN = {"Table", "THead", "TBody", "TFoot"}
KOPPEN = {f"H{n}" for n in range(1, 7)}
GEWOON = frozenset({"P", "Span", "Document", "Part", "Sect", "Div", "Art", "Lbl", "Quote", "Code"})
"""Typen zonder eigen eisen aan hun ouder, hun kinderen of een alternatieve tekst: alleen /Lang telt."""


@dataclass(frozen=True)
class Element:
    woordenboek: pikepdf.Object
    type: str
    """Het standaardtype na de rolvertaling ("" als dat niet te bepalen is)."""
    eigen: str
    """Het type zoals het in het element staat."""
    ouder: str
    pagina: int | None
    object: str | None
    kinderen: tuple[str, ...] = ()
    """De (standaard)typen van de kind-elementen."""


def rolvertaling(omgeving: Omgeving) -> dict[str, str]:
    wortel = omgeving.pdf.Root.get("/StructTreeRoot")
    rollen = wortel.get("/RoleMap") if is_woordenboek(wortel) else None
    if not is_woordenboek(rollen):
        return {}
    return {
        sleutel[1:]: naam(waarde) for sleutel, waarde in rollen.items() if isinstance(waarde, pikepdf.Name)
    }


def standaardtype(soort: str, rollen: dict[str, str]) -> tuple[str, bool]:
    """(standaardtype of "", kringloop?) voor een structuurtype via de /RoleMap."""
    gezien = [soort]
    while soort not in STANDAARDTYPEN:
        volgende = rollen.get(soort)
        if not volgende:
            return "", False
        if volgende in gezien or len(gezien) > MAX_ROLSTAPPEN:
            return "", True
        gezien.append(volgende)
        soort = volgende
    return soort, False


def elementen(omgeving: Omgeving) -> list[Element]:
    """Alle structuurelementen in boomvolgorde (voor koppen); één keer bepaald per onderzoek."""
    if "structuur" in omgeving.geheugen:
        return omgeving.geheugen["structuur"]
    wortel = omgeving.pdf.Root.get("/StructTreeRoot")
    rollen = rolvertaling(omgeving)
    typen: dict[str, str] = {}

    def type_van(eigen: str) -> str:
        if eigen not in typen:
            typen[eigen] = standaardtype(eigen, rollen)[0]
        return typen[eigen]

    uit: list[Element] = []
    gezien: set = set()
    stapel = [(k, "", 0) for k in reversed(_kinderen(wortel))] if is_woordenboek(wortel) else []
    while stapel:
        knoop, ouder, diepte = stapel.pop()
        if diepte > MAX_STRUCTUURDIEPTE:
            raise TeComplex("te diep geneste structuur")
        if len(uit) > MAX_KNOPEN:
            raise TeComplex(f"meer dan {MAX_KNOPEN} structuurelementen")
        if not is_woordenboek(knoop) or "/S" not in knoop:
            continue
        if knoop.is_indirect:
            if knoop.objgen in gezien:
                continue
            gezien.add(knoop.objgen)
        eigen = naam(knoop.get("/S"))
        soort = type_van(eigen)
        pg = knoop.get("/Pg")
        pagina = omgeving.pagina_van(pg) if isinstance(pg, pikepdf.Dictionary) else None
        kinderen = [k for k in _kinderen(knoop) if isinstance(k, pikepdf.Dictionary) and "/S" in k]
        kindtypen = tuple(type_van(naam(k.get("/S"))) or naam(k.get("/S")) for k in kinderen)
        uit.append(Element(knoop, soort, eigen, ouder, pagina, plek(knoop), kindtypen))
        stapel += [(k, soort, diepte + 1) for k in reversed(kinderen)]
    omgeving.geheugen["structuur"] = uit
    return uit


def _kinderen(knoop: pikepdf.Object) -> list:
    kinderen = knoop.get("/K")
    return lijst(kinderen) if isinstance(kinderen, pikepdf.Array) else [kinderen]


def schendingen(omgeving: Omgeving) -> list[Schending]:
    if not (omgeving.pdfua or (omgeving.toetsing.pdfa or "").endswith("a")):
        return []
    rollen = rolvertaling(omgeving)
    gevonden = _rollen(rollen)
    alle = elementen(omgeving)
    for element in alle:
        gevonden += _element(element, rollen)
    gevonden += _koppen(alle)
    gevonden += _noten(alle)
    return gevonden


def _rollen(rollen: dict[str, str]) -> list[Schending]:
    gevonden = []
    for soort in rollen:
        if soort in STANDAARDTYPEN:
            gevonden.append(Schending("rol_standaard_herdefinieerd", object="/RoleMap", detail=soort))
        elif standaardtype(soort, rollen)[1]:
            gevonden.append(Schending("rol_kringloop", object="/RoleMap", detail=soort))
    return gevonden


def _element(e: Element, rollen: dict[str, str]) -> list[Schending]:
    gevonden = []
    w = e.woordenboek
    if e.type in GEWOON and "/Lang" not in w and e.kinderen.count("H") <= 1:
        return []
    if not e.type and not standaardtype(e.eigen, rollen)[1]:
        gevonden.append(Schending("rol_niet_standaard", e.pagina, e.object, e.eigen))
    taal = w.get("/Lang")
    if taal is not None and not geldige_taal(tekst(taal)):
        gevonden.append(Schending("taal_ongeldig", e.pagina, e.object, repr(tekst(taal))))
    alternatief = bool(tekst(w.get("/Alt"))) or "/ActualText" in w
    if e.type == "Figure" and not alternatief:
        gevonden.append(Schending("figuur_zonder_alt", e.pagina, e.object))
    if e.type == "Formula" and not alternatief:
        gevonden.append(Schending("formule_zonder_alt", e.pagina, e.object))
    ouder = e.ouder or "de structuurwortel"
    regels = (
        ("TR", "tabelrij_ouder", e.ouder in TABELGROEPEN),
        ("TH", "tabelkop_ouder", e.ouder == "TR"),
        ("TD", "tabelcel_ouder", e.ouder == "TR"),
        ("LI", "lijstitem_ouder", e.ouder == "L"),
        ("LBody", "lijstinhoud_ouder", e.ouder == "LI"),
    )
    gevonden += [
        Schending(c, e.pagina, e.object, ouder) for soort, c, goed in regels if e.type == soort and not goed
    ]
    kinderen = e.kinderen
    if e.type == "TR" and set(kinderen) - {"TH", "TD"}:
        gevonden.append(
            Schending(
                "tabelrij_kinderen", e.pagina, e.object, ", ".join(sorted(set(kinderen) - {"TH", "TD"}))
            )
        )
    if e.type == "LI" and set(kinderen) - {"Lbl", "LBody"}:
        anders = ", ".join(sorted(set(kinderen) - {"Lbl", "LBody"}))
        gevonden.append(Schending("lijstitem_kinderen", e.pagina, e.object, anders))
    if kinderen.count("H") > 1:
        gevonden.append(Schending("kop_meer_h", e.pagina, e.object))
    return gevonden


def _koppen(alle: list[Element]) -> list[Schending]:
    gevonden = []
    h = [e for e in alle if e.type == "H"]
    hn = [e for e in alle if e.type in KOPPEN]
    if h and hn:
        gevonden.append(Schending("kop_gemengd_h", h[0].pagina, h[0].object))
        gevonden.append(Schending("kop_gemengd_hn", hn[0].pagina, hn[0].object))
    vorige = 0
    for e in hn:
        niveau = int(e.type[1])
        if niveau > vorige + 1:
            gevonden.append(
                Schending(
                    "kop_volgorde",
                    e.pagina,
                    e.object,
                    f"H{niveau} na {'H' + str(vorige) if vorige else 'het begin'}",
                )
            )
        vorige = niveau
    return gevonden


def _noten(alle: list[Element]) -> list[Schending]:
    gevonden = []
    gezien: set[str] = set()
    for e in alle:
        if e.type != "Note":
            continue
        ident = e.woordenboek.get("/ID")
        waarde = bytes(ident).decode("latin-1") if isinstance(ident, pikepdf.String) else ""
        if not waarde:
            gevonden.append(Schending("noot_id", e.pagina, e.object))
        elif waarde in gezien:
            gevonden.append(Schending("noot_id_dubbel", e.pagina, e.object, waarde))
        gezien.add(waarde)
    return gevonden


def structuurouder(omgeving: Omgeving, annotatie: pikepdf.Object) -> pikepdf.Object | None:
    """Het structuurelement waar een annotatie via /StructParent en de /ParentTree aan hangt."""
    sleutel = geheel(annotatie.get("/StructParent"))
    wortel = omgeving.pdf.Root.get("/StructTreeRoot")
    boom = wortel.get("/ParentTree") if is_woordenboek(wortel) else None
    if sleutel is None or not is_woordenboek(boom):
        return None
    try:
        element = pikepdf.NumberTree(boom)[sleutel]
    except (KeyError, IndexError, pikepdf.PdfError, TypeError, ValueError):
        return None
    return element if is_woordenboek(element) else None
