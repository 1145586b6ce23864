"""From a verified certificate to a session: the OIN must belong to a registered organisation."""

from flask import current_app

from domain.fouten import DomeinFout
from domain.organisatie import Organisatie
from domain.waarden import Oin
from web.pki.verificatie import Certificaatidentiteit, Certificaatverificatie
from web.sessie import meld_aan
from web.uitvoeren import portaal


class InloggenGeweigerd(Exception):
    def __init__(self, melding: str) -> None:
        super().__init__(melding)
        self.melding = melding


def verificatie() -> Certificaatverificatie:
    return current_app.extensions["certificaatverificatie"]


def organisatie_van(identiteit: Certificaatidentiteit) -> Organisatie:
    try:
        return portaal().organisatie(Oin(identiteit.oin))
    except DomeinFout:
        raise InloggenGeweigerd(
            f"Onbekende OIN: uw certificaat is geldig, maar OIN {identiteit.oin} hoort niet bij een "
            "organisatie die op het Leveranciersportaal is aangesloten."
        ) from None


def aanmelden(identiteit: Certificaatidentiteit) -> Organisatie:
    organisatie = organisatie_van(identiteit)
    meld_aan(organisatie, identiteit.serienummer)
    return organisatie
