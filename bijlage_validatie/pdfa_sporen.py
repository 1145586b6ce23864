"""Sporen in één woordenboek die PDF/A verbiedt: LZW-compressie en (voor PDF/A-1) doorzichtigheid."""

from __future__ import annotations

import pikepdf

from bijlage_validatie.doorlopen import Knoop
from domain.pdf_validatie import gelijk_getal

NORMALE_MENGMODI = ("/Normal", "/Compatible")


def gebruikt_lzw(knoop: Knoop) -> bool:
    filters = knoop.woordenboek.get("/Filter")
    if isinstance(filters, pikepdf.Array):
        return any(f == pikepdf.Name.LZWDecode for f in filters)
    return filters == pikepdf.Name.LZWDecode


def is_doorzichtig(knoop: Knoop) -> bool:
    woordenboek = knoop.woordenboek
    zachtmasker = woordenboek.get("/SMask")
    if zachtmasker is not None and zachtmasker != pikepdf.Name("/None"):
        return True
    groep = woordenboek.get("/Group")
    if isinstance(groep, pikepdf.Dictionary) and groep.get("/S") == pikepdf.Name.Transparency:
        return True
    return _dekking_onvolledig(woordenboek) or _mengmodus_bijzonder(woordenboek)


def _dekking_onvolledig(woordenboek: pikepdf.Object) -> bool:
    for sleutel in ("/CA", "/ca"):
        getal = _getal(woordenboek.get(sleutel))
        if getal is not None and not gelijk_getal(getal, 1.0):
            return True
    return False


def _mengmodus_bijzonder(woordenboek: pikepdf.Object) -> bool:
    modus = woordenboek.get("/BM")
    if modus is None:
        return False
    if isinstance(modus, pikepdf.Array):
        return any(str(m) not in NORMALE_MENGMODI for m in modus)
    return str(modus) not in NORMALE_MENGMODI


def _getal(waarde: object) -> float | None:
    try:
        return float(waarde)
    except (TypeError, ValueError):
        return None
