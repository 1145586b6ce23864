"""Commands on berichttypes and their standaard bijlagen."""

from uuid import uuid4

from domain.berichttype import Berichttype
from domain.bijlage import BijlageRef, controleer_pdf_kop
from domain.fouten import BestaatAl
from domain.identiteit import berichttype_id
from domain.waarden import Actor, BerichttypeCode, Notificatiekenmerk, Oin, Status
from events_store.basis import Logboek, Vastgelegd, controleer_namens, een_tegelijk, opnieuw_bij_conflict
from events_store.bijlage_opslag import BijlageOpslag
from events_store.organisaties import OrganisatieCommandos


class BerichttypeCommandos:
    def __init__(self, log: Logboek, organisaties: OrganisatieCommandos, bijlagen: BijlageOpslag) -> None:
        self.log = log
        self.organisaties = organisaties
        self.bijlagen = bijlagen

    def berichttype(self, afnemer: Oin, code: BerichttypeCode) -> Berichttype:
        return self.log.laad(
            berichttype_id(afnemer, code), f"Berichttype {code} bestaat niet bij deze afnemer."
        )

    def maak_berichttype(
        self,
        afnemer: Oin,
        code: BerichttypeCode,
        omschrijving: str,
        kenmerk: Notificatiekenmerk,
        actor: Actor,
    ) -> Vastgelegd:
        controleer_namens(actor, afnemer)
        kenmerken = self.organisaties.afnemer(afnemer).kenmerken
        berichttype = Berichttype.aanmaken(
            afnemer, code, omschrijving, kenmerk, kenmerken, actor, self.log.klok()
        )
        return self.log.bewaar_nieuw(
            berichttype, BestaatAl(f"De code {code} bestaat al bij deze afnemer.", veld="code")
        )

    @opnieuw_bij_conflict
    @een_tegelijk(lambda afnemer, code, *_, **__: berichttype_id(afnemer, code))
    def wijzig_berichttype(
        self,
        afnemer: Oin,
        code: BerichttypeCode,
        omschrijving: str,
        kenmerk: Notificatiekenmerk,
        actor: Actor,
        status: Status | None = None,
    ) -> Vastgelegd:
        """Wijzigen with its confirmed status: details and status in one transaction, or nothing."""
        controleer_namens(actor, afnemer)
        berichttype = self.berichttype(afnemer, code)
        kenmerken = self.organisaties.afnemer(afnemer).kenmerken
        berichttype.wijzig(omschrijving, kenmerk, kenmerken, status, actor, self.log.klok())
        return self.log.bewaar(berichttype)

    @opnieuw_bij_conflict
    @een_tegelijk(lambda afnemer, code, *_, **__: berichttype_id(afnemer, code))
    def wijzig_berichttype_status(
        self, afnemer: Oin, code: BerichttypeCode, status: Status, actor: Actor
    ) -> Vastgelegd:
        controleer_namens(actor, afnemer)
        berichttype = self.berichttype(afnemer, code)
        berichttype.wijzig_status(status, actor, self.log.klok())
        return self.log.bewaar(berichttype)

    def voeg_bijlage_toe(
        self, afnemer: Oin, code: BerichttypeCode, naam: str, inhoud: bytes, actor: Actor
    ) -> Vastgelegd:
        """The bytes are stored by hash first: a stored blob with no event is harmless, the reverse is not.

        The file name is the berichttype's rule (`Berichttype.voeg_bijlage_toe`), checked there once.
        """
        controleer_namens(actor, afnemer)
        controleer_pdf_kop(inhoud)
        bijlage = BijlageRef(str(uuid4()), naam, len(inhoud), self.bijlagen.bewaar(inhoud))
        return self._voeg_bijlage_ref_toe(afnemer, code, bijlage, actor)

    @opnieuw_bij_conflict
    @een_tegelijk(lambda afnemer, code, *_, **__: berichttype_id(afnemer, code))
    def _voeg_bijlage_ref_toe(
        self, afnemer: Oin, code: BerichttypeCode, bijlage: BijlageRef, actor: Actor
    ) -> Vastgelegd:
        berichttype = self.berichttype(afnemer, code)
        berichttype.voeg_bijlage_toe(bijlage, actor, self.log.klok())
        return self.log.bewaar(berichttype, id=bijlage.bijlage_id)

    @opnieuw_bij_conflict
    @een_tegelijk(lambda afnemer, code, *_, **__: berichttype_id(afnemer, code))
    def verwijder_bijlage(
        self, afnemer: Oin, code: BerichttypeCode, bijlage_id: str, actor: Actor
    ) -> Vastgelegd:
        controleer_namens(actor, afnemer)
        berichttype = self.berichttype(afnemer, code)
        berichttype.verwijder_bijlage(bijlage_id, actor, self.log.klok())
        return self.log.bewaar(berichttype)

    @opnieuw_bij_conflict
    @een_tegelijk(lambda afnemer, code, *_, **__: berichttype_id(afnemer, code))
    def verplaats_bijlage(
        self, afnemer: Oin, code: BerichttypeCode, bijlage_id: str, stap: int, actor: Actor
    ) -> Vastgelegd:
        controleer_namens(actor, afnemer)
        berichttype = self.berichttype(afnemer, code)
        berichttype.verplaats_bijlage(bijlage_id, stap, actor, self.log.klok())
        return self.log.bewaar(berichttype)
