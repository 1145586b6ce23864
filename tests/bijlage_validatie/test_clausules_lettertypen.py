"""The clauses on fonts: for each clause a file that breaks it and a file that keeps it (see
`clausulegevallen`)."""

from __future__ import annotations

from collections.abc import Callable

import pikepdf
from pikepdf import Array, Dictionary, Name, String

from tests.bijlage_validatie import lettertype as lt
from tests.bijlage_validatie import pdfs, wijzigingen
from tests.bijlage_validatie.clausulegevallen import (
    geval,
    inhoud,
    toetsen,
    w,
)
from tests.bijlage_validatie.wijzigingen import pagina


def lettertype(**velden: object) -> pdfs.Wijziging:
    """Het lettertype van de schone bijlage, met andere of extra sleutels (None haalt een sleutel weg)."""

    def wijzig(pdf: pikepdf.Pdf) -> None:
        f = pagina(pdf).Resources.Font.F1
        for sleutel, waarde in velden.items():
            if waarde is None:
                del f["/" + sleutel]
            else:
                f["/" + sleutel] = waarde

    return wijzig


def beschrijving(**velden: object) -> pdfs.Wijziging:
    def wijzig(pdf: pikepdf.Pdf) -> None:
        d = pagina(pdf).Resources.Font.F1.FontDescriptor
        for sleutel, waarde in velden.items():
            if waarde is None:
                del d["/" + sleutel]
            else:
                d["/" + sleutel] = waarde(pdf) if callable(waarde) else waarde

    return wijzig


def symbolisch(pdf: pikepdf.Pdf) -> None:
    f = pagina(pdf).Resources.Font.F1
    del f["/Encoding"]
    f.FontDescriptor.Flags = 4
    f.FontDescriptor.FontFile2 = pdf.make_stream(lt.truetype("Symbool", symbolisch=True))
    f.ToUnicode = pdf.make_stream(b"begincmap 1 beginbfchar <41> <0041> endbfchar endcmap")


def cid_lettertype(
    cidtogid: bool = True, codering: object = Name("/Identity-H"), **cid: object
) -> pdfs.Wijziging:
    def wijzig(pdf: pikepdf.Pdf) -> None:
        info_ = Dictionary(Registry=String("Adobe"), Ordering=String("Identity"), Supplement=0)
        beschrijving_ = Dictionary(
            Type=Name.FontDescriptor,
            FontName=Name("/Vrij"),
            Flags=32,
            FontBBox=[0, -200, 1000, 800],
            ItalicAngle=0,
            Ascent=800,
            Descent=-200,
            CapHeight=700,
            StemV=80,
            FontFile2=pdf.make_stream(lt.truetype()),
        )
        velden = {"CIDToGIDMap": Name.Identity} if cidtogid else {}
        velden = {"BaseFont": Name("/Vrij"), "DW": 1000} | velden | cid
        afstammeling = Dictionary(
            Type=Name.Font,
            Subtype=Name.CIDFontType2,
            CIDSystemInfo=info_,
            FontDescriptor=beschrijving_,
            **velden,
        )
        f = pdf.make_indirect(
            Dictionary(
                Type=Name.Font,
                Subtype=Name.Type0,
                BaseFont=Name("/Vrij"),
                Encoding=codering(pdf) if callable(codering) else codering,
                DescendantFonts=Array([afstammeling]),
                ToUnicode=pdf.make_stream(b"begincmap 1 beginbfchar <0041> <0041> endbfchar endcmap"),
            )
        )
        pagina(pdf).Resources.Font.F2 = f
        pagina(pdf).Contents = pdf.make_stream(
            pdfs.TEKST + b" /P <</MCID 1>> BDC BT /F2 12 Tf 72 700 Td <0022> Tj ET EMC"
        )

    return wijzig


def ingesloten_cmap(
    registratie: str = "Adobe", ordening: str = "Identity"
) -> Callable[[pikepdf.Pdf], object]:
    def maak(pdf: pikepdf.Pdf) -> object:
        return pdf.make_stream(
            b"begincmap endcmap",
            Type=Name.CMap,
            CMapName=Name("/Eigen-H"),
            CIDSystemInfo=Dictionary(Registry=String(registratie), Ordering=String(ordening), Supplement=0),
        )

    return maak


def type1_subset(charset: bool) -> pdfs.Wijziging:
    def wijzig(pdf: pikepdf.Pdf) -> None:
        velden = {"CharSet": String("/A")} if charset else {}
        beschrijving_ = Dictionary(
            Type=Name.FontDescriptor,
            FontName=Name("/ABCDEF+Vrij"),
            Flags=32,
            FontBBox=[0, 0, 1000, 1000],
            ItalicAngle=0,
            Ascent=800,
            Descent=-200,
            CapHeight=700,
            StemV=80,
            FontFile=pdf.make_stream(b"%!PS-AdobeFont-1.0: nep"),
            **velden,
        )
        pagina(pdf).Resources.Font.F2 = pdf.make_indirect(
            Dictionary(
                Type=Name.Font,
                Subtype=Name.Type1,
                BaseFont=Name("/ABCDEF+Vrij"),
                FirstChar=65,
                LastChar=65,
                Widths=[500],
                Encoding=Name.WinAnsiEncoding,
                FontDescriptor=beschrijving_,
            )
        )

    return wijzig


def cff_lettertype(subtype: str, breedte: int = 500) -> pdfs.Wijziging:
    """Een echt CFF-lettertype (Type1C) met één glyf 'A' van 500 breed, en /Widths met `breedte`."""

    def wijzig(pdf: pikepdf.Pdf) -> None:
        beschrijving_ = Dictionary(
            Type=Name.FontDescriptor,
            FontName=Name("/Cff"),
            Flags=32,
            FontBBox=[0, 0, 1000, 1000],
            ItalicAngle=0,
            Ascent=800,
            Descent=-200,
            CapHeight=700,
            StemV=80,
            FontFile3=pdf.make_stream(_cff(), Subtype=Name("/" + subtype)),
        )
        pagina(pdf).Resources.Font.F2 = pdf.make_indirect(
            Dictionary(
                Type=Name.Font,
                Subtype=Name.Type1,
                BaseFont=Name("/Cff"),
                FirstChar=65,
                LastChar=65,
                Widths=[breedte],
                FontDescriptor=beschrijving_,
                Encoding=Dictionary(BaseEncoding=Name.WinAnsiEncoding, Differences=Array([65, Name.A])),
            )
        )
        pagina(pdf).Contents = pdf.make_stream(pdfs.TEKST + b" /P <</MCID 1>> BDC BT /F2 12 Tf (A) Tj ET EMC")

    return wijzig


def _cff() -> bytes:
    from fontTools.fontBuilder import FontBuilder
    from fontTools.pens.t2CharStringPen import T2CharStringPen

    bouwer = FontBuilder(1000, isTTF=False)
    bouwer.setupGlyphOrder([".notdef", "A"])
    bouwer.setupCharacterMap({65: "A"})
    tekens = {}
    for naam_ in (".notdef", "A"):
        pen = T2CharStringPen(500, None)
        pen.moveTo((0, 0))
        pen.lineTo((400, 0))
        pen.lineTo((400, 600))
        pen.closePath()
        tekens[naam_] = pen.getCharString()
    bouwer.setupCFF("Cff", {}, tekens, {})
    bouwer.setupHorizontalMetrics({".notdef": (500, 0), "A": (500, 0)})
    bouwer.setupHorizontalHeader()
    bouwer.setupOS2()
    bouwer.setupNameTable({"familyName": "Cff", "styleName": "Regular"})
    bouwer.setupPost()
    return bouwer.font["CFF "].compile(bouwer.font)


def gebruik_tekens(data: bytes) -> pdfs.Wijziging:
    """Toon `data` met het lettertype van de schone bijlage (voor de breedtecontrole)."""
    return inhoud(b"/P <</MCID 0>> BDC BT /F1 12 Tf 72 720 Td (" + data + b") Tj ET EMC")


GEVALLEN = [
    *geval("font_type", w(lettertype(Type=Name.Lettertype))),
    *geval("font_subtype", w(lettertype(Subtype=Name.OpenType))),
    *geval("font_basefont", w(lettertype(BaseFont=None))),
    *geval("font_firstchar", w(lettertype(FirstChar=None))),
    *geval("font_lastchar", w(lettertype(LastChar=None))),
    *geval("font_widths", w(lettertype(Widths=Array([500])))),
    *geval("fontbestand_soort_pdfa1", w(cff_lettertype("OpenType")), w(cff_lettertype("Type1C"))),
    *geval("fontbestand_soort_pdfa2", w(cff_lettertype("Onbekend")), w(cff_lettertype("Type1C"))),
    *geval(
        "cidsysteminfo",
        w(cid_lettertype(codering=ingesloten_cmap(ordening="Japan1"))),
        w(cid_lettertype(codering=ingesloten_cmap())),
    ),
    *geval("cidtogidmap", w(cid_lettertype(cidtogid=False)), w(cid_lettertype())),
    *geval("cmap_pdfa1", w(cid_lettertype(codering=Name("/UniJIS-UCS2-H"))), w(cid_lettertype())),
    *geval(
        "cmap",
        w(cid_lettertype(codering=Name("/Eigen-H"))),
        w(cid_lettertype(codering=Name("/UniJIS-UCS2-H"))),
    ),
    *geval(
        "lettertype_niet_ingesloten",
        w(wijzigingen.met_lettertype_op_pagina(wijzigingen.niet_ingesloten_lettertype)),
        w(wijzigingen.met_lettertype_op_pagina(wijzigingen.type3)),
    ),
    *geval("charset", w(type1_subset(False)), w(type1_subset(True))),
    *geval("cidset", w(cid_lettertype(BaseFont=Name("/ABCDEF+Vrij"))), w(cid_lettertype())),
    *geval(
        "breedtes",
        w(
            lettertype(
                Widths=Array(
                    [lt.breedte(c) + (90 if c == 65 else 0) for c in range(lt.EERSTE, lt.LAATSTE + 1)]
                )
            ),
            gebruik_tekens(b"A"),
        ),
        w(gebruik_tekens(b"A")),
    ),
    *geval("breedtes", w(cff_lettertype("Type1C", breedte=600)), w(cff_lettertype("Type1C")), naam="cff"),
    *geval(
        "breedtes",
        w(cid_lettertype(W=Array([34, Array([900])]))),
        w(cid_lettertype(W=Array([34, Array([lt.breedte(65)])]))),
        naam="cid",
    ),
    *geval("truetype_codering_pdfa1", w(lettertype(Encoding=Name.StandardEncoding))),
    *geval(
        "truetype_codering",
        w(lettertype(Encoding=Dictionary(Differences=Array([65, Name("/eigennaam")])))),
        w(lettertype(Encoding=Dictionary(Differences=Array([65, Name.A])))),
    ),
    *geval(
        "truetype_symbolisch_codering",
        w(symbolisch, lettertype(Encoding=Name.WinAnsiEncoding)),
        w(symbolisch),
    ),
    *geval(
        "truetype_symbolisch_cmap_pdfa1",
        w(beschrijving(Flags=4), lettertype(Encoding=None)),
        w(symbolisch),
    ),
    *geval(
        "truetype_symbolisch_cmap",
        w(beschrijving(Flags=4), lettertype(Encoding=None)),
        w(symbolisch),
    ),
    *geval(
        "truetype_cmap",
        w(symbolisch, beschrijving(Flags=32), lettertype(Encoding=Name.WinAnsiEncoding)),
        w(),
    ),
    *geval("tounicode", w(symbolisch, lettertype(ToUnicode=None)), w(symbolisch)),
    *geval(
        "tounicode_waarde",
        w(
            symbolisch,
            lambda p: pagina(p).Resources.Font.F1.__setitem__(
                "/ToUnicode", p.make_stream(b"begincmap 1 beginbfchar <41> <0000> endbfchar endcmap")
            ),
        ),
        w(symbolisch),
    ),
]

(
    test_a_file_that_breaks_the_clause_gets_its_finding,
    test_a_file_that_keeps_the_clause_gets_no_finding,
) = toetsen(GEVALLEN)
