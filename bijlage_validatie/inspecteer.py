"""Eén bijlage controleren: bytes erin, een Uitslag eruit. Draait in het geïsoleerde werkproces."""

from __future__ import annotations

import io

import pikepdf

from bijlage_validatie import catalogus
from bijlage_validatie.acties import bevindingen_in
from bijlage_validatie.doorlopen import TeComplex, alle_knopen, paginakaart, paginas
from bijlage_validatie.lettertypen import niet_ingesloten_lettertypen
from bijlage_validatie.metadata import lees_metadata
from bijlage_validatie.pdfa_sporen import gebruikt_lzw, is_doorzichtig
from bijlage_validatie.uitpakken import Uitpakmeter
from domain.pdf_validatie import (
    Bevinding,
    Plek,
    Soort,
    Uitslag,
    beperk,
    bevinding,
    lettertype_bevindingen,
    pdfa_bevindingen,
    pdfa_claim,
    pdfua_bevindingen,
)

MAX_PER_REGEL = 20


def inspecteer(bestandsnaam: str, data: bytes, soort: Soort) -> Uitslag:
    """De inhoud van het bestand; de naam beoordeelt de pool één keer, ook als dit werk sneuvelt."""
    try:
        pdf = pikepdf.open(io.BytesIO(data))
    except pikepdf.PasswordError:
        return Uitslag(bestandsnaam, soort, None, (bevinding("versleuteld"),))
    except (pikepdf.PdfError, ValueError, RuntimeError, OSError):
        return Uitslag(bestandsnaam, soort, None, (bevinding("onleesbaar"),))
    with pdf:
        try:
            claim, bevindingen = _beoordeel(pdf)
        except TeComplex as reden:
            return Uitslag(bestandsnaam, soort, None, (bevinding("te_complex", detail=str(reden)),))
        except (pikepdf.PdfError, ValueError, RuntimeError, TypeError, AttributeError, KeyError):
            # qpdf herstelt veel, maar niet alles; een bestand dat halverwege breekt is onleesbaar.
            return Uitslag(bestandsnaam, soort, None, (bevinding("onleesbaar"),))
    return Uitslag(bestandsnaam, soort, claim, tuple(beperk(bevindingen, MAX_PER_REGEL)))


def _beoordeel(pdf: pikepdf.Pdf) -> tuple[str | None, list[Bevinding]]:
    pagina_objecten = paginas(pdf)
    bevindingen, lzw, transparantie = _veeg(pdf, paginakaart(pagina_objecten))
    bevindingen += [
        b for b in catalogus.document_bevindingen(pdf.Root) if b.regel not in _regels(bevindingen)
    ]
    if pdf.is_encrypted:
        bevindingen.append(
            bevinding("versleuteld"),
        )
    metadata = lees_metadata(pdf.Root)
    claim = pdfa_claim(metadata.deel, metadata.conformiteit)
    bevindingen += lettertype_bevindingen(claim, niet_ingesloten_lettertypen(pagina_objecten))
    ingesloten = "ingesloten_bestand" in _regels(bevindingen)
    feiten = catalogus.pdfa_feiten(pdf, metadata, ingesloten, lzw, transparantie)
    bevindingen += pdfa_bevindingen(claim, feiten)
    bevindingen += pdfua_bevindingen(catalogus.pdfua_feiten(pdf, metadata))
    return claim, bevindingen


def _veeg(pdf: pikepdf.Pdf, kaart: dict) -> tuple[list[Bevinding], list[Plek], list[Plek]]:
    bevindingen: list[Bevinding] = []
    lzw: list[Plek] = []
    transparantie: list[Plek] = []
    meter = Uitpakmeter()
    for knoop in alle_knopen(pdf, kaart):
        bevindingen += bevindingen_in(knoop)
        bevindingen += meter.bevindingen(knoop)
        if gebruikt_lzw(knoop):
            lzw.append(Plek(knoop.pagina, knoop.object))
        if is_doorzichtig(knoop):
            transparantie.append(Plek(knoop.pagina, knoop.object))
    return bevindingen, lzw, transparantie


def _regels(bevindingen: list[Bevinding]) -> set[str]:
    return {b.regel for b in bevindingen}
