"""The clauses on metadata: XMP, the document information dictionary, PDF/A and PDF/UA identification: for
each clause a file that breaks it and a file that keeps it (see `clausulegevallen`)."""

from __future__ import annotations

import zlib

import pikepdf
from pikepdf import Dictionary, String

from tests.bijlage_validatie import pdfs
from tests.bijlage_validatie.clausulegevallen import (
    geval,
    toetsen,
    w,
    zonder,
)
from tests.bijlage_validatie.pdfs import bouw


def metadata(**xmp_velden: object) -> pdfs.Wijziging:
    return lambda pdf: pdfs.zet_metadata(pdf, pdfs.xmp(**xmp_velden))


def xmp_tekst(tekst: str) -> pdfs.Wijziging:
    return lambda pdf: pdfs.zet_metadata(pdf, tekst.encode("utf-8"))


def info(**velden: object) -> pdfs.Wijziging:
    def wijzig(pdf: pikepdf.Pdf) -> None:
        pdf.trailer.Info = pdf.make_indirect(Dictionary(**velden))

    return wijzig


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


GEVALLEN = [
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
]

(
    test_a_file_that_breaks_the_clause_gets_its_finding,
    test_a_file_that_keeps_the_clause_gets_no_finding,
) = toetsen(GEVALLEN)
