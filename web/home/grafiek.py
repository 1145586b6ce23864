"""The user figures of the last twelve months as a bar chart drawn on the server: SVG that needs no
JavaScript, with a title and description for assistive technology and the same figures in a table beside."""

from dataclasses import dataclass

from service_layer.rapportage import Maandstand

MAANDEN = ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec")
BREEDTE, HOOGTE = 720, 260
LINKS, ONDER, BOVEN = 70, 30, 10


@dataclass(frozen=True)
class Staaf:
    x: float
    y: float
    breedte: float
    hoogte: float
    soort: str  # actief | ontvangend
    label: str


@dataclass(frozen=True)
class Grafiek:
    breedte: int
    hoogte: int
    staven: list[Staaf]
    maanden: list[tuple[float, str]]  # x of the label, label
    schaal: list[tuple[float, str]]  # y of the gridline, value
    basis: float


def maandnaam(stand: Maandstand) -> str:
    return f"{MAANDEN[stand.maand.month - 1]} {stand.maand.year}"


def _getal(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def _rond_omhoog(n: int) -> int:
    """A round top for the scale: 1, 2 or 5 times a power of ten."""
    stap = 1
    while True:
        for factor in (1, 2, 5):
            if n <= factor * stap:
                return factor * stap
        stap *= 10


def teken(standen: list[Maandstand], met_afnemer: bool) -> Grafiek:
    hoogste = _rond_omhoog(max([s.actief for s in standen] + [1]))
    ruimte = HOOGTE - ONDER - BOVEN
    vak = (BREEDTE - LINKS) / max(len(standen), 1)
    per_staaf = vak * (0.4 if met_afnemer else 0.7)
    staven, maanden = [], []
    for i, stand in enumerate(standen):
        x = LINKS + i * vak + vak * 0.1
        reeks = [("actief", stand.actief)] + ([("ontvangend", stand.ontvangend)] if met_afnemer else [])
        for j, (soort, waarde) in enumerate(reeks):
            h = ruimte * waarde / hoogste
            label = f"{maandnaam(stand)}: {_getal(waarde)}"
            staven.append(Staaf(x + j * per_staaf, BOVEN + ruimte - h, per_staaf, h, soort, label))
        maanden.append((LINKS + i * vak + vak / 2, MAANDEN[stand.maand.month - 1]))
    schaal = [(BOVEN + ruimte * (1 - k / 4), _getal(hoogste * k // 4)) for k in range(5)]
    return Grafiek(BREEDTE, HOOGTE, staven, maanden, schaal, BOVEN + ruimte)
