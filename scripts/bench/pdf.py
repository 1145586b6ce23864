"""Bijlage validatie: PDF's per seconde, p95 van een bijlage van 2 MB, piekgeheugen van de werkprocessen.

Alles gaat door het echte geïsoleerde pad (werkprocessen, pijp, grenzen), met zoveel gelijktijdige
aanvragen als er werkprocessen zijn, zoals een webserver met meerdere threads dat zou doen. Elk bestand wordt
clausule voor clausule getoetst tegen PDF/A-2a en PDF/UA-1 (de strengste combinatie: alle clausulemodules,
ook structuur, gemarkeerde inhoud en de breedtes uit het ingesloten lettertype), en de bestanden voldoen daar
ook aan: een echt TrueType-lettertype, het sRGB-profiel, XMP, een structuurboom met getagde inhoud.
"""

from __future__ import annotations

import io
import random
import statistics
import time
import zlib
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pikepdf
from pikepdf import Array, Dictionary, Name

from bijlage_validatie import Werkerpool
from domain.pdf_toets import Toets
from domain.pdf_validatie import Soort

TOETS = Toets(pdfa="2a", pdfua=True)
SRGB = (Path(pikepdf.__file__).parent / "pdfa" / "data" / "sRGB.icc").read_bytes()
XMP = """<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/"
 xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<pdfaid:part>2</pdfaid:part><pdfaid:conformance>A</pdfaid:conformance><pdfuaid:part>1</pdfuaid:part>
<dc:title><rdf:Alt><rdf:li xml:lang="x-default">Aanslag</rdf:li></rdf:Alt></dc:title>
</rdf:Description></rdf:RDF></x:xmpmeta>
<?xpacket end="w"?>""".encode()
EERSTE, LAATSTE = 32, 126

BESCHRIJVING = {
    "pdf_validate_per_s": (
        "One-page PDF/A-2a + PDF/UA-1 files validated per second against every clause of both, through the "
        "isolated worker pool (processes, pipe, limits), as many concurrent requests as workers, 2,000 PDFs "
        "after a warm-up."
    ),
    "pdf_validate_2mb_p95_ms": (
        "p95 of validating one 2 MB, 40-page PDF/A-2a brochure with photos against PDF/A-2a and PDF/UA-1, "
        "60 times."
    ),
    "pdf_validate_peak_rss_mb": ("Highest peak memory (VmHWM) of a worker process after these runs."),
}

AANTAL_KLEIN = 2000
HERHALINGEN_GROOT = 60
DOEL_GROOT_BYTES = 2 * 1024 * 1024


def lettertypebestand() -> bytes:
    from fontTools.fontBuilder import FontBuilder
    from fontTools.pens.ttGlyphPen import TTGlyphPen

    namen = [".notdef"] + [f"g{c}" for c in range(EERSTE, LAATSTE + 1)]
    bouwer = FontBuilder(1000, isTTF=True)
    bouwer.setupGlyphOrder(namen)
    bouwer.setupCharacterMap({c: f"g{c}" for c in range(EERSTE, LAATSTE + 1)})
    bouwer.setupGlyf({n: TTGlyphPen(None).glyph() for n in namen})
    bouwer.setupHorizontalMetrics({n: (_breedte(n), 0) for n in namen})
    bouwer.setupHorizontalHeader(ascent=800, descent=-200)
    bouwer.setupNameTable({"familyName": "Brief", "styleName": "Regular"})
    bouwer.setupOS2()
    bouwer.setupPost()
    uit = io.BytesIO()
    bouwer.save(uit)
    return uit.getvalue()


def _breedte(naam: str) -> int:
    return 500 if naam == ".notdef" else 300 + int(naam[1:]) % 5 * 60


def _tekst(pagina: int, regels: int = 45) -> bytes:
    zinnen = [
        f"/P <</MCID {r}>> BDC BT /F1 10 Tf 56 {780 - 12 * r} Td "
        f"({pagina}.{r} Geachte heer, mevrouw, hierbij ontvangt u de aanslag voor dit jaar.) Tj ET EMC"
        for r in range(regels)
    ]
    return " ".join(zinnen).encode()


def _nieuw(lettertype: bytes) -> pikepdf.Pdf:
    pdf = pikepdf.new()
    font = pdf.make_indirect(
        Dictionary(
            Type=Name.Font,
            Subtype=Name.TrueType,
            BaseFont=Name("/Brief"),
            FirstChar=EERSTE,
            LastChar=LAATSTE,
            Widths=Array([_breedte(f"g{c}") for c in range(EERSTE, LAATSTE + 1)]),
            Encoding=Name.WinAnsiEncoding,
            FontDescriptor=Dictionary(
                Type=Name.FontDescriptor,
                FontName=Name("/Brief"),
                Flags=32,
                FontBBox=[0, -200, 1000, 800],
                ItalicAngle=0,
                Ascent=800,
                Descent=-200,
                CapHeight=700,
                StemV=80,
                FontFile2=pdf.make_stream(lettertype),
            ),
        )
    )
    pdf.Root.Metadata = pdf.make_stream(XMP, Type=Name.Metadata, Subtype=Name.XML)
    pdf.Root.Lang = pikepdf.String("nl-NL")
    pdf.Root.MarkInfo = Dictionary(Marked=True)
    pdf.Root.ViewerPreferences = Dictionary(DisplayDocTitle=True)
    pdf.Root.OutputIntents = Array(
        [
            Dictionary(
                Type=Name.OutputIntent,
                S=Name.GTS_PDFA1,
                OutputConditionIdentifier="sRGB",
                DestOutputProfile=pdf.make_stream(SRGB, N=3),
            )
        ]
    )
    document = pdf.make_indirect(Dictionary(Type=Name.StructElem, S=Name.Document, K=Array()))
    pdf.Root.StructTreeRoot = pdf.make_indirect(
        Dictionary(Type=Name.StructTreeRoot, K=document, ParentTree=Dictionary(Nums=Array()))
    )
    document.P = pdf.Root.StructTreeRoot
    pdf.Root.Resources = Dictionary(Font=Dictionary(F1=font))
    return pdf


def _pagina(pdf: pikepdf.Pdf, nummer: int, afbeelding: bytes | None = None) -> None:
    pdf.add_blank_page(page_size=(595, 842))
    pagina = pdf.pages[-1].obj
    pagina.Resources = Dictionary(Font=pdf.Root.Resources.Font)
    pagina.StructParents = nummer
    document = pdf.Root.StructTreeRoot.K
    alineas = Array()
    for regel in range(45):
        alinea = pdf.make_indirect(Dictionary(Type=Name.StructElem, S=Name.P, P=document, Pg=pagina, K=regel))
        document.K.append(alinea)
        alineas.append(alinea)
    pdf.Root.StructTreeRoot.ParentTree.Nums.extend([nummer, alineas])
    inhoud = _tekst(nummer)
    if afbeelding:
        beeld = pdf.make_stream(
            afbeelding,
            Type=Name.XObject,
            Subtype=Name.Image,
            Width=400,
            Height=300,
            ColorSpace=Name.DeviceRGB,
            BitsPerComponent=8,
            Filter=Name.DCTDecode,
        )
        pagina.Resources.XObject = Dictionary(Im1=beeld)
        inhoud += b" /Artifact BMC q 400 0 0 300 100 100 cm /Im1 Do Q EMC"
    pagina.Contents = pdf.make_stream(zlib.compress(inhoud), Filter=Name.FlateDecode)


def _bytes(pdf: pikepdf.Pdf) -> bytes:
    del pdf.Root.Resources
    uit = io.BytesIO()
    pdf.save(uit, fix_metadata_version=False)
    return uit.getvalue()


def een_pagina(nummer: int, lettertype: bytes) -> bytes:
    pdf = _nieuw(lettertype)
    _pagina(pdf, nummer)
    return _bytes(pdf)


def brochure_van_2_mb(lettertype: bytes) -> bytes:
    """Veertig pagina's tekst met elk een foto: een brochure zoals een standaardbijlage die vaak is."""
    willekeur = random.Random(5)
    per_foto = DOEL_GROOT_BYTES // 40
    pdf = _nieuw(lettertype)
    for nummer in range(40):
        _pagina(pdf, nummer, willekeur.randbytes(per_foto))
    return _bytes(pdf)


def _piekgeheugen_mb(pids: list[int]) -> float:
    pieken = []
    for pid in pids:
        status = Path(f"/proc/{pid}/status")
        if status.exists():
            regel = next(
                (r for r in status.read_text().splitlines() if r.startswith("VmHWM:")), "VmHWM: 0 kB"
            )
            pieken.append(int(regel.split()[1]) / 1024)
    return max(pieken, default=0.0)


def run() -> dict[str, tuple[float, str]]:
    lettertype = lettertypebestand()
    kleine = [een_pagina(n, lettertype) for n in range(50)]
    groot = brochure_van_2_mb(lettertype)
    with Werkerpool() as pool, ThreadPoolExecutor(max_workers=pool.aantal) as uitvoerder:
        list(
            uitvoerder.map(
                lambda d: pool.valideer("warm.pdf", d, Soort.PERSOONLIJK, TOETS), kleine[: pool.aantal * 2]
            )
        )
        begin = time.perf_counter()
        uitslagen = list(
            uitvoerder.map(
                lambda n: pool.valideer(f"{n}.pdf", kleine[n % 50], Soort.PERSOONLIJK, TOETS),
                range(AANTAL_KLEIN),
            )
        )
        per_seconde = AANTAL_KLEIN / (time.perf_counter() - begin)
        geweigerd = [b.regel for u in uitslagen for b in u.bevindingen if not u.geaccepteerd]
        assert not geweigerd, f"een schone bench-PDF werd geweigerd: {sorted(set(geweigerd))}"
        duren = []
        for _ in range(HERHALINGEN_GROOT):
            begin = time.perf_counter()
            uitslag = pool.valideer("brochure.pdf", groot, Soort.STANDAARD, TOETS)
            duren.append((time.perf_counter() - begin) * 1000)
        assert uitslag.bevindingen == (), f"de bench-brochure voldoet niet: {uitslag.bevindingen[:3]}"
        p95 = statistics.quantiles(duren, n=20)[-1]
        piek = _piekgeheugen_mb(pool.procesnummers())
    return {
        "pdf_validate_per_s": (per_seconde, "PDFs/s"),
        "pdf_validate_2mb_p95_ms": (p95, "ms"),
        "pdf_validate_peak_rss_mb": (piek, "MB"),
    }


def met_foto(nummer: int, foto_bytes: int, lettertype: bytes) -> bytes:
    """A one-page PDF/A-2a letter with a photo of about `foto_bytes` (incompressible, as a JPEG is): a
    persoonlijke bijlage as a gemeente sends one, each different from the next. `lettertype`: the
    embedded font program (`lettertypebestand()`)."""
    pdf = _nieuw(lettertype)
    _pagina(pdf, nummer, random.Random(nummer).randbytes(foto_bytes))
    return _bytes(pdf)
