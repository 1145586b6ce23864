"""How the clause tests are built: for each clause of PDF/A-1, PDF/A-2 and PDF/UA-1 a file that breaks it and
a file that keeps it, one test module per family of clauses (`test_clausules_*.py`).

One case (`geval`) is one check with a change that breaks it; the case holds for every clause that belongs
to that check (`CONTROLES`), tested against a profile of that standard: PDF/A-1b or -2b, for requirements
of level a or u PDF/A-1a, -2a or -2u, and for PDF/UA-1 a PDF/A-2b file with the PDF/UA test. The file that
keeps it is, unless given otherwise, the clean attachment of the same profile. Here too: the building
blocks that more than one family uses, and the two tests every list of cases gets (`toetsen`).
"""

from __future__ import annotations

from collections.abc import Callable

import pikepdf
import pytest
from pikepdf import Array, Dictionary, Name, String

from bijlage_validatie.inspecteer import inspecteer
from domain.pdf_clausules.catalogus import CLAUSULES, CONTROLES
from domain.pdf_toets import Norm, Toets
from domain.pdf_validatie import Soort
from tests.bijlage_validatie import pdfs, wijzigingen
from tests.bijlage_validatie.pdfs import bouw
from tests.bijlage_validatie.wijzigingen import actie, annotatie, pagina

Bouwer = Callable[[str, bool], bytes]


def w(*wijzigingen: pdfs.Wijziging, comprimeer: bool = True) -> Bouwer:
    return lambda profiel, ua: bouw(*wijzigingen, pdfa=profiel, ua=ua, comprimeer=comprimeer)


def ruw(bewerk: Callable[[bytes], bytes], *wijzigingen: pdfs.Wijziging) -> Bouwer:
    """De bytes van het bestand zelf bewerkt (kop, staart)."""
    return lambda profiel, ua: bewerk(bouw(*wijzigingen, pdfa=profiel, ua=ua))


def _profiel(norm: Norm, niveaus: frozenset[str]) -> tuple[str, bool]:
    if norm is Norm.PDFUA1:
        return "2b", True
    deel = "1" if norm is Norm.PDFA1 else "2"
    niveau = "b" if "b" in niveaus else ("u" if "u" in niveaus and deel == "2" else "a")
    return deel + niveau, False


def geval(controle: str, breek: Bouwer, houd: Bouwer | None = None, naam: str = "", alleen: tuple = ()):
    """Een pytest-param per clausule van `controle` (of alleen die in `alleen`)."""
    params = []
    for regel in CONTROLES[controle]:
        clausule = CLAUSULES[regel]
        if alleen and regel not in alleen:
            continue
        profiel, ua = _profiel(clausule.norm, clausule.niveaus)
        params.append(pytest.param(regel, profiel, ua, breek, houd or w(), id=f"{regel}-{naam or controle}"))
    return params


def inhoud(data: bytes) -> pdfs.Wijziging:
    def wijzig(pdf: pikepdf.Pdf) -> None:
        pagina(pdf).Contents = pdf.make_stream(data)

    return wijzig


def tekst_in(data: bytes) -> bytes:
    """Getagde tekstinhoud met `data` ervoor."""
    return data + b" " + pdfs.TEKST


def op(maak: Callable[[pikepdf.Pdf], None]) -> pdfs.Wijziging:
    return maak


def xobject(pdf: pikepdf.Pdf, **velden: object) -> pikepdf.Object:
    return wijzigingen.formulier_xobject(pdf, Dictionary(), **velden)


def met_xobject(**velden: object) -> pdfs.Wijziging:
    return lambda pdf: pagina(pdf).Resources.__setitem__("/XObject", Dictionary(X1=xobject(pdf, **velden)))


def beeld(pdf: pikepdf.Pdf, **velden: object) -> pikepdf.Object:
    velden = {"ColorSpace": Array([Name.ICCBased, icc(pdf)]), "BitsPerComponent": 8} | velden
    return pdf.make_stream(
        b"\x80\x80\x80", Type=Name.XObject, Subtype=Name.Image, Width=1, Height=1, **velden
    )


def met_beeld(**velden: object) -> pdfs.Wijziging:
    return lambda pdf: pagina(pdf).Resources.__setitem__("/XObject", Dictionary(Im1=beeld(pdf, **velden)))


def icc(pdf: pikepdf.Pdf, profiel: bytes = pdfs.SRGB, kanalen: int = 3) -> pikepdf.Object:
    return pdf.make_stream(profiel, N=kanalen)


def met_ruimte(maak: Callable[[pikepdf.Pdf], object]) -> pdfs.Wijziging:
    return lambda pdf: pagina(pdf).Resources.__setitem__("/ColorSpace", Dictionary(CS0=maak(pdf)))


def zet(sleutel: str, maak: Callable[[pikepdf.Pdf], object]) -> pdfs.Wijziging:
    def wijzig(pdf: pikepdf.Pdf) -> None:
        pdf.Root[sleutel] = maak(pdf)

    return wijzig


def op_pagina(sleutel: str, maak: Callable[[pikepdf.Pdf], object]) -> pdfs.Wijziging:
    def wijzig(pdf: pikepdf.Pdf) -> None:
        pagina(pdf)[sleutel] = maak(pdf)

    return wijzig


def zonder(sleutel: str) -> pdfs.Wijziging:
    return wijzigingen.zonder(sleutel)


def veld(soort: str = "Tx", **velden: object) -> pdfs.Wijziging:
    def wijzig(pdf: pikepdf.Pdf) -> None:
        weergave = xobject(pdf)
        velden_ = {"FT": Name("/" + soort), "T": String("veld"), "AP": Dictionary(N=weergave)} | velden
        widget = annotatie(pdf, Subtype=Name.Widget, **{k: v for k, v in velden_.items() if v is not None})
        pdf.Root.AcroForm = Dictionary(Fields=Array([widget]))

    return wijzig


ICC_GRIJS = pdfs.SRGB[:16] + b"GRAY" + pdfs.SRGB[20:]


def met_uitvoerprofiel(profiel: bytes) -> pdfs.Wijziging:
    return lambda pdf: pdf.Root.__setitem__("/OutputIntents", Array([pdfs.outputintent(pdf, profiel)]))


def devicen(kleuren: list[str], kleurstoffen: bool = True) -> Callable[[pikepdf.Pdf], object]:
    def maak(pdf: pikepdf.Pdf) -> object:
        functie = pdf.make_stream(b"{pop}", FunctionType=4, Domain=[0, 1] * len(kleuren), Range=[0, 1] * 3)
        alternatief = Array([Name.ICCBased, icc(pdf)])
        attributen = Dictionary()
        if kleurstoffen:
            attributen.Colorants = Dictionary(
                {"/" + k: Array([Name.Separation, Name("/" + k), alternatief, functie]) for k in kleuren}
            )
        return Array(
            [Name.DeviceN, Array([Name("/" + k) for k in kleuren]), alternatief, functie, attributen]
        )

    return maak


SCRIPT = actie("JavaScript", JS="app.alert(1)")


def _regels(data: bytes, profiel: str, ua: bool) -> set[str]:
    uitslag = inspecteer("bijlage.pdf", data, Soort.STANDAARD, Toets(profiel, ua))
    return {b.regel for b in uitslag.bevindingen}


def toetsen(gevallen: list) -> tuple[Callable, Callable]:
    """The two tests of a list of cases (`geval`): the file that breaks the clause gets its finding, the
    file that keeps it gets none. A test module binds them to its own names."""

    @pytest.mark.parametrize(("regel", "profiel", "ua", "breek", "houd"), gevallen)
    def test_a_file_that_breaks_the_clause_gets_its_finding(regel, profiel, ua, breek, houd):
        assert regel in _regels(breek(profiel, ua), profiel, ua)

    @pytest.mark.parametrize(("regel", "profiel", "ua", "breek", "houd"), gevallen)
    def test_a_file_that_keeps_the_clause_gets_no_finding(regel, profiel, ua, breek, houd):
        assert regel not in _regels(houd(profiel, ua), profiel, ua)

    return (
        test_a_file_that_breaks_the_clause_gets_its_finding,
        test_a_file_that_keeps_the_clause_gets_no_finding,
    )
