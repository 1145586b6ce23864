"""How to reach Logius about the Leveranciersportaal (manual chapter 12).

The manual's chapter 12 only says to contact Logius; these are the public contact details of Logius'
Servicecentrum for connected organisations. Kept here, in one place, so they are changed without touching a
template when Logius changes them.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Contactgegevens:
    naam: str
    telefoon: str
    telefoon_link: str  # the number as a tel: link dials it
    tarief: str
    bereikbaar: str
    email: str
    website: str


LOGIUS = Contactgegevens(
    naam="Servicecentrum Logius",
    telefoon="0900 555 4555",
    telefoon_link="09005554555",
    tarief="lokaal tarief",
    bereikbaar="op werkdagen van 8.00 tot 17.00 uur",
    email="servicecentrum@logius.nl",
    website="https://www.logius.nl",
)
