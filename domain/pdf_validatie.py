"""De woorden van de Bijlage validatie: soort, bevinding, oordeel, uitslag, en de regels zelf.

Zuiver Python: geen PDF-bibliotheek en geen I/O, zodat de regels en hun meldingen op één plek staan en
de adapter (`bijlage_validatie`) alleen hoeft te vinden wát er in een bestand zit.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum

from domain.bijlage_limieten import (
    MB,
    PERSOONLIJK,
    STANDAARD,
    SetGrenzen,
    bestandsnaam_te_lang,
    leesbare_grootte,
)
from domain.pdf_clausules.catalogus import CLAUSULES, geschonden
from domain.pdf_clausules.clausule import Clausule, Schending, plaats_van
from domain.pdf_regels import REGELS, Ernst
from domain.pdf_toets import Norm, Toets, Toetsing, norm_van

GEEN_TOETSING = Toetsing(None, False)
NIET_TE_BEOORDELEN = frozenset({"onleesbaar", "te_complex", "versleuteld", "inhoud_niet_getoetst"})
"""Na deze regels is het bestand niet (helemaal) gelezen: dan voldoet het aan geen enkele norm."""


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
            "object": self.object,
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
    toetsing: Toetsing = GEEN_TOETSING
    """Waartegen clausule voor clausule getoetst is."""
    aantallen: tuple[tuple[str, int], ...] = ()
    """Per regel hoe vaak hij gevonden is, ook boven het aantal bevindingen dat we per regel tonen."""

    @property
    def oordeel(self) -> Oordeel:
        return oordeel_over(self.bevindingen)

    @property
    def geaccepteerd(self) -> bool:
        return self.oordeel is not Oordeel.VOLDOET_NIET

    def met(self, extra: Sequence[Bevinding]) -> Uitslag:
        return replace(self, bevindingen=self.bevindingen + tuple(extra))

    def aantal(self, regel: str) -> int:
        """Hoe vaak `regel` gevonden is (ook als niet elke bevinding getoond wordt)."""
        getoond = sum(1 for b in self.bevindingen if b.regel == regel)
        return max(dict(self.aantallen).get(regel, 0), getoond)

    def clausules(self) -> list[tuple[str, int]]:
        """De geschonden clausules met hun aantal, in de volgorde van de catalogus."""
        gevonden = {b.regel for b in self.bevindingen if b.regel in CLAUSULES}
        return [(regel, self.aantal(regel)) for regel in CLAUSULES if regel in gevonden]

    def conform(self, norm: Norm) -> bool | None:
        """Voldoet het bestand aan de getoetste norm? None als die norm niet getoetst is."""
        if norm not in self.toetsing.normen:
            return None
        onbeoordeeld = {b.regel for b in self.bevindingen} & NIET_TE_BEOORDELEN
        return not onbeoordeeld and not any(CLAUSULES[r].norm is norm for r, _ in self.clausules())

    def to_json_dict(self) -> dict:
        return {
            "bestand": self.bestand,
            "soort": self.soort.value,
            "oordeel": self.oordeel.value,
            "pdfa": self.pdfa,
            "bevindingen": [b.to_json_dict() for b in self.bevindingen],
            "toetsing": {
                "pdfa": self.toetsing.pdfa,
                "pdfua": self.toetsing.pdfua,
                "conform_pdfa": self.conform(norm_van(self.toetsing.pdfa)) if self.toetsing.pdfa else None,
                "conform_pdfua": self.conform(Norm.PDFUA1),
            },
            "clausules": [
                {
                    "regel": regel,
                    "norm": CLAUSULES[regel].norm.value,
                    "clausule": CLAUSULES[regel].nummer,
                    "aantal": aantal,
                }
                for regel, aantal in self.clausules()
            ],
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


def toets_voor(soort: Soort, pdfa: str | None, pdfua: bool) -> Toets:
    """Wat er gekozen is (tabblad, opdrachtregel); zonder profiel toetsen we een persoonlijke bijlage zoals
    het koppelvlak vraagt (PDF/A-1a of -2a), een standaardbijlage tegen zijn eigen claim."""
    if not pdfa and soort is Soort.PERSOONLIJK:
        return Toets(pdfua=pdfua, koppelvlak=True)
    return Toets(pdfa or None, pdfua)


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


@dataclass(frozen=True)
class Plek:
    """Waar iets in de PDF gevonden is: een pagina (vanaf 1) als die bekend is, en het object."""

    pagina: int | None
    object: str | None


def pdfa_bevindingen(claim: str | None, toetsing: Toetsing) -> list[Bevinding]:
    """Wat de claim zelf zegt; de clausules van het getoetste profiel komen uit `clausule_bevindingen`."""
    if claim is None:
        # Wie een profiel laat toetsen, hoort het ontbreken van de claim van de clausule (6.7.11-1, 6.6.4-1).
        return [] if toetsing.pdfa else [bevinding("geen_pdfa")]
    if not pdfa_claim_geldig(claim):
        return [bevinding("pdfa_claim_ongeldig", detail=claim)]
    if toetsing.pdfa is None:
        return [bevinding("pdfa_niet_getoetst", detail=claim.upper())]
    return []


def clausule_bevindingen(toetsing: Toetsing, schendingen: Iterable[Schending]) -> list[Bevinding]:
    """De schendingen die de adapter vond, als fout bij de clausule van het getoetste profiel."""
    return [
        _clausulebevinding(clausule, s.pagina, s.object, s.detail)
        for clausule, s in geschonden(toetsing, schendingen)
    ]


def _clausulebevinding(clausule: Clausule, pagina: int | None, object: str | None, detail: str) -> Bevinding:
    regel = REGELS[clausule.id]
    melding = regel.melding.format(plaats=plaats_van(pagina, object), detail=detail, grens="")
    return Bevinding(regel.id, regel.ernst, melding, pagina, object)


def lettertype_bevindingen(toetsing: Toetsing, missend: Iterable[tuple[Plek, str]]) -> list[Bevinding]:
    """Niet-ingesloten lettertypen (plek, naam): zonder PDF/A-toetsing een waarschuwing (de handleiding vraagt
    PDF/A bij voorkeur); met toetsing meldt de clausule over ingesloten lettertypen het als fout."""
    if toetsing.pdfa or toetsing.pdfua:
        return []
    return [
        bevinding("lettertype_niet_ingesloten", plek.pagina, plek.object, detail=naam)
        for plek, naam in missend
    ]


@dataclass(frozen=True)
class PdfuaFeiten:
    gemarkeerd: bool
    structuur: bool
    taal: bool
    titel: bool
    titel_getoond: bool


def pdfua_bevindingen(feiten: PdfuaFeiten, toetsing: Toetsing) -> list[Bevinding]:
    """De waarschuwingen van het portaal over toegankelijkheid; wie PDF/UA-1 laat toetsen, krijgt de
    clausules."""
    if toetsing.pdfua:
        return []
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
