"""The message processing log with the commands that write to it."""

from collections.abc import Callable
from datetime import datetime

from events_store.basis import utc_nu
from events_store.logboeken import VerwerkingsLog


class Verwerking:
    def __init__(self, env: dict[str, str], klok: Callable[[], datetime] = utc_nu) -> None:
        self.log = VerwerkingsLog(env, klok)

    def sluit(self) -> None:
        self.log.sluit()
