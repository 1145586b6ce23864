"""The rules of the Bijlage validatie: each with its severity, its Dutch message, where the demand comes from
(a PDF/A or PDF/UA clause, the manual, or the portal's own policy) and what it means, for the page that
explains them all. Pure Python, like the rest of the validation's vocabulary (`pdf_validatie`)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum

from domain.bijlage_limieten import BESTANDSNAAM_HINT, PERSOONLIJK, STANDAARD
from domain.pdf_clausules.catalogus import CLAUSULES
from domain.pdf_clausules.clausule import Clausule


class Ernst(StrEnum):
    FOUT = "fout"
    """Het bestand wordt geweigerd."""
    WAARSCHUWING = "waarschuwing"
    """Het bestand wordt geaccepteerd, met een waarschuwing."""


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
    _waarschuwing(
        "geen_pdfa", "De PDF is geen PDF/A. PDF/A wordt aangeraden zodat de burger hem kan blijven lezen."
    ),
    _fout("pdfa_claim_ongeldig", "De PDF noemt zich PDF/A, maar met een onbekende versie ({detail})."),
    _waarschuwing(
        "inhoud_niet_getoetst",
        "De inhoud van de PDF is te omvangrijk om helemaal clausule voor clausule te toetsen ({detail}); het "
        "oordeel over PDF/A en PDF/UA is daarom niet volledig.",
    ),
    _waarschuwing(
        "pdfa_niet_getoetst",
        "De PDF noemt zich PDF/A-{detail}; dat deel toetst het portaal niet clausule voor clausule.",
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
    "inhoud_niet_getoetst": _PORTAAL,
    "pdfa_niet_getoetst": "PDF/A-3 (ISO 19005-3) en PDF/A-4 (ISO 19005-4)",
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
        "PDF die als PDF/A getoetst wordt is dat een fout (de clausule over ingesloten lettertypen); bij een "
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


def _clausuleregel(clausule: Clausule) -> Regel:
    # Een PDF/A- of PDF/UA-clausule is altijd een fout voor het profiel dat getoetst wordt.
    uitleg = f"Controleert: {clausule.controleert}"
    if clausule.niet:
        uitleg += f" Niet gecontroleerd: {clausule.niet}"
    return Regel(clausule.id, Ernst.FOUT, clausule.melding, bron=clausule.bron, uitleg=uitleg)


REGELS: dict[str, Regel] = {
    **{regel.id: _met_bron(regel) for regel in _CATALOGUS},
    **{clausule.id: _clausuleregel(clausule) for clausule in CLAUSULES.values()},
}
"""Alle regels van de Bijlage validatie, in de volgorde van de pagina die ze uitlegt: eerst het beleid van het
portaal en de handleiding, dan de clausules van PDF/A en PDF/UA."""
