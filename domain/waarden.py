"""Value objects for the manual's identifiers: validation in one place, the Dutch message next to the rule."""

import re
from dataclasses import dataclass
from enum import Enum

from domain.fouten import OngeldigeWaarde

_OIN = re.compile(r"[0-9]{20}")
_BSN = re.compile(r"[0-9]{9}")
MAX_CODE = 8
_CODE = re.compile(rf"[A-Za-z0-9]{{1,{MAX_CODE}}}")


@dataclass(frozen=True, order=True)
class Oin:
    """Organisatie-identificatienummer: 20 digits, the first 8 name the source of the number."""

    waarde: str

    def __post_init__(self) -> None:
        if not isinstance(self.waarde, str) or not _OIN.fullmatch(self.waarde):
            raise OngeldigeWaarde("Een OIN bestaat uit precies 20 cijfers.", veld="oin")

    def __str__(self) -> str:
        return self.waarde

    @property
    def is_test_oin(self) -> bool:
        return self.waarde.startswith("00000099")


@dataclass(frozen=True)
class Bsn:
    """Burgerservicenummer. Its repr hides the number so it never reaches a log by accident."""

    waarde: str

    def __post_init__(self) -> None:
        if not isinstance(self.waarde, str) or not _BSN.fullmatch(self.waarde) or not _elfproef(self.waarde):
            raise OngeldigeWaarde(
                "Dit is geen geldig BSN (9 cijfers die aan de elfproef voldoen).", veld="bsn"
            )

    def __repr__(self) -> str:
        return "Bsn(*********)"

    __str__ = __repr__


def _elfproef(cijfers: str) -> bool:
    gewichten = (9, 8, 7, 6, 5, 4, 3, 2, -1)
    som = sum(int(c) * g for c, g in zip(cijfers, gewichten, strict=True))
    return som != 0 and som % 11 == 0


@dataclass(frozen=True, order=True)
class BerichttypeCode:
    """1 to 8 letters or digits, case-sensitive: `AB1` and `ab1` are two codes."""

    waarde: str

    def __post_init__(self) -> None:
        if not isinstance(self.waarde, str) or not _CODE.fullmatch(self.waarde):
            raise OngeldigeWaarde(
                f"De code bestaat uit 1 tot en met {MAX_CODE} letters of cijfers "
                "(zonder spaties of leestekens).",
                veld="code",
            )

    def __str__(self) -> str:
        return self.waarde


MAX_DIENST_ID = 40


@dataclass(frozen=True, order=True)
class DienstId:
    """Free text of at most 40 positions, kept exactly as typed: DigiD Machtigen compares it that way."""

    waarde: str

    def __post_init__(self) -> None:
        if not isinstance(self.waarde, str) or not 1 <= len(self.waarde) <= MAX_DIENST_ID:
            raise OngeldigeWaarde(
                f"De Dienst ID bestaat uit 1 tot en met {MAX_DIENST_ID} posities.", veld="dienst_id"
            )
        if any(ord(c) < 32 or ord(c) == 127 for c in self.waarde):
            raise OngeldigeWaarde("De Dienst ID mag geen regeleinden of tabs bevatten.", veld="dienst_id")

    def __str__(self) -> str:
        return self.waarde


class Notificatiekenmerk(Enum):
    """The five categories of chapter 4; the value is the label the manual uses."""

    BETALEN = "Betalen"
    INFORMATIE_GEVEN = "Informatie geven"
    INFORMATIE_KRIJGEN = "Informatie krijgen"
    REACTIE_ONTVANGEN = "Reactie ontvangen"
    VERNIEUWEN_NODIG = "Vernieuwen nodig"

    @classmethod
    def uit_tekst(cls, tekst: str) -> "Notificatiekenmerk":
        for kenmerk in cls:
            if tekst in (kenmerk.value, kenmerk.name):
                return kenmerk
        raise OngeldigeWaarde("Kies een van de notificatiekenmerken uit de lijst.", veld="notificatiekenmerk")


class Status(Enum):
    NIEUW = "Nieuw"
    ACTIEF = "Actief"
    INACTIEF = "Inactief"
    ARCHIEF = "Archief"


class Rol(Enum):
    AFNEMER = "afnemer"
    INTERMEDIAIR = "intermediair"
    BEHEERDER = "beheerder"


@dataclass(frozen=True)
class Actor:
    """Who made a change: the organisation of the person (by certificate) and the afnemer acted for."""

    oin: Oin
    namens: Oin
    certificaat: str = ""

    def __str__(self) -> str:
        if self.oin == self.namens:
            return str(self.oin)
        return f"{self.oin} namens {self.namens}"


def tekst(waarde: object, veld: str, label: str, maximum: int, verplicht: bool = True) -> str:
    """A free-text field with the manual's length limit."""
    if not isinstance(waarde, str):
        raise OngeldigeWaarde(f"{label} ontbreekt.", veld=veld)
    if verplicht and not waarde.strip():
        raise OngeldigeWaarde(f"{label} is verplicht.", veld=veld)
    if len(waarde) > maximum:
        raise OngeldigeWaarde(f"{label} mag maximaal {maximum} tekens hebben (nu {len(waarde)}).", veld=veld)
    return waarde
