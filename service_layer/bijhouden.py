"""When the read models catch up with the event log: the one policy, for every caller.

- Embedded (the default, and always with SQLite): the projections catch up inside the process. After a
  command up to exactly that command's position, so the next page shows the change; before a read up to the
  head of the log, which picks up events written by another process (`portaal seed-demo`, the CLI) and costs
  one indexed `max(id)` when nothing is new.
- With a worker (`PORTAAL_PROJECTIE_WERKER=1`, PostgreSQL only; `portaal projections run` follows the log):
  while the worker's heartbeat (projections.hartslag) is live, after a command the caller waits a bounded
  time for the worker to reach the command's position and, if the worker is late, catches up itself rather
  than show stale data; reads do not wait. When the log has no live heartbeat (the worker was never
  started, stopped, or died), the process behaves as embedded: a command catches up at once, without
  waiting for a worker that is not there, and every read catches up to the head first.

How soon a read sees a write made outside this process (the CLI, another web process): with a live worker,
as soon as the worker has it (it is woken by the write's notification; a missed one costs its interval,
0.1 s by default). With the worker gone, at most `hartslag.VERLOOPT` + `HARTSLAG_CACHE` seconds (6 s)
after its last beat; from then on at once.
"""

import time
from collections.abc import Mapping

from events_store.basis import Vastgelegd
from projections.motor import Projectiemotor

WACHTTIJD = 1.0  # seconds a caller waits for the worker before it catches up itself
# Seconds a process trusts what it last read of a log's heartbeat: reads ask before every page, so this
# keeps the check to one small query per log per second.
HARTSLAG_CACHE = 1.0


class Bijhouden:
    def __init__(
        self, motoren: Mapping[str, Projectiemotor], met_werker: bool, wachttijd: float = WACHTTIJD
    ) -> None:
        """`motoren`: the projection engine of each event log, by the log's name."""
        self.motoren = motoren
        self.met_werker = met_werker
        self.wachttijd = wachttijd
        # Per log: whether a worker follows it, and until when (time.monotonic) that answer holds.
        self._volgers: dict[str, tuple[bool, float]] = {}

    def volgt(self, logboek: str) -> bool:
        """Whether a live worker follows this log: only with a worker configured, and only while its
        heartbeat is live (looked up at most once per `HARTSLAG_CACHE` seconds)."""
        if not self.met_werker:
            return False
        nu = time.monotonic()
        gezien = self._volgers.get(logboek)
        if gezien is None or gezien[1] <= nu:
            hartslag = self.motoren[logboek].volger()
            gezien = (hartslag is not None and hartslag.levend, nu + HARTSLAG_CACHE)
            self._volgers[logboek] = gezien
        return gezien[0]

    def na_commando(self, vastgelegd: Vastgelegd) -> None:
        """A position counts in its own log: the engine of the log the command wrote to catches up."""
        motor = self.motoren[vastgelegd.log]
        if self.volgt(vastgelegd.log) and motor.wacht_op(vastgelegd.positie, self.wachttijd):
            return
        motor.bijwerken(tot=vastgelegd.positie)

    def voor_lezen(self, *logboeken: str) -> None:
        """Before a read of these logs' read models (default: every log's)."""
        for naam in logboeken or self.motoren:
            if not self.volgt(naam):
                self.motoren[naam].bijwerken()
