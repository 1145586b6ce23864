"""Een Uitslag als JSON-bytes over de pijp tussen werkproces en portaal.

JSON en geen pickle: wie het werkproces via een kwaadaardige PDF zou overnemen, kan het portaal met een
antwoord dan hoogstens een verkeerd oordeel geven, geen code laten uitvoeren.
"""

from __future__ import annotations

import json

from domain.pdf_regels import REGELS, Ernst
from domain.pdf_toets import Toets, Toetsing
from domain.pdf_validatie import Bevinding, Soort, Uitslag


def naar_bytes(uitslag: Uitslag) -> bytes:
    return json.dumps(
        {
            "bestand": uitslag.bestand,
            "soort": uitslag.soort.value,
            "pdfa": uitslag.pdfa,
            "bevindingen": [
                [b.regel, b.ernst.value, b.melding, b.pagina, b.object] for b in uitslag.bevindingen
            ],
            "toetsing": [uitslag.toetsing.pdfa, uitslag.toetsing.pdfua],
            "aantallen": [list(paar) for paar in uitslag.aantallen],
        },
        ensure_ascii=False,
    ).encode("utf-8")


def uit_bytes(gegevens: bytes) -> Uitslag:
    """Leest een antwoord terug; ValueError/KeyError/TypeError bij een antwoord dat niet klopt."""
    ruw = json.loads(gegevens)
    bevindingen = tuple(_bevinding(*velden) for velden in ruw["bevindingen"])
    pdfa = ruw["pdfa"]
    if pdfa is not None and not isinstance(pdfa, str):
        raise TypeError("pdfa")
    profiel, pdfua = ruw["toetsing"]
    toetsing = Toetsing(Toets(profiel).pdfa, bool(pdfua))
    aantallen = tuple((_regel(regel), int(aantal)) for regel, aantal in ruw["aantallen"])
    return Uitslag(str(ruw["bestand"]), Soort(ruw["soort"]), pdfa, bevindingen, toetsing, aantallen)


def _regel(regel: str) -> str:
    if regel not in REGELS:
        raise KeyError(regel)
    return regel


def _bevinding(regel: str, ernst: str, melding: str, pagina: int | None, object: str | None) -> Bevinding:
    # De ernst komt uit de catalogus van het portaal, niet uit het antwoord.
    if REGELS[regel].ernst is not Ernst(ernst):
        raise ValueError(f"ernst van {regel}")
    if pagina is not None and not isinstance(pagina, int):
        raise TypeError("pagina")
    return Bevinding(
        regel, REGELS[regel].ernst, str(melding), pagina, None if object is None else str(object)
    )
