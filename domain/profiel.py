"""Organisatieprofiel (manual chapter 9): the text citizens see about the organisation on MijnOverheid."""

import re
from dataclasses import dataclass

from domain.fouten import OngeldigeWaarde
from domain.waarden import tekst

MAX_TOELICHTING = 255
MAX_LIJST = 40
MAX_BIJZONDERHEDEN = 100

# Links are refused in Toelichting and Bijzonderheden: a scheme, a www. host or a bare domain name.
_TLD = (
    "nl|eu|com|org|net|info|be|de|fr|uk|gov|edu|io|app|biz|online|site|frl|amsterdam|rotterdam|"
    "denhaag|brussels|vlaanderen|overheid|nu|tk|co|me|tv|ly|int"
)
_LINK = re.compile(
    rf"(?:\b[a-z][a-z0-9+.-]*://)|(?:\bwww\.)|(?:\b[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9-]+)*\.(?:{_TLD})\b)",
    re.IGNORECASE,
)


def bevat_link(waarde: str) -> bool:
    return _LINK.search(waarde) is not None


def _zonder_link(waarde: str, veld: str, label: str) -> str:
    if bevat_link(waarde):
        raise OngeldigeWaarde(
            f"{label} mag geen link bevatten (zoals http://, www. of een domeinnaam als gemeente.nl).",
            veld=veld,
        )
    return waarde


@dataclass(frozen=True)
class Profiel:
    toelichting: str
    lijst: str
    bijzonderheden: str

    @classmethod
    def controleer(cls, toelichting: object, lijst: object, bijzonderheden: object) -> "Profiel":
        toelichting = tekst(toelichting, "toelichting", "De toelichting", MAX_TOELICHTING)
        lijst = tekst(lijst if lijst is not None else "", "lijst", "De lijst", MAX_LIJST, verplicht=False)
        bijzonderheden = tekst(bijzonderheden, "bijzonderheden", "De bijzonderheden", MAX_BIJZONDERHEDEN)
        return cls(
            _zonder_link(toelichting, "toelichting", "De toelichting"),
            lijst,
            _zonder_link(bijzonderheden, "bijzonderheden", "De bijzonderheden"),
        )
