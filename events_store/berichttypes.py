"""Commands on berichttypes and their standaard bijlagen."""

from uuid import UUID, uuid4

from domain.berichttype import Berichttype
from domain.bijlage import BijlageRef, controleer_pdf_kop
from domain.fouten import BestaatAl
from domain.identiteit import berichttype_id
from domain.waarden import Actor, BerichttypeCode, Notificatiekenmerk, Oin, Status
from events_store.basis import opnieuw_bij_conflict
from events_store.bijlage_opslag import BijlageOpslag
from events_store.organisaties import OrganisatieCommandos


class BerichttypeCommandos(OrganisatieCommandos):
    bijlagen: BijlageOpslag

    def berichttype(self, afnemer: Oin, code: BerichttypeCode) -> Berichttype:
        return self.laad(berichttype_id(afnemer, code), f"Berichttype {code} bestaat niet bij deze afnemer.")

    def maak_berichttype(
        self,
        afnemer: Oin,
        code: BerichttypeCode,
        omschrijving: str,
        kenmerk: Notificatiekenmerk,
        actor: Actor,
    ) -> UUID:
        self.controleer_namens(actor, afnemer)
        kenmerken = self.afnemer(afnemer).kenmerken
        berichttype = Berichttype.aanmaken(
            afnemer, code, omschrijving, kenmerk, kenmerken, actor, self.klok()
        )
        self.bewaar_nieuw(berichttype, BestaatAl(f"De code {code} bestaat al bij deze afnemer.", veld="code"))
        return berichttype.id

    @opnieuw_bij_conflict
    def wijzig_berichttype(
        self,
        afnemer: Oin,
        code: BerichttypeCode,
        omschrijving: str,
        kenmerk: Notificatiekenmerk,
        actor: Actor,
    ) -> None:
        self.controleer_namens(actor, afnemer)
        berichttype = self.berichttype(afnemer, code)
        berichttype.wijzig_details(omschrijving, kenmerk, self.afnemer(afnemer).kenmerken, actor, self.klok())
        self.save(berichttype)

    @opnieuw_bij_conflict
    def wijzig_berichttype_status(
        self, afnemer: Oin, code: BerichttypeCode, status: Status, actor: Actor
    ) -> None:
        self.controleer_namens(actor, afnemer)
        berichttype = self.berichttype(afnemer, code)
        berichttype.wijzig_status(status, actor, self.klok())
        self.save(berichttype)

    def voeg_bijlage_toe(
        self, afnemer: Oin, code: BerichttypeCode, naam: str, inhoud: bytes, actor: Actor
    ) -> str:
        """The bytes are stored by hash first: a stored blob with no event is harmless, the reverse is not.

        The file name is the berichttype's rule (`Berichttype.voeg_bijlage_toe`), checked there once.
        """
        self.controleer_namens(actor, afnemer)
        controleer_pdf_kop(inhoud)
        bijlage = BijlageRef(str(uuid4()), naam, len(inhoud), self.bijlagen.bewaar(inhoud))
        self._voeg_bijlage_ref_toe(afnemer, code, bijlage, actor)
        return bijlage.bijlage_id

    @opnieuw_bij_conflict
    def _voeg_bijlage_ref_toe(
        self, afnemer: Oin, code: BerichttypeCode, bijlage: BijlageRef, actor: Actor
    ) -> None:
        berichttype = self.berichttype(afnemer, code)
        berichttype.voeg_bijlage_toe(bijlage, actor, self.klok())
        self.save(berichttype)

    @opnieuw_bij_conflict
    def verwijder_bijlage(self, afnemer: Oin, code: BerichttypeCode, bijlage_id: str, actor: Actor) -> None:
        self.controleer_namens(actor, afnemer)
        berichttype = self.berichttype(afnemer, code)
        berichttype.verwijder_bijlage(bijlage_id, actor, self.klok())
        self.save(berichttype)

    @opnieuw_bij_conflict
    def verplaats_bijlage(
        self, afnemer: Oin, code: BerichttypeCode, bijlage_id: str, stap: int, actor: Actor
    ) -> None:
        self.controleer_namens(actor, afnemer)
        berichttype = self.berichttype(afnemer, code)
        berichttype.verplaats_bijlage(bijlage_id, stap, actor, self.klok())
        self.save(berichttype)

    def bijlage_inhoud(self, afnemer: Oin, code: BerichttypeCode, bijlage_id: str) -> tuple[str, bytes]:
        bijlage = self.berichttype(afnemer, code).bijlage(bijlage_id)
        return bijlage.naam, self.bijlagen.lees(bijlage.sha256) or b""
