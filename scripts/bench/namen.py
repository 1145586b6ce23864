"""Realistic names for the generated history: OINs, berichttype codes and Dienst IDs unique per afnemer (now
and then differing only by case or a trailing space), and sizes divided by a Zipf law."""

import itertools
import random

from domain.waarden import BerichttypeCode, DienstId, Oin

ONDERWERPEN = (
    "Aanslag", "Parkeervergunning", "Paspoort", "Rijbewijs", "Toeslag", "Uitkering", "Afvalstoffenheffing",
    "Hondenbelasting", "WOZ-beschikking", "Bijstand", "Omgevingsvergunning", "Verhuizing", "Studiegeld",
    "Zorgverzekering", "Huurtoeslag", "Kinderopvang", "Subsidie", "Leerplicht", "Erfpacht", "Rioolheffing",
)  # fmt: skip
SOORTEN = ("aanvraag", "wijziging", "herinnering", "besluit", "machtiging", "inzage", "bezwaar", "melding")
_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_TEKENS = _LETTERS + "0123456789"


def oin(i: int) -> Oin:
    return Oin(f"00000099{100000 + i:012d}")


def intermediair_oin(i: int) -> Oin:
    return Oin(f"00000099{200000 + i:012d}")


def codes(aantal: int, rng: random.Random) -> list[BerichttypeCode]:
    """Codes of one afnemer, unique there; now and then in lower case (codes are case-sensitive)."""
    gezien: set[str] = set()
    while len(gezien) < aantal:
        code = "".join(rng.choice(_LETTERS) for _ in range(rng.randint(2, 4)))
        code += "".join(rng.choice(_TEKENS) for _ in range(rng.randint(1, 4)))
        gezien.add(code.lower() if rng.random() < 0.03 else code)
    return [BerichttypeCode(c) for c in sorted(gezien, key=lambda _: rng.random())]


def dienst_ids(aantal: int, rng: random.Random) -> list[DienstId]:
    """Dienst IDs of one afnemer, unique there; a few differ from another only by case or a trailing space
    (DigiD Machtigen compares them exactly, so those are distinct diensten)."""
    gezien: list[str] = []
    bestaand: set[str] = set()
    for n in itertools.count():
        if len(gezien) >= aantal:
            break
        if gezien and rng.random() < 0.02:
            kandidaat = rng.choice(gezien)
            kandidaat = kandidaat + " " if rng.random() < 0.5 else kandidaat.swapcase()
        else:
            kandidaat = f"{rng.choice(ONDERWERPEN)} {rng.choice(SOORTEN)} {n % 97 + 2020}"
        kandidaat = kandidaat[:40]
        if kandidaat not in bestaand:
            bestaand.add(kandidaat)
            gezien.append(kandidaat)
    return [DienstId(d) for d in gezien]


def verdeel(totaal: int, delen: int, exponent: float) -> list[int]:
    """`totaal` divided over `delen` by a Zipf law (share of rank r proportional to 1/r**exponent), each at
    least 1 when there are enough, by largest remainder so the sizes add up exactly."""
    gewichten = [1 / (r + 1) ** exponent for r in range(delen)]
    som = sum(gewichten)
    minimum = 1 if totaal >= delen else 0
    rest = totaal - minimum * delen
    ruw = [rest * g / som for g in gewichten]
    maten = [minimum + int(x) for x in ruw]
    over = totaal - sum(maten)
    for i in sorted(range(delen), key=lambda i: int(ruw[i]) - ruw[i])[:over]:
        maten[i] += 1
    return maten
