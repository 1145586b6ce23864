"""Hoe groot streams worden als een PDF-lezer ze uitpakt, gemeten zonder de uitgepakte inhoud vast te houden.

Een decompressiebom is een paar honderd kB Flate die uitpakt tot honderden MB. De rest van de validator leest
geen streaminhoud; hier tellen we de uitgepakte bytes in stukken van hoogstens STUK, met
`zlib.decompressobj().decompress(invoer, max_length)` en `unconsumed_tail`, en stoppen zodra een grens
overschreden is. Zo blijven geheugen (enkele MB) en rekentijd (hoogstens MAX_UITGEPAKT_BESTAND aan uitpakwerk,
ongeveer een halve seconde) begrensd, ook voor een bom van gigabytes.

Alleen Flate wordt gemeten (ook na ASCIIHex- of ASCII85-lagen vooraan, en meerdere Flate-lagen achter elkaar).
Afbeeldingsfilters (DCT, JPX, CCITT, JBIG2) pakt een lezer uit tot hoogstens de rastergrootte uit het
woordenboek; die controleren we zonder te decoderen.
"""

from __future__ import annotations

import base64
import binascii
import collections
import zlib
from collections.abc import Callable, Iterator

import pikepdf

from bijlage_validatie.doorlopen import Knoop, TeComplex
from domain.pdf_validatie import (
    MAX_AFBEELDING,
    MAX_UITGEPAKT_BESTAND,
    MAX_UITGEPAKT_ONDERDEEL,
    Bevinding,
    afbeelding_bevinding,
    uitpak_bevinding,
)

STUK = 1024 * 1024
"""Hoogstens zoveel uitgepakte bytes tegelijk in het geheugen, per Flate-laag."""
INVOERSTUK = 64 * 1024
"""De ruwe bytes gaan in stukken naar zlib, zodat `unconsumed_tail` nooit de hele stream kopieert."""
MAX_FLATE_LAGEN = 4
FLATE = "/FlateDecode"
MAX_KANALEN = 32
_KANALEN = {
    "/DeviceGray": 1,
    "/CalGray": 1,
    "/Indexed": 1,
    "/Separation": 1,
    "/DeviceRGB": 3,
    "/CalRGB": 3,
    "/Lab": 3,
    "/DeviceCMYK": 4,
}
ONBEKEND_KANALEN = 4


class _Overschreden(Exception):
    def __init__(self, heel_bestand: bool) -> None:
        super().__init__("heel bestand" if heel_bestand else "onderdeel")
        self.heel_bestand = heel_bestand


def _ascii_hex(data: bytes) -> bytes:
    tekst = bytes(data).split(b">", 1)[0]
    tekst = b"".join(tekst.split())
    return binascii.unhexlify(tekst + b"0" * (len(tekst) % 2))


def _ascii85(data: bytes) -> bytes:
    tekst = bytes(data).split(b"~>", 1)[0]
    return base64.a85decode(tekst.removeprefix(b"<~"))


_ASCII_FILTERS: dict[str, Callable[[bytes], bytes]] = {
    "/ASCIIHexDecode": _ascii_hex,
    "/ASCII85Decode": _ascii85,
}


def _naam(obj: object) -> str:
    return str(obj) if isinstance(obj, pikepdf.Name) else ""


def _filternamen(stream: pikepdf.Stream) -> list[str]:
    filters = stream.get("/Filter")
    if isinstance(filters, pikepdf.Array):
        return [_naam(f) for f in filters]
    return [_naam(filters)] if filters is not None else []


def _plan(stream: pikepdf.Stream) -> tuple[list[str], int]:
    """De ASCII-lagen vooraan (klein: hoogstens de ruwe grootte) en het aantal Flate-lagen daarna."""
    namen = _filternamen(stream)
    ascii_lagen = []
    for naam in namen:
        if naam not in _ASCII_FILTERS:
            break
        ascii_lagen.append(naam)
    rest = namen[len(ascii_lagen) :]
    flate = next((i for i, naam in enumerate(rest) if naam != FLATE), len(rest))
    if flate > MAX_FLATE_LAGEN or FLATE in rest[flate:]:
        # Een lezer pakt dit uit, wij kunnen het niet begrensd meten: weigeren in plaats van doorlaten.
        raise TeComplex("te veel lagen compressie in één onderdeel")
    return ascii_lagen, flate


def _in_stukken(data: bytes) -> Iterator[bytes]:
    for begin in range(0, len(data), INVOERSTUK):
        yield data[begin : begin + INVOERSTUK]


def _inflate(bron: Iterator[bytes], grens: int, tel: Callable[[int], None]) -> Iterator[bytes]:
    """Eén Flate-laag, in stukken van hoogstens STUK; stopt na het einde van de zlib-stream."""
    ontpakker = zlib.decompressobj()
    gemaakt = 0
    for invoer in bron:
        while invoer and not ontpakker.eof:
            stuk = ontpakker.decompress(invoer, STUK)
            invoer = ontpakker.unconsumed_tail
            gemaakt += len(stuk)
            tel(len(stuk))
            if gemaakt > grens:
                raise _Overschreden(heel_bestand=False)
            yield stuk
        if ontpakker.eof:
            return
    rest = ontpakker.flush()
    tel(len(rest))
    if gemaakt + len(rest) > grens:
        raise _Overschreden(heel_bestand=False)
    yield rest


def _geheel(waarde: object) -> int | None:
    if isinstance(waarde, bool):
        return None
    try:
        return max(int(waarde), 0)
    except (TypeError, ValueError, ArithmeticError):
        return None


def _kanalen(ruimte: object) -> int:
    soort = _naam(ruimte[0]) if isinstance(ruimte, pikepdf.Array) and len(ruimte) > 0 else _naam(ruimte)
    tweede = ruimte[1] if isinstance(ruimte, pikepdf.Array) and len(ruimte) > 1 else None
    if soort == "/ICCBased" and isinstance(tweede, pikepdf.Stream):
        aantal = _geheel(tweede.get("/N")) or ONBEKEND_KANALEN
    elif soort == "/DeviceN" and isinstance(tweede, pikepdf.Array):
        aantal = len(tweede)
    else:
        aantal = _KANALEN.get(soort, ONBEKEND_KANALEN)
    return min(max(aantal, 1), MAX_KANALEN)


def _is_afbeelding(stream: pikepdf.Stream) -> bool:
    return stream.get("/Subtype") == pikepdf.Name.Image


def rastergrootte(stream: pikepdf.Stream) -> tuple[int, int, int] | None:
    """(breedte, hoogte, bytes) van een afbeelding zoals een lezer hem uitpakt, alleen uit het woordenboek."""
    if not _is_afbeelding(stream):
        return None
    breedte, hoogte = _geheel(stream.get("/Width")), _geheel(stream.get("/Height"))
    if breedte is None or hoogte is None:
        return None
    if stream.get("/ImageMask") is True:
        return breedte, hoogte, breedte * hoogte // 8
    bits = min(max(_geheel(stream.get("/BitsPerComponent")) or 8, 1), 16)
    return breedte, hoogte, breedte * hoogte * _kanalen(stream.get("/ColorSpace")) * bits // 8


class Uitpakmeter:
    """Meet de streams van één bestand; houdt het totaal bij over alle streams heen."""

    def __init__(
        self,
        per_onderdeel: int = MAX_UITGEPAKT_ONDERDEEL,
        per_afbeelding: int = MAX_AFBEELDING,
        per_bestand: int = MAX_UITGEPAKT_BESTAND,
    ) -> None:
        self.per_onderdeel = per_onderdeel
        self.per_afbeelding = per_afbeelding
        self.per_bestand = per_bestand
        self.totaal = 0

    def bevindingen(self, knoop: Knoop) -> list[Bevinding]:
        stream = knoop.woordenboek
        if not isinstance(stream, pikepdf.Stream):
            return []
        gevonden = []
        raster = rastergrootte(stream)
        if raster is not None and raster[2] > self.per_afbeelding:
            gevonden.append(afbeelding_bevinding(knoop.pagina, knoop.object, *raster))
        # Een afbeelding mag uitpakken tot zijn rastergrootte; andere streams hebben een kleinere grens.
        grens = self.per_afbeelding if _is_afbeelding(stream) else self.per_onderdeel
        overschreden = self._meet(stream, grens)
        if overschreden is not None:
            gevonden.append(uitpak_bevinding(knoop.pagina, knoop.object, grens, overschreden.heel_bestand))
        return gevonden

    def _meet(self, stream: pikepdf.Stream, grens: int) -> _Overschreden | None:
        if self.totaal > self.per_bestand:
            return None  # al gemeld; verder meten kost alleen rekentijd
        ascii_lagen, flate_lagen = _plan(stream)
        if not flate_lagen:
            return None
        try:
            data = stream.read_raw_bytes()
            for laag in ascii_lagen:
                data = _ASCII_FILTERS[laag](data)
            stukken = _in_stukken(data)
            for _ in range(flate_lagen):
                stukken = _inflate(stukken, grens, self._tel)
            collections.deque(stukken, maxlen=0)
        except _Overschreden as reden:
            return reden
        except (zlib.error, ValueError, pikepdf.PdfError):
            # Kapotte compressie: de lezer toont hier niets van; wat tot de fout uitgepakt werd, telt mee.
            return None
        return None

    def _tel(self, aantal: int) -> None:
        self.totaal += aantal
        if self.totaal > self.per_bestand:
            raise _Overschreden(heel_bestand=True)
