"""Wat elke clausulemodule over het bestand nodig heeft, één keer bepaald."""

from __future__ import annotations

from dataclasses import dataclass, field

import pikepdf

from domain.pdf_toets import Toetsing


@dataclass(frozen=True)
class Omgeving:
    pdf: pikepdf.Pdf
    data: bytes
    paginas: list[pikepdf.Object]
    kaart: dict[tuple[int, int], int]
    """Objectnummer -> paginanummer (`doorlopen.paginakaart`)."""
    toetsing: Toetsing
    uitvoer: str | None
    """De kleurruimte van het PDF/A-uitvoerprofiel ("RGB", "CMYK", "GRAY"), None zonder OutputIntent."""
    geheugen: dict = field(default_factory=dict)
    """Per onderzoek: wat een module al uitrekende (ICC-koppen, ontlede lettertypen)."""

    @property
    def deel(self) -> int | None:
        """Het PDF/A-deel dat getoetst wordt; sommige grenzen verschillen per deel."""
        return int(self.toetsing.pdfa[0]) if self.toetsing.pdfa else None

    @property
    def pdfua(self) -> bool:
        return self.toetsing.pdfua

    def pagina_van(self, obj: pikepdf.Object) -> int | None:
        return self.kaart.get(obj.objgen) if obj.is_indirect else None
