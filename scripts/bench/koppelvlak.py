"""The koppelvlak (`portaal bench --only koppelvlak`): reading batches, writing reports, peak memory.

The reading figures are the reader alone (parse, XSD validation, values for the domain), the part of the
intake that `intake_berichten_per_s` spends before processing starts.
"""

import io
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from domain.levering import MAX_BATCH_BYTES, Bijlagelevering
from domain.verslag import Berichtuitkomst, Verwerkingsverslag
from domain.verwerking import Stadium, VerwerkingsCode
from koppelvlak.lezen import lees_batch
from koppelvlak.schrijven import schrijf_batch
from koppelvlak.verslag import verslag_xml
from koppelvlak.voorbeeld import voorbeeld_berichten, voorbeeld_kop
from scripts.voorbeeld_pdf import voorbeeld_pdf

HERHALINGEN, OPWARMEN = 60, 5
TYPES = ("AANSLAG", "WOZ", "PASPOORT", "KWIJT", "wmo")

BESCHRIJVING = {
    "koppelvlak_parse_berichten_per_s": (
        "Berichten read per second by koppelvlak.lees_batch from a realistic batch of 1,000 berichten "
        "without bijlagen (0.7 MB, voorbeeld_berichten): well-formedness, the XSD, and a Berichtlevering per "
        "bericht; one process, 60 runs after 5 warm-up runs, median. Budget: the whole intake must do 20,000 "
        "berichten/s (50 ms a batch), so reading should take at most about 15 ms (67,000 berichten/s)."
    ),
    "koppelvlak_parse_1000_p95_ms": "p95 of the same 60 runs: one batch of 1,000 berichten read, in ms.",
    "koppelvlak_verslag_xml_1000_ms": (
        "Median time to write the XML report (BerichtVerwerkResponse) of a processed batch of 1,000 "
        "berichten."
    ),
    "koppelvlak_100mb_peak_rss_mb": (
        "Peak memory (VmHWM) of a fresh Python process that reads a batch of just under 100 MB: about 110 "
        "berichten each with two persoonlijke bijlagen of 330 kB (decoded, as processing would get them). "
        "Includes the interpreter and lxml. Target for the whole intake: at most 300 MB."
    ),
    "koppelvlak_leeg_proces_rss_mb": (
        "Peak memory of the same process that only imports the reader: the baseline within the figure above."
    ),
}

_METEN = """
import sys
from koppelvlak.lezen import lees_batch
if sys.argv[1] != "-":
    with open(sys.argv[1], "rb") as bestand, lees_batch(bestand) as lezing:
        aantal = sum(len(b.bijlagen[1].inhoud) > 0 for b in lezing.berichten())
    assert aantal > 100, aantal
with open("/proc/self/status") as status:
    print(next(int(r.split()[1]) for r in status if r.startswith("VmHWM:")))
"""


def _batch_1000() -> bytes:
    uit = io.BytesIO()
    schrijf_batch(uit, voorbeeld_kop("00000099000000000101", 1), voorbeeld_berichten(1000, TYPES, seed=1))
    return uit.getvalue()


def _lees(data: bytes) -> int:
    with lees_batch(io.BytesIO(data)) as lezing:
        return sum(1 for _ in lezing.berichten())


def _verslag() -> Verwerkingsverslag:
    uitkomsten = tuple(
        Berichtuitkomst(b.bericht_id, b.berichttype, VerwerkingsCode.VERWERKT, Stadium.NA)
        for b in voorbeeld_berichten(1000, TYPES, seed=2)
    )
    kop = voorbeeld_kop("00000099000000000101", 2)
    return Verwerkingsverslag(kop.leverancier, kop.leverancier, kop.batch_id, kop.aanmaakdatum, 1000,
                              kop.aanmaakdatum, "bench", uitkomsten)  # fmt: skip


def _tijden(functie, herhalingen: int = HERHALINGEN) -> list[float]:
    for _ in range(OPWARMEN):
        functie()
    tijden = []
    for _ in range(herhalingen):
        begin = time.perf_counter()
        functie()
        tijden.append(time.perf_counter() - begin)
    return tijden


def _piek_mb(pad: str) -> float:
    uitvoer = subprocess.run([sys.executable, "-c", _METEN, pad], check=True, capture_output=True, text=True)
    return int(uitvoer.stdout) / 1024


def _batch_100mb(pad: Path) -> int:
    """Every bericht with two bijlagen of 330 kB, as many as fit under 100 MB; returns the file's size."""
    inhoud = voorbeeld_pdf(330 * 1024)
    bijlagen = (Bijlagelevering("aanslag.pdf", 1, len(inhoud), inhoud),
                Bijlagelevering("toelichting.pdf", 2, len(inhoud), inhoud))  # fmt: skip
    aantal = (MAX_BATCH_BYTES - 500_000) // (2 * len(inhoud) * 4 // 3 + 2_000)
    berichten = (replace(b, bijlagen=bijlagen) for b in voorbeeld_berichten(aantal, TYPES, seed=3))
    with pad.open("wb") as uit:
        schrijf_batch(uit, voorbeeld_kop("00000099000000000101", 3), berichten)
    return pad.stat().st_size


def run() -> dict[str, tuple[float, str]]:
    data = _batch_1000()
    assert _lees(data) == 1000
    lezen = _tijden(lambda: _lees(data))
    verslag = _verslag()
    schrijven = _tijden(lambda: verslag_xml(verslag))
    with tempfile.TemporaryDirectory() as map_:
        pad = Path(map_) / "batch-100mb.xml"
        grootte = _batch_100mb(pad)
        assert 0.95 * MAX_BATCH_BYTES < grootte <= MAX_BATCH_BYTES, grootte
        piek, leeg = _piek_mb(str(pad)), _piek_mb("-")
    return {
        "koppelvlak_parse_berichten_per_s": (1000 / statistics.median(lezen), "berichten/s"),
        "koppelvlak_parse_1000_p95_ms": (statistics.quantiles(lezen, n=20)[-1] * 1000, "ms"),
        "koppelvlak_verslag_xml_1000_ms": (statistics.median(schrijven) * 1000, "ms"),
        "koppelvlak_100mb_peak_rss_mb": (piek, "MB"),
        "koppelvlak_leeg_proces_rss_mb": (leeg, "MB"),
    }
