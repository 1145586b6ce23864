"""Commands on contactberichten: an organisation writes, the beheerder reads them in the portal."""

from uuid import UUID, uuid4

from domain.contactbericht import Contactbericht
from domain.waarden import Actor
from events_store.basis import PortaalApplicatie


class ContactCommandos(PortaalApplicatie):
    def verstuur_contactbericht(self, onderwerp: str, bericht: str, email: str, actor: Actor) -> UUID:
        nieuw = Contactbericht.versturen(uuid4(), onderwerp, bericht, email, actor, self.klok())
        self.save(nieuw)
        return nieuw.id

    def contactbericht(self, contactbericht_id: UUID) -> Contactbericht:
        return self.laad(contactbericht_id, "Dit contactbericht bestaat niet.")
