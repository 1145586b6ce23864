"""Do the widths in a font dictionary match the embedded font program (TrueType, CIDFontType2 and
simple CFF fonts), for the codes the page content uses."""

from __future__ import annotations

import io

import pikepdf
from fontTools.agl import AGL2UV
from fontTools.pens.basePen import NullPen

from bijlage_validatie.clausules import lettertypebestand
from bijlage_validatie.clausules.gemeen import geheel, getal, lijst, naam
from bijlage_validatie.clausules.lettertypebestand import CODERINGEN, MAX_LETTERTYPEBESTAND
from bijlage_validatie.lettertypen import lettertypenaam
from bijlage_validatie.metadata import begrensd_lezen
from domain.pdf_clausules.clausule import Schending

BREEDTE_MARGE = 1.0


def tt_breedtes(omgeving, f, programma, tabellen, symbolisch, basis, verschillen, bij) -> list[Schending]:
    eerste, breedtes = geheel(f.get("/FirstChar")), f.get("/Widths")
    if eerste is None or not isinstance(breedtes, pikepdf.Array):
        return []
    try:
        eenheden = programma["head"].unitsPerEm or 1000
        metriek = programma["hmtx"].metrics
    except Exception:  # noqa: BLE001
        return []
    tabel = {(p, e): t for p, e, t in tabellen}
    for code in sorted(lettertypebestand.gebruikt(omgeving, f)):
        glief = _tt_glief(code, tabel, symbolisch, basis, verschillen)
        index = code - eerste
        if glief is None or glief not in metriek or not 0 <= index < len(breedtes):
            continue
        verwacht = metriek[glief][0] * 1000 / eenheden
        schending = _afwijking(bij, f, f"teken {code}", getal(breedtes[index]), verwacht)
        if schending is not None:
            return [schending]
    return []


def _afwijking(
    bij, f: pikepdf.Object, teken: str, opgegeven: float | None, verwacht: float
) -> Schending | None:
    """The violation when a declared width differs from the font program's by more than the margin."""
    if opgegeven is None or abs(opgegeven - verwacht) <= BREEDTE_MARGE:
        return None
    return bij("breedtes", f"{lettertypenaam(f)}, {teken}: {opgegeven:g} in plaats van {verwacht:g}")


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


def cid_breedtes(omgeving, f, cidfont, stream, bij) -> list[Schending]:
    if naam(cidfont.get("/CIDToGIDMap")) != "Identity" or naam(f.get("/Encoding")) not in (
        "Identity-H",
        "Identity-V",
    ):
        return []
    programma = lettertypebestand.programma(omgeving, stream)
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
    for cid in sorted(lettertypebestand.gebruikt(omgeving, f)):
        if cid >= len(volgorde) or cid == 0:
            continue
        opgegeven = breedtes.get(cid, standaard if standaard is not None else 1000.0)
        verwacht = metriek[volgorde[cid]][0] * 1000 / eenheden
        schending = _afwijking(bij, f, f"CID {cid}", opgegeven, verwacht)
        if schending is not None:
            return [schending]
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


def cff_breedtes(omgeving, f, stream, bij) -> list[Schending]:
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
    _, verschillen = lettertypebestand.codering(f.get("/Encoding"))
    schaal = 1000 * float(cff.FontMatrix[0]) if hasattr(cff, "FontMatrix") else 1.0
    for code in sorted(lettertypebestand.gebruikt(omgeving, f)):
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
        schending = _afwijking(bij, f, f"teken {code}", getal(breedtes[index]), verwacht)
        if schending is not None:
            return [schending]
    return []
