"""Commands on diensten and their koppelingen with berichttypes."""

from collections.abc import Iterable

from domain.dienst import Dienst
from domain.fouten import BestaatAl, NietToegestaan, OngeldigeWaarde
from domain.identiteit import dienst_id
from domain.waarden import Actor, BerichttypeCode, DienstId, Oin
from events_store.basis import Logboek, Vastgelegd, controleer_namens, een_tegelijk, opnieuw_bij_conflict
from events_store.berichttypes import BerichttypeCommandos
from events_store.organisaties import OrganisatieCommandos


class DienstCommandos:
    def __init__(
        self, log: Logboek, organisaties: OrganisatieCommandos, berichttypes: BerichttypeCommandos
    ) -> None:
        self.log = log
        self.organisaties = organisaties
        self.berichttypes = berichttypes

    def dienst(self, afnemer: Oin, dienst: DienstId) -> Dienst:
        return self.log.laad(dienst_id(afnemer, dienst), f"Dienst '{dienst}' bestaat niet bij deze afnemer.")

    def maak_dienst(self, afnemer: Oin, dienst: DienstId, omschrijving: str, actor: Actor) -> Vastgelegd:
        controleer_namens(actor, afnemer)
        self.organisaties.afnemer(afnemer)
        nieuw = Dienst.aanmaken(afnemer, dienst, omschrijving, actor, self.log.klok())
        return self.log.bewaar_nieuw(
            nieuw, BestaatAl(f"De Dienst ID '{dienst}' bestaat al bij deze afnemer.", "dienst_id")
        )

    @opnieuw_bij_conflict
    @een_tegelijk(lambda afnemer, dienst, *_, **__: dienst_id(afnemer, dienst))
    def wijzig_dienst(self, afnemer: Oin, dienst: DienstId, omschrijving: str, actor: Actor) -> Vastgelegd:
        controleer_namens(actor, afnemer)
        gevonden = self.dienst(afnemer, dienst)
        gevonden.wijzig_omschrijving(omschrijving, actor, self.log.klok())
        return self.log.bewaar(gevonden)

    @opnieuw_bij_conflict
    @een_tegelijk(lambda afnemer, dienst, *_, **__: dienst_id(afnemer, dienst))
    def pas_koppelingen_toe(
        self,
        afnemer: Oin,
        dienst: DienstId,
        koppelen: Iterable[BerichttypeCode],
        ontkoppelen: Iterable[BerichttypeCode],
        actor: Actor,
    ) -> Vastgelegd:
        """The (ont)koppelen screen's Toepassen: all changes in one transaction, or none."""
        controleer_namens(actor, afnemer)
        gevonden, moment = self.dienst(afnemer, dienst), self.log.klok()
        for code in ontkoppelen:
            gevonden.ontkoppel(code, actor, moment)
        for code in koppelen:
            gevonden.koppel(code, self.berichttypes.berichttype(afnemer, code).status, actor, moment)
        return self.log.bewaar(gevonden)

    @opnieuw_bij_conflict
    def pas_gekoppelde_diensten_toe(
        self,
        afnemer: Oin,
        code: BerichttypeCode,
        koppelen: Iterable[DienstId],
        ontkoppelen: Iterable[DienstId],
        actor: Actor,
    ) -> Vastgelegd:
        """The Gekoppelde diensten changed from the berichttype (chapter 4). Each dienst is its own aggregate,
        but all of them live in this one log: they are saved in one transaction, so every dienst changes or
        none does (a refusal or a conflict on any of them leaves all of them as they were)."""
        controleer_namens(actor, afnemer)
        koppelen, ontkoppelen = list(dict.fromkeys(koppelen)), list(dict.fromkeys(ontkoppelen))
        if set(koppelen) & set(ontkoppelen):
            raise OngeldigeWaarde("Kies per dienst koppelen of ontkoppelen, niet allebei.")
        if not koppelen and not ontkoppelen:
            raise OngeldigeWaarde("Er is geen koppeling gewijzigd.")
        status, moment = self.berichttypes.berichttype(afnemer, code).status, self.log.klok()
        gewijzigd = []
        for dienst in [*ontkoppelen, *koppelen]:
            gevonden = self.dienst(afnemer, dienst)
            try:
                if dienst in koppelen:
                    gevonden.koppel(code, status, actor, moment)
                else:
                    gevonden.ontkoppel(code, actor, moment)
            except NietToegestaan as fout:
                # Several diensten at once: the refusal names the one it is about.
                raise NietToegestaan(f"Dienst '{dienst}': {fout.melding}", veld=fout.veld) from None
            gewijzigd.append(gevonden)
        return self.log.bewaar(*gewijzigd)

    def koppel(self, afnemer: Oin, dienst: DienstId, code: BerichttypeCode, actor: Actor) -> Vastgelegd:
        return self.pas_koppelingen_toe(afnemer, dienst, [code], [], actor)

    def ontkoppel(self, afnemer: Oin, dienst: DienstId, code: BerichttypeCode, actor: Actor) -> Vastgelegd:
        return self.pas_koppelingen_toe(afnemer, dienst, [], [code], actor)

    @opnieuw_bij_conflict
    @een_tegelijk(lambda afnemer, dienst, *_, **__: dienst_id(afnemer, dienst))
    def deactiveer_dienst(self, afnemer: Oin, dienst: DienstId, actor: Actor) -> Vastgelegd:
        controleer_namens(actor, afnemer)
        gevonden = self.dienst(afnemer, dienst)
        gevonden.deactiveer(actor, self.log.klok())
        return self.log.bewaar(gevonden)

    @opnieuw_bij_conflict
    @een_tegelijk(lambda afnemer, dienst, *_, **__: dienst_id(afnemer, dienst))
    def activeer_dienst(self, afnemer: Oin, dienst: DienstId, actor: Actor) -> Vastgelegd:
        controleer_namens(actor, afnemer)
        gevonden = self.dienst(afnemer, dienst)
        gevonden.activeer(actor, self.log.klok())
        return self.log.bewaar(gevonden)
