"""When the read models catch up with the event log: the one policy, for every caller.

- Embedded (the default, and always with SQLite): the projections catch up inside the process. After a
  command up to exactly that command's position, so the next page shows the change; before a read up to the
  head of the log, which picks up events written by another process (`portaal seed-demo`, the CLI) and costs
  one indexed `max(id)` when nothing is new.
- With a worker (`PORTAAL_PROJECTIE_WERKER=1`, PostgreSQL only; `portaal projections run` follows the log):
  after a command the caller waits a bounded time for the worker to reach the command's position and, if
  the worker is late, catches up itself rather than show stale data. Reads do not wait.
"""

from collections.abc import Mapping

from events_store.basis import Vastgelegd
from projections.motor import Projectiemotor

WACHTTIJD = 1.0  # seconds a caller waits for the worker before it catches up itself


class Bijhouden:
    def __init__(
        self, motoren: Mapping[str, Projectiemotor], met_werker: bool, wachttijd: float = WACHTTIJD
    ) -> None:
        """`motoren`: the projection engine of each event log, by the log's name."""
        self.motoren = motoren
        self.met_werker = met_werker
        self.wachttijd = wachttijd

    def na_commando(self, vastgelegd: Vastgelegd) -> None:
        """A position counts in its own log: the engine of the log the command wrote to catches up."""
        motor = self.motoren[vastgelegd.log]
        if self.met_werker and motor.wacht_op(vastgelegd.positie, self.wachttijd):
            return
        motor.bijwerken(tot=vastgelegd.positie)

    def voor_lezen(self, *logboeken: str) -> None:
        """Before a read of these logs' read models (default: every log's)."""
        if not self.met_werker:
            for naam in logboeken or self.motoren:
                self.motoren[naam].bijwerken()
