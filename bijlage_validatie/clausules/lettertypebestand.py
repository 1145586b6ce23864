"""What the font checks read of a font beyond its dictionary: the embedded font program (parsed once
with fontTools and kept in `Omgeving.geheugen`), its cmap subtables, the encoding of a simple font, and
the codes the page content paints with it (remembered by `inhoud`)."""

from __future__ import annotations

import io

import pikepdf
from fontTools.ttLib import TTFont

from bijlage_validatie.clausules.gemeen import lijst, naam
from bijlage_validatie.clausules.omgeving import Omgeving
from bijlage_validatie.doorlopen import is_woordenboek
from bijlage_validatie.metadata import begrensd_lezen

SYMBOLISCH = 4
MAX_LETTERTYPEBESTAND = 16 * 1024 * 1024
CODERINGEN = {"WinAnsiEncoding": "cp1252", "MacRomanEncoding": "mac_roman"}


def programma(omgeving: Omgeving, stream: pikepdf.Stream) -> TTFont | None:
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


def cmaps(programma: TTFont) -> list[tuple[int, int, object]]:
    """(platform, codering, subtabel); fontTools pakt een subtabel pas uit als `.cmap` gelezen wordt."""
    try:
        return [(t.platformID, t.platEncID, t) for t in programma["cmap"].tables]
    except Exception:  # noqa: BLE001
        return []


def codering(codering: object) -> tuple[str, dict[int, str]]:
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


def gebruikt(omgeving: Omgeving, f: pikepdf.Object) -> set[int]:
    return omgeving.geheugen.get("gebruikte_codes", {}).get(f.objgen if f.is_indirect else id(f), set())
