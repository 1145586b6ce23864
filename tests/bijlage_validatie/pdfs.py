"""PDFs for the tests, built with pikepdf: a clean attachment, and how to build it with changes that
break it (the changes themselves are in `wijzigingen`, the hostile files in `vijandig`).

The clean attachment passes everything the validator tests, for every profile (PDF/A-1b, -1a, -2b, -2u,
-2a) and PDF/UA-1: a really embedded TrueType font with matching widths (`lettertype`), the sRGB profile
as OutputIntent, XMP metadata with PDF/A and PDF/UA identification and title, a structure tree with
tagged content, language and the title preference.
"""

from __future__ import annotations

import io
from collections.abc import Callable
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
