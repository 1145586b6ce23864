"""Een set bijlagen controleren: elk bestand geïsoleerd, en de set als geheel tegen de grenzen."""

from __future__ import annotations

from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor

from bijlage_validatie.geisoleerd import Werkerpool
from domain.pdf_toets import KOPPELVLAK, Toets
from domain.pdf_validatie import SetUitslag, Soort, set_bevindingen


def valideer_set(
    bestanden: Sequence[tuple[str, bytes]], soort: Soort, pool: Werkerpool, toets: Toets | None = None
) -> SetUitslag:
    """Zonder `toets`: een persoonlijke bijlage tegen wat het koppelvlak vraagt (PDF/A-1a of -2a), een
    standaardbijlage tegen de PDF/A-claim van het bestand zelf."""
    if toets is None:
        toets = KOPPELVLAK if soort is Soort.PERSOONLIJK else Toets()
    if len(bestanden) <= 1:
        uitslagen = [pool.valideer(naam, data, soort, toets) for naam, data in bestanden]
    else:
        # De werkprocessen rekenen; deze threads wachten alleen op hun antwoord.
        with ThreadPoolExecutor(max_workers=min(len(bestanden), pool.aantal)) as uitvoerder:
            uitslagen = list(
                uitvoerder.map(lambda bestand: pool.valideer(bestand[0], bestand[1], soort, toets), bestanden)
            )
    extra = set_bevindingen(soort, [len(data) for _, data in bestanden])
    return SetUitslag(tuple(uitslagen), tuple(extra))


def valideer_persoonlijke_bijlagen(bestanden: Sequence[tuple[str, bytes]], pool: Werkerpool) -> SetUitslag:
    """De persoonlijke bijlagen van één bericht, zoals het koppelvlak ze vraagt: elk bestand clausule voor
    clausule tegen PDF/A-1a (als het dat claimt) of PDF/A-2a, plus het beleid van het portaal, en de set tegen
    het maximale aantal en de maximale totale grootte. `geaccepteerd` zegt of het bericht door mag."""
    return valideer_set(bestanden, Soort.PERSOONLIJK, pool, KOPPELVLAK)
