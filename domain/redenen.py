"""Why a bericht was not processed, or processed with a warning, in the Dutch a functional administrator
reads on the Berichtverwerking tab: the VerwerkingsCode's meaning, and the finer reason processing kept
beside it (a PDF rule of the Bijlage validatie, or the elfproef)."""

from dataclasses import dataclass

from domain.pdf_regels import REGELS
from domain.verwerking import Kleur, VerwerkingsCode

ELFPROEF = "elfproef"
NIET_GEVALIDEERD = "niet-gevalideerd"

_EIGEN = {
    ELFPROEF: "Het BSN in het bericht is geen geldig BSN (het voldoet niet aan de elfproef).",
    NIET_GEVALIDEERD: (
        "Een persoonlijke bijlage kon niet worden gecontroleerd; het bericht is niet geplaatst."
    ),
}


@dataclass(frozen=True)
class Reden:
    kleur: Kleur
    code: str
    reden: str  # "" when the code says it all

    @property
    def naam(self) -> str:
        """What the reader sees as the reason's name: the PDF rule or the code."""
        return self.reden or self.code

    @property
    def uitleg(self) -> str:
        return uitleg(self.code, self.reden, self.kleur)


def uitleg(code: str, reden: str, kleur: Kleur | None = None) -> str:
    """The reason in words. A warning is a PDF finding on a bericht that was delivered all the same."""
    if reden in _EIGEN:
        return _EIGEN[reden]
    if reden in REGELS:
        regel = REGELS[reden]
        tekst = regel.melding.format(plaats="in een bijlage", detail="…", grens="de grens")
        if kleur is Kleur.WAARSCHUWING:
            return f"Het bericht is geplaatst, met een waarschuwing over de PDF-bijlage: {tekst}"
        return f"De PDF-bijlage is geweigerd: {tekst}"
    try:
        return VerwerkingsCode(code).uitleg
    except ValueError:
        return "Onbekende reden."
