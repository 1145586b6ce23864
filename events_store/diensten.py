"""Commands on diensten and their koppelingen with berichttypes."""

from collections.abc import Iterable
from uuid import UUID

from domain.dienst import Dienst
from domain.fouten import BestaatAl
from domain.identiteit import dienst_id
from domain.waarden import Actor, BerichttypeCode, DienstId, Oin
from events_store.basis import opnieuw_bij_conflict
from events_store.berichttypes import BerichttypeCommandos


class DienstCommandos(BerichttypeCommandos):
    def dienst(self, afnemer: Oin, dienst: DienstId) -> Dienst:
        return self.laad(dienst_id(afnemer, dienst), f"Dienst '{dienst}' bestaat niet bij deze afnemer.")

    def maak_dienst(self, afnemer: Oin, dienst: DienstId, omschrijving: str, actor: Actor) -> UUID:
        self.controleer_namens(actor, afnemer)
        self.afnemer(afnemer)
        nieuw = Dienst.aanmaken(afnemer, dienst, omschrijving, actor, self.klok())
        self.bewaar_nieuw(
            nieuw, BestaatAl(f"De Dienst ID '{dienst}' bestaat al bij deze afnemer.", "dienst_id")
        )
        return nieuw.id

    @opnieuw_bij_conflict
    def wijzig_dienst(self, afnemer: Oin, dienst: DienstId, omschrijving: str, actor: Actor) -> None:
        self.controleer_namens(actor, afnemer)
        gevonden = self.dienst(afnemer, dienst)
        gevonden.wijzig_omschrijving(omschrijving, actor, self.klok())
        self.save(gevonden)

    @opnieuw_bij_conflict
    def pas_koppelingen_toe(
        self,
        afnemer: Oin,
        dienst: DienstId,
        koppelen: Iterable[BerichttypeCode],
        ontkoppelen: Iterable[BerichttypeCode],
        actor: Actor,
    ) -> None:
        """The (ont)koppelen screen's Toepassen: all changes in one transaction, or none."""
        self.controleer_namens(actor, afnemer)
        gevonden, moment = self.dienst(afnemer, dienst), self.klok()
        for code in ontkoppelen:
            gevonden.ontkoppel(code, actor, moment)
        for code in koppelen:
            gevonden.koppel(code, self.berichttype(afnemer, code).status, actor, moment)
        self.save(gevonden)

    def koppel(self, afnemer: Oin, dienst: DienstId, code: BerichttypeCode, actor: Actor) -> None:
        self.pas_koppelingen_toe(afnemer, dienst, [code], [], actor)

    def ontkoppel(self, afnemer: Oin, dienst: DienstId, code: BerichttypeCode, actor: Actor) -> None:
        self.pas_koppelingen_toe(afnemer, dienst, [], [code], actor)

    @opnieuw_bij_conflict
    def deactiveer_dienst(self, afnemer: Oin, dienst: DienstId, actor: Actor) -> None:
        self.controleer_namens(actor, afnemer)
        gevonden = self.dienst(afnemer, dienst)
        gevonden.deactiveer(actor, self.klok())
        self.save(gevonden)

    @opnieuw_bij_conflict
    def activeer_dienst(self, afnemer: Oin, dienst: DienstId, actor: Actor) -> None:
        self.controleer_namens(actor, afnemer)
        gevonden = self.dienst(afnemer, dienst)
        gevonden.activeer(actor, self.klok())
        self.save(gevonden)
