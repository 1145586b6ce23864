"""Mededeling: an announcement the beheerder posts on every organisation's Home tab."""

from datetime import datetime
from uuid import UUID

from eventsourcing.domain import Aggregate, event

from domain.fouten import NietToegestaan
from domain.waarden import Actor, tekst

MAX_TITEL = 100
MAX_TEKST = 2000


class Mededeling(Aggregate):
    @classmethod
    def plaatsen(cls, mededeling_id: UUID, titel: str, inhoud: str, actor: Actor, timestamp: datetime):
        titel = tekst(titel, "titel", "De titel", MAX_TITEL)
        inhoud = tekst(inhoud, "tekst", "De tekst", MAX_TEKST)
        return cls(mededeling_id, titel, inhoud, actor, timestamp)

    @staticmethod
    def create_id(mededeling_id: UUID) -> UUID:
        return mededeling_id

    @event("Posted")
    def __init__(self, mededeling_id: UUID, titel: str, inhoud: str, actor: Actor, timestamp: datetime):
        self.titel = titel
        self.inhoud = inhoud
        self.ingetrokken = False

    def intrekken(self, actor: Actor, timestamp: datetime) -> None:
        if self.ingetrokken:
            raise NietToegestaan("Deze mededeling is al ingetrokken.")
        self._withdrawn(actor, timestamp)

    @event("Withdrawn")
    def _withdrawn(self, actor: Actor, timestamp: datetime) -> None:
        self.ingetrokken = True
