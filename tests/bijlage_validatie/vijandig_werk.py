"""Werk dat een werkproces sloopt, om te zien dat het portaal toch een oordeel krijgt.

Een echte PDF die qpdf laat crashen hebben we niet bij de hand; deze functies doen in het werkproces wat
zo'n PDF zou doen.
"""

import os
import time

from bijlage_validatie.inspecteer import inspecteer
from domain.pdf_toets import Toets
from domain.pdf_validatie import Soort, Uitslag


def stort_neer(bestandsnaam: str, data: bytes, soort: Soort, toets: Toets) -> Uitslag:
    if data.startswith(b"crash"):
        os.abort()
    return inspecteer(bestandsnaam, data, soort, toets)


def rekent_eindeloos(bestandsnaam: str, data: bytes, soort: Soort, toets: Toets) -> Uitslag:
    while True:
        pass


def blijft_hangen(bestandsnaam: str, data: bytes, soort: Soort, toets: Toets) -> Uitslag:
    time.sleep(60)
    return inspecteer(bestandsnaam, data, soort, toets)


def slurpt_geheugen(bestandsnaam: str, data: bytes, soort: Soort, toets: Toets) -> Uitslag:
    blokken = []
    while True:
        blokken.append(bytearray(64 * 1024 * 1024))
