"""A small real PDF for example batches: one page of text with an embedded font, the PDF/A and PDF/UA marks
the portal's validator looks for, and (when asked) padding up to a size, for a bijlage that is too large."""

import io

import pikepdf
from pikepdf import Array, Dictionary, Name, String

TEKST = b"BT /F1 12 Tf 72 720 Td (Zie de toelichting bij dit bericht.) Tj ET"
XMP = (
    '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/">'
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="" '
    'xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/" xmlns:dc="http://purl.org/dc/elements/1.1/">'
    "<pdfaid:part>2</pdfaid:part><pdfaid:conformance>A</pdfaid:conformance>"
    '<dc:title><rdf:Alt><rdf:li xml:lang="x-default">Toelichting</rdf:li></rdf:Alt></dc:title>'
    '</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>'
)


def voorbeeld_pdf(minimaal: int = 0) -> bytes:
    """A one-page PDF; with `minimaal`, an embedded font stream pads it to at least that many bytes (not
    compressed: the padding must really weigh)."""
    pdf = pikepdf.new()
    pdf.add_blank_page(page_size=(595, 842))
    lettertype = pdf.make_stream(b"\x00\x01\x00\x00" + bytes(range(256)) * max(1, minimaal // 256))
    naam = Name("/Brief")
    beschrijving = Dictionary(Type=Name.FontDescriptor, FontName=naam, Flags=32, FontFile2=lettertype)
    font = pdf.make_indirect(
        Dictionary(Type=Name.Font, Subtype=Name.TrueType, BaseFont=naam, FontDescriptor=beschrijving)
    )
    pagina = pdf.pages[0].obj
    pagina.Resources = Dictionary(Font=Dictionary(F1=font))
    pagina.Contents = pdf.make_stream(TEKST)
    pdf.Root.Metadata = pdf.make_stream(XMP.encode("utf-8"), Type=Name.Metadata, Subtype=Name.XML)
    profiel = pdf.make_stream(b"icc-profiel", N=3)
    pdf.Root.OutputIntents = Array(
        [Dictionary(Type=Name.OutputIntent, S=Name.GTS_PDFA1, OutputConditionIdentifier="sRGB",
                    DestOutputProfile=profiel)]
    )  # fmt: skip
    pdf.Root.MarkInfo = Dictionary(Marked=True)
    pdf.Root.StructTreeRoot = pdf.make_indirect(Dictionary(Type=Name.StructTreeRoot))
    pdf.Root.Lang = String("nl-NL")
    pdf.Root.ViewerPreferences = Dictionary(DisplayDocTitle=True)
    pdf.docinfo.Title = "Toelichting"
    uit = io.BytesIO()
    pdf.save(uit, compress_streams=False)
    return uit.getvalue()
