"""Berichttype (manual chapter 4): code, omschrijving, notificatiekenmerk, status and standaard bijlagen.

Public methods check the rule and raise the Dutch refusal; the private `@event` methods only record the
change, so a later change of a rule can never make old history impossible to replay.
"""

from collections.abc import Collection
from datetime import datetime
from uuid import UUID

from eventsourcing.domain import Aggregate, event

from domain.bijlage import BijlageRef, controleer_bestandsnaam
from domain.bijlage_limieten import STANDAARD, al_aanwezig, dezelfde_bestandsnaam
from domain.fouten import NietGevonden, NietToegestaan, OngeldigeWaarde
from domain.identiteit import berichttype_id
from domain.waarden import Actor, BerichttypeCode, Notificatiekenmerk, Oin, Status, tekst

MAX_OMSCHRIJVING = 40

# The lifecycle of chapter 4: Archief is final.
OVERGANGEN: dict[Status, frozenset[Status]] = {
    Status.NIEUW: frozenset({Status.ACTIEF}),
    Status.ACTIEF: frozenset({Status.INACTIEF, Status.ARCHIEF}),
    Status.INACTIEF: frozenset({Status.ACTIEF, Status.ARCHIEF}),
    Status.ARCHIEF: frozenset(),
}


def controleer_omschrijving(omschrijving: object) -> str:
    return tekst(omschrijving, "omschrijving", "De omschrijving", MAX_OMSCHRIJVING)


def controleer_kenmerk(kenmerk: Notificatiekenmerk, toegestaan: Collection[Notificatiekenmerk]) -> None:
    if kenmerk not in toegestaan:
        raise OngeldigeWaarde(
            f"Het notificatiekenmerk '{kenmerk.value}' is niet beschikbaar voor uw organisatie.",
            veld="notificatiekenmerk",
        )


def controleer_kenmerkkeuze(
    huidig: Notificatiekenmerk, gekozen: Notificatiekenmerk, toegestaan: Collection[Notificatiekenmerk]
) -> None:
    """The beheerder can withdraw a kenmerk from an organisatie (Beheer) while berichttypes still have it.
    Such a berichttype keeps its kenmerk: saving it unchanged is allowed. Only a kenmerk chosen anew must be
    one the organisatie may use now, so a withdrawn one can never be chosen again once it was left."""
    if gekozen is not huidig:
        controleer_kenmerk(gekozen, toegestaan)


def controleer_overgang(van: Status, naar: Status) -> None:
    """The lifecycle of chapter 4, with the refusal a user reads when a change is not possible."""
    if naar not in OVERGANGEN[van]:
        raise NietToegestaan(
            f"Een berichttype met status {van.value} kan niet de status {naar.value} krijgen.",
            veld="status",
        )


class Berichttype(Aggregate):
    @staticmethod
    def create_id(afnemer: Oin, code: BerichttypeCode) -> UUID:
        return berichttype_id(afnemer, code)

    @classmethod
    def aanmaken(
        cls,
        afnemer: Oin,
        code: BerichttypeCode,
        omschrijving: str,
        kenmerk: Notificatiekenmerk,
        toegestane_kenmerken: Collection[Notificatiekenmerk],
        actor: Actor,
        timestamp: datetime,
    ) -> "Berichttype":
        controleer_kenmerk(kenmerk, toegestane_kenmerken)
        return cls(afnemer, code, controleer_omschrijving(omschrijving), kenmerk, actor, timestamp)

    @event("Created")
    def __init__(
        self,
        afnemer: Oin,
        code: BerichttypeCode,
        omschrijving: str,
        kenmerk: Notificatiekenmerk,
        actor: Actor,
        timestamp: datetime,
    ) -> None:
        self.afnemer = afnemer
        self.code = code
        self.omschrijving = omschrijving
        self.kenmerk = kenmerk
        self.status = Status.NIEUW
        self.bijlagen: list[BijlageRef] = []

    # -- details -------------------------------------------------------------------------------------

    def wijzig(
        self,
        omschrijving: str,
        kenmerk: Notificatiekenmerk,
        toegestane_kenmerken: Collection[Notificatiekenmerk],
        status: Status | None,
        actor: Actor,
        timestamp: datetime,
    ) -> None:
        """Berichttype wijzigen (chapter 4): the details and the status go together or not at all. Every rule
        is checked before the first event is recorded, so a refused status leaves the details untouched.
        `status` None (or the current status) keeps the status; nothing unchanged is recorded."""
        if self.status is Status.ARCHIEF:
            raise NietToegestaan("Een gearchiveerd berichttype kan niet meer worden gewijzigd.")
        omschrijving = controleer_omschrijving(omschrijving)
        controleer_kenmerkkeuze(self.kenmerk, kenmerk, toegestane_kenmerken)
        nieuwe_status = None if status in (None, self.status) else status
        if nieuwe_status is not None:
            controleer_overgang(self.status, nieuwe_status)
        if (omschrijving, kenmerk) != (self.omschrijving, self.kenmerk):
            self._details_changed(omschrijving, kenmerk, actor, timestamp)
        if nieuwe_status is not None:
            self._leg_status_vast(nieuwe_status, actor, timestamp)

    def wijzig_details(
        self,
        omschrijving: str,
        kenmerk: Notificatiekenmerk,
        toegestane_kenmerken: Collection[Notificatiekenmerk],
        actor: Actor,
        timestamp: datetime,
    ) -> None:
        self.wijzig(omschrijving, kenmerk, toegestane_kenmerken, None, actor, timestamp)

    @event("DetailsChanged")
    def _details_changed(
        self, omschrijving: str, kenmerk: Notificatiekenmerk, actor: Actor, timestamp: datetime
    ) -> None:
        self.omschrijving = omschrijving
        self.kenmerk = kenmerk

    # -- status --------------------------------------------------------------------------------------

    def mag_naar(self, nieuw: Status) -> bool:
        return nieuw in OVERGANGEN[self.status]

    def activeer(self, actor: Actor, timestamp: datetime) -> None:
        self.wijzig_status(Status.ACTIEF, actor, timestamp)

    def deactiveer(self, actor: Actor, timestamp: datetime) -> None:
        self.wijzig_status(Status.INACTIEF, actor, timestamp)

    def archiveer(self, actor: Actor, timestamp: datetime) -> None:
        self.wijzig_status(Status.ARCHIEF, actor, timestamp)

    def wijzig_status(self, nieuw: Status, actor: Actor, timestamp: datetime) -> None:
        controleer_overgang(self.status, nieuw)
        self._leg_status_vast(nieuw, actor, timestamp)

    def _leg_status_vast(self, nieuw: Status, actor: Actor, timestamp: datetime) -> None:
        record = {
            Status.ACTIEF: self._activated,
            Status.INACTIEF: self._deactivated,
            Status.ARCHIEF: self._archived,
        }[nieuw]
        record(actor, timestamp)

    @event("Activated")
    def _activated(self, actor: Actor, timestamp: datetime) -> None:
        self.status = Status.ACTIEF

    @event("Deactivated")
    def _deactivated(self, actor: Actor, timestamp: datetime) -> None:
        self.status = Status.INACTIEF

    @event("Archived")
    def _archived(self, actor: Actor, timestamp: datetime) -> None:
        self.status = Status.ARCHIEF

    # -- standaard bijlagen --------------------------------------------------------------------------

    def _alleen_in_nieuw(self) -> None:
        if self.status is not Status.NIEUW:
            raise NietToegestaan(
                "Bijlagen kunnen alleen worden gewijzigd zolang het berichttype de status Nieuw heeft.",
                veld="bestand",
            )

    def voeg_bijlage_toe(self, bijlage: BijlageRef, actor: Actor, timestamp: datetime) -> None:
        self._alleen_in_nieuw()
        controleer_bestandsnaam(bijlage.naam)
        if any(dezelfde_bestandsnaam(b.naam, bijlage.naam) for b in self.bijlagen):
            raise NietToegestaan(al_aanwezig(bijlage.naam), veld="bestand")
        te_veel = STANDAARD.te_veel(len(self.bijlagen) + 1)
        te_groot = STANDAARD.te_groot(sum(b.grootte for b in self.bijlagen) + bijlage.grootte)
        if te_veel or te_groot:
            raise NietToegestaan(te_veel or te_groot, veld="bestand")
        self._attachment_added(bijlage, actor, timestamp)

    def bijlage(self, bijlage_id: str) -> BijlageRef:
        for bijlage in self.bijlagen:
            if bijlage.bijlage_id == bijlage_id:
                return bijlage
        raise NietGevonden("Deze bijlage hoort niet (meer) bij dit berichttype.")

    def verwijder_bijlage(self, bijlage_id: str, actor: Actor, timestamp: datetime) -> None:
        self._alleen_in_nieuw()
        self.bijlage(bijlage_id)
        self._attachment_removed(bijlage_id, actor, timestamp)

    def verplaats_bijlage(self, bijlage_id: str, stap: int, actor: Actor, timestamp: datetime) -> None:
        """stap -1 is 'omhoog', +1 is 'omlaag'; a move past either end is refused."""
        self._alleen_in_nieuw()
        positie = self.bijlagen.index(self.bijlage(bijlage_id))
        naar = positie + stap
        if stap not in (-1, 1) or not 0 <= naar < len(self.bijlagen):
            raise NietToegestaan("Deze bijlage kan niet verder die kant op worden verplaatst.")
        self._attachment_moved(bijlage_id, naar, actor, timestamp)

    @event("AttachmentAdded")
    def _attachment_added(self, bijlage: BijlageRef, actor: Actor, timestamp: datetime) -> None:
        self.bijlagen = [*self.bijlagen, bijlage]

    @event("AttachmentRemoved")
    def _attachment_removed(self, bijlage_id: str, actor: Actor, timestamp: datetime) -> None:
        self.bijlagen = [b for b in self.bijlagen if b.bijlage_id != bijlage_id]

    @event("AttachmentMoved")
    def _attachment_moved(self, bijlage_id: str, positie: int, actor: Actor, timestamp: datetime) -> None:
        bijlage = next(b for b in self.bijlagen if b.bijlage_id == bijlage_id)
        rest = [b for b in self.bijlagen if b.bijlage_id != bijlage_id]
        self.bijlagen = [*rest[:positie], bijlage, *rest[positie:]]
