"""Het rapport van een Bijlage validatie om te downloaden: JSON (zoals `portaal valideer-pdf --json`) of
CSV met één regel per bevinding, met de clausule en hoe vaak die in het bestand geschonden is."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence

from domain.pdf_clausules.catalogus import CLAUSULES
from domain.pdf_regels import REGELS
from domain.pdf_validatie import Uitslag

CSV_KOLOMMEN = (
    "bestand",
    "oordeel",
    "getoetst_pdfa",
    "getoetst_pdfua",
    "regel",
    "bron",
    "ernst",
    "aantal",
    "pagina",
    "object",
    "melding",
)


def rapport_json(uitslagen: Sequence[Uitslag]) -> str:
    return json.dumps([u.to_json_dict() for u in uitslagen], ensure_ascii=False, indent=2)


def rapport_csv(uitslagen: Sequence[Uitslag]) -> str:
    uit = io.StringIO()
    schrijver = csv.writer(uit, delimiter=";", lineterminator="\r\n")
    schrijver.writerow(CSV_KOLOMMEN)
    for uitslag in uitslagen:
        toetsing = uitslag.toetsing
        kop = [uitslag.bestand, uitslag.oordeel.value, toetsing.pdfa or "", "ja" if toetsing.pdfua else "nee"]
        if not uitslag.bevindingen:
            schrijver.writerow(kop + [""] * (len(CSV_KOLOMMEN) - len(kop)))
        for b in uitslag.bevindingen:
            bron = CLAUSULES[b.regel].bron if b.regel in CLAUSULES else REGELS[b.regel].bron
            schrijver.writerow(
                kop
                + [
                    b.regel,
                    bron,
                    b.ernst.value,
                    uitslag.aantal(b.regel),
                    b.pagina or "",
                    b.object or "",
                    b.melding,
                ]
            )
    return uit.getvalue()
