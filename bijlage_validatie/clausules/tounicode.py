"""Can the characters of a font be mapped to Unicode (a /ToUnicode, or a standard encoding with glyph
names from the Adobe Glyph List), and does its /ToUnicode map no code to a forbidden value."""

from __future__ import annotations

import re

import pikepdf
from fontTools.agl import AGL2UV

from bijlage_validatie.clausules import lettertypebestand
from bijlage_validatie.clausules.gemeen import geheel, naam
from bijlage_validatie.clausules.lettertypebestand import SYMBOLISCH
from bijlage_validatie.doorlopen import is_woordenboek
from bijlage_validatie.metadata import begrensd_lezen
from domain.pdf_clausules.clausule import Schending

UNICODE_ORDENINGEN = {"GB1", "CNS1", "Japan1", "Korea1"}
MAX_TOUNICODE = 1024 * 1024
BFBLOK = re.compile(rb"beginbf(char|range)(.*?)endbf\1", re.S)
HEX = re.compile(rb"<([0-9A-Fa-f\s]*)>")
VERBODEN_UNICODE = {0x0000, 0xFEFF, 0xFFFE}


def unicode(omgeving, f, soort, beschrijving, bij, cidfont=None) -> list[Schending]:
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
    basis, verschillen = lettertypebestand.codering(f.get("/Encoding"))
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
