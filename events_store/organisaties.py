"""Commands on organisaties, their profiel and intermediair relations."""

from collections.abc import Iterable

from domain.fouten import BestaatAl, NietToegestaan
from domain.identiteit import organisatie_id
from domain.organisatie import Organisatie
from domain.profiel import Profiel
from domain.waarden import Actor, Notificatiekenmerk, Oin, Rol
from events_store.basis import Logboek, Vastgelegd, controleer_namens, een_tegelijk, opnieuw_bij_conflict


class OrganisatieCommandos:
    def __init__(self, log: Logboek) -> None:
        self.log = log

    def organisatie(self, oin: Oin) -> Organisatie:
        return self.log.laad(organisatie_id(oin), f"Er is geen organisatie geregistreerd met OIN {oin}.")

    def afnemer(self, oin: Oin) -> Organisatie:
        organisatie = self.organisatie(oin)
        if organisatie.rol is not Rol.AFNEMER:
            raise NietToegestaan(f"{organisatie.naam} is geen afnemer.")
        return organisatie

    def registreer_organisatie(
        self, oin: Oin, naam: str, rol: Rol, kenmerken: Iterable[Notificatiekenmerk], actor: Actor
    ) -> Vastgelegd:
        organisatie = Organisatie.registreren(oin, naam, rol, kenmerken, actor, self.log.klok())
        return self.log.bewaar_nieuw(
            organisatie, BestaatAl(f"Er is al een organisatie met OIN {oin}.", veld="oin")
        )

    @opnieuw_bij_conflict
    @een_tegelijk(lambda oin, *_, **__: organisatie_id(oin))
    def wijzig_organisatie(
        self, oin: Oin, naam: str, kenmerken: Iterable[Notificatiekenmerk], actor: Actor
    ) -> Vastgelegd:
        organisatie = self.organisatie(oin)
        organisatie.wijzig_gegevens(naam, kenmerken, actor, self.log.klok())
        return self.log.bewaar(organisatie)

    @opnieuw_bij_conflict
    @een_tegelijk(lambda oin, *_, **__: organisatie_id(oin))
    def wijzig_profiel(self, afnemer: Oin, profiel: Profiel, actor: Actor) -> Vastgelegd:
        controleer_namens(actor, afnemer)
        organisatie = self.organisatie(afnemer)
        organisatie.wijzig_profiel(profiel, actor, self.log.klok())
        return self.log.bewaar(organisatie)

    @opnieuw_bij_conflict
    @een_tegelijk(lambda oin, *_, **__: organisatie_id(oin))
    def bedien_afnemer(self, intermediair: Oin, afnemer: Oin, actor: Actor) -> Vastgelegd:
        organisatie = self.organisatie(intermediair)
        organisatie.bedien_afnemer(self.organisatie(afnemer), actor, self.log.klok())
        return self.log.bewaar(organisatie)

    @opnieuw_bij_conflict
    @een_tegelijk(lambda oin, *_, **__: organisatie_id(oin))
    def stop_bedienen(self, intermediair: Oin, afnemer: Oin, actor: Actor) -> Vastgelegd:
        organisatie = self.organisatie(intermediair)
        organisatie.stop_bedienen(afnemer, actor, self.log.klok())
        return self.log.bewaar(organisatie)
