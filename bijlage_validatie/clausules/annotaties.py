"""Annotaties per pagina: soort, vlaggen, kleur, weergave (/AP), en (PDF/UA-1) beschrijving en plaats in de
structuur."""

from __future__ import annotations

import pikepdf

from bijlage_validatie.clausules.gemeen import geheel, getal, lijst, naam, plek, tekst
from bijlage_validatie.clausules.omgeving import Omgeving
from bijlage_validatie.clausules.structuur import rolvertaling, standaardtype, structuurouder
from bijlage_validatie.doorlopen import is_woordenboek
from domain.pdf_clausules.clausule import Schending
from domain.pdf_validatie import gelijk_getal

SOORTEN_PDFA1 = {
    "Text",
    "Link",
    "FreeText",
    "Line",
    "Square",
    "Circle",
    "Highlight",
    "Underline",
    "Squiggly",
    "StrikeOut",
    "Stamp",
    "Ink",
    "Popup",
    "Widget",
    "PrinterMark",
    "TrapNet",
}
SOORTEN_PDFA2 = (SOORTEN_PDFA1 - set()) | {
    "Polygon",
    "PolyLine",
    "Caret",
    "FileAttachment",
    "Watermark",
    "Redact",
}
VERBORGEN, ONZICHTBAAR, AFDRUKKEN, NIET_TONEN, WISSEL_NIET_TONEN = 2, 1, 4, 32, 256
MAX_OUDERS = 64


def schendingen(omgeving: Omgeving) -> list[Schending]:
    if omgeving.toetsing.leeg:
        return []
    gevonden: list[Schending] = []
    rollen = rolvertaling(omgeving) if omgeving.pdfua else {}
    for nummer, pagina in enumerate(omgeving.paginas, start=1):
        for annot in lijst(pagina.get("/Annots")):
            if not is_woordenboek(annot):
                continue
            waar = plek(annot) or f"annotatie op pagina {nummer}"
            gevonden += _pdfa(omgeving, annot, nummer, waar)
            if omgeving.pdfua:
                gevonden += _pdfua(omgeving, annot, nummer, waar, rollen)
    return gevonden


def _pdfa(omgeving: Omgeving, annot: pikepdf.Object, pagina: int, waar: str) -> list[Schending]:
    soort = naam(annot.get("/Subtype"))
    gevonden = []
    if soort not in SOORTEN_PDFA1:
        gevonden.append(Schending("annotatie_soort_pdfa1", pagina, waar, soort or "zonder soort"))
    if soort not in SOORTEN_PDFA2:
        gevonden.append(Schending("annotatie_soort_pdfa2", pagina, waar, soort or "zonder soort"))
    dekking = getal(annot.get("/CA"))
    if dekking is not None and not gelijk_getal(dekking, 1.0):
        gevonden.append(Schending("annotatie_dekking", pagina, waar, f"{dekking:g}"))
    vlaggen = geheel(annot.get("/F"))
    fout_pdfa1 = (
        vlaggen is None or not vlaggen & AFDRUKKEN or vlaggen & (VERBORGEN | ONZICHTBAAR | NIET_TONEN)
    )
    if fout_pdfa1:
        gevonden.append(Schending("annotatie_vlaggen_pdfa1", pagina, waar, str(vlaggen)))
    if vlaggen is None and soort != "Popup":
        gevonden.append(Schending("annotatie_f", pagina, waar))
    verkeerd = VERBORGEN | ONZICHTBAAR | NIET_TONEN | WISSEL_NIET_TONEN
    if vlaggen is not None and (not vlaggen & AFDRUKKEN or vlaggen & verkeerd):
        gevonden.append(Schending("annotatie_vlaggen", pagina, waar, str(vlaggen)))
    if ("/C" in annot or "/IC" in annot) and omgeving.uitvoer != "RGB":
        gevonden.append(Schending("annotatie_kleur", pagina, waar))
    gevonden += _weergave(annot, soort, pagina, waar)
    return gevonden


def _weergave(annot: pikepdf.Object, soort: str, pagina: int, waar: str) -> list[Schending]:
    weergave = annot.get("/AP")
    if not is_woordenboek(weergave):
        if soort not in ("Popup", "Link") and not _zonder_oppervlak(annot):
            return [Schending("weergave_ontbreekt", pagina, waar)]
        return []
    gevonden = []
    if set(weergave.keys()) != {"/N"}:
        gevonden += [
            Schending("weergave_alleen_n_pdfa1", pagina, waar),
            Schending("weergave_vorm", pagina, waar),
        ]
    normaal = weergave.get("/N")
    knop = soort == "Widget" and naam(_veldsoort(annot)) == "Btn"
    if knop and not (isinstance(normaal, pikepdf.Dictionary) and len(normaal) > 0):
        gevonden += [Schending("weergave_knop_pdfa1", pagina, waar), Schending("weergave_vorm", pagina, waar)]
    if not knop and not isinstance(normaal, pikepdf.Stream):
        gevonden += [
            Schending("weergave_stream_pdfa1", pagina, waar),
            Schending("weergave_vorm", pagina, waar),
        ]
    return gevonden


def _zonder_oppervlak(annot: pikepdf.Object) -> bool:
    rechthoek = [getal(v) for v in lijst(annot.get("/Rect"))]
    return len(rechthoek) == 4 and rechthoek[0] == rechthoek[2] and rechthoek[1] == rechthoek[3]


def _veldsoort(annot: pikepdf.Object) -> object:
    return _geerfd_veld(annot, "/FT")


def _geerfd_veld(annot: pikepdf.Object, sleutel: str) -> object:
    knoop = annot
    for _ in range(MAX_OUDERS):
        if not is_woordenboek(knoop):
            return None
        if sleutel in knoop:
            return knoop.get(sleutel)
        knoop = knoop.get("/Parent")
    return None


def _pdfua(
    omgeving: Omgeving, annot: pikepdf.Object, pagina: int, waar: str, rollen: dict
) -> list[Schending]:
    vlaggen = geheel(annot.get("/F")) or 0
    if vlaggen & VERBORGEN:
        return []
    soort = naam(annot.get("/Subtype"))
    if soort == "Popup":
        return []
    ouder = structuurouder(omgeving, annot)
    oudertype = standaardtype(naam(ouder.get("/S")), rollen)[0] if ouder is not None else ""
    alt = tekst(ouder.get("/Alt")) if ouder is not None else ""
    beschreven = bool(tekst(annot.get("/Contents")))
    # Per soort: welk structuurelement hij moet hebben, en of hij beschreven is (en welke controles dat zijn).
    if soort == "Widget":
        eisen = ("Form", "widget_tag", bool(tekst(_geerfd_veld(annot, "/TU")) or alt), "veld_beschrijving")
    elif soort == "Link":
        eisen = ("Link", "link_tag", beschreven, "link_beschrijving")
    else:
        eisen = ("Annot", "annotatie_tag", beschreven or bool(alt), "annotatie_beschrijving")
    tag, tagcontrole, heeft_beschrijving, beschrijvingscontrole = eisen
    gevonden = [Schending("trapnet", pagina, waar)] if soort == "TrapNet" else []
    if oudertype != tag:
        gevonden.append(Schending(tagcontrole, pagina, waar, oudertype or "geen structuurelement"))
    if not heeft_beschrijving:
        gevonden.append(Schending(beschrijvingscontrole, pagina, waar))
    return gevonden
