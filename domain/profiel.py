"""Organisatieprofiel (manual chapter 9): the text citizens see about the organisation on MijnOverheid.

The manual allows no link in the Toelichting and the Bijzonderheden. Whether a text becomes a link is decided
by whatever shows it to the citizen: a browser renders markup, and browsers, mail clients and apps turn
addresses, e-mail addresses and bare domain names into links on their own. So the profiel is plain text,
without markup, and without anything those programs would make clickable; in all three fields, as each of
them reaches the citizen the same way.
"""

import re
from dataclasses import dataclass

from domain.fouten import OngeldigeWaarde
from domain.waarden import tekst

MAX_TOELICHTING = 255
MAX_LIJST = 40
MAX_BIJZONDERHEDEN = 100

# Markup, as an HTML parser reads it: a '<' directly followed by a letter, '/', '!' or '?' opens a tag,
# comment or declaration ('a < b' and '<3' stay text); '&' starts a character reference when a number or a
# name and ';' follow, and for the oldest names even without the ';' and in the middle of a word
# ('Zorg&notificatie' renders as 'Zorg¬ificatie').
_OUDE_NAMEN = "|".join(
    (
        "aacute|acirc|acute|aelig|agrave|amp|aring|atilde|auml|brvbar|ccedil|cedil|cent|copy|curren|deg",
        "divide|eacute|ecirc|egrave|eth|euml|frac12|frac14|frac34|gt|iacute|icirc|iexcl|igrave|iquest|iuml",
        "laquo|lt|macr|micro|middot|nbsp|not|ntilde|oacute|ocirc|ograve|ordf|ordm|oslash|otilde|ouml|para",
        "plusmn|pound|quot|raquo|reg|sect|shy|sup1|sup2|sup3|szlig|thorn|times|uacute|ucirc|ugrave|uml|uuml",
        "yacute|yen|yuml",
    )
)
_OPMAAK = re.compile(rf"<[a-z/!?]|&(?:#[0-9]|#x[0-9a-f]|[a-z][a-z0-9]*;|{_OUDE_NAMEN})", re.IGNORECASE)

# Generic top-level domains that linkifiers recognise; every two-letter name counts as a country code, as
# linkifiers (and mail clients) treat them.
_TLD = (
    "com|org|net|info|gov|edu|int|mil|biz|app|dev|online|site|shop|web|pro|name|mobi|asia|eu|"
    "frl|amsterdam|rotterdam|denhaag|brussels|vlaanderen|overheid|politie|gemeente|nieuws|email|"
    "[a-z]{2}"
)
_LINK = re.compile(
    "|".join(
        (
            r"\b[a-z][a-z0-9+.-]*://",  # any scheme with //: https://, ftp://, file://
            r"\b(?:mailto|tel|sms|callto|javascript|vbscript|data|file|geo|skype|whatsapp|news):",
            r"\bwww\d{0,3}\.",
            r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+",  # an e-mail address
            # a domain name: letters, digits and hyphens in labels separated by dots, ending in a TLD
            rf"(?<![\w.-])(?:[^\W_](?:[\w-]*[^\W_])?\.)+(?:{_TLD})\b",
        )
    ),
    re.IGNORECASE,
)


def bevat_opmaak(waarde: str) -> bool:
    return _OPMAAK.search(waarde) is not None


def bevat_link(waarde: str) -> bool:
    return _LINK.search(waarde) is not None


@dataclass(frozen=True)
class _Veld:
    naam: str
    label: str
    maximum: int
    verplicht: bool = True
    meervoud: bool = False

    @property
    def mag(self) -> str:
        return "mogen" if self.meervoud else "mag"


_TOELICHTING = _Veld("toelichting", "De toelichting", MAX_TOELICHTING)
_LIJST = _Veld("lijst", "De lijst", MAX_LIJST, verplicht=False)
_BIJZONDERHEDEN = _Veld("bijzonderheden", "De bijzonderheden", MAX_BIJZONDERHEDEN, meervoud=True)


def _platte_tekst(waarde: object, veld: _Veld) -> str:
    waarde = tekst(waarde, veld.naam, veld.label, veld.maximum, veld.verplicht, meervoud=veld.meervoud)
    if bevat_opmaak(waarde):
        raise OngeldigeWaarde(
            f"{veld.label} {veld.mag} geen opmaakcode bevatten, zoals <b>, <a href=...> of &amp;. "
            "Gebruik gewone tekst (een < of & met een spatie erachter mag wel).",
            veld=veld.naam,
        )
    if bevat_link(waarde):
        raise OngeldigeWaarde(
            f"{veld.label} {veld.mag} geen link bevatten (zoals http://, www., een e-mailadres of een "
            "domeinnaam als gemeente.nl). Noem de naam zonder domein, bijvoorbeeld 'MijnOverheid'.",
            veld=veld.naam,
        )
    return waarde


@dataclass(frozen=True)
class Profiel:
    toelichting: str
    lijst: str
    bijzonderheden: str

    @classmethod
    def controleer(cls, toelichting: object, lijst: object, bijzonderheden: object) -> "Profiel":
        return cls(
            _platte_tekst(toelichting, _TOELICHTING),
            _platte_tekst(lijst if lijst is not None else "", _LIJST),
            _platte_tekst(bijzonderheden, _BIJZONDERHEDEN),
        )
