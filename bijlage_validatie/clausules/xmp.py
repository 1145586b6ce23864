"""De XMP-metadata: of hij er is, hoe het pakket eruitziet, de PDF/A- en PDF/UA-identificatie, de titel, en
(PDF/A-1) of het documentinformatiewoordenboek hetzelfde zegt.

De stream lezen we begrensd (`metadata.begrensd_lezen`), de XML met defusedxml.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, timezone
from xml.etree.ElementTree import Element, ParseError

import pikepdf
from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from bijlage_validatie.clausules.gemeen import tekst
from bijlage_validatie.clausules.omgeving import Omgeving
from bijlage_validatie.doorlopen import is_woordenboek
from bijlage_validatie.metadata import MAX_XMP, begrensd_lezen
from domain.pdf_clausules.clausule import Schending

RDF = "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
PDFAID_URI = "http://www.aiim.org/pdfa/ns/id/"
PDFAID = "{" + PDFAID_URI + "}"
PDFUAID = "{http://www.aiim.org/pdfua/ns/id/}"
DC = "{http://purl.org/dc/elements/1.1/}"
XMP_NS = "{http://ns.adobe.com/xap/1.0/}"
PDF_NS = "{http://ns.adobe.com/pdf/1.3/}"
XPACKET = re.compile(rb"<\?xpacket\s[^?]*begin=[^?]*\?>")
PREFIX = re.compile(rb'xmlns:([A-Za-z_][\w.-]*)\s*=\s*["\']' + re.escape(PDFAID_URI.encode()) + rb'["\']')
CONFORMITEIT = {"1b": "AB", "1a": "A", "2b": "ABU", "2u": "AU", "2a": "A"}

# Documentinformatie (PDF/A-1 6.7.3): sleutel, controle, XMP-eigenschap en hoe die gelezen wordt.
_INFO = (
    ("/Title", "info_titel", DC + "title", "alt"),
    ("/Author", "info_auteur", DC + "creator", "seq"),
    ("/Subject", "info_onderwerp", DC + "description", "alt"),
    ("/Keywords", "info_trefwoorden", PDF_NS + "Keywords", "tekst"),
    ("/Creator", "info_maker", XMP_NS + "CreatorTool", "tekst"),
    ("/Producer", "info_producent", PDF_NS + "Producer", "tekst"),
)
_DATA = (
    ("/CreationDate", "info_aanmaakdatum", XMP_NS + "CreateDate"),
    ("/ModDate", "info_wijzigdatum", XMP_NS + "ModifyDate"),
)


def schendingen(omgeving: Omgeving) -> list[Schending]:
    stream = omgeving.pdf.Root.get("/Metadata")
    if not isinstance(stream, pikepdf.Stream):
        gevonden = [Schending("metadata_ontbreekt"), Schending("pdfaid_ontbreekt")]
        return gevonden + (
            [Schending("pdfuaid_ontbreekt"), Schending("titel_ontbreekt")] if omgeving.pdfua else []
        )
    gevonden = []
    if stream.get("/Filter") is not None:
        gevonden.append(Schending("metadata_filter"))
    inhoud = begrensd_lezen(stream, MAX_XMP) or b""
    gevonden += _pakket(inhoud)
    try:
        wortel = fromstring(inhoud)
    except (ParseError, DefusedXmlException, ValueError) as fout:
        return gevonden + [
            Schending("xmp_ongeldig", detail=str(fout)[:80] or "leeg"),
            Schending("pdfaid_ontbreekt"),
        ]
    if not any(e.tag == RDF + "RDF" for e in wortel.iter()):
        gevonden.append(Schending("xmp_ongeldig", detail="geen rdf:RDF"))
    eigenschappen = _eigenschappen(wortel)
    gevonden += _identificatie(eigenschappen, inhoud, omgeving.toetsing.pdfa)
    if omgeving.pdfua:
        gevonden += _pdfua(eigenschappen)
    if omgeving.deel == 1:
        gevonden += _info(omgeving.pdf, eigenschappen)
    return gevonden


def _pakket(inhoud: bytes) -> list[Schending]:
    gevonden = []
    kop = XPACKET.search(inhoud)
    if kop and re.search(rb"\sbytes\s*=", kop.group(0)):
        gevonden.append(Schending("xmp_bytes"))
    if kop and re.search(rb"\sencoding\s*=", kop.group(0)):
        gevonden.append(Schending("xmp_encoding"))
    try:
        inhoud.decode("utf-8")
    except UnicodeDecodeError:
        gevonden.append(Schending("xmp_utf8"))
    return gevonden


def _eigenschappen(wortel: Element) -> dict[str, Element | str]:
    """Eigenschap (met naamruimte) -> element of attribuutwaarde, uit elke rdf:Description."""
    gevonden: dict[str, Element | str] = {}
    for beschrijving in wortel.iter(RDF + "Description"):
        for sleutel, waarde in beschrijving.attrib.items():
            if not sleutel.startswith(RDF):
                gevonden.setdefault(sleutel, waarde)
        for kind in beschrijving:
            gevonden.setdefault(kind.tag, kind)
    return gevonden


def _waarde(eigenschap: Element | str | None, soort: str = "tekst") -> str | None:
    if eigenschap is None:
        return None
    if isinstance(eigenschap, str):
        return eigenschap.strip()
    items = list(eigenschap.iter(RDF + "li"))
    if soort == "alt" and items:
        standaard = [li for li in items if li.get(XML_LANG) == "x-default"] or items
        return (standaard[0].text or "").strip()
    if soort == "seq" and items:
        return "\x00".join((li.text or "").strip() for li in items)
    return (eigenschap.text or "").strip()


def _identificatie(eigenschappen: dict, inhoud: bytes, profiel: str | None) -> list[Schending]:
    deel = _waarde(eigenschappen.get(PDFAID + "part"))
    conformiteit = _waarde(eigenschappen.get(PDFAID + "conformance"))
    gevonden = [
        Schending(controle, detail=p.decode("ascii", "replace"))
        for p in set(PREFIX.findall(inhoud))
        if p != b"pdfaid"
        for controle in ("pdfaid_voorvoegsel", "pdfaid_voorvoegsel_conformiteit")
    ]
    if deel is None:
        return gevonden + [Schending("pdfaid_ontbreekt")]
    if profiel is None:
        return gevonden
    if deel != profiel[0]:
        gevonden.append(Schending("pdfaid_deel", detail=deel))
    if not conformiteit or conformiteit.upper() not in CONFORMITEIT[profiel] or len(conformiteit) != 1:
        gevonden.append(Schending("pdfaid_conformiteit", detail=conformiteit or "geen"))
    return gevonden


def _pdfua(eigenschappen: dict) -> list[Schending]:
    gevonden = []
    deel = _waarde(eigenschappen.get(PDFUAID + "part"))
    if deel is None:
        gevonden.append(Schending("pdfuaid_ontbreekt"))
    elif deel != "1":
        gevonden.append(Schending("pdfuaid_deel", detail=deel))
    if not _waarde(eigenschappen.get(DC + "title"), "alt"):
        gevonden.append(Schending("titel_ontbreekt"))
    return gevonden


def _info(pdf: pikepdf.Pdf, eigenschappen: dict) -> list[Schending]:
    info = pdf.trailer.get("/Info")
    if not is_woordenboek(info):
        return []
    gevonden = []
    for sleutel, controle, eigenschap, soort in _INFO:
        waarde = info.get(sleutel)
        if waarde is None:
            continue
        xmp = _waarde(eigenschappen.get(eigenschap), soort)
        if tekst(waarde) != xmp:
            gevonden.append(
                Schending(controle, object="documentinformatie", detail=f"{tekst(waarde)!r} en {xmp!r}")
            )
    for sleutel, controle, eigenschap in _DATA:
        waarde = info.get(sleutel)
        if waarde is None:
            continue
        xmp = _waarde(eigenschappen.get(eigenschap))
        if not _zelfde_moment(tekst(waarde), xmp):
            gevonden.append(
                Schending(controle, object="documentinformatie", detail=f"{tekst(waarde)} en {xmp}")
            )
    return gevonden


PDF_DATUM = re.compile(r"D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(?:([Zz+-])(\d{2})?'?(\d{2})?'?)?")
XMP_DATUM = re.compile(
    r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?(?:T(\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$"
)


def _zelfde_moment(info: str, xmp: str | None) -> bool:
    if xmp is None:
        return False
    een, twee = _pdf_datum(info), _xmp_datum(xmp)
    if een is None or twee is None:
        return False
    if (een.tzinfo is None) != (twee.tzinfo is None):
        return een.replace(tzinfo=None) == twee.replace(tzinfo=None)
    return een == twee


def _pdf_datum(waarde: str) -> datetime | None:
    treffer = PDF_DATUM.match(waarde.strip())
    if not treffer:
        return None
    j, m, d, u, mi, s, teken, tu, tm = treffer.groups()
    zone = None
    if teken in ("Z", "z"):
        zone = UTC
    elif teken:
        verschuiving = timedelta(hours=int(tu or 0), minutes=int(tm or 0))
        zone = timezone(verschuiving if teken == "+" else -verschuiving)
    try:
        return datetime(int(j), int(m or 1), int(d or 1), int(u or 0), int(mi or 0), int(s or 0), tzinfo=zone)
    except ValueError:
        return None


def _xmp_datum(waarde: str) -> datetime | None:
    treffer = XMP_DATUM.match(waarde.strip())
    if not treffer:
        return None
    j, m, d, u, mi, s, zone_tekst = treffer.groups()
    zone = None
    if zone_tekst == "Z":
        zone = UTC
    elif zone_tekst:
        uren, minuten = int(zone_tekst[1:3]), int(zone_tekst[4:6])
        verschuiving = timedelta(hours=uren, minutes=minuten)
        zone = timezone(verschuiving if zone_tekst[0] == "+" else -verschuiving)
    try:
        return datetime(int(j), int(m or 1), int(d or 1), int(u or 0), int(mi or 0), int(s or 0), tzinfo=zone)
    except ValueError:
        return None
