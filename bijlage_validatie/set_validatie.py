"""Een set bijlagen controleren: elk bestand geïsoleerd, en de set als geheel tegen de grenzen."""

from __future__ import annotations

from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor

from bijlage_validatie.geisoleerd import Werkerpool
from domain.pdf_validatie import SetUitslag, Soort, set_bevindingen


def valideer_set(
    bestanden: Sequence[tuple[str, bytes]], soort: Soort, pool: Werkerpool
) -> SetUitslag:
    if len(bestanden) <= 1:
        uitslagen = [pool.valideer(naam, data, soort) for naam, data in bestanden]
    else:
        # De werkprocessen rekenen; deze threads wachten alleen op hun antwoord.
        with ThreadPoolExecutor(max_workers=min(len(bestanden), pool.aantal)) as uitvoerder:
            uitslagen = list(
                uitvoerder.map(lambda bestand: pool.valideer(bestand[0], bestand[1], soort), bestanden)
            )
    extra = set_bevindingen(soort, [len(data) for _, data in bestanden])
    return SetUitslag(tuple(uitslagen), tuple(extra))
