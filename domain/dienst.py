"""Dienst (manual chapter 6): a machtigbare dienst of an afnemer and the berichttypes linked to it.

A gemachtigde for this dienst may read the belanghebbende's messages of the linked berichttypes, as the
links stand at the moment of reading. Deactivation therefore ends every link at once.
"""

from datetime import datetime
from uuid import UUID

from eventsourcing.domain import Aggregate, event

from domain import identiteit
from domain.fouten import NietToegestaan
from domain.waarden import Actor, BerichttypeCode, DienstId, Oin, Status, tekst

MAX_OMSCHRIJVING = 255


def controleer_omschrijving(omschrijving: object) -> str:
    return tekst(omschrijving, "omschrijving", "De omschrijving", MAX_OMSCHRIJVING)


class Dienst(Aggregate):
    class Created(Aggregate.Created):
        """Version 1 named its Dienst ID `dienst_id_` (a trailing underscore that only dodged an import);
        stored events of that version are renamed on loading."""

        afnemer: Oin
        dienst_id: DienstId
        omschrijving: str
        actor: Actor

        class_version = 2

        @staticmethod
        def upcast_v1_v2(state: dict) -> None:
            state["dienst_id"] = state.pop("dienst_id_")

    @staticmethod
    def create_id(afnemer: Oin, dienst_id: DienstId) -> UUID:
        return identiteit.dienst_id(afnemer, dienst_id)

    @classmethod
    def aanmaken(
        cls, afnemer: Oin, dienst_id: DienstId, omschrijving: str, actor: Actor, timestamp: datetime
    ) -> "Dienst":
        return cls(afnemer, dienst_id, controleer_omschrijving(omschrijving), actor, timestamp)

    @event(Created)
    def __init__(
        self, afnemer: Oin, dienst_id: DienstId, omschrijving: str, actor: Actor, timestamp: datetime
    ) -> None:
        self.afnemer = afnemer
        self.dienst_id = dienst_id
        self.omschrijving = omschrijving
        self.actief = True
        self.gedeactiveerd_op: datetime | None = None
        # code -> moment the link began
        self.koppelingen: dict[BerichttypeCode, datetime] = {}

    def wijzig_omschrijving(self, omschrijving: str, actor: Actor, timestamp: datetime) -> None:
        omschrijving = controleer_omschrijving(omschrijving)
        if omschrijving != self.omschrijving:
            self._description_changed(omschrijving, actor, timestamp)

    @event("DescriptionChanged")
    def _description_changed(self, omschrijving: str, actor: Actor, timestamp: datetime) -> None:
        self.omschrijving = omschrijving

    # -- koppelen ------------------------------------------------------------------------------------

    def koppel(
        self, code: BerichttypeCode, berichttype_status: Status, actor: Actor, timestamp: datetime
    ) -> None:
        if not self.actief:
            raise NietToegestaan("Aan een inactieve dienst kunnen geen berichttypes worden gekoppeld.")
        if berichttype_status is Status.ARCHIEF:
            raise NietToegestaan(f"Berichttype {code} is gearchiveerd en kan niet worden gekoppeld.")
        if code in self.koppelingen:
            raise NietToegestaan(f"Berichttype {code} is al aan deze dienst gekoppeld.")
        self._linked(code, actor, timestamp)

    def ontkoppel(self, code: BerichttypeCode, actor: Actor, timestamp: datetime) -> None:
        if code not in self.koppelingen:
            raise NietToegestaan(f"Berichttype {code} is niet aan deze dienst gekoppeld.")
        self._unlinked(code, actor, timestamp)

    @event("Linked")
    def _linked(self, code: BerichttypeCode, actor: Actor, timestamp: datetime) -> None:
        self.koppelingen = {**self.koppelingen, code: timestamp}

    @event("Unlinked")
    def _unlinked(self, code: BerichttypeCode, actor: Actor, timestamp: datetime) -> None:
        self.koppelingen = {c: van for c, van in self.koppelingen.items() if c != code}

    # -- status --------------------------------------------------------------------------------------

    def deactiveer(self, actor: Actor, timestamp: datetime) -> None:
        if not self.actief:
            raise NietToegestaan("Deze dienst is al inactief.", veld="status")
        self._deactivated(actor, timestamp)

    def activeer(self, actor: Actor, timestamp: datetime) -> None:
        if self.actief:
            raise NietToegestaan("Deze dienst is al actief.", veld="status")
        self._reactivated(actor, timestamp)

    @event("Deactivated")
    def _deactivated(self, actor: Actor, timestamp: datetime) -> None:
        # Every open link ends at this moment: gemachtigden lose access, also to earlier messages.
        self.actief = False
        self.gedeactiveerd_op = timestamp
        self.koppelingen = {}

    @event("Reactivated")
    def _reactivated(self, actor: Actor, timestamp: datetime) -> None:
        # Links are not restored: the manual asks the afnemer to link again.
        self.actief = True
        self.gedeactiveerd_op = None
