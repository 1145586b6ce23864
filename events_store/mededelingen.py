"""Commands on mededelingen: the beheerder's notices on every Home page."""

from uuid import UUID, uuid4

from domain.mededeling import Mededeling
from domain.waarden import Actor
from events_store.basis import Logboek, Vastgelegd, een_tegelijk, opnieuw_bij_conflict


class MededelingCommandos:
    def __init__(self, log: Logboek) -> None:
        self.log = log

    def plaats_mededeling(self, titel: str, inhoud: str, actor: Actor) -> Vastgelegd:
        mededeling = Mededeling.plaatsen(uuid4(), titel, inhoud, actor, self.log.klok())
        return self.log.bewaar(mededeling, id=mededeling.id)

    @opnieuw_bij_conflict
    @een_tegelijk(lambda mededeling_id, *_, **__: mededeling_id)
    def trek_mededeling_in(self, mededeling_id: UUID, actor: Actor) -> Vastgelegd:
        mededeling = self.log.laad(mededeling_id, "Deze mededeling bestaat niet.")
        mededeling.intrekken(actor, self.log.klok())
        return self.log.bewaar(mededeling)
