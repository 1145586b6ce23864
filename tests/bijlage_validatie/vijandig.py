"""Hostile and oversized PDFs for the tests: decompression bombs, large content, huge images, deep
nesting, reference loops and very many pages."""

from __future__ import annotations

import functools
import zlib

import pikepdf
from pikepdf import Array, Dictionary, Name

from tests.bijlage_validatie.pdfs import Wijziging, als_bytes
from tests.bijlage_validatie.wijzigingen import actie, pagina

BOM_MEGABYTES = 600
"""Groter dan de geheugengrens van een werkproces: wie de bom helemaal uitpakt, haalt het oordeel niet."""


def decompressiebom_in_inhoud(pdf: pikepdf.Pdf) -> None:
    """Een inhoudsstream die uitpakt tot 600 MB; de validator meet dat begrensd en weigert hem."""
    bom = _nullen_gecomprimeerd(BOM_MEGABYTES)
    pagina(pdf).Contents = pikepdf.Stream(pdf, bom, Filter=Name.FlateDecode)


def decompressiebom_in_metadata(pdf: pikepdf.Pdf) -> None:
    # Zonder /Subtype /XML: qpdf schrijft zo'n metadatastream anders altijd uitgepakt weg.
    bom = _nullen_gecomprimeerd(BOM_MEGABYTES)
    pdf.Root.Metadata = pikepdf.Stream(pdf, bom, Type=Name.Metadata, Filter=Name.FlateDecode)


def decompressiebom_in_formulier(pdf: pikepdf.Pdf) -> None:
    """Een formulier-XObject op de pagina dat uitpakt tot 600 MB."""
    bom = _nullen_gecomprimeerd(BOM_MEGABYTES)
    xobject = pikepdf.Stream(
        pdf, bom, Type=Name.XObject, Subtype=Name.Form, BBox=[0, 0, 100, 100], Filter=Name.FlateDecode
    )
    pagina(pdf).Resources.XObject = Dictionary(X1=xobject)


def extra_inhoud(data: bytes, filter: object) -> Wijziging:
    """Een tweede inhoudsstream op de pagina met al gecodeerde `data` en het gegeven /Filter."""

    def wijzig(pdf: pikepdf.Pdf) -> None:
        extra = pikepdf.Stream(pdf, data, Filter=filter)
        pagina(pdf).Contents = Array([pagina(pdf).Contents, extra])

    return wijzig


def gestapelde_bom(lagen: int) -> bytes:
    """Flate over Flate: de buitenste laag is klein, de binnenste pakt uit tot BOM_MEGABYTES."""
    data = _nullen_gecomprimeerd(BOM_MEGABYTES)
    for _ in range(lagen - 1):
        data = zlib.compress(data, 9)
    return data


def ruime_inhoud(megabytes: int) -> Wijziging:
    """Een grote maar gewone inhoudsstream: herhaalde tekenopdrachten, goed comprimeerbaar."""
    return extra_inhoud(_herhaald_gecomprimeerd(megabytes), Name.FlateDecode)


@functools.cache
def _herhaald_gecomprimeerd(megabytes: int) -> bytes:
    regel = b"q 1 0 0 1 72 720 cm BT /F1 12 Tf (Dit is een bijlage.) Tj ET Q\n"
    return zlib.compress(regel * (megabytes * 1024 * 1024 // len(regel)), 6)


def afbeelding(breedte: int, hoogte: int, icc_kanalen: int | None = None, **velden: object) -> Wijziging:
    """Een JPEG-afbeelding met de gegeven afmetingen in het woordenboek (de inhoud is nep)."""
    velden = {"ColorSpace": Name.DeviceRGB, "BitsPerComponent": 8, "Filter": Name.DCTDecode} | velden

    def wijzig(pdf: pikepdf.Pdf) -> None:
        if icc_kanalen is not None:
            velden["ColorSpace"] = Array([Name.ICCBased, pdf.make_stream(b"nep-icc", N=icc_kanalen)])
        beeld = pdf.make_stream(
            b"\xff\xd8\xff\xd9", Type=Name.XObject, Subtype=Name.Image, Width=breedte, Height=hoogte, **velden
        )
        pagina(pdf).Resources.XObject = Dictionary(Im1=beeld)

    return wijzig


@functools.cache
def _nullen_gecomprimeerd(megabytes: int) -> bytes:
    compressor = zlib.compressobj(9)
    blok = bytes(1024 * 1024)
    return b"".join(compressor.compress(blok) for _ in range(megabytes)) + compressor.flush()


def nullen_gecomprimeerd(megabytes: int) -> bytes:
    return _nullen_gecomprimeerd(megabytes)


def diep_genest(diepte: int) -> Wijziging:
    def wijzig(pdf: pikepdf.Pdf) -> None:
        waarde = Array([1])
        for _ in range(diepte):
            waarde = Array([waarde])
        pdf.Root.Diep = waarde

    return wijzig


def kringverwijzing(pdf: pikepdf.Pdf) -> None:
    """Acties die via /Next naar elkaar wijzen, en een naamboom die zichzelf als kind heeft."""
    a = pdf.make_indirect(actie("GoTo", D=Array([pagina(pdf), Name.Fit])))
    b = pdf.make_indirect(actie("GoTo", D=Array([pagina(pdf), Name.Fit]), Next=a))
    a.Next = b
    pdf.Root.OpenAction = a
    boom = pdf.make_indirect(Dictionary())
    boom.Kids = Array([boom])
    pdf.Root.Names = Dictionary(Dests=boom)


def lege_paginas(aantal: int) -> bytes:
    pdf = pikepdf.new()
    for _ in range(aantal):
        pdf.add_blank_page()
    return als_bytes(pdf)
