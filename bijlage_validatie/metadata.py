"""De XMP-metadata van de catalogus: de PDF/A-claim en de documenttitel.

Dit is de enige stream die we decoderen, en dan begrensd: een metadatastream die uitpakt tot gigabytes
(een decompressiebom) levert hoogstens MAX_XMP bytes op.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass
from xml.etree.ElementTree import ParseError

import pikepdf
from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

MAX_XMP = 1024 * 1024
MAX_ONBEKEND_GECODEERD = 64 * 1024
PDFAID = "{http://www.aiim.org/pdfa/ns/id/}"
PDFUAID_PART = "{http://www.aiim.org/pdfua/ns/id/}part"
DC_TITLE = "{http://purl.org/dc/elements/1.1/}title"
_TERUGVAL = {
    "part": re.compile(rb"pdfaid:part\s*(?:=\s*[\"']|>)\s*(\d+)"),
    "conformance": re.compile(rb"pdfaid:conformance\s*(?:=\s*[\"']|>)\s*([A-Za-z]+)"),
}


@dataclass(frozen=True)
class Metadata:
    deel: str | None = None
    conformiteit: str | None = None
    titel: bool = False
    goed_gevormd: bool = False
    """Een metadatastream van /Type /Metadata /Subtype /XML met goed gevormde XML."""
    pdfua: str | None = None
    """pdfuaid:part, als de PDF zich PDF/UA noemt."""


def lees_metadata(catalogus: pikepdf.Object) -> Metadata:
    stream = catalogus.get("/Metadata")
    if not isinstance(stream, pikepdf.Stream):
        return Metadata()
    inhoud = begrensd_lezen(stream, MAX_XMP)
    if inhoud is None:
        return Metadata()
    voorgeschreven = (
        stream.get("/Type") == pikepdf.Name.Metadata and stream.get("/Subtype") == pikepdf.Name.XML
    )
    try:
        wortel = fromstring(inhoud)
    except (ParseError, DefusedXmlException, ValueError):
        # Geen bruikbare XML; een claim die er toch in lijkt te staan telt wel, als overtreding.
        return Metadata(_terugval(inhoud, "part"), _terugval(inhoud, "conformance"))
    return _uit_xml(wortel, voorgeschreven)


def _uit_xml(wortel, voorgeschreven: bool) -> Metadata:
    waarden: dict[str, str] = {}
    titel = False
    for element in wortel.iter():
        for sleutel, waarde in element.attrib.items():
            if sleutel.startswith(PDFAID):
                waarden.setdefault(sleutel[len(PDFAID) :], waarde)
            if sleutel == PDFUAID_PART:
                waarden.setdefault("pdfua", waarde)
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag.startswith(PDFAID) and element.text:
            waarden.setdefault(tag[len(PDFAID) :], element.text)
        if tag == PDFUAID_PART and element.text:
            waarden.setdefault("pdfua", element.text.strip())
        if tag == DC_TITLE:
            titel = titel or any((e.text or "").strip() for e in element.iter())
    return Metadata(
        waarden.get("part"), waarden.get("conformance"), titel, voorgeschreven, waarden.get("pdfua")
    )


def _terugval(inhoud: bytes, veld: str) -> str | None:
    treffer = _TERUGVAL[veld].search(inhoud)
    return treffer.group(1).decode("ascii") if treffer else None


def begrensd_lezen(stream: pikepdf.Stream, maximum: int) -> bytes | None:
    """De gedecodeerde inhoud, hoogstens `maximum` bytes; None als die niet veilig te lezen is."""
    filters = stream.get("/Filter")
    if isinstance(filters, pikepdf.Array):
        filters = filters[0] if len(filters) == 1 else filters
    try:
        if filters is None:
            return stream.read_raw_bytes()[:maximum]
        if filters == pikepdf.Name.FlateDecode:
            return zlib.decompressobj().decompress(stream.read_raw_bytes(), maximum)
        if len(stream.read_raw_bytes()) <= MAX_ONBEKEND_GECODEERD:
            return stream.read_bytes()[:maximum]
    except (pikepdf.PdfError, zlib.error, ValueError):
        return None
    return None
