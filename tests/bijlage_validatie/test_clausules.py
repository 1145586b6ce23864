"""Per clausule van PDF/A-1, PDF/A-2 en PDF/UA-1 een bestand dat hem breekt en een bestand dat hem houdt.

Eén geval is één controle met een wijziging die hem breekt; het geval geldt voor elke clausule die bij die
controle hoort (`CONTROLES`), getoetst tegen een profiel van die norm: PDF/A-1b of -2b, voor eisen van
niveau a of u PDF/A-1a, -2a of -2u, en voor PDF/UA-1 een PDF/A-2b-bestand met PDF/UA-toets. Het bestand dat
hem houdt is, tenzij anders gegeven, de schone bijlage van hetzelfde profiel.
"""

from __future__ import annotations

import io
import zlib
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pikepdf
import pytest
from pikepdf import Array, Dictionary, Name, String

from bijlage_validatie.inspecteer import inspecteer
from domain.pdf_clausules.catalogus import CLAUSULES, CONTROLES
from domain.pdf_toets import Norm, Toets
from domain.pdf_validatie import Soort
from tests.bijlage_validatie import lettertype as lt
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


# --- Bouwstenen ------------------------------------------------------------------------------------------


def inhoud(data: bytes) -> pdfs.Wijziging:
    def wijzig(pdf: pikepdf.Pdf) -> None:
        pagina(pdf).Contents = pdf.make_stream(data)

    return wijzig


def tekst_in(data: bytes) -> bytes:
    """Getagde tekstinhoud met `data` ervoor."""
    return data + b" " + pdfs.TEKST


def resources(soort: str, **items: object) -> pdfs.Wijziging:
    def wijzig(pdf: pikepdf.Pdf) -> None:
        pagina(pdf).Resources[soort] = Dictionary(**items)

    return wijzig


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


def toestand(**velden: object) -> pdfs.Wijziging:
    return resources("/ExtGState", GS1=Dictionary(Type=Name.ExtGState, **velden))


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


def metadata(**xmp_velden: object) -> pdfs.Wijziging:
    return lambda pdf: pdfs.zet_metadata(pdf, pdfs.xmp(**xmp_velden))


def xmp_tekst(tekst: str) -> pdfs.Wijziging:
    return lambda pdf: pdfs.zet_metadata(pdf, tekst.encode("utf-8"))


def info(**velden: object) -> pdfs.Wijziging:
    def wijzig(pdf: pikepdf.Pdf) -> None:
        pdf.trailer.Info = pdf.make_indirect(Dictionary(**velden))

    return wijzig


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


def structuur(*elementen: Dictionary, rollen: Dictionary | None = None) -> pdfs.Wijziging:
    """Extra structuurelementen onder het Document-element van de schone bijlage."""

    def wijzig(pdf: pikepdf.Pdf) -> None:
        document = pdf.Root.StructTreeRoot.K
        for element in elementen:
            document.K.append(pdf.make_indirect(_kopie(element)))
        if rollen is not None:
            pdf.Root.StructTreeRoot.RoleMap = rollen

    return wijzig


def _kopie(element: Dictionary) -> Dictionary:
    return Dictionary({k: (_kopie(v) if isinstance(v, Dictionary) else v) for k, v in element.items()})


def el(soort: str, *kinderen: Dictionary, **velden: object) -> Dictionary:
    velden = {"Type": Name.StructElem, "S": Name("/" + soort)} | velden
    if kinderen:
        velden["K"] = Array(list(kinderen))
    return Dictionary(**velden)


def getagde_annotatie(soort: str, tag: str, **velden: object) -> pdfs.Wijziging:
    """Een annotatie die via /StructParent 1 aan een element `tag` hangt."""

    def wijzig(pdf: pikepdf.Pdf) -> None:
        annot = annotatie(pdf, Subtype=Name("/" + soort), StructParent=1, **velden)
        element = pdf.make_indirect(
            Dictionary(
                Type=Name.StructElem,
                S=Name("/" + tag),
                Pg=pagina(pdf),
                K=Dictionary(Type=Name.OBJR, Obj=annot),
            )
        )
        pdf.Root.StructTreeRoot.K.K.append(element)
        pdf.Root.StructTreeRoot.ParentTree.Nums.extend([1, element])
        pagina(pdf).Tabs = Name.S
        if soort == "Widget":
            pdf.Root.AcroForm = Dictionary(Fields=Array([annot]))

    return wijzig


def veld(soort: str = "Tx", **velden: object) -> pdfs.Wijziging:
    def wijzig(pdf: pikepdf.Pdf) -> None:
        weergave = xobject(pdf)
        velden_ = {"FT": Name("/" + soort), "T": String("veld"), "AP": Dictionary(N=weergave)} | velden
        widget = annotatie(pdf, Subtype=Name.Widget, **{k: v for k, v in velden_.items() if v is not None})
        pdf.Root.AcroForm = Dictionary(Fields=Array([widget]))

    return wijzig


def lagen(**configuratie: object) -> pdfs.Wijziging:
    def wijzig(pdf: pikepdf.Pdf) -> None:
        laag = pdf.make_indirect(Dictionary(Type=Name.OCG, Name=String("Laag")))
        configuratie_ = {"Name": String("Standaard"), "Order": Array([laag])} | configuratie
        pdf.Root.OCProperties = Dictionary(
            OCGs=Array([laag]), D=Dictionary(**{k: v for k, v in configuratie_.items() if v is not None})
        )

    return wijzig


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


def gecomprimeerde_metadata(profiel: str, ua: bool) -> bytes:
    """qpdf schrijft een metadatastream altijd ongecomprimeerd; daarom comprimeren we hem in de bytes zelf
    (de kruisverwijzingen kloppen daarna niet meer, die herstelt qpdf bij het lezen)."""
    data = bouw(pdfa=profiel, ua=ua)
    begin = data.index(b"<?xpacket begin")
    einde = data.index(b"endstream", begin)
    woordenboek = data.rindex(b"<<", 0, begin)
    xmp_ = data[begin:einde].rstrip(b"\r\n")
    gecomprimeerd = zlib.compress(xmp_)
    kop = b"<< /Filter /FlateDecode /Length %d /Subtype /XML /Type /Metadata >>\nstream\n" % len(
        gecomprimeerd
    )
    return data[:woordenboek] + kop + gecomprimeerd + b"\n" + data[einde:]


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


ICC_V4 = pdfs.SRGB[:8] + bytes([4, 0x20]) + pdfs.SRGB[10:]
ICC_SCANNER = pdfs.SRGB[:12] + b"scnr" + pdfs.SRGB[16:]
ICC_GRIJS = pdfs.SRGB[:16] + b"GRAY" + pdfs.SRGB[20:]


def met_uitvoerprofiel(profiel: bytes) -> pdfs.Wijziging:
    return lambda pdf: pdf.Root.__setitem__("/OutputIntents", Array([pdfs.outputintent(pdf, profiel)]))


def twee_uitvoerprofielen(zelfde: bool) -> pdfs.Wijziging:
    def wijzig(pdf: pikepdf.Pdf) -> None:
        eerste = pdfs.outputintent(pdf)
        tweede = Dictionary(
            Type=Name.OutputIntent,
            S=Name.GTS_PDFX,
            OutputConditionIdentifier="sRGB",
            DestOutputProfile=eerste.DestOutputProfile if zelfde else pdf.make_stream(pdfs.SRGB, N=3),
        )
        pdf.Root.OutputIntents = Array([eerste, tweede])

    return wijzig


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


def separations(gelijk: bool) -> pdfs.Wijziging:
    def wijzig(pdf: pikepdf.Pdf) -> None:
        alternatief = Array([Name.ICCBased, icc(pdf)])
        een = pdf.make_stream(b"{pop 1 0 0}", FunctionType=4, Domain=[0, 1], Range=[0, 1, 0, 1, 0, 1])
        twee = (
            een
            if gelijk
            else pdf.make_stream(b"{pop 0 1 0}", FunctionType=4, Domain=[0, 1], Range=[0, 1] * 3)
        )
        pagina(pdf).Resources.ColorSpace = Dictionary(
            CS0=Array([Name.Separation, Name.Steun, alternatief, een]),
            CS1=Array([Name.Separation, Name.Steun, alternatief, twee]),
        )

    return wijzig


def _claim(pdf: pikepdf.Pdf) -> str:
    """De PDF/A-claim die de schone bijlage van dit profiel al draagt (uit zijn eigen XMP)."""
    data = pdf.Root.Metadata.read_bytes()
    deel = data.split(b"<pdfaid:part>")[1][:1].decode()
    niveau = data.split(b"<pdfaid:conformance>")[1][:1].decode().lower()
    return deel + niveau


def _xmp_met(eigenschap: str) -> pdfs.Wijziging:
    def wijzig(pdf: pikepdf.Pdf) -> None:
        data = pdfs.xmp(_claim(pdf)).replace(b"<dc:title>", eigenschap.encode() + b"<dc:title>")
        data = data.replace(
            b'xmlns:dc="http://purl.org/dc/elements/1.1/"',
            b'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmp="http://ns.adobe.com/xap/1.0/" '
            b'xmlns:pdf="http://ns.adobe.com/pdf/1.3/"',
        )
        pdfs.zet_metadata(pdf, data)

    return wijzig


RGB_INHOUD = tekst_in(b"/P <</MCID 1>> BDC 1 0 0 rg 0 0 10 10 re f EMC")
CMYK_INHOUD = tekst_in(b"/P <</MCID 1>> BDC 0 0 0 1 k 0 0 10 10 re f EMC")
SCRIPT = actie("JavaScript", JS="app.alert(1)")
GROOT_GETAL = 2**31


# --- De gevallen -----------------------------------------------------------------------------------------

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
    *geval("lagen_pdfa1", w(lagen())),
    *geval("lagen_naam", w(lagen(Name=None)), w(lagen())),
    *geval(
        "lagen_naam_dubbel",
        w(
            lagen(),
            lambda p: p.Root.OCProperties.__setitem__(
                "/Configs", Array([Dictionary(Name=String("Standaard"))])
            ),
        ),
        w(lagen()),
    ),
    *geval("lagen_volgorde", w(lagen(Order=Array())), w(lagen())),
    *geval("lagen_as", w(lagen(AS=Array())), w(lagen())),
    # Kleur
    *geval(
        "outputintent_profiel", w(met_uitvoerprofiel(b"geen icc-profiel" * 10)), alleen=("pdfa1-6.2.2-1",)
    ),
    *geval(
        "outputintent_profiel", w(met_uitvoerprofiel(ICC_SCANNER)), alleen=("pdfa2-6.2.3-1",), naam="scanner"
    ),
    *geval("outputintent_profiel", w(met_uitvoerprofiel(ICC_V4)), alleen=("pdfa1-6.2.2-1",), naam="icc-v4"),
    *geval("outputintent_verschillend", w(twee_uitvoerprofielen(False)), w(twee_uitvoerprofielen(True))),
    *geval("icc_ongeldig", w(met_ruimte(lambda p: Array([Name.ICCBased, icc(p, b"kapot" * 40)])))),
    *geval(
        "icc_kanalen",
        w(met_ruimte(lambda p: Array([Name.ICCBased, icc(p, kanalen=1)]))),
        w(met_ruimte(lambda p: Array([Name.ICCBased, icc(p, kanalen=3)]))),
    ),
    *geval("device_rgb", w(inhoud(RGB_INHOUD), met_uitvoerprofiel(ICC_GRIJS)), w(inhoud(RGB_INHOUD))),
    *geval(
        "device_rgb",
        w(met_beeld(ColorSpace=Name.DeviceRGB), met_uitvoerprofiel(ICC_GRIJS)),
        naam="afbeelding",
    ),
    *geval(
        "device_rgb",
        w(inhoud(RGB_INHOUD), zonder("/OutputIntents")),
        w(
            inhoud(RGB_INHOUD),
            zonder("/OutputIntents"),
            met_ruimte(lambda p: Array([Name.ICCBased, icc(p)])),
            lambda p: p.pages[0].Resources.ColorSpace.__setitem__(
                "/DefaultRGB", Array([Name.ICCBased, icc(p)])
            ),
        ),
        naam="defaultrgb",
        alleen=("pdfa2-6.2.4.3-2",),
    ),
    *geval("device_cmyk", w(inhoud(CMYK_INHOUD))),
    *geval("device_gray", w(zonder("/OutputIntents"))),
    *geval(
        "devicen_kleurstoffen",
        w(met_ruimte(devicen(["Steun"], kleurstoffen=False))),
        w(met_ruimte(devicen(["Steun"]))),
    ),
    *geval("separation_ongelijk", w(separations(False)), w(separations(True))),
    # Afbeeldingen, formulieren, grafische toestand
    *geval("afbeelding_alternates", w(met_beeld(Alternates=Array()))),
    *geval("xobject_opi", w(met_xobject(OPI=Dictionary()))),
    *geval("afbeelding_opi", w(met_beeld(OPI=Dictionary()))),
    *geval("afbeelding_interpoleren", w(met_beeld(Interpolate=True)), w(met_beeld(Interpolate=False))),
    *geval("afbeelding_bits", w(met_beeld(BitsPerComponent=16)), w(met_beeld(BitsPerComponent=8))),
    *geval("formulier_ps", w(met_xobject(PS=pikepdf.Dictionary()))),
    *geval("formulier_opi", w(met_xobject(OPI=Dictionary()))),
    *geval("referentie_xobject", w(met_xobject(Ref=Dictionary(F=String("ander.pdf"), Page=0)))),
    *geval(
        "postscript_xobject",
        w(
            lambda p: pagina(p).Resources.__setitem__(
                "/XObject", Dictionary(P=p.make_stream(b"%!", Type=Name.XObject, Subtype=Name.PS))
            )
        ),
    ),
    *geval("extgstate_tr", w(toestand(TR=Name.Identity))),
    *geval("extgstate_tr2", w(toestand(TR2=Name.Identity)), w(toestand(TR2=Name.Default))),
    *geval("extgstate_htp", w(toestand(HTP=Array([0])))),
    *geval(
        "raster_soort",
        w(toestand(HT=Dictionary(Type=Name.Halftone, HalftoneType=6))),
        w(
            toestand(
                HT=Dictionary(
                    Type=Name.Halftone, HalftoneType=1, Frequency=60, Angle=45, SpotFunction=Name.Round
                )
            )
        ),
    ),
    *geval(
        "raster_naam",
        w(
            toestand(
                HT=Dictionary(
                    Type=Name.Halftone,
                    HalftoneType=1,
                    HalftoneName=String("x"),
                    Frequency=60,
                    Angle=45,
                    SpotFunction=Name.Round,
                )
            )
        ),
    ),
    *geval("weergavebedoeling", w(toestand(RI=Name.Onbekend)), w(toestand(RI=Name.Perceptual))),
    *geval(
        "weergavebedoeling",
        w(inhoud(tekst_in(b"/Vaag ri"))),
        w(inhoud(tekst_in(b"/Saturation ri"))),
        naam="operator",
    ),
    *geval("onbekende_operator", w(inhoud(tekst_in(b"BX 1 2 foo EX"))), w(inhoud(tekst_in(b"BX EX")))),
    *geval(
        "geerfde_resources",
        w(
            lambda p: (
                p.Root.Pages.__setitem__("/Resources", pagina(p).Resources),
                pagina(p).__delitem__("/Resources"),
            )
        ),
    ),
    # Doorzichtigheid
    *geval("smask_extgstate", w(wijzigingen.transparante_extgstate), w(toestand(SMask=Name("/None")))),
    *geval("smask_xobject", w(wijzigingen.afbeelding_met_masker, met_uitvoerprofiel(pdfs.SRGB))),
    *geval("transparantiegroep", w(wijzigingen.transparante_groep)),
    *geval("mengmodus_pdfa1", w(toestand(BM=Name.Multiply)), w(toestand(BM=Name.Compatible))),
    *geval("dekking_lijn", w(toestand(CA=Decimal("0.5"))), w(toestand(CA=Decimal("1.0")))),
    *geval("dekking_vlak", w(toestand(ca=Decimal("0.5"))), w(toestand(ca=Decimal("0.9999999")))),
    *geval("mengmodus_pdfa2", w(toestand(BM=Name.Vaag)), w(toestand(BM=Name.Multiply))),
    *geval(
        "transparantie_zonder_ruimte",
        w(toestand(ca=Decimal("0.5")), zonder("/OutputIntents")),
        w(
            toestand(ca=Decimal("0.5")),
            zonder("/OutputIntents"),
            op_pagina("/Group", lambda p: Dictionary(S=Name.Transparency, CS=Array([Name.ICCBased, icc(p)]))),
        ),
    ),
    # Lettertypen
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
    # Annotaties
    *geval(
        "annotatie_soort_pdfa1",
        w(wijzigingen.annotatie_van_soort("Caret")),
        w(wijzigingen.annotatie_van_soort("Text")),
    ),
    *geval(
        "annotatie_soort_pdfa2",
        w(wijzigingen.annotatie_van_soort("3D")),
        w(wijzigingen.annotatie_van_soort("Caret")),
    ),
    *geval("annotatie_dekking", w(lambda p: annotatie(p, Subtype=Name.Link, CA=Decimal("0.5")))),
    *geval("annotatie_vlaggen_pdfa1", w(lambda p: annotatie(p, Subtype=Name.Link, F=6))),
    *geval("annotatie_f", w(lambda p: annotatie(p, Subtype=Name.Link).__delitem__("/F"))),
    *geval("annotatie_vlaggen", w(lambda p: annotatie(p, Subtype=Name.Link, F=4 + 256))),
    *geval(
        "annotatie_kleur",
        w(lambda p: annotatie(p, Subtype=Name.Link, C=Array([1, 0, 0])), met_uitvoerprofiel(ICC_GRIJS)),
        w(lambda p: annotatie(p, Subtype=Name.Link, C=Array([1, 0, 0]))),
    ),
    *geval(
        "weergave_alleen_n_pdfa1",
        w(lambda p: annotatie(p, Subtype=Name.Square, AP=Dictionary(N=xobject(p), D=xobject(p)))),
    ),
    *geval(
        "weergave_knop_pdfa1",
        w(veld("Btn")),
        w(lambda p: veld("Btn", AP=Dictionary(N=Dictionary(Aan=xobject(p))))(p)),
    ),
    *geval(
        "weergave_stream_pdfa1",
        w(lambda p: annotatie(p, Subtype=Name.Square, AP=Dictionary(N=Dictionary(Aan=xobject(p))))),
    ),
    *geval(
        "weergave_ontbreekt",
        w(lambda p: annotatie(p, Subtype=Name.Square)),
        w(lambda p: annotatie(p, Subtype=Name.Square, Rect=[72, 72, 72, 72])),
    ),
    *geval(
        "weergave_vorm",
        w(lambda p: annotatie(p, Subtype=Name.Square, AP=Dictionary(N=xobject(p), R=xobject(p)))),
        w(lambda p: annotatie(p, Subtype=Name.Square, AP=Dictionary(N=xobject(p)))),
    ),
    # Acties en formulieren
    *geval(
        "actie_pdfa1",
        w(lambda p: annotatie(p, Subtype=Name.Link, A=actie("GoToE"))),
        w(lambda p: annotatie(p, Subtype=Name.Link, A=actie("URI", URI="https://x.nl"))),
    ),
    *geval(
        "actie_pdfa2",
        w(lambda p: annotatie(p, Subtype=Name.Link, A=actie("Hide"))),
        w(lambda p: annotatie(p, Subtype=Name.Link, A=actie("GoToE"))),
    ),
    *geval(
        "actie_benoemd",
        w(lambda p: annotatie(p, Subtype=Name.Link, A=actie("Named", N=Name.Print))),
        w(lambda p: annotatie(p, Subtype=Name.Link, A=actie("Named", N=Name.NextPage))),
    ),
    *geval("widget_actie_pdfa1", w(veld(A=actie("URI", URI="https://x.nl"))), w(veld())),
    *geval("widget_aa_pdfa1", w(veld(AA=Dictionary(E=actie("URI", URI="https://x.nl"))))),
    *geval("widget_actie_pdfa2", w(veld(A=actie("URI", URI="https://x.nl"))), w(veld())),
    *geval("veld_aa", w(veld(AA=Dictionary(K=actie("URI", URI="https://x.nl"))))),
    *geval("catalogus_aa", w(zet("/AA", lambda p: Dictionary(WC=actie("URI", URI="https://x.nl"))))),
    *geval("pagina_aa", w(op_pagina("/AA", lambda p: Dictionary(O=actie("URI", URI="https://x.nl"))))),
    *geval(
        "needappearances",
        w(veld(), lambda p: p.Root.AcroForm.__setitem__("/NeedAppearances", True)),
        w(veld()),
    ),
    *geval("widget_zonder_weergave", w(veld(AP=None)), w(veld())),
    *geval("xfa", w(zet("/AcroForm", lambda p: Dictionary(Fields=Array(), XFA=p.make_stream(b"<xdp/>"))))),
    *geval(
        "needsrendering",
        w(zet("/NeedsRendering", lambda p: True)),
        w(zet("/NeedsRendering", lambda p: False)),
    ),
    *geval(
        "perms",
        w(zet("/Perms", lambda p: Dictionary(Ander=Dictionary()))),
        w(zet("/Perms", lambda p: Dictionary(DocMDP=Dictionary()))),
    ),
    *geval(
        "alternatieve_presentaties",
        w(zet("/Names", lambda p: Dictionary(AlternatePresentations=Dictionary()))),
    ),
    *geval("presentatiestappen", w(op_pagina("/PresSteps", lambda p: Dictionary()))),
    *geval("vereisten", w(zet("/Requirements", lambda p: Array()))),
    # Metadata
    *geval("metadata_ontbreekt", w(zonder("/Metadata"))),
    *geval("metadata_filter", gecomprimeerde_metadata),
    *geval(
        "xmp_bytes",
        w(lambda p: pdfs.zet_metadata(p, pdfs.xmp(_claim(p)).replace(b'begin="', b'bytes="1" begin="'))),
    ),
    *geval(
        "xmp_encoding",
        w(
            lambda p: pdfs.zet_metadata(
                p, pdfs.xmp(_claim(p)).replace(b'begin="', b'encoding="UTF-8" begin="')
            )
        ),
    ),
    *geval("xmp_ongeldig", w(xmp_tekst("<x:xmpmeta><rdf:RDF>kapot"))),
    *geval(
        "xmp_utf8",
        w(
            lambda p: pdfs.zet_metadata(
                p, pdfs.xmp(_claim(p)).replace(b"Brochure", "Br\xf6chure".encode("latin-1"))
            )
        ),
    ),
    *geval(
        "info_aanmaakdatum",
        w(
            info(CreationDate=String("D:20240101120000+01'00'")),
            _xmp_met("<xmp:CreateDate>2024-01-01T12:00:01+01:00</xmp:CreateDate>"),
        ),
        w(
            info(CreationDate=String("D:20240101120000+01'00'")),
            _xmp_met("<xmp:CreateDate>2024-01-01T11:00:00Z</xmp:CreateDate>"),
        ),
    ),
    *geval("info_titel", w(info(Title=String("Andere titel"))), w(info(Title=String("Brochure")))),
    *geval(
        "info_auteur",
        w(
            info(Author=String("Jan")),
            _xmp_met("<dc:creator><rdf:Seq><rdf:li>Piet</rdf:li></rdf:Seq></dc:creator>"),
        ),
        w(
            info(Author=String("Jan")),
            _xmp_met("<dc:creator><rdf:Seq><rdf:li>Jan</rdf:li></rdf:Seq></dc:creator>"),
        ),
    ),
    *geval("info_onderwerp", w(info(Subject=String("Over iets")))),
    *geval("info_trefwoorden", w(info(Keywords=String("a, b")))),
    *geval("info_maker", w(info(Creator=String("Schrijver")))),
    *geval(
        "info_producent",
        w(info(Producer=String("Maker")), _xmp_met("<pdf:Producer>Anders</pdf:Producer>")),
        w(info(Producer=String("Maker")), _xmp_met("<pdf:Producer>Maker</pdf:Producer>")),
    ),
    *geval(
        "info_wijzigdatum",
        w(
            info(ModDate=String("D:20240101120000Z")),
            _xmp_met("<xmp:ModifyDate>2023-01-01T12:00:00Z</xmp:ModifyDate>"),
        ),
        w(
            info(ModDate=String("D:20240101120000Z")),
            _xmp_met("<xmp:ModifyDate>2024-01-01T12:00:00Z</xmp:ModifyDate>"),
        ),
    ),
    *geval("pdfaid_ontbreekt", w(metadata(pdfa=None))),
    *geval("pdfaid_deel", w(lambda p: pdfs.zet_metadata(p, pdfs.xmp("3" + _claim(p)[1:])))),
    *geval("pdfaid_conformiteit", w(lambda p: pdfs.zet_metadata(p, pdfs.xmp(_claim(p)[0] + "x")))),
    *geval(
        "pdfaid_voorvoegsel",
        w(lambda p: pdfs.zet_metadata(p, pdfs.xmp(_claim(p)).replace(b"pdfaid", b"aid"))),
    ),
    *geval(
        "pdfaid_voorvoegsel_conformiteit",
        w(lambda p: pdfs.zet_metadata(p, pdfs.xmp(_claim(p)).replace(b"pdfaid", b"aid"))),
    ),
    *geval("pdfuaid_ontbreekt", w(lambda p: pdfs.zet_metadata(p, pdfs.xmp(_claim(p), ua=False)))),
    *geval(
        "pdfuaid_deel",
        w(
            lambda p: pdfs.zet_metadata(
                p, pdfs.xmp(_claim(p), ua=True).replace(b"<pdfuaid:part>1", b"<pdfuaid:part>2")
            )
        ),
    ),
    *geval("titel_ontbreekt", w(lambda p: pdfs.zet_metadata(p, pdfs.xmp(_claim(p), titel=False, ua=True)))),
    *geval("titel_niet_getoond", w(zonder("/ViewerPreferences"))),
    # Structuur
    *geval("niet_gemarkeerd", w(zonder("/MarkInfo"))),
    *geval("geen_structuur", w(zonder("/StructTreeRoot"))),
    *geval(
        "rol_niet_standaard",
        w(structuur(el("Alinea"))),
        w(structuur(el("Alinea"), rollen=Dictionary(Alinea=Name.P))),
    ),
    *geval(
        "rol_kringloop",
        w(structuur(el("A1"), rollen=Dictionary(A1=Name.A2, A2=Name.A1))),
        w(structuur(el("A1"), rollen=Dictionary(A1=Name.A2, A2=Name.P))),
    ),
    *geval("rol_standaard_herdefinieerd", w(structuur(el("P"), rollen=Dictionary(P=Name.Span)))),
    *geval(
        "taal_ongeldig",
        w(zet("/Lang", lambda p: String("Nederlands!"))),
        w(zet("/Lang", lambda p: String("nl"))),
    ),
    *geval("taal_ongeldig", w(structuur(el("P", Lang=String("1x")))), naam="structuur"),
    *geval(
        "taal_onbekend",
        w(zonder("/Lang")),
        w(zonder("/Lang"), inhoud(b"/P <</MCID 0 /Lang (nl)>> BDC BT /F1 12 Tf (x) Tj ET EMC")),
    ),
    *geval("suspects", w(zet("/MarkInfo", lambda p: Dictionary(Marked=True, Suspects=True)))),
    *geval("artefact_in_tag", w(inhoud(b"/P <</MCID 0>> BDC /Artifact BMC 0 0 1 1 re f EMC EMC"))),
    *geval("tag_in_artefact", w(inhoud(b"/Artifact BMC /P <</MCID 0>> BDC 0 0 1 1 re f EMC EMC"))),
    *geval(
        "ongetagde_inhoud",
        w(inhoud(tekst_in(b"0 0 1 1 re f"))),
        w(inhoud(tekst_in(b"/Artifact BMC 0 0 1 1 re f EMC"))),
    ),
    *geval("figuur_zonder_alt", w(structuur(el("Figure"))), w(structuur(el("Figure", Alt=String("Logo"))))),
    *geval(
        "formule_zonder_alt",
        w(structuur(el("Formula"))),
        w(structuur(el("Formula", ActualText=String("a+b")))),
    ),
    *geval("kop_volgorde", w(structuur(el("H1"), el("H3"))), w(structuur(el("H1"), el("H2"), el("H1")))),
    *geval(
        "kop_meer_h",
        w(structuur(el("Sect", el("H"), el("H")))),
        w(structuur(el("Sect", el("H")), el("Sect", el("H")))),
    ),
    *geval("kop_gemengd_h", w(structuur(el("H1"), el("Sect", el("H"))))),
    *geval("kop_gemengd_hn", w(structuur(el("H1"), el("Sect", el("H"))))),
    *geval(
        "tabelrij_ouder", w(structuur(el("Div", el("TR")))), w(structuur(el("Table", el("TR", el("TD")))))
    ),
    *geval("tabelkop_ouder", w(structuur(el("Table", el("TH"))))),
    *geval("tabelcel_ouder", w(structuur(el("Table", el("TD"))))),
    *geval("tabelrij_kinderen", w(structuur(el("Table", el("TR", el("P")))))),
    *geval(
        "lijstitem_ouder", w(structuur(el("Div", el("LI")))), w(structuur(el("L", el("LI", el("LBody")))))
    ),
    *geval("lijstinhoud_ouder", w(structuur(el("L", el("LBody"))))),
    *geval("lijstitem_kinderen", w(structuur(el("L", el("LI", el("P")))))),
    *geval("noot_id", w(structuur(el("Note"))), w(structuur(el("Note", ID=String("n1"))))),
    *geval(
        "noot_id_dubbel",
        w(structuur(el("Note", ID=String("n1")), el("Note", ID=String("n1")))),
        w(structuur(el("Note", ID=String("n1")), el("Note", ID=String("n2")))),
    ),
    *geval(
        "annotatie_tag",
        w(getagde_annotatie("Text", "Span", Contents=String("Let op"))),
        w(getagde_annotatie("Text", "Annot", Contents=String("Let op"))),
    ),
    *geval(
        "annotatie_beschrijving",
        w(getagde_annotatie("Text", "Annot")),
        w(getagde_annotatie("Text", "Annot", Contents=String("Let op"))),
    ),
    *geval(
        "veld_beschrijving",
        w(getagde_annotatie("Widget", "Form", FT=Name.Tx, AP=Dictionary())),
        w(getagde_annotatie("Widget", "Form", FT=Name.Tx, TU=String("Naam"), AP=Dictionary())),
    ),
    *geval("trapnet", w(getagde_annotatie("TrapNet", "Annot", Contents=String("x")))),
    *geval(
        "tabvolgorde",
        w(getagde_annotatie("Text", "Annot", Contents=String("x")), op_pagina("/Tabs", lambda p: Name.R)),
    ),
    *geval(
        "widget_tag",
        w(getagde_annotatie("Widget", "Span", FT=Name.Tx, TU=String("Naam"))),
        w(getagde_annotatie("Widget", "Form", FT=Name.Tx, TU=String("Naam"))),
    ),
    *geval(
        "link_tag",
        w(getagde_annotatie("Link", "Span", Contents=String("Site"))),
        w(getagde_annotatie("Link", "Link", Contents=String("Site"))),
    ),
    *geval(
        "link_beschrijving",
        w(getagde_annotatie("Link", "Link")),
        w(getagde_annotatie("Link", "Link", Contents=String("Site"))),
    ),
]


def _regels(data: bytes, profiel: str, ua: bool) -> set[str]:
    uitslag = inspecteer("bijlage.pdf", data, Soort.STANDAARD, Toets(profiel, ua))
    return {b.regel for b in uitslag.bevindingen}


@pytest.mark.parametrize(("regel", "profiel", "ua", "breek", "houd"), GEVALLEN)
def test_a_file_that_breaks_the_clause_gets_its_finding(regel, profiel, ua, breek, houd):
    assert regel in _regels(breek(profiel, ua), profiel, ua)


@pytest.mark.parametrize(("regel", "profiel", "ua", "breek", "houd"), GEVALLEN)
def test_a_file_that_keeps_the_clause_gets_no_finding(regel, profiel, ua, breek, houd):
    assert regel not in _regels(houd(profiel, ua), profiel, ua)


@pytest.mark.parametrize("profiel", ["1b", "1a", "2b", "2u", "2a"])
@pytest.mark.parametrize("ua", [False, True], ids=["", "ua"])
def test_the_clean_attachment_conforms_to_every_profile(profiel, ua):
    uitslag = inspecteer("bijlage.pdf", bouw(pdfa=profiel, ua=ua), Soort.STANDAARD, Toets(profiel, ua))
    assert uitslag.bevindingen == ()
    assert uitslag.conform(Norm.PDFA1 if profiel[0] == "1" else Norm.PDFA2) is True
    assert uitslag.conform(Norm.PDFUA1) is (True if ua else None)


def test_every_clause_number_is_a_verapdf_rule():
    """The numbering is veraPDF's: every PDF/A-1 and PDF/A-2 clause of level b we check is in veraPDF's
    catalogue as pikepdf ships it (levels a and u, and PDF/UA, are not in that catalogue)."""
    catalogus = Path(pikepdf.__file__).parent / "pdfa" / "data" / "verapdf_rules.json"
    import json

    regels = json.loads(catalogus.read_text())["rules"]
    for clausule in CLAUSULES.values():
        if clausule.norm is Norm.PDFUA1 or "b" not in clausule.niveaus:
            continue
        spec = "ISO_19005_1" if clausule.norm is Norm.PDFA1 else "ISO_19005_2"
        assert f"{spec}:{clausule.nummer}" in regels, clausule.id
