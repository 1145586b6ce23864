"""The portal configuration log: organisaties, berichttypes, diensten and mededelingen.

Machtigingen and message processing get logs of their own, so their writers never queue behind these.
"""

import os
from collections.abc import Callable, Mapping
from datetime import datetime

from events_store.basis import utc_nu
from events_store.bijlage_opslag import BijlageOpslag
from events_store.contact import ContactCommandos
from events_store.diensten import DienstCommandos
from events_store.instellingen import database_url, persistence_env


class Portaal(ContactCommandos, DienstCommandos):
    name = "portaal"

    def __init__(self, env: dict[str, str] | None = None, klok: Callable[[], datetime] = utc_nu) -> None:
        super().__init__(env, klok)
        self.bijlagen = BijlageOpslag(self.engine)

    @property
    def engine(self):
        """The SQLAlchemy engine of the event store, shared with the read models and the bijlage store."""
        return self.recorder.datastore.engine


def open_portaal(environ: Mapping[str, str] = os.environ, klok: Callable[[], datetime] = utc_nu) -> Portaal:
    return Portaal(persistence_env(database_url(environ), environ), klok=klok)
