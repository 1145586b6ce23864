"""Bijlage validatie: PDF's per seconde, p95 van een bijlage van 2 MB, piekgeheugen van de werkprocessen.

Alles gaat door het echte geïsoleerde pad (werkprocessen, pijp, grenzen), met zoveel gelijktijdige
aanvragen als er werkprocessen zijn, zoals een webserver met meerdere threads dat zou doen.
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
from domain.pdf_validatie import Soort

BESCHRIJVING = {
    "pdf_validate_per_s": (
        "One-page PDFs validated per second through the isolated worker pool (processes, pipe, limits), as "
        "many concurrent requests as workers, 2,000 PDFs after a warm-up."
    ),
    "pdf_validate_2mb_p95_ms": ("p95 of validating one 2 MB, 40-page PDF/A brochure with photos, 60 times."),
    "pdf_validate_peak_rss_mb": ("Highest peak memory (VmHWM) of a worker process after these runs."),
}

AANTAL_KLEIN = 2000
HERHALINGEN_GROOT = 60
DOEL_GROOT_BYTES = 2 * 1024 * 1024


def _tekst(pagina: int, regels: int = 45) -> bytes:
    zinnen = [
        f"({pagina}.{r} Geachte heer, mevrouw, hierbij ontvangt u de aanslag voor dit jaar.) Tj T*"
        for r in range(regels)
    ]
    return ("BT /F1 10 Tf 12 TL 56 780 Td " + " ".join(zinnen) + " ET").encode()


def _nieuw(pdfa: bool) -> pikepdf.Pdf:
    pdf = pikepdf.new()
    lettertype = pdf.make_indirect(
        Dictionary(
            Type=Name.Font,
            Subtype=Name.TrueType,
            BaseFont=Name("/Brief"),
            FontDescriptor=Dictionary(
                Type=Name.FontDescriptor,
                FontName=Name("/Brief"),
                Flags=32,
                FontFile2=pdf.make_stream(bytes(range(256)) * 40),
            ),
        )
    )
    pdf.Root.Lang = pikepdf.String("nl-NL")
    pdf.Root.MarkInfo = Dictionary(Marked=True)
    pdf.Root.StructTreeRoot = pdf.make_indirect(Dictionary(Type=Name.StructTreeRoot))
    pdf.Root.ViewerPreferences = Dictionary(DisplayDocTitle=True)
    pdf.docinfo.Title = "Aanslag"
    if pdfa:
        pdf.Root.OutputIntents = Array(
            [
                Dictionary(
                    Type=Name.OutputIntent, S=Name.GTS_PDFA1, DestOutputProfile=pdf.make_stream(b"icc" * 1000)
                )
            ]
        )
    pdf.Root.Resources = Dictionary(Font=Dictionary(F1=lettertype))
    return pdf


def _pagina(pdf: pikepdf.Pdf, nummer: int, afbeelding: bytes | None = None) -> None:
    pdf.add_blank_page(page_size=(595, 842))
    pagina = pdf.pages[-1].obj
    pagina.Resources = Dictionary(Font=pdf.Root.Resources.Font)
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
        inhoud += b" q 400 0 0 300 100 100 cm /Im1 Do Q"
    pagina.Contents = pdf.make_stream(zlib.compress(inhoud), Filter=Name.FlateDecode)


def _bytes(pdf: pikepdf.Pdf) -> bytes:
    del pdf.Root.Resources
    uit = io.BytesIO()
    pdf.save(uit)
    return uit.getvalue()


def een_pagina(nummer: int) -> bytes:
    pdf = _nieuw(pdfa=False)
    _pagina(pdf, nummer)
    return _bytes(pdf)


def brochure_van_2_mb() -> bytes:
    """Veertig pagina's tekst met elk een foto: een brochure zoals een standaardbijlage die vaak is."""
    willekeur = random.Random(5)
    per_foto = DOEL_GROOT_BYTES // 40
    pdf = _nieuw(pdfa=True)
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
    kleine = [een_pagina(n) for n in range(50)]
    groot = brochure_van_2_mb()
    with Werkerpool() as pool, ThreadPoolExecutor(max_workers=pool.aantal) as uitvoerder:
        list(
            uitvoerder.map(
                lambda d: pool.valideer("warm.pdf", d, Soort.PERSOONLIJK), kleine[: pool.aantal * 2]
            )
        )
        begin = time.perf_counter()
        uitslagen = list(
            uitvoerder.map(
                lambda n: pool.valideer(f"{n}.pdf", kleine[n % 50], Soort.PERSOONLIJK), range(AANTAL_KLEIN)
            )
        )
        per_seconde = AANTAL_KLEIN / (time.perf_counter() - begin)
        assert all(u.geaccepteerd for u in uitslagen), "een schone bench-PDF werd geweigerd"
        duren = []
        for _ in range(HERHALINGEN_GROOT):
            begin = time.perf_counter()
            pool.valideer("brochure.pdf", groot, Soort.STANDAARD)
            duren.append((time.perf_counter() - begin) * 1000)
        p95 = statistics.quantiles(duren, n=20)[-1]
        piek = _piekgeheugen_mb(pool.procesnummers())
    return {
        "pdf_validate_per_s": (per_seconde, "PDFs/s"),
        "pdf_validate_2mb_p95_ms": (p95, "ms"),
        "pdf_validate_peak_rss_mb": (piek, "MB"),
    }


def met_foto(nummer: int, foto_bytes: int) -> bytes:
    """A one-page PDF/A letter with a photo of about `foto_bytes` (incompressible, as a JPEG is): a
    persoonlijke bijlage as a gemeente sends one, each different from the next."""
    pdf = _nieuw(pdfa=True)
    _pagina(pdf, nummer, random.Random(nummer).randbytes(foto_bytes))
    return _bytes(pdf)
