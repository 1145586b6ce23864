"""The use cases of the portal configuration: each takes its input, runs one command in one transaction
and returns what it recorded (`Vastgelegd`: the log and the command's position in it). The caller waits for
exactly that position (`Bijhouden.na_commando`) before it shows a page that reads the change."""

from collections.abc import Iterable
from uuid import UUID

from domain.profiel import Profiel
from domain.waarden import Actor, BerichttypeCode, DienstId, Notificatiekenmerk, Oin, Rol, Status
from events_store.basis import Vastgelegd
from events_store.configuratie import Configuratie


class Portaal:
    def __init__(self, configuratie: Configuratie) -> None:
        self._organisaties = configuratie.organisaties
        self._berichttypes = configuratie.berichttypes
        self._diensten = configuratie.diensten
        self._mededelingen = configuratie.mededelingen
        self._contact = configuratie.contact

    # -- organisaties (the beheerder) and the profiel (the afnemer) --

    def registreer_organisatie(
        self, oin: Oin, naam: str, rol: Rol, kenmerken: Iterable[Notificatiekenmerk], actor: Actor
    ) -> Vastgelegd:
        return self._organisaties.registreer_organisatie(oin, naam, rol, kenmerken, actor)

    def wijzig_organisatie(
        self, oin: Oin, naam: str, kenmerken: Iterable[Notificatiekenmerk], actor: Actor
    ) -> Vastgelegd:
        return self._organisaties.wijzig_organisatie(oin, naam, kenmerken, actor)

    def wijzig_profiel(self, afnemer: Oin, profiel: Profiel, actor: Actor) -> Vastgelegd:
        return self._organisaties.wijzig_profiel(afnemer, profiel, actor)

    def bedien_afnemer(self, intermediair: Oin, afnemer: Oin, actor: Actor) -> Vastgelegd:
        return self._organisaties.bedien_afnemer(intermediair, afnemer, actor)

    def stop_bedienen(self, intermediair: Oin, afnemer: Oin, actor: Actor) -> Vastgelegd:
        return self._organisaties.stop_bedienen(intermediair, afnemer, actor)

    # -- berichttypes and their standaard bijlagen --

    def maak_berichttype(
        self,
        afnemer: Oin,
        code: BerichttypeCode,
        omschrijving: str,
        kenmerk: Notificatiekenmerk,
        actor: Actor,
    ) -> Vastgelegd:
        return self._berichttypes.maak_berichttype(afnemer, code, omschrijving, kenmerk, actor)

    def wijzig_berichttype(
        self,
        afnemer: Oin,
        code: BerichttypeCode,
        omschrijving: str,
        kenmerk: Notificatiekenmerk,
        actor: Actor,
        status: Status | None = None,
    ) -> Vastgelegd:
        return self._berichttypes.wijzig_berichttype(afnemer, code, omschrijving, kenmerk, actor, status)

    def wijzig_berichttype_status(
        self, afnemer: Oin, code: BerichttypeCode, status: Status, actor: Actor
    ) -> Vastgelegd:
        return self._berichttypes.wijzig_berichttype_status(afnemer, code, status, actor)

    def voeg_bijlage_toe(
        self, afnemer: Oin, code: BerichttypeCode, naam: str, inhoud: bytes, actor: Actor
    ) -> Vastgelegd:
        return self._berichttypes.voeg_bijlage_toe(afnemer, code, naam, inhoud, actor)

    def verwijder_bijlage(
        self, afnemer: Oin, code: BerichttypeCode, bijlage_id: str, actor: Actor
    ) -> Vastgelegd:
        return self._berichttypes.verwijder_bijlage(afnemer, code, bijlage_id, actor)

    def verplaats_bijlage(
        self, afnemer: Oin, code: BerichttypeCode, bijlage_id: str, stap: int, actor: Actor
    ) -> Vastgelegd:
        return self._berichttypes.verplaats_bijlage(afnemer, code, bijlage_id, stap, actor)

    # -- diensten and koppelingen --

    def maak_dienst(self, afnemer: Oin, dienst: DienstId, omschrijving: str, actor: Actor) -> Vastgelegd:
        return self._diensten.maak_dienst(afnemer, dienst, omschrijving, actor)

    def wijzig_dienst(self, afnemer: Oin, dienst: DienstId, omschrijving: str, actor: Actor) -> Vastgelegd:
        return self._diensten.wijzig_dienst(afnemer, dienst, omschrijving, actor)

    def pas_koppelingen_toe(
        self,
        afnemer: Oin,
        dienst: DienstId,
        koppelen: Iterable[BerichttypeCode],
        ontkoppelen: Iterable[BerichttypeCode],
        actor: Actor,
    ) -> Vastgelegd:
        return self._diensten.pas_koppelingen_toe(afnemer, dienst, koppelen, ontkoppelen, actor)

    def pas_gekoppelde_diensten_toe(
        self,
        afnemer: Oin,
        code: BerichttypeCode,
        koppelen: Iterable[DienstId],
        ontkoppelen: Iterable[DienstId],
        actor: Actor,
    ) -> Vastgelegd:
        return self._diensten.pas_gekoppelde_diensten_toe(afnemer, code, koppelen, ontkoppelen, actor)

    def koppel(self, afnemer: Oin, dienst: DienstId, code: BerichttypeCode, actor: Actor) -> Vastgelegd:
        return self._diensten.koppel(afnemer, dienst, code, actor)

    def ontkoppel(self, afnemer: Oin, dienst: DienstId, code: BerichttypeCode, actor: Actor) -> Vastgelegd:
        return self._diensten.ontkoppel(afnemer, dienst, code, actor)

    def deactiveer_dienst(self, afnemer: Oin, dienst: DienstId, actor: Actor) -> Vastgelegd:
        return self._diensten.deactiveer_dienst(afnemer, dienst, actor)

    def activeer_dienst(self, afnemer: Oin, dienst: DienstId, actor: Actor) -> Vastgelegd:
        return self._diensten.activeer_dienst(afnemer, dienst, actor)

    # -- mededelingen and contact --

    def plaats_mededeling(self, titel: str, inhoud: str, actor: Actor) -> Vastgelegd:
        return self._mededelingen.plaats_mededeling(titel, inhoud, actor)

    def trek_mededeling_in(self, mededeling_id: UUID, actor: Actor) -> Vastgelegd:
        return self._mededelingen.trek_mededeling_in(mededeling_id, actor)

    def verstuur_contactbericht(self, onderwerp: str, bericht: str, email: str, actor: Actor) -> Vastgelegd:
        return self._contact.verstuur_contactbericht(onderwerp, bericht, email, actor)
