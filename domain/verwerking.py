"""The koppelvlak's vocabulary for what happened to a bericht: the VerwerkingsCode, the stadium where a
problem was found, and the colour the manual's reports give each outcome (chapter 7), each with the Dutch a
user reads.
"""

from enum import Enum


class Stadium(Enum):
    """Where in processing a bericht's problem was found; NA when there was none (REFERENCE.md)."""

    VALIDATE_BERICHTTYPE = "ValidateBerichtType"
    VALIDATE_GEBRUIKER = "ValidateGebruiker"
    STORE_MESSAGE = "StoreMessage"
    NA = "NA"


class Kleur(Enum):
    """The manual's colours of the totals (chapter 7); never the only carrier of the meaning on a page."""

    ONTVANGEN = "grijs"
    VERWERKT = "groen"
    WAARSCHUWING = "oranje"
    NIET_VERWERKT = "rood"


class VerwerkingsCode(Enum):
    VERWERKT = "Verwerkt"
    TECHNISCH_PROBLEEM = "TechnischProbleem"
    NIET_ACTIEF_OF_GEABONNEERD = "NietActiefOfGeabonneerd"
    BERICHTTYPE_NIET_ONDERSTEUND = "BerichtTypeNietOndersteund"
    PUBLICATIEDATUM_TE_VER = "PublicatieDatumLigtTeVerInDeToekomst"
    AANMAAKDATUM_TE_VER = "AanmaakDatumLigtTeVerInHetVerleden"
    BERICHT_BESTAAT_AL = "BerichtBestaatAl"
    BIJLAGE_TE_GROOT = "BijlageTeGroot"
    OIN_KOMT_NIET_OVEREEN = "OinInCPAKomtNietOvereenMetOinInBericht"
    XML_ONGELDIG = "XmlValidatieTegenXsdValtNegatiefUit"

    @property
    def uitleg(self) -> str:
        return UITLEG[self]


UITLEG = {
    VerwerkingsCode.VERWERKT: "Het bericht is verwerkt en in de Berichtenbox geplaatst.",
    VerwerkingsCode.TECHNISCH_PROBLEEM: "Er trad een technisch probleem op tijdens de verwerking.",
    VerwerkingsCode.NIET_ACTIEF_OF_GEABONNEERD: (
        "De burger heeft geen actieve Berichtenbox, of heeft berichten van deze afzender uitgezet."
    ),
    VerwerkingsCode.BERICHTTYPE_NIET_ONDERSTEUND: "Het berichttype bestaat niet of is niet actief.",
    VerwerkingsCode.PUBLICATIEDATUM_TE_VER: (
        "De publicatiedatum ligt te ver in de toekomst (meer dan 13 dagen)."
    ),
    VerwerkingsCode.AANMAAKDATUM_TE_VER: "De aanmaakdatum ligt te ver in het verleden (meer dan 13 dagen).",
    VerwerkingsCode.BERICHT_BESTAAT_AL: "Een bericht met dit Bericht ID is al eerder aangeleverd.",
    VerwerkingsCode.BIJLAGE_TE_GROOT: "De persoonlijke bijlagen zijn te groot (samen meer dan 500 kB).",
    VerwerkingsCode.OIN_KOMT_NIET_OVEREEN: (
        "De OIN van de verbinding (het certificaat) komt niet overeen met de OIN in de batch."
    ),
    VerwerkingsCode.XML_ONGELDIG: "De batch voldoet niet aan het XML-schema (XSD) van het koppelvlak.",
}


# The outcomes the totals count, exclusive per bericht: a VerwerkingsCode, except that a bericht Verwerkt
# with a warning counts apart (the manual's orange). Beside them the received berichten and the batches.
VERWERKT_MET_WAARSCHUWING = "VerwerktMetWaarschuwing"
ONTVANGEN = "Ontvangen"
BATCHES = "Batches"


def uitkomst(code: str, waarschuwing: str | None) -> str:
    if code == VerwerkingsCode.VERWERKT.value and waarschuwing:
        return VERWERKT_MET_WAARSCHUWING
    return code


def kleur(code: str, waarschuwing: str | None) -> Kleur:
    if code != VerwerkingsCode.VERWERKT.value:
        return Kleur.NIET_VERWERKT
    return Kleur.WAARSCHUWING if waarschuwing else Kleur.VERWERKT
