"""Contactbericht (manual chapters 11 and 12): a question or request sent to the beheerder via Contact."""

import re
from datetime import datetime
from uuid import UUID

from eventsourcing.domain import Aggregate, event

from domain.fouten import OngeldigeWaarde
from domain.waarden import Actor, bevat_bsn, tekst

MAX_ONDERWERP = 100
MAX_BERICHT = 2000
MAX_EMAIL = 254

# Deliberately modest: one @, no spaces, a dot in the domain. The address only has to reach a person;
# a stricter pattern would refuse real addresses and a looser one would accept typing errors.
_EMAIL = re.compile(r"[^@\s]+@[^@\s.]+(?:\.[^@\s.]+)+")


def _vrije_tekst(waarde: object, veld: str, label: str, maximum: int) -> str:
    waarde = tekst(waarde, veld, label, maximum)
    # The message names no number: what a refusal says may be shown, logged or reported anywhere.
    if bevat_bsn(waarde):
        raise OngeldigeWaarde(
            f"{label} lijkt een BSN te bevatten (9 cijfers die aan de elfproef voldoen). Haal het nummer "
            "weg: stuur geen BSN of andere persoonsgegevens via het contactformulier.",
            veld=veld,
        )
    return waarde


def controleer_email(waarde: object) -> str:
    email = tekst(waarde, "email", "Het e-mailadres", MAX_EMAIL).strip()
    if not _EMAIL.fullmatch(email):
        raise OngeldigeWaarde("Vul een geldig e-mailadres in, zoals naam@organisatie.nl.", veld="email")
    return email


class Contactbericht(Aggregate):
    @classmethod
    def versturen(
        cls,
        contactbericht_id: UUID,
        onderwerp: str,
        bericht: str,
        email: str,
        actor: Actor,
        timestamp: datetime,
    ) -> "Contactbericht":
        onderwerp = _vrije_tekst(onderwerp, "onderwerp", "Het onderwerp", MAX_ONDERWERP)
        bericht = _vrije_tekst(bericht, "bericht", "Het bericht", MAX_BERICHT)
        return cls(contactbericht_id, onderwerp, bericht, controleer_email(email), actor, timestamp)

    @staticmethod
    def create_id(contactbericht_id: UUID) -> UUID:
        return contactbericht_id

    @event("Sent")
    def __init__(
        self,
        contactbericht_id: UUID,
        onderwerp: str,
        bericht: str,
        email: str,
        actor: Actor,
        timestamp: datetime,
    ) -> None:
        self.afzender = actor
        self.onderwerp = onderwerp
        self.bericht = bericht
        self.email = email
        self.verstuurd = timestamp
