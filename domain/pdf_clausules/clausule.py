"""A clause as the catalogue holds it, numbered as veraPDF numbers it, and a violation as the adapter
reports it."""

from __future__ import annotations

from dataclasses import dataclass

from domain.pdf_toets import NORM_NAAM, Norm


@dataclass(frozen=True)
class Clausule:
    norm: Norm
    nummer: str
    """Zoals veraPDF: clausule-testnummer, "6.7.3-1"."""
    melding: str
    controleert: str
    niet: str
    niveaus: frozenset[str]

    @property
    def id(self) -> str:
        return f"{self.norm.value}-{self.nummer}"

    @property
    def bron(self) -> str:
        return f"{NORM_NAAM[self.norm]}, {self.nummer}"


@dataclass(frozen=True)
class Schending:
    """Wat de adapter vond: een controle die faalt, waar, en een detail voor de melding."""

    controle: str
    pagina: int | None = None
    object: str | None = None
    detail: str = ""


def plaats_van(pagina: int | None, object: str | None) -> str:
    """ "op pagina 2, object 12 0", "in object 12 0" of "in het document"."""
    if pagina and object:
        return f"op pagina {pagina}, {object}"
    if pagina:
        return f"op pagina {pagina}"
    if object:
        return f"in {object}"
    return "in het document"
