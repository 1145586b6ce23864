"""The Berichtenbox users register's log with the commands that write to it."""

from collections.abc import Callable
from datetime import datetime

from events_store.basis import utc_nu
from events_store.logboeken import GebruikersLog


class Gebruikers:
    def __init__(self, env: dict[str, str], klok: Callable[[], datetime] = utc_nu) -> None:
        self.log = GebruikersLog(env, klok)

    def sluit(self) -> None:
        self.log.sluit()
