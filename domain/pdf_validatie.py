"""De woorden van de Bijlage validatie: soort, bevinding, oordeel, uitslag, en de regels zelf.

Zuiver Python: geen PDF-bibliotheek en geen I/O, zodat de regels en hun meldingen op één plek staan en
de adapter (`bijlage_validatie`) alleen hoeft te vinden wát er in een bestand zit.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum

from domain.bijlage_limieten import (
    BESTANDSNAAM_HINT,
    MB,
    PERSOONLIJK,
    STANDAARD,
    SetGrenzen,
    bestandsnaam_te_lang,
    leesbare_grootte,
)


class Soort(StrEnum):
    PERSOONLIJK = "persoonlijk"
    STANDAARD = "standaard"


class Ernst(StrEnum):
    FOUT = "fout"
    """Het bestand wordt geweigerd."""
    WAARSCHUWING = "waarschuwing"
    """Het bestand wordt geaccepteerd, met een waarschuwing."""


class Oordeel(StrEnum):
    VOLDOET = "voldoet"
    WAARSCHUWING = "waarschuwing"
    VOLDOET_NIET = "voldoet_niet"


@dataclass(frozen=True)
class Regel:
    id: str
    ernst: Ernst
    melding: str
    """Tekst voor een lezer zonder PDF-kennis; mag `{plaats}`, `{detail}` en `{grens}` bevatten."""
    bron: str = ""
    """Waar de eis vandaan komt: een clausule van PDF/A (ISO 19005) of PDF/UA (ISO 14289), de handleiding,
    of het beleid van het portaal."""
    uitleg: str = ""
    """Wat de regel betekent, voor de pagina met alle regels."""


def _fout(regel_id: str, melding: str) -> Regel:
    return Regel(regel_id, Ernst.FOUT, melding)


def _waarschuwing(regel_id: str, melding: str) -> Regel:
    return Regel(regel_id, Ernst.WAARSCHUWING, melding)


_CATALOGUS: tuple[Regel, ...] = (
    _fout("onleesbaar", "Het bestand is geen leesbare PDF. Controleer of het een PDF is en niet beschadigd."),
    _fout("te_complex", "Het bestand is te groot of te ingewikkeld om veilig te controleren ({detail})."),
    _fout("versleuteld", "De PDF is beveiligd met een wachtwoord of versleuteld. Sla hem onbeveiligd op."),
    _fout("javascript", "De PDF bevat JavaScript ({plaats}). Dat is niet toegestaan."),
    _fout("launch_actie", "De PDF probeert een ander programma of bestand te openen ({plaats})."),
    _fout("importdata_actie", "De PDF probeert gegevens uit een ander bestand te laden ({plaats})."),
    _fout("submitform_actie", "De PDF bevat een formulier dat gegevens verstuurt ({plaats})."),
    _fout(
        "ingesloten_bestand",
        "Er zit een ander bestand in de PDF verstopt ({plaats}). Dat is niet toegestaan.",
    ),
    _fout("bestandsbijlage_annotatie", "De PDF bevat een bijgevoegd bestand als opmerking ({plaats})."),
    _fout("multimedia", "De PDF bevat geluid, video of 3D ({plaats}). Dat is niet toegestaan."),
    _fout("xfa_formulier", "De PDF bevat een XFA-formulier. Maak een gewone PDF van het document."),
    # De handleiding vraagt "bij voorkeur PDF/A": een ontbrekend lettertype weigeren we pas als de PDF zich
    # PDF/A noemt, want PDF/A eist dat elk lettertype in het bestand zit.
    _waarschuwing(
        "lettertype_niet_ingesloten",
        "Het lettertype {detail} zit niet in de PDF; de burger ziet de tekst mogelijk in een ander "
        "lettertype. Sla de PDF bij voorkeur op als PDF/A, met ingesloten lettertypen.",
    ),
    _fout(
        "pdfa_lettertype_niet_ingesloten",
        "De PDF noemt zich PDF/A, maar het lettertype {detail} zit er niet in; dat moet in PDF/A. Sla de PDF "
        "op met ingesloten lettertypen.",
    ),
    _waarschuwing(
        "geen_pdfa", "De PDF is geen PDF/A. PDF/A wordt aangeraden zodat de burger hem kan blijven lezen."
    ),
    _fout("pdfa_claim_ongeldig", "De PDF noemt zich PDF/A, maar met een onbekende versie ({detail})."),
    _fout(
        "pdfa_outputintent",
        "De PDF noemt zich PDF/A, maar het kleurprofiel (OutputIntent met ICC-profiel) ontbreekt.",
    ),
    _fout("pdfa_lzw", "De PDF noemt zich PDF/A, maar gebruikt LZW-compressie ({plaats}); dat mag niet."),
    _fout(
        "pdfa_transparantie",
        "De PDF noemt zich PDF/A-1, maar gebruikt doorzichtigheid ({plaats}); dat mag niet in PDF/A-1.",
    ),
    _fout(
        "pdfa_metadata",
        "De PDF noemt zich PDF/A, maar de metadata staat niet op de voorgeschreven manier in de PDF.",
    ),
    _fout("pdfa_versleuteld", "De PDF noemt zich PDF/A, maar is versleuteld; dat mag niet in PDF/A."),
    _fout(
        "pdfa_ingesloten_bestand",
        "De PDF noemt zich PDF/A-1 of PDF/A-2, maar bevat ingesloten bestanden; dat mag daarin niet.",
    ),
    _waarschuwing(
        "pdfua_niet_gemarkeerd",
        "De PDF is niet gemarkeerd als toegankelijk (getagd). Voorleessoftware kan hem slecht lezen.",
    ),
    _waarschuwing(
        "pdfua_geen_structuur",
        "De PDF heeft geen structuur (tags) voor voorleessoftware.",
    ),
    _waarschuwing("pdfua_geen_taal", "In de PDF staat niet in welke taal hij is geschreven."),
    _waarschuwing("pdfua_geen_titel", "De PDF heeft geen documenttitel in de metadata."),
    _waarschuwing(
        "pdfua_titel_niet_getoond",
        "De PDF toont bij openen de bestandsnaam in plaats van de documenttitel.",
    ),
    _fout(
        "decompressiebom",
        "Een onderdeel van de PDF ({plaats}) wordt bij het openen extreem groot: {detail}. Zo'n bestand kan "
        "de PDF-lezer van de burger laten vastlopen.",
    ),
    _fout(
        "afbeelding_te_groot",
        "Een afbeelding in de PDF ({plaats}) is extreem groot: {detail}. Toegestaan is hoogstens {grens}. "
        "Zo'n bestand kan de PDF-lezer van de burger laten vastlopen; verklein de afbeelding.",
    ),
    _waarschuwing(
        "externe_link", "De PDF bevat een link naar een website ({detail}). Controleer of die klopt."
    ),
    # De meldingen van deze drie grenzen staan bij de grenzen zelf (`bijlage_limieten`), zodat het Berichttype
    # en de Bijlage validatie hetzelfde zeggen.
    _fout("te_veel_bijlagen", "{detail}"),
    _fout("bijlagen_te_groot", "{detail}"),
    _fout("bestandsnaam_te_lang", "{detail}"),
)

_PDFA_ACTIES = "PDF/A-1 6.6.1, PDF/A-2 6.5.1"
_PDFA_VERSLEUTELD = "PDF/A-1 6.1.3, PDF/A-2 6.1.3"
_PDFA_INGESLOTEN = "PDF/A-1 6.1.11, PDF/A-2 6.8"
_PDFA_LETTERTYPEN = "PDF/A-1 6.3.4, PDF/A-2 6.2.11.4.1"
_PDFA_VERSIE = "PDF/A-1 6.7.11, PDF/A-2 6.6.4"
_PORTAAL = "Portaalbeleid"
_HANDLEIDING = "Handleiding, hoofdstuk 4 en 5"

_BRONNEN: dict[str, str] = {
    "onleesbaar": "ISO 32000-1, hoofdstuk 7",
    "te_complex": _PORTAAL,
    "versleuteld": _PDFA_VERSLEUTELD,
    "javascript": _PDFA_ACTIES,
    "launch_actie": _PDFA_ACTIES,
    "importdata_actie": _PDFA_ACTIES,
    "submitform_actie": _PORTAAL,
    "ingesloten_bestand": _PDFA_INGESLOTEN,
    "bestandsbijlage_annotatie": "PDF/A-1 6.5.3",
    "multimedia": "PDF/A-1 6.5.3 en 6.6.1, PDF/A-2 6.3.1 en 6.5.1",
    "xfa_formulier": "PDF/A-2 6.4.2",
    "lettertype_niet_ingesloten": _PDFA_LETTERTYPEN,
    "geen_pdfa": _PDFA_VERSIE,
    "pdfa_claim_ongeldig": _PDFA_VERSIE,
    "pdfa_lettertype_niet_ingesloten": _PDFA_LETTERTYPEN,
    "pdfa_outputintent": "PDF/A-1 6.2.2, PDF/A-2 6.2.3",
    "pdfa_lzw": "PDF/A-1 6.1.10, PDF/A-2 6.1.7.2",
    "pdfa_transparantie": "PDF/A-1 6.4",
    "pdfa_metadata": "PDF/A-1 6.7.2, PDF/A-2 6.6.2.1",
    "pdfa_versleuteld": _PDFA_VERSLEUTELD,
    "pdfa_ingesloten_bestand": _PDFA_INGESLOTEN,
    "pdfua_niet_gemarkeerd": "PDF/UA-1 6.2",
    "pdfua_geen_structuur": "PDF/UA-1 7.1",
    "pdfua_geen_taal": "PDF/UA-1 7.2",
    "pdfua_geen_titel": "PDF/UA-1 7.1",
    "pdfua_titel_niet_getoond": "PDF/UA-1 7.1",
    "decompressiebom": _PORTAAL,
    "afbeelding_te_groot": _PORTAAL,
    "externe_link": _PORTAAL,
    "te_veel_bijlagen": _HANDLEIDING,
    "bijlagen_te_groot": _HANDLEIDING,
    "bestandsnaam_te_lang": _HANDLEIDING,
}

_UITLEG: dict[str, str] = {
    # Regels waarvan de melding helemaal uit de grens komt, of die iets toevoegen aan hun melding.
    "te_veel_bijlagen": f"{STANDAARD.omschrijving} {PERSOONLIJK.omschrijving}",
    "bijlagen_te_groot": f"{STANDAARD.omschrijving} {PERSOONLIJK.omschrijving}",
    "bestandsnaam_te_lang": BESTANDSNAAM_HINT,
    "lettertype_niet_ingesloten": (
        "Een lettertype dat niet in de PDF zit, vervangt de PDF-lezer van de burger door een ander. Bij een "
        "PDF die zich PDF/A noemt is dat een fout (zie de regel pdfa_lettertype_niet_ingesloten); bij een "
        "gewone PDF een waarschuwing, omdat de handleiding PDF/A alleen bij voorkeur vraagt."
    ),
    "submitform_actie": "PDF/A staat formulieren die gegevens versturen toe; het portaal niet, zodat een "
    "burger nooit vanuit een bijlage gegevens naar een onbekende plek stuurt.",
}


def _uitleg(regel: Regel) -> str:
    algemeen = regel.melding.format(plaats="op een pagina of in het document", detail="…", grens="…")
    return _UITLEG.get(regel.id, algemeen)


def _met_bron(regel: Regel) -> Regel:
    return replace(regel, bron=_BRONNEN[regel.id], uitleg=_uitleg(regel))


REGELS: dict[str, Regel] = {regel.id: _met_bron(regel) for regel in _CATALOGUS}
"""Alle regels van de Bijlage validatie, in de volgorde van de pagina die ze uitlegt."""


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
