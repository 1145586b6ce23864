"""From a verified certificate to a session: the OIN must belong to a registered organisation."""

from flask import current_app

from domain.fouten import OngeldigeWaarde
from domain.waarden import Oin
from service_layer.lezen import Organisatie
from web.lezen import lezen
from web.pki.verificatie import Certificaatidentiteit, Certificaatverificatie
from web.sessie import meld_aan


class InloggenGeweigerd(Exception):
    def __init__(self, melding: str) -> None:
        super().__init__(melding)
        self.melding = melding


def verificatie() -> Certificaatverificatie:
    return current_app.extensions["certificaatverificatie"]


def organisatie_van(identiteit: Certificaatidentiteit) -> Organisatie:
    try:
        gevonden = lezen().organisatie(Oin(identiteit.oin))
    except OngeldigeWaarde:
        gevonden = None
    if gevonden is None:
        raise InloggenGeweigerd(
            f"Onbekende OIN: uw certificaat is geldig, maar OIN {identiteit.oin} hoort niet bij een "
            "organisatie die op het Leveranciersportaal is aangesloten."
        )
    return gevonden


def aanmelden(identiteit: Certificaatidentiteit) -> Organisatie:
    organisatie = organisatie_van(identiteit)
    if organisatie.rol.is_machine:
        # A feed's certificate belongs to a machine: it has nothing to do in the portal's tabs.
        raise InloggenGeweigerd(
            f"Het certificaat van {organisatie.naam} is geregistreerd voor een koppeling "
            f"({organisatie.rol.label}), niet om in te loggen op het Leveranciersportaal: het geeft alleen "
            "toegang tot de machine-interface. Log in met het certificaat van een afnemer, intermediair of "
            "beheerder."
        )
    meld_aan(organisatie, identiteit.serienummer)
    return organisatie
