"""A standaard bijlage as a berichttype refers to it: name, size and the hash its bytes are stored under.

The bytes themselves never enter an event: they are stored once, addressed by their SHA-256.
"""

import hashlib
from dataclasses import dataclass

from domain.bijlage_limieten import bestandsnaam_te_lang
from domain.fouten import OngeldigeWaarde


@dataclass(frozen=True)
class BijlageRef:
    bijlage_id: str
    naam: str
    grootte: int
    sha256: str


def controleer_bestandsnaam(naam: str) -> str:
    if not naam or not naam.strip():
        raise OngeldigeWaarde("Kies een bestand.", veld="bestand")
    te_lang = bestandsnaam_te_lang(naam)
    if te_lang:
        raise OngeldigeWaarde(te_lang, veld="bestand")
    if not naam.lower().endswith(".pdf"):
        raise OngeldigeWaarde("Een bijlage moet een PDF-bestand zijn (.pdf).", veld="bestand")
    return naam


def controleer_pdf_kop(inhoud: bytes) -> None:
    """A cheap first check; the full PDF validation runs before the bytes reach the domain."""
    if b"%PDF-" not in inhoud[:1024]:
        raise OngeldigeWaarde("Dit bestand is geen PDF.", veld="bestand")


def sha256(inhoud: bytes) -> str:
    return hashlib.sha256(inhoud).hexdigest()
