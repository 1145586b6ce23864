"""Grenzen aan bijlagen uit de handleiding (hoofdstuk 4 en 5), elk met de melding die erbij hoort.

Eén plek voor deze getallen en hun zinnen: het Berichttype, de Bijlage validatie, de formulieren en de
pagina's lezen ze hier, zodat een grens en wat de gebruiker erover leest niet uit elkaar kunnen lopen.
Groottes staan overal op één manier geschreven (`leesbare_grootte`: Nederlands, met een decimale komma).
"""

from dataclasses import dataclass

KB = 1024
MB = 1024 * KB


def leesbare_grootte(aantal_bytes: int) -> str:
    """'2 MB', '2,01 MB', '500 kB', '12,5 kB': hoogstens twee decimalen (kB één), nullen achteraan weg."""
    if aantal_bytes >= MB:
        getal, eenheid = f"{aantal_bytes / MB:.2f}", "MB"
    else:
        getal, eenheid = f"{aantal_bytes / KB:.1f}", "kB"
    getal = getal.rstrip("0").rstrip(".")
    return f"{getal.replace('.', ',')} {eenheid}"


@dataclass(frozen=True)
class SetGrenzen:
    """De grenzen aan de bijlagen die samen gaan: de standaardbijlagen van een berichttype, of de
    persoonlijke bijlagen van een bericht."""

    naam: str
    """Meervoud, zoals de handleiding het schrijft: "standaard bijlagen"."""
    per: str
    """Waar de grens voor geldt: "per berichttype"."""
    max_aantal: int
    max_totaal_bytes: int

    def te_veel(self, aantal: int) -> str | None:
        """De melding als `aantal` bijlagen te veel zijn, anders None."""
        if aantal <= self.max_aantal:
            return None
        return (
            f"Dat zijn samen {aantal} {self.naam}; er zijn maximaal {self.max_aantal} {self.naam} "
            f"{self.per} toegestaan."
        )

    def te_groot(self, totaal_bytes: int) -> str | None:
        """De melding als de bijlagen samen te groot zijn, anders None."""
        if totaal_bytes <= self.max_totaal_bytes:
            return None
        return (
            f"De {self.naam} zijn samen {leesbare_grootte(totaal_bytes)}; samen is maximaal "
            f"{leesbare_grootte(self.max_totaal_bytes)} {self.per} toegestaan."
        )

    @property
    def omschrijving(self) -> str:
        """Voor hints en uitleg: 'Maximaal 3 standaard bijlagen per berichttype, samen maximaal 2 MB.'"""
        return (
            f"Maximaal {self.max_aantal} {self.naam} {self.per}, samen maximaal "
            f"{leesbare_grootte(self.max_totaal_bytes)}."
        )

    @property
    def maximum_bereikt(self) -> str:
        """Waarom er geen Toevoegen-knop meer staat (handleiding hoofdstuk 4)."""
        return (
            f"U heeft het maximum van {self.max_aantal} {self.naam} {self.per} bereikt. Verwijder eerst een "
            "bijlage als u een andere wilt toevoegen."
        )


STANDAARD = SetGrenzen("standaard bijlagen", "per berichttype", max_aantal=3, max_totaal_bytes=2 * MB)
# Persoonlijke bijlagen: de grootte telt vóór base64.
PERSOONLIJK = SetGrenzen("persoonlijke bijlagen", "per bericht", max_aantal=2, max_totaal_bytes=500 * KB)

MAX_STANDAARD_BIJLAGEN = STANDAARD.max_aantal
MAX_STANDAARD_TOTAAL_BYTES = STANDAARD.max_totaal_bytes
MAX_PERSOONLIJKE_BIJLAGEN = PERSOONLIJK.max_aantal
MAX_PERSOONLIJK_TOTAAL_BYTES = PERSOONLIJK.max_totaal_bytes

MAX_BESTANDSNAAM = 128
"""Tekens in de bestandsnaam van een bijlage."""

BESTANDSNAAM_HINT = f"Een bestandsnaam heeft maximaal {MAX_BESTANDSNAAM} tekens."


def bestandsnaam_te_lang(naam: str) -> str | None:
    """De melding als de bestandsnaam te lang is, anders None."""
    if len(naam) <= MAX_BESTANDSNAAM:
        return None
    # Zoals `waarden.tekst` het voor elk tekstveld zegt.
    return f"De bestandsnaam mag maximaal {MAX_BESTANDSNAAM} tekens hebben (nu {len(naam)})."


def dezelfde_bestandsnaam(naam: str, andere: str) -> bool:
    """Twee namen die bij de burger als één bestand zouden eindigen: op Windows en macOS telt hoofdletter
    of kleine letter niet, dus 'Brochure.pdf' en 'brochure.pdf' overschrijven elkaar bij het downloaden."""
    return naam.casefold() == andere.casefold()


def al_aanwezig(naam: str) -> str:
    return (
        f"Er is al een bijlage met de naam {naam} bij dit berichttype. Geef het bestand een andere naam of "
        "verwijder eerst de bestaande bijlage."
    )
