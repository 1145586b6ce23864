"""Waartegen een bijlage getoetst wordt: een PDF/A-profiel (ISO 19005-1 niveau b of a, ISO 19005-2 niveau b, u
of a) en eventueel PDF/UA-1 (ISO 14289-1).

Zonder keuze toetsen we tegen wat het bestand zelf claimt. Een persoonlijke bijlage toetsen we tegen wat het
koppelvlak vraagt: PDF/A-1a of PDF/A-2a (een bestand dat PDF/A-1a claimt als PDF/A-1a, elk ander als
PDF/A-2a).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

PDFA_PROFIELEN = ("1b", "1a", "2b", "2u", "2a")
"""De profielen die we clausule voor clausule toetsen (volgorde van de keuzelijst)."""
KOPPELVLAK_PROFIELEN = ("1a", "2a")
KOPPELVLAK_STANDAARD = "2a"


class Norm(StrEnum):
    PDFA1 = "pdfa1"
    PDFA2 = "pdfa2"
    PDFUA1 = "pdfua1"


NORM_NAAM = {
    Norm.PDFA1: "ISO 19005-1 (PDF/A-1)",
    Norm.PDFA2: "ISO 19005-2 (PDF/A-2)",
    Norm.PDFUA1: "ISO 14289-1 (PDF/UA-1)",
}


def norm_van(profiel: str) -> Norm:
    return Norm.PDFA1 if profiel.startswith("1") else Norm.PDFA2


def niveau_van(profiel: str) -> str:
    return profiel[1:]


@dataclass(frozen=True)
class Toets:
    """De vraag: tegen welk profiel (None: de claim van het bestand) en of PDF/UA-1 erbij hoort."""

    pdfa: str | None = None
    pdfua: bool = False
    koppelvlak: bool = False
    """Een persoonlijke bijlage: PDF/A-1a of PDF/A-2a, zoals het koppelvlak vraagt."""

    def __post_init__(self) -> None:
        if self.pdfa is not None and self.pdfa not in PDFA_PROFIELEN:
            raise ValueError(f"onbekend PDF/A-profiel {self.pdfa!r}")

    def profiel(self, claim: str | None) -> str | None:
        """Het PDF/A-profiel waartegen getoetst wordt; None als er niets te toetsen is."""
        if self.pdfa:
            return self.pdfa
        if self.koppelvlak:
            return claim if claim in KOPPELVLAK_PROFIELEN else KOPPELVLAK_STANDAARD
        return claim if claim in PDFA_PROFIELEN else None

    def met_pdfua(self, claimt_pdfua: bool) -> bool:
        return self.pdfua or claimt_pdfua

    def to_json_dict(self) -> dict:
        return {"pdfa": self.pdfa, "pdfua": self.pdfua, "koppelvlak": self.koppelvlak}

    @classmethod
    def uit_json(cls, ruw: dict) -> Toets:
        """ValueError/TypeError bij een kop die niet klopt."""
        pdfa = ruw.get("pdfa")
        if pdfa is not None and not isinstance(pdfa, str):
            raise TypeError("pdfa")
        return cls(pdfa, bool(ruw.get("pdfua", False)), bool(ruw.get("koppelvlak", False)))


KOPPELVLAK = Toets(koppelvlak=True)
"""De toets voor persoonlijke bijlagen."""


@dataclass(frozen=True)
class Toetsing:
    """De opgeloste vraag voor één bestand: het profiel en of PDF/UA-1 getoetst wordt."""

    pdfa: str | None
    pdfua: bool

    @property
    def normen(self) -> frozenset[Norm]:
        normen = {norm_van(self.pdfa)} if self.pdfa else set()
        return frozenset(normen | ({Norm.PDFUA1} if self.pdfua else set()))

    @property
    def leeg(self) -> bool:
        return not self.normen

    def geldt(self, norm: Norm, niveaus: frozenset[str]) -> bool:
        """Of een clausule van `norm` die voor `niveaus` geldt, bij deze toetsing hoort."""
        if norm is Norm.PDFUA1:
            return self.pdfua
        return self.pdfa is not None and norm_van(self.pdfa) is norm and niveau_van(self.pdfa) in niveaus
