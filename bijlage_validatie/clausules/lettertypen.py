"""Lettertypen: het lettertypewoordenboek (soort, naam, breedtes), samengestelde lettertypen en hun CMap,
insluiting, subsets, TrueType-coderingen, Unicode-vertaling, en of de breedtes kloppen met het ingesloten
lettertypebestand (ontleed met fontTools, alleen voor de tekens die de inhoud gebruikt)."""

from __future__ import annotations

import io
import re

import pikepdf
from fontTools.agl import AGL2UV
from fontTools.pens.basePen import NullPen
from fontTools.ttLib import TTFont

from bijlage_validatie.clausules.gemeen import geheel, getal, lijst, naam
from bijlage_validatie.clausules.omgeving import Omgeving
from bijlage_validatie.doorlopen import is_woordenboek
from bijlage_validatie.lettertypen import LETTERTYPEBESTANDEN, alle_lettertypen, lettertypenaam
from bijlage_validatie.metadata import begrensd_lezen
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
UNICODE_ORDENINGEN = {"GB1", "CNS1", "Japan1", "Korea1"}
SUBSET = re.compile(r"^[A-Z]{6}\+")
SYMBOLISCH = 4
MAX_LETTERTYPEBESTAND = 16 * 1024 * 1024
MAX_TOUNICODE = 1024 * 1024
CODERINGEN = {"WinAnsiEncoding": "cp1252", "MacRomanEncoding": "mac_roman"}
BFBLOK = re.compile(rb"beginbf(char|range)(.*?)endbf\1", re.S)
HEX = re.compile(rb"<([0-9A-Fa-f\s]*)>")
VERBODEN_UNICODE = {0x0000, 0xFEFF, 0xFFFE}
BREEDTE_MARGE = 1.0


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
        gevonden += _cff_breedtes(omgeving, f, bestand[1], bij)
    gevonden += _unicode(omgeving, f, soort, beschrijving, bij)
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
        gevonden += _cid_breedtes(omgeving, f, cidfont, bestand[1], bij)
    if omgeving.toetsing.pdfua or (omgeving.toetsing.pdfa or "")[1:] in ("a", "u"):
        gevonden += _unicode(omgeving, f, "Type0", beschrijving, bij, cidfont)
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


# --- TrueType ----------------------------------------------------------------------------------------------


def _programma(omgeving: Omgeving, stream: pikepdf.Stream) -> TTFont | None:
    sleutel = ("font", stream.objgen) if stream.is_indirect else None
    if sleutel and sleutel in omgeving.geheugen:
        return omgeving.geheugen[sleutel]
    programma = None
    data = begrensd_lezen(stream, MAX_LETTERTYPEBESTAND)
    if data:
        try:
            programma = TTFont(io.BytesIO(data), lazy=True, fontNumber=0)
            programma["head"]  # noqa: B018 - ontleedt de kop; een kapot bestand valt hier al af
        except Exception:  # noqa: BLE001 - fontTools gooit van alles bij kapotte bestanden
            programma = None
    if sleutel:
        omgeving.geheugen[sleutel] = programma
    return programma


def _cmaps(programma: TTFont) -> list[tuple[int, int, object]]:
    """(platform, codering, subtabel); fontTools pakt een subtabel pas uit als `.cmap` gelezen wordt."""
    try:
        return [(t.platformID, t.platEncID, t) for t in programma["cmap"].tables]
    except Exception:  # noqa: BLE001
        return []


def _truetype(omgeving: Omgeving, f: pikepdf.Object, beschrijving, bestand, bij) -> list[Schending]:
    vlaggen = geheel(beschrijving.get("/Flags")) if is_woordenboek(beschrijving) else None
    symbolisch = bool((vlaggen or 0) & SYMBOLISCH)
    codering = f.get("/Encoding")
    basis, verschillen = _codering(codering)
    gevonden = []
    programma = (
        _programma(omgeving, bestand[1]) if bestand is not None and naam(bestand[0]) == "FontFile2" else None
    )
    tabellen = _cmaps(programma) if programma is not None else []
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
        gevonden += _tt_breedtes(omgeving, f, programma, tabellen, symbolisch, basis, verschillen, bij)
    return gevonden


def _codering(codering: object) -> tuple[str, dict[int, str]]:
    if isinstance(codering, pikepdf.Name):
        return naam(codering), {}
    if not is_woordenboek(codering):
        return "", {}
    verschillen: dict[int, str] = {}
    code = 0
    for item in lijst(codering.get("/Differences")):
        if isinstance(item, int) and not isinstance(item, bool):
            code = item
        elif isinstance(item, pikepdf.Name):
            verschillen[code] = naam(item)
            code += 1
    return naam(codering.get("/BaseEncoding")), verschillen


def _gebruikt(omgeving: Omgeving, f: pikepdf.Object) -> set[int]:
    return omgeving.geheugen.get("gebruikte_codes", {}).get(f.objgen if f.is_indirect else id(f), set())


def _tt_breedtes(omgeving, f, programma, tabellen, symbolisch, basis, verschillen, bij) -> list[Schending]:
    eerste, breedtes = geheel(f.get("/FirstChar")), f.get("/Widths")
    if eerste is None or not isinstance(breedtes, pikepdf.Array):
        return []
    try:
        eenheden = programma["head"].unitsPerEm or 1000
        metriek = programma["hmtx"].metrics
    except Exception:  # noqa: BLE001
        return []
    tabel = {(p, e): t for p, e, t in tabellen}
    for code in sorted(_gebruikt(omgeving, f)):
        glief = _tt_glief(code, tabel, symbolisch, basis, verschillen)
        index = code - eerste
        if glief is None or glief not in metriek or not 0 <= index < len(breedtes):
            continue
        verwacht = metriek[glief][0] * 1000 / eenheden
        opgegeven = getal(breedtes[index])
        if opgegeven is not None and abs(opgegeven - verwacht) > BREEDTE_MARGE:
            return [
                bij(
                    "breedtes", f"{lettertypenaam(f)}, teken {code}: {opgegeven:g} in plaats van {verwacht:g}"
                )
            ]
    return []


def _tekens(tabel: dict, sleutel: tuple[int, int]) -> dict:
    """De tekentabel van één cmap-subtabel; fontTools pakt hem pas hier uit."""
    return tabel[sleutel].cmap if sleutel in tabel else {}


def _tt_glief(
    code: int, tabel: dict, symbolisch: bool, basis: str, verschillen: dict[int, str]
) -> str | None:
    """Teken -> glyf zoals ISO 32000-1, 9.6.6.4 het beschrijft."""
    if symbolisch or (3, 1) not in tabel:
        for sleutel, kandidaat in (((3, 0), 0xF000 + code), ((3, 0), code), ((1, 0), code)):
            glief = _tekens(tabel, sleutel).get(kandidaat)
            if glief:
                return glief
        return None
    if code in verschillen:
        unicode_ = AGL2UV.get(verschillen[code])
    else:
        try:
            unicode_ = ord(bytes([code]).decode(CODERINGEN.get(basis, "cp1252")))
        except (UnicodeDecodeError, ValueError):
            return None
    return _tekens(tabel, (3, 1)).get(unicode_) if unicode_ is not None else None


def _cid_breedtes(omgeving, f, cidfont, stream, bij) -> list[Schending]:
    if naam(cidfont.get("/CIDToGIDMap")) != "Identity" or naam(f.get("/Encoding")) not in (
        "Identity-H",
        "Identity-V",
    ):
        return []
    programma = _programma(omgeving, stream)
    if programma is None:
        return []
    try:
        eenheden = programma["head"].unitsPerEm or 1000
        volgorde = programma.getGlyphOrder()
        metriek = programma["hmtx"].metrics
    except Exception:  # noqa: BLE001
        return []
    breedtes = _w_tabel(cidfont)
    standaard = getal(cidfont.get("/DW"))
    for cid in sorted(_gebruikt(omgeving, f)):
        if cid >= len(volgorde) or cid == 0:
            continue
        opgegeven = breedtes.get(cid, standaard if standaard is not None else 1000.0)
        verwacht = metriek[volgorde[cid]][0] * 1000 / eenheden
        if abs(opgegeven - verwacht) > BREEDTE_MARGE:
            return [
                bij("breedtes", f"{lettertypenaam(f)}, CID {cid}: {opgegeven:g} in plaats van {verwacht:g}")
            ]
    return []


def _w_tabel(cidfont: pikepdf.Object) -> dict[int, float]:
    uit: dict[int, float] = {}
    items = lijst(cidfont.get("/W"))
    i = 0
    while i + 1 < len(items) and len(uit) < 70000:
        start = geheel(items[i])
        if start is None:
            break
        if isinstance(items[i + 1], pikepdf.Array):
            for n, breedte in enumerate(items[i + 1]):
                uit[start + n] = getal(breedte) or 0.0
            i += 2
        elif i + 2 < len(items):
            einde, breedte = geheel(items[i + 1]), getal(items[i + 2])
            for cid in range(start, min((einde or start), start + 70000) + 1):
                uit[cid] = breedte or 0.0
            i += 3
        else:
            break
    return uit


def _cff_breedtes(omgeving, f, stream, bij) -> list[Schending]:
    """Eenvoudige CFF-lettertypen (FontFile3 /Type1C): de breedte van de glyf met de naam uit de codering."""
    if naam(stream.get("/Subtype")) != "Type1C":
        return []
    sleutel = ("cff", stream.objgen) if stream.is_indirect else None
    cff = omgeving.geheugen.get(sleutel) if sleutel else None
    if cff is None:
        try:
            from fontTools.cffLib import CFFFontSet

            cff = CFFFontSet()
            cff.decompile(io.BytesIO(begrensd_lezen(stream, MAX_LETTERTYPEBESTAND) or b""), None)
            cff = cff[cff.fontNames[0]]
        except Exception:  # noqa: BLE001
            cff = False
        if sleutel:
            omgeving.geheugen[sleutel] = cff
    eerste, breedtes = geheel(f.get("/FirstChar")), f.get("/Widths")
    if not cff or eerste is None or not isinstance(breedtes, pikepdf.Array):
        return []
    _, verschillen = _codering(f.get("/Encoding"))
    schaal = 1000 * float(cff.FontMatrix[0]) if hasattr(cff, "FontMatrix") else 1.0
    for code in sorted(_gebruikt(omgeving, f)):
        glief = verschillen.get(code)
        index = code - eerste
        if not glief or glief not in cff.CharStrings or not 0 <= index < len(breedtes):
            continue
        try:
            tekens = cff.CharStrings[glief]
            tekens.draw(NullPen())  # zet de breedte, ook die uit nominalWidthX
            verwacht = tekens.width * schaal
        except Exception:  # noqa: BLE001, S112 - een glyf die fontTools niet tekent, toetsen we niet
            continue
        opgegeven = getal(breedtes[index])
        if opgegeven is not None and abs(opgegeven - verwacht) > BREEDTE_MARGE:
            return [
                bij(
                    "breedtes", f"{lettertypenaam(f)}, teken {code}: {opgegeven:g} in plaats van {verwacht:g}"
                )
            ]
    return []


# --- Unicode ---------------------------------------------------------------------------------------------


def _unicode(omgeving, f, soort, beschrijving, bij, cidfont=None) -> list[Schending]:
    if not (omgeving.toetsing.pdfua or (omgeving.toetsing.pdfa or "")[1:] in ("a", "u")):
        return []
    vertaling = f.get("/ToUnicode")
    if isinstance(vertaling, pikepdf.Stream):
        return [bij("tounicode_waarde")] if _verboden_waarde(vertaling) else []
    if soort == "Type0":
        info = cidfont.get("/CIDSystemInfo") if cidfont is not None else None
        ordening = str(info.get("/Ordering")) if is_woordenboek(info) else ""
        registratie = str(info.get("/Registry")) if is_woordenboek(info) else ""
        codering = naam(f.get("/Encoding"))
        if (
            registratie == "Adobe"
            and ordening in UNICODE_ORDENINGEN
            and codering not in ("Identity-H", "Identity-V")
        ):
            return []
        return [bij("tounicode")]
    vlaggen = geheel(beschrijving.get("/Flags")) if is_woordenboek(beschrijving) else 0
    basis, verschillen = _codering(f.get("/Encoding"))
    if (vlaggen or 0) & SYMBOLISCH and soort != "Type3":
        return [bij("tounicode")]
    if all(n in AGL2UV for n in verschillen.values()) and (soort != "Type3" or verschillen):
        return []
    return [bij("tounicode")]


def _verboden_waarde(stream: pikepdf.Stream) -> bool:
    data = begrensd_lezen(stream, MAX_TOUNICODE) or b""
    for blok in BFBLOK.finditer(data):
        waarden = [
            bytes.fromhex(h.decode().replace(" ", "").replace("\n", "")) for h in HEX.findall(blok.group(2))
        ]
        stap = 2 if blok.group(1) == b"char" else 3
        for groep in range(0, len(waarden) - stap + 1, stap):
            doel = waarden[groep + stap - 1]
            eenheden = [int.from_bytes(doel[i : i + 2], "big") for i in range(0, len(doel) - 1, 2)]
            if any(e in VERBODEN_UNICODE for e in eenheden) or not doel:
                return True
    return False
