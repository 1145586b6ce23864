"""Commands on contactberichten: an organisation writes, the beheerder reads them in the portal."""

from uuid import UUID, uuid4

from domain.contactbericht import Contactbericht
from domain.waarden import Actor
from events_store.basis import Logboek, Vastgelegd


class ContactCommandos:
    def __init__(self, log: Logboek) -> None:
        self.log = log

    def verstuur_contactbericht(self, onderwerp: str, bericht: str, email: str, actor: Actor) -> Vastgelegd:
        nieuw = Contactbericht.versturen(uuid4(), onderwerp, bericht, email, actor, self.log.klok())
        return self.log.bewaar(nieuw, id=nieuw.id)

    def contactbericht(self, contactbericht_id: UUID) -> Contactbericht:
        return self.log.laad(contactbericht_id, "Dit contactbericht bestaat niet.")
