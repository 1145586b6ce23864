"""PDF's voor de tests, gebouwd met pikepdf: een schone bijlage en per regel een wijziging die hem breekt.

De schone bijlage voldoet aan alles wat de validator toetst, voor elk profiel (PDF/A-1b, -1a, -2b, -2u, -2a)
en PDF/UA-1: een echt ingesloten TrueType-lettertype met kloppende breedtes (`lettertype`), het sRGB-profiel
als OutputIntent, XMP-metadata met PDF/A- en PDF/UA-identificatie en titel, een structuurboom met getagde
inhoud, taal en titelvoorkeur.
"""

from __future__ import annotations

import functools
import io
import zlib
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pikepdf
from pikepdf import Array, Dictionary, Name, Stream, String

from tests.bijlage_validatie import lettertype as lt

Wijziging = Callable[[pikepdf.Pdf], None]

TEKST = b"/P <</MCID 0>> BDC BT /F1 12 Tf 72 720 Td (Dit is een bijlage.) Tj ET EMC"
SRGB = (Path(pikepdf.__file__).parent / "pdfa" / "data" / "sRGB.icc").read_bytes()
"""Het sRGB-profiel (ICC v2) dat pikepdf meelevert."""

XMP = """<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/"
     xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/" xmlns:dc="http://purl.org/dc/elements/1.1/">
   {claim}
   {ua}
   {titel}
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>"""

CLAIM = "<pdfaid:part>{deel}</pdfaid:part><pdfaid:conformance>{conformiteit}</pdfaid:conformance>"
UA = "<pdfuaid:part>1</pdfuaid:part>"
TITEL = '<dc:title><rdf:Alt><rdf:li xml:lang="x-default">Brochure</rdf:li></rdf:Alt></dc:title>'


def xmp(pdfa: str | None = "2b", titel: bool = True, ua: bool = False) -> bytes:
    claim = CLAIM.format(deel=pdfa[0], conformiteit=pdfa[1:].upper()) if pdfa else ""
    return XMP.format(claim=claim, ua=UA if ua else "", titel=TITEL if titel else "").encode("utf-8")


def ingesloten_lettertype(pdf: pikepdf.Pdf, naam: str = "Vrij") -> pikepdf.Object:
    bestand = Stream(pdf, lt.truetype())
    beschrijving = Dictionary(
        Type=Name.FontDescriptor,
        FontName=Name("/" + naam),
        Flags=32,
        FontBBox=[0, -200, 1000, 800],
        ItalicAngle=0,
        Ascent=800,
        Descent=-200,
        CapHeight=700,
        StemV=80,
        FontFile2=bestand,
    )
    return pdf.make_indirect(
        Dictionary(
            Type=Name.Font,
            Subtype=Name.TrueType,
            BaseFont=Name("/" + naam),
            FirstChar=lt.EERSTE,
            LastChar=lt.LAATSTE,
            Widths=Array([lt.breedte(c) for c in range(lt.EERSTE, lt.LAATSTE + 1)]),
            Encoding=Name.WinAnsiEncoding,
            FontDescriptor=beschrijving,
        )
    )


def niet_ingesloten_lettertype(pdf: pikepdf.Pdf) -> pikepdf.Object:
    return pdf.make_indirect(Dictionary(Type=Name.Font, Subtype=Name.Type1, BaseFont=Name.Helvetica))


def schone_pdf(pdfa: str | None = "2b", ua: bool = False) -> pikepdf.Pdf:
    pdf = pikepdf.new()
    pdf.add_blank_page(page_size=(595, 842))
    pagina = pdf.pages[0].obj
    pagina.Resources = Dictionary(Font=Dictionary(F1=ingesloten_lettertype(pdf)))
    pagina.Contents = pdf.make_stream(TEKST)
    pagina.StructParents = 0
    zet_metadata(pdf, xmp(pdfa, ua=ua))
    pdf.Root.OutputIntents = Array([outputintent(pdf)])
    pdf.Root.MarkInfo = Dictionary(Marked=True)
    alinea = pdf.make_indirect(Dictionary(Type=Name.StructElem, S=Name.P, Pg=pagina, K=0))
    document = pdf.make_indirect(Dictionary(Type=Name.StructElem, S=Name.Document, K=Array([alinea])))
    alinea.P = document
    boom = pdf.make_indirect(
        Dictionary(
            Type=Name.StructTreeRoot, K=document, ParentTree=Dictionary(Nums=Array([0, Array([alinea])]))
        )
    )
    document.P = boom
    pdf.Root.StructTreeRoot = boom
    pdf.Root.Lang = String("nl-NL")
    pdf.Root.ViewerPreferences = Dictionary(DisplayDocTitle=True)
    return pdf


def outputintent(pdf: pikepdf.Pdf, profiel: bytes = SRGB) -> pikepdf.Object:
    return Dictionary(
        Type=Name.OutputIntent,
        S=Name.GTS_PDFA1,
        OutputConditionIdentifier="sRGB",
        DestOutputProfile=pdf.make_stream(profiel, N=3),
    )


def zet_metadata(pdf: pikepdf.Pdf, inhoud: bytes, **sleutels: object) -> None:
    sleutels = sleutels or {"Type": Name.Metadata, "Subtype": Name.XML}
    pdf.Root.Metadata = pdf.make_stream(inhoud, **sleutels)


def als_bytes(
    pdf: pikepdf.Pdf, encryptie: pikepdf.Encryption | None = None, comprimeer: bool = True
) -> bytes:
    uit = io.BytesIO()
    pdf.save(
        uit,
        encryption=encryptie or False,
        fix_metadata_version=False,
        # Zonder comprimeren laat qpdf gecodeerde streams zoals ze zijn; met comprimeren pakt het een bom
        # helemaal uit en comprimeert opnieuw, en maakt het van Flate over Flate één laag.
        compress_streams=comprimeer,
    )
    return uit.getvalue()


def bouw(
    *wijzigingen: Wijziging,
    pdfa: str | None = "2b",
    encryptie: pikepdf.Encryption | None = None,
    comprimeer: bool = True,
    ua: bool = False,
) -> bytes:
    pdf = schone_pdf(pdfa, ua)
    for wijziging in wijzigingen:
        wijziging(pdf)
    return als_bytes(pdf, encryptie, comprimeer)


def bouw_gecodeerd(*wijzigingen: Wijziging) -> bytes:
    """Als `bouw`, maar de streams precies zoals de wijzigingen ze coderen (voor bommen)."""
    return bouw(*wijzigingen, comprimeer=False)


# --- Bouwstenen voor wijzigingen ---------------------------------------------------------------------


def pagina(pdf: pikepdf.Pdf) -> pikepdf.Object:
    return pdf.pages[0].obj


def annotatie(pdf: pikepdf.Pdf, **velden: object) -> pikepdf.Object:
    # Afdrukbaar (/F 4), zoals PDF/A vraagt; een test die de vlaggen wil breken, geeft /F zelf mee.
    velden = {"F": 4, "Rect": [72, 72, 144, 144]} | velden
    annot = pdf.make_indirect(Dictionary(Type=Name.Annot, **velden))
    if "/Annots" not in pagina(pdf):
        pagina(pdf).Annots = Array()
    pagina(pdf).Annots.append(annot)
    return annot


def actie(soort: str, **velden: object) -> Dictionary:
    return Dictionary(Type=Name.Action, S=Name("/" + soort), **velden)


def link_met(gevolg: Dictionary) -> Wijziging:
    return lambda pdf: annotatie(pdf, Subtype=Name.Link, A=gevolg)


def annotatie_van_soort(soort: str) -> Wijziging:
    return lambda pdf: annotatie(pdf, Subtype=Name("/" + soort))


def formulier_xobject(pdf: pikepdf.Pdf, resources: Dictionary, **velden: object) -> pikepdf.Object:
    return pdf.make_stream(
        b"BT /F2 10 Tf (x) Tj ET",
        Type=Name.XObject,
        Subtype=Name.Form,
        BBox=[0, 0, 100, 100],
        Resources=resources,
        **velden,
    )


def extra_stream(**velden: object) -> Wijziging:
    def wijzig(pdf: pikepdf.Pdf) -> None:
        xobject = formulier_xobject(pdf, Dictionary(), **velden)
        pagina(pdf).Resources.XObject = Dictionary(X1=xobject)

    return wijzig


def zonder(sleutel: str) -> Wijziging:
    def wijzig(pdf: pikepdf.Pdf) -> None:
        del pdf.Root[sleutel]

    return wijzig


def met_bijlage(pdf: pikepdf.Pdf) -> None:
    pdf.attachments["gegevens.txt"] = pikepdf.AttachedFileSpec(
        pdf, b"geheime gegevens", filename="gegevens.txt"
    )


def met_metadata(inhoud: bytes, **sleutels: object) -> Wijziging:
    return lambda pdf: zet_metadata(pdf, inhoud, **sleutels)


def met_lettertype_op_pagina(maak: Callable[[pikepdf.Pdf], pikepdf.Object]) -> Wijziging:
    def wijzig(pdf: pikepdf.Pdf) -> None:
        pagina(pdf).Resources.Font.F2 = maak(pdf)

    return wijzig


def type0(
    beschrijving_van: Callable[[pikepdf.Pdf], pikepdf.Object],
) -> Callable[[pikepdf.Pdf], pikepdf.Object]:
    def maak(pdf: pikepdf.Pdf) -> pikepdf.Object:
        afstammeling = beschrijving_van(pdf)
        afstammeling.Subtype = Name.CIDFontType2
        return pdf.make_indirect(
            Dictionary(
                Type=Name.Font,
                Subtype=Name.Type0,
                BaseFont=Name.Cid,
                Encoding=Name("/Identity-H"),
                DescendantFonts=Array([afstammeling]),
            )
        )

    return maak


def type3(pdf: pikepdf.Pdf) -> pikepdf.Object:
    return pdf.make_indirect(
        Dictionary(
            Type=Name.Font,
            Subtype=Name.Type3,
            FontBBox=[0, 0, 1, 1],
            FontMatrix=[1, 0, 0, 1, 0, 0],
            CharProcs=Dictionary(),
            Encoding=Dictionary(),
            FirstChar=0,
            LastChar=0,
            Widths=[0],
        )
    )


def lettertype_in_formulier(maak: Callable[[pikepdf.Pdf], pikepdf.Object], diepte: int = 2) -> Wijziging:
    """Een lettertype in een formulier-XObject dat `diepte` niveaus diep genest is."""

    def wijzig(pdf: pikepdf.Pdf) -> None:
        resources = Dictionary(Font=Dictionary(F2=maak(pdf)))
        for _ in range(diepte):
            resources = Dictionary(XObject=Dictionary(X=formulier_xobject(pdf, resources)))
        pagina(pdf).Resources.XObject = resources.XObject

    return wijzig


def lettertype_in_weergave(maak: Callable[[pikepdf.Pdf], pikepdf.Object]) -> Wijziging:
    def wijzig(pdf: pikepdf.Pdf) -> None:
        weergave = formulier_xobject(pdf, Dictionary(Font=Dictionary(F2=maak(pdf))))
        annotatie(pdf, Subtype=Name.FreeText, DA="/F2 10 Tf", AP=Dictionary(N=weergave))

    return wijzig


def formulierveld(**velden: object) -> Wijziging:
    def wijzig(pdf: pikepdf.Pdf) -> None:
        veld = pdf.make_indirect(Dictionary(FT=Name.Tx, T="veld", **velden))
        ouder = pdf.make_indirect(Dictionary(T="groep", Kids=Array([veld])))
        pdf.Root.AcroForm = Dictionary(Fields=Array([ouder]))

    return wijzig


def javascript_in_names(pdf: pikepdf.Pdf) -> None:
    script = pdf.make_indirect(actie("JavaScript", JS="app.alert('hoi')"))
    pdf.Root.Names = Dictionary(JavaScript=Dictionary(Names=Array([String("start"), script])))


def javascript_in_next_keten(pdf: pikepdf.Pdf) -> None:
    laatste = pdf.make_indirect(actie("JavaScript", JS="app.alert(1)"))
    midden = pdf.make_indirect(actie("GoTo", D=Array([pagina(pdf), Name.Fit]), Next=laatste))
    annotatie(pdf, Subtype=Name.Link, A=actie("GoTo", D=Array([pagina(pdf), Name.Fit]), Next=Array([midden])))


def transparante_extgstate(pdf: pikepdf.Pdf) -> None:
    masker = Dictionary(Type=Name.Mask, S=Name.Luminosity, G=formulier_xobject(pdf, Dictionary()))
    pagina(pdf).Resources.ExtGState = Dictionary(GS1=Dictionary(Type=Name.ExtGState, SMask=masker))


def transparante_groep(pdf: pikepdf.Pdf) -> None:
    pagina(pdf).Group = Dictionary(Type=Name.Group, S=Name.Transparency, CS=Name.DeviceRGB)


def halfdoorzichtig(pdf: pikepdf.Pdf) -> None:
    pagina(pdf).Resources.ExtGState = Dictionary(GS1=Dictionary(Type=Name.ExtGState, ca=0.5))


def met_dekking(waarde: str):
    """An ExtGState whose opacity is written exactly as `waarde` (a PDF real, as a producer rounds it)."""

    def wijziging(pdf: pikepdf.Pdf) -> None:
        dekking = Decimal(waarde)
        pagina(pdf).Resources.ExtGState = Dictionary(
            GS1=Dictionary(Type=Name.ExtGState, CA=dekking, ca=dekking)
        )

    return wijziging


def afbeelding_met_masker(pdf: pikepdf.Pdf) -> None:
    masker = pdf.make_stream(
        b"\xff",
        Type=Name.XObject,
        Subtype=Name.Image,
        Width=1,
        Height=1,
        ColorSpace=Name.DeviceGray,
        BitsPerComponent=8,
    )
    beeld = pdf.make_stream(
        b"\x00\x00\x00",
        Type=Name.XObject,
        Subtype=Name.Image,
        Width=1,
        Height=1,
        ColorSpace=Name.DeviceRGB,
        BitsPerComponent=8,
        SMask=masker,
    )
    pagina(pdf).Resources.XObject = Dictionary(Im1=beeld)


def dekkende_extgstate(pdf: pikepdf.Pdf) -> None:
    staat = Dictionary(Type=Name.ExtGState, SMask=Name("/None"), CA=1, ca=1.0, BM=Name.Normal)
    pagina(pdf).Resources.ExtGState = Dictionary(GS1=staat)


# --- Vijandige bestanden -------------------------------------------------------------------------------


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
