"""Commands on organisaties, their profiel, intermediair relations, and mededelingen."""

from collections.abc import Iterable
from uuid import UUID, uuid4

from domain.fouten import BestaatAl, NietToegestaan
from domain.identiteit import organisatie_id
from domain.mededeling import Mededeling
from domain.organisatie import Organisatie
from domain.profiel import Profiel
from domain.waarden import Actor, Notificatiekenmerk, Oin, Rol
from events_store.basis import PortaalApplicatie, opnieuw_bij_conflict


class OrganisatieCommandos(PortaalApplicatie):
    def organisatie(self, oin: Oin) -> Organisatie:
        return self.laad(organisatie_id(oin), f"Er is geen organisatie geregistreerd met OIN {oin}.")

    def afnemer(self, oin: Oin) -> Organisatie:
        organisatie = self.organisatie(oin)
        if organisatie.rol is not Rol.AFNEMER:
            raise NietToegestaan(f"{organisatie.naam} is geen afnemer.")
        return organisatie

    def registreer_organisatie(
        self, oin: Oin, naam: str, rol: Rol, kenmerken: Iterable[Notificatiekenmerk], actor: Actor
    ) -> UUID:
        organisatie = Organisatie.registreren(oin, naam, rol, kenmerken, actor, self.klok())
        self.bewaar_nieuw(organisatie, BestaatAl(f"Er is al een organisatie met OIN {oin}.", veld="oin"))
        return organisatie.id

    @opnieuw_bij_conflict
    def wijzig_organisatie(
        self, oin: Oin, naam: str, kenmerken: Iterable[Notificatiekenmerk], actor: Actor
    ) -> None:
        organisatie = self.organisatie(oin)
        organisatie.wijzig_gegevens(naam, kenmerken, actor, self.klok())
        self.save(organisatie)

    @opnieuw_bij_conflict
    def wijzig_profiel(self, afnemer: Oin, profiel: Profiel, actor: Actor) -> None:
        self.controleer_namens(actor, afnemer)
        organisatie = self.organisatie(afnemer)
        organisatie.wijzig_profiel(profiel, actor, self.klok())
        self.save(organisatie)

    @opnieuw_bij_conflict
    def bedien_afnemer(self, intermediair: Oin, afnemer: Oin, actor: Actor) -> None:
        organisatie = self.organisatie(intermediair)
        organisatie.bedien_afnemer(self.organisatie(afnemer), actor, self.klok())
        self.save(organisatie)

    @opnieuw_bij_conflict
    def stop_bedienen(self, intermediair: Oin, afnemer: Oin, actor: Actor) -> None:
        organisatie = self.organisatie(intermediair)
        organisatie.stop_bedienen(afnemer, actor, self.klok())
        self.save(organisatie)

    def plaats_mededeling(self, titel: str, inhoud: str, actor: Actor) -> UUID:
        mededeling = Mededeling.plaatsen(uuid4(), titel, inhoud, actor, self.klok())
        self.save(mededeling)
        return mededeling.id

    @opnieuw_bij_conflict
    def trek_mededeling_in(self, mededeling_id: UUID, actor: Actor) -> None:
        mededeling = self.laad(mededeling_id, "Deze mededeling bestaat niet.")
        mededeling.intrekken(actor, self.klok())
        self.save(mededeling)
