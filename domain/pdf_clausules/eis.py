"""What one requirement is: a check that the adapter (`bijlage_validatie.clausules`) runs, with the
clause it tests in each standard, its message, what it checks and what it leaves unchecked."""

from __future__ import annotations

from dataclasses import dataclass

from domain.pdf_toets import Norm

A1, A2, UA = Norm.PDFA1, Norm.PDFA2, Norm.PDFUA1
ALLE_NIVEAUS = frozenset({"b", "u", "a"})
NIVEAU_A = frozenset({"a"})
NIVEAU_U_A = frozenset({"u", "a"})


@dataclass(frozen=True)
class Eis:
    controle: str
    nummers: dict[Norm, str]
    melding: str
    controleert: str
    niet: str = ""
    niveaus: frozenset[str] = ALLE_NIVEAUS


def eis(controle, nummers, melding, controleert, niet="", niveaus=ALLE_NIVEAUS) -> Eis:
    return Eis(controle, nummers, melding, controleert, niet, niveaus)


IN_INHOUD = "We kijken in de inhoud van pagina's, formulieren (XObjects) en annotatieweergaven."
