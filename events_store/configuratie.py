"""The portal configuration log with the command groups that write to it, composed rather than inherited:
each group holds the log (and the groups it consults) it needs."""

from collections.abc import Callable
from datetime import datetime

from events_store.basis import utc_nu
from events_store.berichttypes import BerichttypeCommandos
from events_store.bijlage_opslag import BijlageOpslag
from events_store.contact import ContactCommandos
from events_store.diensten import DienstCommandos
from events_store.logboeken import ConfiguratieLog
from events_store.mededelingen import MededelingCommandos
from events_store.organisaties import OrganisatieCommandos


class Configuratie:
    def __init__(self, env: dict[str, str], klok: Callable[[], datetime] = utc_nu) -> None:
        self.log = ConfiguratieLog(env, klok)
        self.bijlagen = BijlageOpslag(self.log.engine)
        self.organisaties = OrganisatieCommandos(self.log)
        self.berichttypes = BerichttypeCommandos(self.log, self.organisaties, self.bijlagen)
        self.diensten = DienstCommandos(self.log, self.organisaties, self.berichttypes)
        self.mededelingen = MededelingCommandos(self.log)
        self.contact = ContactCommandos(self.log)

    def sluit(self) -> None:
        self.log.sluit()
