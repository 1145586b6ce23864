"""Organisatie: an afnemer, an intermediair or the beheerder, registered on its OIN by the beheerder.

An intermediair serves afnemers during intervals [van, tot): `bediende_afnemers` holds the open ones.
"""

from collections.abc import Iterable
from datetime import datetime
from uuid import UUID

from eventsourcing.domain import Aggregate, event

from domain.fouten import NietToegestaan, OngeldigeWaarde
from domain.identiteit import organisatie_id
from domain.profiel import Profiel
from domain.waarden import Actor, Notificatiekenmerk, Oin, Rol, tekst

MAX_NAAM = 100


def controleer_kenmerken(kenmerken: Iterable[Notificatiekenmerk]) -> tuple[Notificatiekenmerk, ...]:
    gekozen = tuple(k for k in Notificatiekenmerk if k in set(kenmerken))
    if not gekozen:
        raise OngeldigeWaarde("Kies ten minste één notificatiekenmerk.", veld="kenmerken")
    return gekozen


class Organisatie(Aggregate):
    @staticmethod
    def create_id(oin: Oin) -> UUID:
        return organisatie_id(oin)

    @classmethod
    def registreren(
        cls,
        oin: Oin,
        naam: str,
        rol: Rol,
        kenmerken: Iterable[Notificatiekenmerk],
        actor: Actor,
        timestamp: datetime,
    ) -> "Organisatie":
        naam = tekst(naam, "naam", "De naam", MAX_NAAM)
        return cls(oin, naam, rol, controleer_kenmerken(kenmerken), actor, timestamp)

    @event("Registered")
    def __init__(
        self,
        oin: Oin,
        naam: str,
        rol: Rol,
        kenmerken: tuple[Notificatiekenmerk, ...],
        actor: Actor,
        timestamp: datetime,
    ) -> None:
        self.oin = oin
        self.naam = naam
        self.rol = rol
        # tuple(): an event's tuple comes back from the store as a list.
        self.kenmerken = tuple(kenmerken)
        self.profiel: Profiel | None = None
        self.bediende_afnemers: dict[Oin, datetime] = {}

    def wijzig_gegevens(
        self, naam: str, kenmerken: Iterable[Notificatiekenmerk], actor: Actor, timestamp: datetime
    ) -> None:
        naam = tekst(naam, "naam", "De naam", MAX_NAAM)
        gekozen = controleer_kenmerken(kenmerken)
        if (naam, gekozen) != (self.naam, self.kenmerken):
            self._details_changed(naam, gekozen, actor, timestamp)

    @event("DetailsChanged")
    def _details_changed(
        self, naam: str, kenmerken: tuple[Notificatiekenmerk, ...], actor: Actor, timestamp: datetime
    ) -> None:
        self.naam = naam
        self.kenmerken = tuple(kenmerken)

    def wijzig_profiel(self, profiel: Profiel, actor: Actor, timestamp: datetime) -> None:
        if self.rol is not Rol.AFNEMER:
            raise NietToegestaan("Alleen een afnemer heeft een organisatieprofiel.")
        if profiel != self.profiel:
            self._profile_changed(profiel, actor, timestamp)

    @event("ProfileChanged")
    def _profile_changed(self, profiel: Profiel, actor: Actor, timestamp: datetime) -> None:
        self.profiel = profiel

    # -- intermediair ---------------------------------------------------------------------------------

    def bedien_afnemer(self, afnemer: "Organisatie", actor: Actor, timestamp: datetime) -> None:
        if self.rol is not Rol.INTERMEDIAIR:
            raise NietToegestaan("Alleen een intermediair kan afnemers bedienen.")
        if afnemer.rol is not Rol.AFNEMER:
            raise NietToegestaan(f"{afnemer.naam} is geen afnemer.")
        if afnemer.oin in self.bediende_afnemers:
            raise NietToegestaan(f"{afnemer.naam} wordt al door deze intermediair bediend.")
        self._representation_started(afnemer.oin, actor, timestamp)

    def stop_bedienen(self, afnemer: Oin, actor: Actor, timestamp: datetime) -> None:
        if afnemer not in self.bediende_afnemers:
            raise NietToegestaan("Deze afnemer wordt niet door deze intermediair bediend.")
        self._representation_ended(afnemer, actor, timestamp)

    @event("RepresentationStarted")
    def _representation_started(self, afnemer: Oin, actor: Actor, timestamp: datetime) -> None:
        self.bediende_afnemers = {**self.bediende_afnemers, afnemer: timestamp}

    @event("RepresentationEnded")
    def _representation_ended(self, afnemer: Oin, actor: Actor, timestamp: datetime) -> None:
        self.bediende_afnemers = {o: van for o, van in self.bediende_afnemers.items() if o != afnemer}
