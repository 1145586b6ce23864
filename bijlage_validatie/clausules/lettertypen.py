"""Fonts: the font dictionary (kind, name, widths), composite fonts and their CMap, embedding, subsets
and the encodings and cmaps of TrueType fonts. Whether the widths match the embedded font program is in
`lettertypebreedtes` (fontTools, only for the codes the content uses); the mapping to Unicode in
`tounicode`."""

from __future__ import annotations

import re

import pikepdf
from fontTools.agl import AGL2UV

from bijlage_validatie.clausules import lettertypebestand, lettertypebreedtes, tounicode
from bijlage_validatie.clausules.gemeen import geheel, lijst, naam
from bijlage_validatie.clausules.lettertypebestand import CODERINGEN, SYMBOLISCH
from bijlage_validatie.clausules.omgeving import Omgeving
from bijlage_validatie.doorlopen import is_woordenboek
from bijlage_validatie.lettertypen import LETTERTYPEBESTANDEN, alle_lettertypen, lettertypenaam
from domain.pdf_clausules.clausule import Schending
from domain.pdf_validatie import Plek

SOORTEN = {"Type1", "MMType1", "TrueType", "Type3", "Type0", "CIDFontType0", "CIDFontType2"}
STANDAARD_14 = {
    "Times-Roman",
    "Times-Bold",
    "Times-Italic",
    "Times-BoldItalic",
    "Helvetica",
    "Helvetica-Bold",
    "Helvetica-Oblique",
    "Helvetica-BoldOblique",
    "Courier",
    "Courier-Bold",
    "Courier-Oblique",
    "Courier-BoldOblique",
    "Symbol",
    "ZapfDingbats",
}
VOORGEDEFINIEERDE_CMAPS = frozenset(
    [
        "Identity-H",
        "Identity-V",
        "GB-EUC-H",
        "GB-EUC-V",
        "GBpc-EUC-H",
        "GBpc-EUC-V",
        "GBK-EUC-H",
        "GBK-EUC-V",
        "GBKp-EUC-H",
        "GBKp-EUC-V",
        "GBK2K-H",
        "GBK2K-V",
        "UniGB-UCS2-H",
        "UniGB-UCS2-V",
        "UniGB-UTF16-H",
        "UniGB-UTF16-V",
        "B5pc-H",
        "B5pc-V",
        "HKscs-B5-H",
        "HKscs-B5-V",
        "ETen-B5-H",
        "ETen-B5-V",
        "ETenms-B5-H",
        "ETenms-B5-V",
        "CNS-EUC-H",
        "CNS-EUC-V",
        "UniCNS-UCS2-H",
        "UniCNS-UCS2-V",
        "UniCNS-UTF16-H",
        "UniCNS-UTF16-V",
        "83pv-RKSJ-H",
        "90ms-RKSJ-H",
        "90ms-RKSJ-V",
        "90msp-RKSJ-H",
        "90msp-RKSJ-V",
        "90pv-RKSJ-H",
        "Add-RKSJ-H",
        "Add-RKSJ-V",
        "EUC-H",
        "EUC-V",
        "Ext-RKSJ-H",
        "Ext-RKSJ-V",
        "H",
        "V",
        "UniJIS-UCS2-H",
        "UniJIS-UCS2-V",
        "UniJIS-UCS2-HW-H",
        "UniJIS-UCS2-HW-V",
        "UniJIS-UTF16-H",
        "UniJIS-UTF16-V",
        "KSC-EUC-H",
        "KSC-EUC-V",
        "KSCms-UHC-H",
        "KSCms-UHC-V",
        "KSCms-UHC-HW-H",
        "KSCms-UHC-HW-V",
        "KSCpc-EUC-H",
        "UniKS-UCS2-H",
        "UniKS-UCS2-V",
        "UniKS-UTF16-H",
        "UniKS-UTF16-V",
    ]
)
SUBSET = re.compile(r"^[A-Z]{6}\+")


def schendingen(omgeving: Omgeving) -> list[Schending]:
    if omgeving.toetsing.leeg:
        return []
    gevonden: list[Schending] = []
    for plek, lettertype in alle_lettertypen(omgeving.paginas):
        gevonden += _lettertype(omgeving, lettertype, plek)
    return gevonden


def _lettertype(omgeving: Omgeving, f: pikepdf.Object, plek: Plek) -> list[Schending]:
    soort = naam(f.get("/Subtype"))
    titel = lettertypenaam(f)

    def bij(controle: str, detail: str = titel) -> Schending:
        return Schending(controle, plek.pagina, plek.object, detail)

    gevonden = []
    if naam(f.get("/Type")) != "Font":
        gevonden.append(bij("font_type"))
    if soort not in SOORTEN:
        gevonden.append(bij("font_subtype", soort or "geen"))
        return gevonden
    if soort != "Type3" and not isinstance(f.get("/BaseFont"), pikepdf.Name):
        gevonden.append(bij("font_basefont"))
    if soort == "Type0":
        return gevonden + _samengesteld(omgeving, f, bij)
    beschrijving = f.get("/FontDescriptor")
    bestand = _bestand(beschrijving)
    if soort != "Type3":
        gevonden += _insluiting(beschrijving, bestand, titel, soort, bij)
    standaard = soort == "Type1" and titel in STANDAARD_14 and bestand is None
    if not standaard:
        gevonden += _breedtetabel(f, bij)
    if soort == "TrueType":
        gevonden += _truetype(omgeving, f, beschrijving, bestand, bij)
    elif bestand is not None and naam(bestand[0]) == "FontFile3":
        gevonden += lettertypebreedtes.cff_breedtes(omgeving, f, bestand[1], bij)
    gevonden += tounicode.unicode(omgeving, f, soort, beschrijving, bij)
    return gevonden


def _bestand(beschrijving: object) -> tuple[pikepdf.Name, pikepdf.Stream] | None:
    if not is_woordenboek(beschrijving):
        return None
    for sleutel in LETTERTYPEBESTANDEN:
        stream = beschrijving.get(sleutel)
        if isinstance(stream, pikepdf.Stream):
            return pikepdf.Name(sleutel), stream
    return None


def _insluiting(beschrijving, bestand, titel: str, soort: str, bij) -> list[Schending]:
    if bestand is None:
        return [bij("lettertype_niet_ingesloten")]
    gevonden = []
    sleutel, stream = bestand
    if naam(sleutel) == "FontFile3":
        ondersoort = naam(stream.get("/Subtype"))
        if ondersoort not in ("Type1C", "CIDFontType0C"):
            gevonden.append(bij("fontbestand_soort_pdfa1", ondersoort or "geen"))
        if ondersoort not in ("Type1C", "CIDFontType0C", "OpenType"):
            gevonden.append(bij("fontbestand_soort_pdfa2", ondersoort or "geen"))
    if soort == "Type1" and SUBSET.match(titel) and "/CharSet" not in beschrijving:
        gevonden.append(bij("charset"))
    return gevonden


def _breedtetabel(f: pikepdf.Object, bij) -> list[Schending]:
    eerste, laatste = geheel(f.get("/FirstChar")), geheel(f.get("/LastChar"))
    gevonden = []
    if eerste is None:
        gevonden.append(bij("font_firstchar"))
    if laatste is None:
        gevonden.append(bij("font_lastchar"))
    breedtes = f.get("/Widths")
    if (
        eerste is None
        or laatste is None
        or not isinstance(breedtes, pikepdf.Array)
        or len(breedtes) != laatste - eerste + 1
    ):
        gevonden.append(bij("font_widths"))
    return gevonden


def _samengesteld(omgeving: Omgeving, f: pikepdf.Object, bij) -> list[Schending]:
    gevonden = []
    afstammelingen = lijst(f.get("/DescendantFonts"))
    cidfont = afstammelingen[0] if afstammelingen and is_woordenboek(afstammelingen[0]) else None
    if cidfont is None:
        return [bij("lettertype_niet_ingesloten")]
    beschrijving = cidfont.get("/FontDescriptor")
    bestand = _bestand(beschrijving)
    titel = lettertypenaam(f)
    if bestand is None:
        gevonden.append(bij("lettertype_niet_ingesloten"))
    else:
        gevonden += _insluiting(beschrijving, bestand, titel, "CID", bij)
        if SUBSET.match(lettertypenaam(cidfont)) and "/CIDSet" not in beschrijving:
            gevonden.append(bij("cidset"))
        if naam(cidfont.get("/Subtype")) == "CIDFontType2" and "/CIDToGIDMap" not in cidfont:
            gevonden.append(bij("cidtogidmap"))
    gevonden += _cmap(f.get("/Encoding"), cidfont, bij)
    if bestand is not None and naam(cidfont.get("/Subtype")) == "CIDFontType2":
        gevonden += lettertypebreedtes.cid_breedtes(omgeving, f, cidfont, bestand[1], bij)
    if omgeving.toetsing.pdfua or (omgeving.toetsing.pdfa or "")[1:] in ("a", "u"):
        gevonden += tounicode.unicode(omgeving, f, "Type0", beschrijving, bij, cidfont)
    return gevonden


def _cmap(codering: object, cidfont: pikepdf.Object, bij) -> list[Schending]:
    if isinstance(codering, pikepdf.Stream):
        return _systeeminfo(cidfont, codering, bij)
    if not isinstance(codering, pikepdf.Name):
        return []
    eisen = (
        ("cmap_pdfa1", naam(codering) not in ("Identity-H", "Identity-V")),
        ("cmap", naam(codering) not in VOORGEDEFINIEERDE_CMAPS),
    )
    return [bij(controle) for controle, geschonden in eisen if geschonden]


def _systeeminfo(cidfont: pikepdf.Object, cmap: pikepdf.Stream, bij) -> list[Schending]:
    een, twee = cidfont.get("/CIDSystemInfo"), cmap.get("/CIDSystemInfo")
    if not (is_woordenboek(een) and is_woordenboek(twee)):
        return [bij("cidsysteminfo")]
    gelijk = all(str(een.get(k)) == str(twee.get(k)) for k in ("/Registry", "/Ordering"))
    aanvulling = (geheel(een.get("/Supplement")) or 0) <= (geheel(twee.get("/Supplement")) or 0)
    return [] if gelijk and aanvulling else [bij("cidsysteminfo")]


def _truetype(omgeving: Omgeving, f: pikepdf.Object, beschrijving, bestand, bij) -> list[Schending]:
    vlaggen = geheel(beschrijving.get("/Flags")) if is_woordenboek(beschrijving) else None
    symbolisch = bool((vlaggen or 0) & SYMBOLISCH)
    codering = f.get("/Encoding")
    basis, verschillen = lettertypebestand.codering(codering)
    gevonden = []
    programma = (
        lettertypebestand.programma(omgeving, bestand[1])
        if bestand is not None and naam(bestand[0]) == "FontFile2"
        else None
    )
    tabellen = lettertypebestand.cmaps(programma) if programma is not None else []
    if symbolisch:
        if codering is not None:
            gevonden.append(bij("truetype_symbolisch_codering"))
        if programma is not None and len(tabellen) != 1:
            gevonden.append(bij("truetype_symbolisch_cmap_pdfa1"))
        if programma is not None and len(tabellen) != 1 and not any(t[:2] == (3, 0) for t in tabellen):
            gevonden.append(bij("truetype_symbolisch_cmap"))
    else:
        if basis not in CODERINGEN or verschillen:
            gevonden.append(bij("truetype_codering_pdfa1"))
        agl = verschillen and all(n in AGL2UV for n in verschillen.values())
        heeft_31 = any(t[:2] == (3, 1) for t in tabellen)
        if not (basis in CODERINGEN and not verschillen) and not (verschillen and agl and heeft_31):
            gevonden.append(bij("truetype_codering"))
        if programma is not None and not any(t[:2] != (3, 0) for t in tabellen):
            gevonden.append(bij("truetype_cmap"))
    if programma is not None:
        gevonden += lettertypebreedtes.tt_breedtes(
            omgeving, f, programma, tabellen, symbolisch, basis, verschillen, bij
        )
    return gevonden
