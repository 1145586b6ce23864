"""A batch as the berichtleverancier delivered it (REFERENCE.md, "Delivery of messages"), read from the
koppelvlak's XML: plain values, checked against the XSD before they get here, judged by processing later.

The parser hands the berichten over one at a time, so a batch of 100 MB never has to be in memory at once.
"""

from dataclasses import dataclass
from datetime import date, datetime

# The koppelvlak's bounds (REFERENCE.md).
MAX_BERICHTEN = 1000
MAX_BATCH_BYTES = 100 * 1024 * 1024
MAX_PERSOONLIJKE_BIJLAGEN = 2
MAX_PERSOONLIJKE_BIJLAGEN_BYTES = 500 * 1024


@dataclass(frozen=True, slots=True)
class Batchkop:
    """`BatchInformatie`. `batch_id` is the GUID in lower case; `aanmaakdatum` is aware (UTC); a time without
    a zone is read as Dutch local time."""

    batch_id: str
    aanmaakdatum: datetime
    leverancier: str


@dataclass(frozen=True, slots=True)
class Bijlagelevering:
    """A persoonlijke bijlage. `inhoud` is None when the base64 text alone shows the file is over the limit:
    it is then never decoded (a bericht cannot make the portal hold a huge file), `grootte` says how big."""

    omschrijving: str
    volgorde: int
    grootte: int
    inhoud: bytes | None


@dataclass(frozen=True, slots=True)
class Berichtlevering:
    """One `Bericht`. `gebruiker` is the BSN exactly as delivered (processing checks the elfproef);
    `bericht_id` is the GUID in lower case. Dates as delivered, aware, or None when absent or empty."""

    bericht_id: str
    berichttype: str
    onderwerp: str
    tekst: str
    referentie: str
    gebruiker: str
    soort_gebruiker: str
    publicatiedatum: datetime | None = None
    einddatum_handelingstermijn: date | datetime | None = None
    bijlagen: tuple[Bijlagelevering, ...] = ()
