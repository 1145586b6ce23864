"""Eén bijlage controleren: bytes erin, een Uitslag eruit. Draait in het geïsoleerde werkproces."""

from __future__ import annotations

import io
from collections import Counter

import pikepdf

from bijlage_validatie import catalogus, clausules
from bijlage_validatie.acties import bevindingen_in
from bijlage_validatie.clausules.objecten import woordenboek
from bijlage_validatie.doorlopen import TeComplex, alle_knopen, paginakaart, paginas
from bijlage_validatie.lettertypen import niet_ingesloten_lettertypen
from bijlage_validatie.metadata import lees_metadata
from bijlage_validatie.uitpakken import Uitpakmeter
from domain.pdf_clausules.clausule import Schending
from domain.pdf_toets import Toets, Toetsing
from domain.pdf_validatie import (
    Bevinding,
    Soort,
    Uitslag,
    beperk,
    bevinding,
    clausule_bevindingen,
    lettertype_bevindingen,
    pdfa_bevindingen,
    pdfa_claim,
    pdfua_bevindingen,
)

MAX_PER_REGEL = 20


ZONDER_TOETS = Toets()
ONLEESBAAR = (
    pikepdf.PdfError,
    ValueError,
    RuntimeError,
    TypeError,
    AttributeError,
    LookupError,
    ArithmeticError,
)
"""Wat qpdf, fontTools of een half kapot object halverwege kan opwerpen: het bestand is dan onleesbaar."""
ONTOETSBAAR = {"decompressiebom", "afbeelding_te_groot"}
"""Na deze bevindingen lezen we geen streams meer: het bestand is al geweigerd."""


def inspecteer(bestandsnaam: str, data: bytes, soort: Soort, toets: Toets = ZONDER_TOETS) -> Uitslag:
    """De inhoud van het bestand; de naam beoordeelt de pool één keer, ook als dit werk sneuvelt."""
    try:
        # Geërfde pagina-eigenschappen laten we waar ze staan: PDF/A-2 6.2.2-2 gaat juist daarover.
        pdf = pikepdf.open(io.BytesIO(data), inherit_page_attributes=False)
    except pikepdf.PasswordError:
        return Uitslag(bestandsnaam, soort, None, (bevinding("versleuteld"),))
    except (pikepdf.PdfError, ValueError, RuntimeError, OSError):
        return Uitslag(bestandsnaam, soort, None, (bevinding("onleesbaar"),))
    with pdf:
        try:
            claim, toetsing, bevindingen = _beoordeel(pdf, data, toets)
        except TeComplex as reden:
            return Uitslag(bestandsnaam, soort, None, (bevinding("te_complex", detail=str(reden)),))
        except ONLEESBAAR:
            # qpdf herstelt veel, maar niet alles; een bestand dat halverwege breekt is onleesbaar.
            return Uitslag(bestandsnaam, soort, None, (bevinding("onleesbaar"),))
    aantallen = tuple(sorted(Counter(b.regel for b in bevindingen).items()))
    return Uitslag(bestandsnaam, soort, claim, tuple(beperk(bevindingen, MAX_PER_REGEL)), toetsing, aantallen)


def _beoordeel(pdf: pikepdf.Pdf, data: bytes, toets: Toets) -> tuple[str | None, Toetsing, list[Bevinding]]:
    pagina_objecten = paginas(pdf)
    kaart = paginakaart(pagina_objecten)
    metadata = lees_metadata(pdf.Root)
    claim = pdfa_claim(metadata.deel, metadata.conformiteit)
    toetsing = Toetsing(toets.profiel(claim), toets.met_pdfua(metadata.pdfua == "1"))
    bevindingen, vooraf = _veeg(pdf, kaart, toetsing)
    bevindingen += [
        b for b in catalogus.document_bevindingen(pdf.Root) if b.regel not in _regels(bevindingen)
    ]
    if pdf.is_encrypted:
        bevindingen.append(bevinding("versleuteld"))
    bevindingen += lettertype_bevindingen(toetsing, niet_ingesloten_lettertypen(pagina_objecten))
    bevindingen += pdfa_bevindingen(claim, toetsing)
    bevindingen += pdfua_bevindingen(catalogus.pdfua_feiten(pdf, metadata), toetsing)
    if not toetsing.leeg and not _regels(bevindingen) & ONTOETSBAAR:
        schendingen, onvolledig = clausules.onderzoek(pdf, data, pagina_objecten, kaart, toetsing, vooraf)
        bevindingen += clausule_bevindingen(toetsing, schendingen)
        if onvolledig:
            bevindingen.append(bevinding("inhoud_niet_getoetst", detail=onvolledig))
    return claim, toetsing, bevindingen


def _veeg(pdf: pikepdf.Pdf, kaart: dict, toetsing: Toetsing) -> tuple[list[Bevinding], list[Schending]]:
    """Eén wandeling langs alle woordenboeken: het beleid van het portaal, de uitpakmeter, en (als er getoetst
    wordt) de PDF/A-eisen aan losse woordenboeken."""
    bevindingen: list[Bevinding] = []
    schendingen: list[Schending] = []
    meter = Uitpakmeter()
    for knoop in alle_knopen(pdf, kaart):
        bevindingen += bevindingen_in(knoop)
        bevindingen += meter.bevindingen(knoop)
        if not toetsing.leeg:
            schendingen += woordenboek(knoop)
    return bevindingen, schendingen


def _regels(bevindingen: list[Bevinding]) -> set[str]:
    return {b.regel for b in bevindingen}
