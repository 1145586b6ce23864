"""Een echt TrueType-lettertype voor de test-PDF's, gemaakt met fontTools: glyfen voor de ASCII-tekens 32
tot en met 126, een (3,1)- en een (1,0)-cmap, en breedtes die de PDF uit het lettertype zelf overneemt."""

from __future__ import annotations

import functools
import io

from fontTools.fontBuilder import FontBuilder
from fontTools.pens.ttGlyphPen import TTGlyphPen

EERSTE, LAATSTE = 32, 126
EENHEDEN = 1000


def breedte(code: int) -> int:
    return 250 if code == 32 else 400 + (code % 7) * 50


def _glief(code: int):
    pen = TTGlyphPen(None)
    if code != 32:
        pen.moveTo((50, 0))
        pen.lineTo((50, 700))
        pen.lineTo((breedte(code) - 50, 700))
        pen.lineTo((breedte(code) - 50, 0))
        pen.closePath()
    return pen.glyph()


def _tabel(platform: int, codering: int, verschuiving: int):
    from fontTools.ttLib.tables._c_m_a_p import cmap_format_4

    tabel = cmap_format_4(4)
    tabel.platformID, tabel.platEncID, tabel.language = platform, codering, 0
    tabel.cmap = {verschuiving + c: f"g{c}" for c in range(EERSTE, LAATSTE + 1)}
    return tabel


@functools.cache
def truetype(naam: str = "Vrij", symbolisch: bool = False) -> bytes:
    namen = [".notdef"] + [f"g{code}" for code in range(EERSTE, LAATSTE + 1)]
    bouwer = FontBuilder(EENHEDEN, isTTF=True)
    bouwer.setupGlyphOrder(namen)
    bouwer.setupCharacterMap({c: f"g{c}" for c in range(EERSTE, LAATSTE + 1)})
    glyfen = {".notdef": TTGlyphPen(None).glyph(), **{f"g{c}": _glief(c) for c in range(EERSTE, LAATSTE + 1)}}
    bouwer.setupGlyf(glyfen)
    bouwer.setupHorizontalMetrics({n: (500 if n == ".notdef" else breedte(int(n[1:])), 50) for n in namen})
    bouwer.setupHorizontalHeader(ascent=800, descent=-200)
    bouwer.setupNameTable({"familyName": naam, "styleName": "Regular"})
    bouwer.setupOS2(sTypoAscender=800, usWinAscent=800, usWinDescent=200)
    bouwer.setupPost()
    if symbolisch:
        # Een symbolisch lettertype: alleen een (3,0)-tabel in het bereik F000.
        bouwer.font["cmap"].tables = [_tabel(3, 0, 0xF000)]
    else:
        # Ook een (1,0)-tabel, zoals de meeste lettertypen die hebben.
        bouwer.font["cmap"].tables.append(_tabel(1, 0, 0))
    uit = io.BytesIO()
    bouwer.save(uit)
    return uit.getvalue()
