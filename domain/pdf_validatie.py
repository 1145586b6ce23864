"""De woorden van de Bijlage validatie: soort, bevinding, oordeel, uitslag, en de regels zelf.

Zuiver Python: geen PDF-bibliotheek en geen I/O, zodat de regels en hun meldingen op één plek staan en
de adapter (`bijlage_validatie`) alleen hoeft te vinden wát er in een bestand zit.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from domain.bijlage_limieten import (
    MB,
    PERSOONLIJK,
    STANDAARD,
    SetGrenzen,
    bestandsnaam_te_lang,
    leesbare_grootte,
)
from domain.pdf_regels import REGELS, Ernst


class Soort(StrEnum):
    PERSOONLIJK = "persoonlijk"
    STANDAARD = "standaard"


class Oordeel(StrEnum):
    VOLDOET = "voldoet"
    WAARSCHUWING = "waarschuwing"
    VOLDOET_NIET = "voldoet_niet"


@dataclass(frozen=True)
class Bevinding:
    regel: str
    ernst: Ernst
    melding: str
    pagina: int | None = None
    object: str | None = None

    def to_json_dict(self) -> dict:
        return {
            "regel": self.regel,
            "ernst": self.ernst.value,
            "melding": self.melding,
            "pagina": self.pagina,
        }


def bevinding(
    regel_id: str, pagina: int | None = None, object: str | None = None, detail: str = "", grens: str = ""
) -> Bevinding:
    """Maak een bevinding volgens de catalogus; een onbekende regel is een programmeerfout (KeyError)."""
    regel = REGELS[regel_id]
    plaats = f"op pagina {pagina}" if pagina else "in het document"
    melding = regel.melding.format(plaats=plaats, detail=detail, grens=grens)
    return Bevinding(regel.id, regel.ernst, melding, pagina, object)


def oordeel_over(bevindingen: Iterable[Bevinding]) -> Oordeel:
    ernsten = {b.ernst for b in bevindingen}
    if Ernst.FOUT in ernsten:
        return Oordeel.VOLDOET_NIET
    if Ernst.WAARSCHUWING in ernsten:
        return Oordeel.WAARSCHUWING
    return Oordeel.VOLDOET


@dataclass(frozen=True)
class Uitslag:
    bestand: str
    soort: Soort
    pdfa: str | None
    """De PDF/A-claim uit de XMP-metadata, bijvoorbeeld "1b" of "2a"; None zonder claim."""
    bevindingen: tuple[Bevinding, ...] = field(default_factory=tuple)

    @property
    def oordeel(self) -> Oordeel:
        return oordeel_over(self.bevindingen)

    @property
    def geaccepteerd(self) -> bool:
        return self.oordeel is not Oordeel.VOLDOET_NIET

    def met(self, extra: Sequence[Bevinding]) -> Uitslag:
        return Uitslag(self.bestand, self.soort, self.pdfa, self.bevindingen + tuple(extra))

    def to_json_dict(self) -> dict:
        return {
            "bestand": self.bestand,
            "soort": self.soort.value,
            "oordeel": self.oordeel.value,
            "pdfa": self.pdfa,
            "bevindingen": [b.to_json_dict() for b in self.bevindingen],
        }


@dataclass(frozen=True)
class SetUitslag:
    """De uitslag van een set bijlagen die samen worden aangeleverd (een bericht, een berichttype)."""

    uitslagen: tuple[Uitslag, ...]
    bevindingen: tuple[Bevinding, ...]
    """Bevindingen over de set als geheel: te veel bijlagen, samen te groot."""

    @property
    def oordeel(self) -> Oordeel:
        return oordeel_over([*self.bevindingen, *(b for u in self.uitslagen for b in u.bevindingen)])

    @property
    def geaccepteerd(self) -> bool:
        return self.oordeel is not Oordeel.VOLDOET_NIET

    def per_bestand(self) -> list[Uitslag]:
        """Per bestand, met de setbevindingen erbij: een bestand uit een geweigerde set gaat niet door."""
        return [uitslag.met(self.bevindingen) for uitslag in self.uitslagen]


def beperk(bevindingen: Iterable[Bevinding], per_regel: int) -> list[Bevinding]:
    """Zonder dubbelen en hoogstens `per_regel` per regel, zodat duizend links geen duizend regels geven."""
    aantallen: dict[str, int] = {}
    beperkt = []
    for b in dict.fromkeys(bevindingen):
        aantallen[b.regel] = aantallen.get(b.regel, 0) + 1
        if aantallen[b.regel] <= per_regel:
            beperkt.append(b)
    return beperkt


# --- PDF/A: welke eisen per deel gelden -------------------------------------------------------------

GELDIGE_PDFA_CLAIMS = frozenset({"1a", "1b", "2a", "2b", "2u", "3a", "3b", "3u", "4", "4e", "4f"})


def pdfa_claim(deel: str | None, conformiteit: str | None) -> str | None:
    """Zet pdfaid:part en pdfaid:conformance om in één claim als "1b"; None zonder deel."""
    if not deel:
        return None
    return f"{deel.strip()}{(conformiteit or '').strip().lower()}"


def pdfa_claim_geldig(claim: str) -> bool:
    return claim in GELDIGE_PDFA_CLAIMS


def pdfa_deel(claim: str) -> int:
    return int(claim[0])


GETAL_TOLERANTIE = 1e-4
"""Reële getallen in een PDF zijn afgerond opgeslagen; PDF/A-validatoren (veraPDF) vergelijken ze met een
kleine marge. 0,0001 ligt ver onder elk zichtbaar verschil (één stap in 8-bits dekking is 1/255, ongeveer
0,004), dus een dekking (CA/ca) van 0,9999999 is volledig dekkend: 1,0."""


def gelijk_getal(waarde: float, verwacht: float) -> bool:
    return abs(waarde - verwacht) <= GETAL_TOLERANTIE


def pdfa_verbiedt_transparantie(claim: str) -> bool:
    return pdfa_deel(claim) == 1


def pdfa_verbiedt_ingesloten_bestanden(claim: str) -> bool:
    # PDF/A-2 staat alleen PDF/A-bestanden als bijlage toe; die controleren we niet, dus weigeren we ze.
    return pdfa_deel(claim) in (1, 2)


@dataclass(frozen=True)
class Plek:
    """Waar iets in de PDF gevonden is: een pagina (vanaf 1) als die bekend is, en het object."""

    pagina: int | None
    object: str | None


@dataclass(frozen=True)
class PdfaFeiten:
    """Wat de adapter over de PDF/A-eisen op objectniveau vond; de regels hieronder wegen het."""

    outputintent_met_profiel: bool
    metadata_volgens_voorschrift: bool
    versleuteld: bool
    ingesloten_bestanden: bool
    lzw: tuple[Plek, ...] = ()
    transparantie: tuple[Plek, ...] = ()


def pdfa_bevindingen(claim: str | None, feiten: PdfaFeiten) -> list[Bevinding]:
    if claim is None:
        return [bevinding("geen_pdfa")]
    if not pdfa_claim_geldig(claim):
        return [bevinding("pdfa_claim_ongeldig", detail=claim)]
    bevindingen = [bevinding(regel) for regel, geschonden in _pdfa_documenteisen(claim, feiten) if geschonden]
    bevindingen += [bevinding("pdfa_lzw", plek.pagina, plek.object) for plek in feiten.lzw]
    if pdfa_verbiedt_transparantie(claim):
        bevindingen += [bevinding("pdfa_transparantie", p.pagina, p.object) for p in feiten.transparantie]
    return bevindingen


def _pdfa_documenteisen(claim: str, feiten: PdfaFeiten) -> list[tuple[str, bool]]:
    eisen = [
        ("pdfa_outputintent", not feiten.outputintent_met_profiel),
        ("pdfa_metadata", not feiten.metadata_volgens_voorschrift),
        ("pdfa_versleuteld", feiten.versleuteld),
    ]
    if feiten.ingesloten_bestanden and pdfa_verbiedt_ingesloten_bestanden(claim):
        return eisen + [("pdfa_ingesloten_bestand", True)]
    return eisen


def lettertype_bevindingen(claim: str | None, missend: Iterable[tuple[Plek, str]]) -> list[Bevinding]:
    """Niet-ingesloten lettertypen (plek, naam): een fout in een PDF die zich PDF/A noemt, anders een
    waarschuwing."""
    regel = "lettertype_niet_ingesloten" if claim is None else "pdfa_lettertype_niet_ingesloten"
    return [bevinding(regel, plek.pagina, plek.object, detail=naam) for plek, naam in missend]


@dataclass(frozen=True)
class PdfuaFeiten:
    gemarkeerd: bool
    structuur: bool
    taal: bool
    titel: bool
    titel_getoond: bool


def pdfua_bevindingen(feiten: PdfuaFeiten) -> list[Bevinding]:
    tekenen = [
        ("pdfua_niet_gemarkeerd", feiten.gemarkeerd),
        ("pdfua_geen_structuur", feiten.structuur),
        ("pdfua_geen_taal", feiten.taal),
        ("pdfua_geen_titel", feiten.titel),
        ("pdfua_titel_niet_getoond", feiten.titel_getoond),
    ]
    return [bevinding(regel) for regel, aanwezig in tekenen if not aanwezig]


# --- Uitpakken: hoe groot de PDF wordt in de PDF-lezer van de burger (portaalbeleid) --------------------

MAX_UITGEPAKT_ONDERDEEL = 100 * MB
"""Eén gecomprimeerde stream (paginainhoud, formulier, metadata, lettertype) uitgepakt. Een brief of
brochure van hoogstens 2 MB komt nooit in de buurt; een PDF-lezer op een telefoon loopt hier wel op vast."""
MAX_AFBEELDING = 200 * MB
"""Een afbeelding zoals de lezer hem in het geheugen zet (breedte x hoogte x kleurkanalen x bits / 8). Ruim
boven een A4-scan van 600 dpi in kleur (ca. 104 MB); een gecomprimeerde afbeelding mag zo groot uitpakken."""
MAX_UITGEPAKT_BESTAND = 256 * MB
"""Alle gecomprimeerde streams van één bestand samen; houdt ook de rekentijd van de controle begrensd."""


def uitpak_bevinding(pagina: int | None, object: str | None, grens: int, heel_bestand: bool) -> Bevinding:
    """De decompressiebom: één stream boven `grens`, of alle streams samen boven de bestandsgrens."""
    if heel_bestand:
        detail = f"samen met de andere onderdelen meer dan {leesbare_grootte(MAX_UITGEPAKT_BESTAND)}"
    else:
        detail = f"meer dan {leesbare_grootte(grens)}"
    return bevinding("decompressiebom", pagina, object, detail=detail)


def afbeelding_bevinding(
    pagina: int | None, object: str | None, breedte: int, hoogte: int, grootte: int
) -> Bevinding:
    detail = f"{breedte} bij {hoogte} beeldpunten, bij het openen {leesbare_grootte(grootte)}"
    return bevinding(
        "afbeelding_te_groot", pagina, object, detail=detail, grens=leesbare_grootte(MAX_AFBEELDING)
    )


# --- Grenzen aan een set bijlagen (de getallen en meldingen staan in `bijlage_limieten`) ----------------

GRENZEN: dict[Soort, SetGrenzen] = {Soort.STANDAARD: STANDAARD, Soort.PERSOONLIJK: PERSOONLIJK}


def bestandsnaam_bevindingen(bestandsnaam: str) -> list[Bevinding]:
    te_lang = bestandsnaam_te_lang(bestandsnaam)
    return [bevinding("bestandsnaam_te_lang", detail=te_lang)] if te_lang else []


def set_bevindingen(soort: Soort, groottes: Sequence[int]) -> list[Bevinding]:
    """Bevindingen over de set als geheel: te veel bijlagen, samen te groot."""
    grenzen = GRENZEN[soort]
    gevonden = [
        ("te_veel_bijlagen", grenzen.te_veel(len(groottes))),
        ("bijlagen_te_groot", grenzen.te_groot(sum(groottes))),
    ]
    return [bevinding(regel, detail=melding) for regel, melding in gevonden if melding]
