"""libxml2's English about an XML that fails, said in Dutch for the berichtleverancier.

Values from the batch are left out of every message: a wrongly written BSN must not reach a report or a log
through an error text. Element names lose their namespace, which is always the koppelvlak's own.
"""

import re

from domain.levering import MAX_BERICHTEN
from koppelvlak.schema import NS

_NAAM = re.compile(r"\{[^}' ]*\}")  # a namespace; an enumeration's set has quotes
_ELEMENT = r"Element '(?P<el>[^']+)'(?:, attribute '(?P<attr>[^']+)')?: "

# (pattern on the message without namespaces, Dutch text), most specific first.
_VERTALINGEN = (
    (
        _ELEMENT + r"This element is not expected\. Expected is (?:one of )?\( (?P<verwacht>.+) \)\.",
        "element {el} hoort hier niet; verwacht: {verwacht}",
    ),
    (_ELEMENT + r"This element is not expected\.", "element {el} hoort hier niet"),
    (
        _ELEMENT + r"Missing child element\(s\)\. Expected is (?:one of )?\( (?P<verwacht>.+) \)\.",
        "in element {el} ontbreekt een element; verwacht: {verwacht}",
    ),
    (
        _ELEMENT + r"\[facet 'maxLength'\] The value has a length of '(?P<n>\d+)'; this exceeds the allowed "
        r"maximum length of '(?P<m>\d+)'\.",
        "{el} is {n} tekens lang; het maximum is {m}",
    ),
    (
        _ELEMENT
        + r"\[facet 'minLength'\] The value has a length of '(?P<n>\d+)'; this underruns the allowed "
        r"minimum length of '(?P<m>\d+)'\.",
        "{el} is {n} tekens lang; het minimum is {m}",
    ),
    (_ELEMENT + r"\[facet 'pattern'\].*", "{el} heeft niet de voorgeschreven vorm"),
    (
        _ELEMENT + r"\[facet 'enumeration'\].*is not an element of the set \{(?P<set>[^}]*)\}\.",
        "{el} heeft een waarde die niet is toegestaan; toegestaan: {set}",
    ),
    (_ELEMENT + r".*attribute.*not allowed.*", "element {el} heeft een attribuut dat niet is toegestaan"),
    (
        _ELEMENT + r".*is not a valid value of the (?:atomic|union) type '(?P<type>[^']+)'\.",
        "{el} heeft geen geldige waarde van het type {type}",
    ),
    (
        _ELEMENT + r"Character content other than whitespace is not allowed.*",
        "element {el} mag geen tekst bevatten, alleen elementen",
    ),
    (
        _ELEMENT + r"No matching global declaration available for the validation root\.",
        "element {el} is niet het verwachte element",
    ),
)
_GECOMPILEERD = tuple((re.compile(p, re.DOTALL), t) for p, t in _VERTALINGEN)
_WAARDE = re.compile(r"'[^']*'")

XSD = "De batch voldoet niet aan het XSD van het koppelvlak"


def xsd_melding(engels: str) -> str:
    """The reason of a schema failure: a Dutch sentence, the element named, no value from the batch."""
    kaal = _NAAM.sub("", engels.strip())
    for patroon, tekst in _GECOMPILEERD:
        gevonden = patroon.fullmatch(kaal)
        if gevonden:
            delen = {k: v for k, v in gevonden.groupdict().items() if v is not None}
            return f"{XSD}: {tekst.format_map(_Leeg(delen))}."
    element = re.match(_ELEMENT, kaal)
    naam = f" (element {element.group('el')})" if element else ""
    return f"{XSD}{naam}: {_WAARDE.sub('…', kaal)}"


_SYNTAX = (
    (("Text node too long", "Resource limit exceeded"),
     "Een waarde in de batch (bijvoorbeeld een bijlage) is groter dan 10 MB; zo'n batch wordt niet gelezen."),
    (("Document is empty", "Start tag expected", "no element found"),
     "Dit is geen XML: de batch is leeg of begint niet met een XML-element."),
    (("Premature end of data", "Couldn't find end", "not found", "EndTag"),
     "Dit is geen volledig XML-document: het houdt halverwege op."),
    (("tag mismatch",), "Dit is geen geldige XML: een begintag en eindtag horen niet bij elkaar."),
    (("Extra content at the end",), "Dit is geen geldige XML: na het hoofdelement staat nog iets."),
    (("UTF-8", "encoding", "Char 0x"),
     "Dit is geen geldige XML: de tekens passen niet bij de codering (bijvoorbeeld UTF-8) of zijn niet "
     "toegestaan."),
)  # fmt: skip


def syntax_melding(engels: str) -> str:
    """A well-formedness error of libxml2: the file is no (complete) XML document. Known errors are said in
    Dutch; another keeps libxml2's English after a Dutch opening, without quoted values."""
    kaal = re.sub(r"\s*\(<string>, line \d+\)$|, line \d+, column \d+$|^line \d+: ", "", engels.strip())
    for sleutels, tekst in _SYNTAX:
        if any(sleutel in kaal for sleutel in sleutels):
            return tekst
    return f"Dit is geen geldige XML: {_WAARDE.sub('…', kaal)}"


TE_VEEL = f"De batch bevat meer dan {MAX_BERICHTEN} berichten; een batch bevat 1 tot en met {MAX_BERICHTEN}."
GEEN = f"De batch bevat geen berichten; een batch bevat 1 tot en met {MAX_BERICHTEN}."
GEEN_KOP = "De batch begint niet met BatchInformatie (niet gevonden in de eerste MB)."
DOCTYPE = (
    "De batch bevat een DOCTYPE (DTD). Het koppelvlak staat geen DTD's en entiteiten toe; stuur de XML "
    "zonder <!DOCTYPE ...>."
)
ENTITEIT = (
    "De batch bevat een entiteit (of een DOCTYPE die er een declareert); het koppelvlak staat geen DOCTYPE, "
    "DTD's of entiteiten toe."
)


def te_groot(max_bytes: int) -> str:
    megabytes = max_bytes / (1024 * 1024)
    grens = f"{megabytes:g} MB" if megabytes >= 1 else f"{max_bytes} bytes"
    return f"De batch is groter dan {grens}; de rest is niet gelezen."


def verkeerde_wortel(gevonden: str) -> str:
    namespace, _, naam = gevonden[1:].partition("}") if gevonden.startswith("{") else ("", "", gevonden)
    if naam == "Berichten" and namespace != NS:
        return f"De batch heeft de verkeerde namespace ('{namespace or 'geen'}'); verwacht: '{NS}'."
    return f"Het hoofdelement van de batch is '{naam}'; verwacht: 'Berichten' in namespace '{NS}'."


class _Leeg(dict):
    def __missing__(self, sleutel: str) -> str:
        return "?"
