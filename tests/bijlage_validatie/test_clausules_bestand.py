"""The clauses on the file itself (header, trailer, streams, embedded files) and the implementation limits:
for each clause a file that breaks it and a file that keeps it (see `clausulegevallen`)."""

from __future__ import annotations

import io
from decimal import Decimal

import pikepdf
from pikepdf import Array, Dictionary, Name, String

from tests.bijlage_validatie import pdfs, wijzigingen
from tests.bijlage_validatie.clausulegevallen import (
    Bouwer,
    devicen,
    geval,
    inhoud,
    met_ruimte,
    met_xobject,
    op_pagina,
    ruw,
    tekst_in,
    toetsen,
    w,
    zet,
)
from tests.bijlage_validatie.pdfs import bouw


def na_eof(data: bytes) -> bytes:
    return data + b"rommel"


def zonder_binair(data: bytes) -> bytes:
    kop, rest = data.split(b"\n", 1)
    return kop + b"\n" + rest.split(b"\n", 1)[1]


def andere_kop(data: bytes) -> bytes:
    return b" " + data


def xref_stream(profiel: str, ua: bool) -> bytes:
    pdf = pdfs.schone_pdf(profiel, ua)
    uit = io.BytesIO()
    pdf.save(uit, object_stream_mode=pikepdf.ObjectStreamMode.generate, fix_metadata_version=False)
    return uit.getvalue()


def zonder_id(data: bytes) -> bytes:
    begin = data.rindex(b"/ID")
    einde = data.index(b"]", begin) + 1
    return data[:begin] + b" " * (einde - begin) + data[einde:]


def versleuteld(p: int) -> Bouwer:
    toestemming = pikepdf.Permissions(accessibility=bool(p))
    sleutel = pikepdf.Encryption(owner="eigenaar", user="", allow=toestemming)
    return lambda profiel, ua: bouw(pdfa=profiel, ua=ua, encryptie=sleutel)


def met_bijlage(pdf: pikepdf.Pdf) -> None:
    wijzigingen.met_bijlage(pdf)


def bijlage_zonder_uf(pdf: pikepdf.Pdf) -> None:
    wijzigingen.met_bijlage(pdf)
    namen = pdf.Root.Names.EmbeddedFiles.Names
    del namen[1]["/UF"]


GROOT_GETAL = 2**31


GEVALLEN = [
    *geval("koptekst", ruw(andere_kop)),
    *geval("binaire_kop", ruw(zonder_binair)),
    *geval("trailer_id", ruw(zonder_id)),
    *geval("versleuteld", versleuteld(1)),
    *geval("na_eof", ruw(na_eof)),
    *geval("xref_stream", xref_stream),
    *geval("stream_extern", w(met_xobject(FFilter=Name.FlateDecode))),
    *geval("lzw", w(met_xobject(Filter=Name.LZWDecode)), w(met_xobject(Filter=Name.FlateDecode))),
    *geval("filter", w(met_xobject(Filter=Name.Onbekend)), w(met_xobject(Filter=Name.RunLengthDecode))),
    *geval(
        "inline_lzw",
        w(inhoud(tekst_in(b"/Artifact BMC BI /W 1 /H 1 /CS /G /BPC 8 /F /LZW ID \x80 EI EMC"))),
        w(inhoud(tekst_in(b"/Artifact BMC BI /W 1 /H 1 /CS /G /BPC 8 ID \x80 EI EMC"))),
    ),
    *geval(
        "inline_filter",
        w(inhoud(tekst_in(b"/Artifact BMC BI /W 1 /H 1 /CS /G /BPC 8 /F /JPXDecode ID \x80 EI EMC"))),
        w(inhoud(tekst_in(b"/Artifact BMC BI /W 1 /H 1 /CS /G /BPC 8 /F /AHx ID 80> EI EMC"))),
    ),
    *geval("ingesloten_ef", w(met_bijlage)),
    *geval("ingesloten_namen", w(met_bijlage)),
    *geval("ingesloten_geen_pdfa", w(met_bijlage)),
    *geval("ingesloten_naam", w(bijlage_zonder_uf), w()),
    *geval(
        "geheel_getal",
        w(zet("/Groot", lambda p: GROOT_GETAL)),
        w(zet("/Groot", lambda p: GROOT_GETAL - 1)),
    ),
    *geval(
        "reeel_pdfa1",
        w(zet("/Groot", lambda p: Decimal("32768.5"))),
        w(zet("/Groot", lambda p: Decimal("32766.5"))),
    ),
    *geval(
        "reeel_pdfa2",
        w(inhoud(tekst_in(b"1" + b"0" * 39 + b".5 0 0 1 0 0 cm"))),
        w(inhoud(tekst_in(b"1" + b"0" * 37 + b".5 0 0 1 0 0 cm"))),
    ),
    *geval(
        "reeel_klein",
        w(inhoud(tekst_in(b"0." + b"0" * 40 + b"1 0 0 1 0 0 cm"))),
        w(inhoud(tekst_in(b"0.001 0 0 1 0 0 cm"))),
    ),
    *geval(
        "tekst_pdfa1",
        w(zet("/Lang2", lambda p: String("x" * 65536))),
        w(zet("/Lang2", lambda p: String("x" * 100))),
    ),
    *geval(
        "tekst_pdfa2",
        w(zet("/Lang2", lambda p: String("x" * 32768))),
        w(zet("/Lang2", lambda p: String("x" * 100))),
    ),
    *geval(
        "naam_lang",
        w(zet("/Lang2", lambda p: Name("/" + "n" * 128))),
        w(zet("/Lang2", lambda p: Name("/" + "n" * 127))),
    ),
    *geval(
        "array_groot",
        w(zet("/Lijst", lambda p: Array([0] * 8192))),
        w(zet("/Lijst", lambda p: Array([0] * 8191))),
    ),
    *geval(
        "woordenboek_groot",
        w(zet("/Boek", lambda p: Dictionary({f"/k{i}": i for i in range(4096)}))),
        w(zet("/Boek", lambda p: Dictionary({f"/k{i}": i for i in range(4095)}))),
    ),
    *geval(
        "q_diep", w(inhoud(tekst_in(b"q " * 29 + b"Q " * 29))), w(inhoud(tekst_in(b"q " * 28 + b"Q " * 28)))
    ),
    *geval(
        "devicen_pdfa1",
        w(met_ruimte(devicen([f"S{i}" for i in range(9)]))),
        w(met_ruimte(devicen([f"S{i}" for i in range(8)]))),
    ),
    *geval(
        "devicen_pdfa2",
        w(met_ruimte(devicen([f"S{i}" for i in range(33)]))),
        w(met_ruimte(devicen([f"S{i}" for i in range(32)]))),
    ),
    *geval("paginamaat", w(op_pagina("/CropBox", lambda p: Array([0, 0, 2, 842])))),
]

(
    test_a_file_that_breaks_the_clause_gets_its_finding,
    test_a_file_that_keeps_the_clause_gets_no_finding,
) = toetsen(GEVALLEN)
