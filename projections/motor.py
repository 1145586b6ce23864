"""The projection engine of one event log: one per process per database, owned by the composition root.

Everything a process knows about its read models lives on this object, nothing at module level: its
catch-up lock (waitress serves requests on several threads), how far it caught up, whether it installed the
tables, its background rebuild. A second `Projectiemotor` on the same database is a newly started process.

How a process keeps its read models current:
- embedded (SQLite): `bijwerken()` after each command, so the user sees the change at once;
- with a worker (PostgreSQL): `volg()` runs in its own process (`portaal projections run`); a request that
  issued a command waits with `wacht_op(positie, timeout)`.

A projection whose code has another version than the one that built its tables (projections.versies) is
rebuilt at start: blocking with `start()` (the worker, the CLI, tests), or with `start_op_achtergrond()` in a
daemon thread of a web process while the old tables keep serving reads. Catch-ups meanwhile pass it over;
a web request never rebuilds.
"""

import logging
import threading
import time
from collections.abc import Callable, Sequence

from events_store.instellingen import persistence_env
from projections import hartslag as hartslagen
from projections import herbouw as herbouwen
from projections import herbouw_parallel, runner, sloten, versies
from projections.gebeurtenissen import Bron
from projections.hartslag import Kloppend
from projections.versies import Verouderd
from projections.wachten import wachter

log = logging.getLogger(__name__)


class _Gestopt(Exception):
    """The motor was closed while its background rebuild ran; the next start resumes that rebuild."""


class Projectiemotor:
    def __init__(self, log) -> None:
        """`log`: the eventsourcing Application of the event log (its `engine`, `recorder`, `mapper`)."""
        self.engine = log.engine
        self.bron = Bron(log)
        self.kanaal: str = log.recorder.channel_name
        # What a rebuild's worker processes open the log with (its store and cipher key). An object that is
        # not the application itself (a test's portal) stands for an unencrypted log on the same database.
        env = getattr(log, "env", None)
        url = self.engine.url.render_as_string(hide_password=False)
        self._env: dict[str, str] = dict(env) if env is not None else persistence_env(url, {})
        self._slot = threading.Lock()
        self._bijgewerkt_tot = -1
        self._geinstalleerd = False
        self._achtergrond: threading.Thread | None = None
        self._stop = threading.Event()

    def installeer(self) -> None:
        """The tracking tables, the read models' tables and their position rows, where missing."""
        runner.installeer(self.engine)
        self._geinstalleerd = True

    def start(self, melding: Callable[[str], None] | None = None) -> list[Verouderd]:
        """Install, and rebuild every outdated projection before returning; `melding` hears which and why."""
        self.installeer()
        oud = versies.herbouw_verouderde(self.engine, self.bron, self._slot, melding)
        self._vergeet_stand()
        return oud

    def start_op_achtergrond(self) -> threading.Thread | None:
        """For a web process: install, and rebuild the outdated projections in a daemon thread, which it
        returns (None when nothing is outdated). Until their swap the old tables serve reads."""
        self.installeer()
        if not versies.verouderd(self.engine, self.bron.logboek):
            return None
        self._achtergrond = threading.Thread(
            target=self._herbouw_op_achtergrond, name="projecties-herbouw", daemon=True
        )
        self._achtergrond.start()
        return self._achtergrond

    def _herbouw_op_achtergrond(self) -> None:
        try:
            versies.herbouw_verouderde(self.engine, self.bron, self._slot, voortgang=self._tenzij_gestopt)
        except _Gestopt:
            log.info("Herbouw van de projecties onderbroken; de volgende start gaat verder.")
        except Exception:
            log.exception("Herbouw van de projecties mislukt; de oude tabellen blijven in gebruik.")
        finally:
            self._vergeet_stand()

    def _tenzij_gestopt(self, positie: int) -> None:
        if self._stop.is_set():
            raise _Gestopt

    def bijwerken(self, tot: int | None = None) -> int:
        """Bring the projections up to position `tot` (default: the newest event) in this thread; cheap (one
        indexed max query) when nothing is new. Thread-safe. Returns the position reached."""
        with self._slot:
            if not self._geinstalleerd:
                self.installeer()
            doel = self.bron.hoogste() if tot is None else tot
            if doel <= self._bijgewerkt_tot:
                return self._bijgewerkt_tot
            doelen = runner.live_doelen(logboek=self.bron.logboek)
            laatste = runner.een_transactie(self.engine, self.bron, doelen, runner.BATCH, doel)
            while 0 < laatste < doel:
                laatste = runner.een_transactie(self.engine, self.bron, doelen, runner.BATCH, doel)
            # After a batch every projection it served stands at its last event, the lowest exactly there.
            bereikt = laatste if laatste >= doel else self.positie()
            self._bijgewerkt_tot = bereikt
            return bereikt

    def _vergeet_stand(self) -> None:
        # A swap moved positions this motor did not move itself.
        with self._slot:
            self._bijgewerkt_tot = -1

    def positie(self) -> int:
        """The position the live projections have reached (the lowest of those whose tables their current
        code built)."""
        if not self._geinstalleerd and not runner.heeft_tracking(self.engine):
            return 0
        with self.engine.connect() as connection:
            return runner.laagste_positie(connection, runner.live_doelen(logboek=self.bron.logboek))

    def hoogste(self) -> int:
        """The position of the newest event in the log."""
        return self.bron.hoogste()

    def volger(self) -> hartslagen.Hartslag | None:
        """The heartbeat of the worker that follows this log (None when none has one): one query."""
        with self.engine.connect() as connection:
            return hartslagen.lees(connection, hartslagen.projecties(self.bron.logboek))

    def wacht_op(self, positie: int, timeout: float, interval: float = 0.02) -> bool:
        """Read-your-writes with a separate worker: wait until the projections have reached `positie`.
        True when they have; False after `timeout` seconds (the page then shows slightly older data)."""
        einde = time.monotonic() + timeout
        while self.positie() < positie:
            if time.monotonic() >= einde:
                return False
            time.sleep(interval)
        return True

    def volg(
        self,
        interval: float = 0.1,
        stop: Callable[[], bool] = lambda: False,
        melding: Callable[[str], None] | None = None,
    ) -> None:
        """The worker loop of `portaal projections run`: take the log's follower lock (waiting, and saying so,
        while another worker holds it), `start` (which rebuilds outdated projections and says so through
        `melding`), then catch up, then wait for new events (LISTEN/NOTIFY on PostgreSQL, polling on
        SQLite), at most `interval` seconds at a time, until `stop()`. The heartbeat
        (projections.hartslag) beats from this loop, between batches too.

        One follower per log (projections.sloten): a second worker started by mistake waits for the lock
        and takes over when the first stops or dies. The tracking rows are still locked per batch, so a
        catch-up beside the follower (a web process whose worker is gone, the CLI, the processing worker)
        never processes an event twice. The projections remember rows between batches for as long as the
        loop runs (projections.geheugen).
        """
        zeg = melding or (lambda tekst: None)
        logboek = self.bron.logboek
        gewacht: list[bool] = []

        def bij_wachten() -> None:
            gewacht.append(True)
            zeg(self._bezet(logboek))

        with sloten.alleen(self.engine, sloten.volgen(logboek), bij_wachten=bij_wachten, stop=stop) as slot:
            if slot is None:
                return
            if gewacht:
                zeg(f"De andere werker is gestopt; deze werker neemt eventlog {logboek} over.")
            self.start(melding)
            zeg(f"Projecties volgen eventlog {logboek} vanaf positie {self.positie()}.")
            kloppend = Kloppend(self.engine, hartslagen.projecties(logboek), slot.verbinding).kloppend()
            with kloppend as hartslag:
                self._volg(interval, stop, hartslag)

    def _volg(self, interval: float, stop: Callable[[], bool], hartslag: Kloppend) -> None:
        doelen = runner.live_doelen(logboek=self.bron.logboek)
        with wachter(self.engine, self.kanaal, interval) as wacht:
            while not stop():
                with self._slot:
                    bereikt = runner.werk_bij(self.engine, self.bron, doelen, voortgang=hartslag.klop)
                hartslag.klop()
                if bereikt >= self.bron.hoogste():
                    wacht()

    def _bezet(self, logboek: str) -> str:
        with self.engine.connect() as connection:
            ander = hartslagen.lees(connection, hartslagen.projecties(logboek))
        wie = ander.beschrijving() if ander is not None else "die nog opstart"
        return (
            f"Eventlog {logboek} wordt al gevolgd door een andere werker ({wie}). Deze werker wacht en neemt "
            "het over zodra die stopt."
        )

    def herbouw(
        self,
        namen: Sequence[str] | None = None,
        voortgang: Callable[[int], None] | None = None,
        batch: int = 20_000,
        melding: Callable[[str], None] | None = None,
        processen: int = 1,
        vanaf: int = herbouw_parallel.VANAF,
    ) -> int:
        """`portaal projections rebuild`: rebuild these projections (default: all) into new tables and swap
        them in, one rebuild per database at a time: it takes the lock of the automatic rebuild at start,
        and says through `melding` when it waits for it. The bulk runs in `processen` worker processes when
        the log holds at least `vanaf` events. Returns the position reached."""
        namen = herbouwen.controleer(namen, self.bron.logboek)
        self.installeer()
        with herbouwen.een_tegelijk(self.engine, _zeg(melding, herbouwen.WACHT)):
            herbouw_parallel.herbouw(
                self.engine, self.bron, self._env, namen, voortgang, batch, self._slot, processen, vanaf
            )
        self._vergeet_stand()
        return self.positie()

    def sluit(self) -> None:
        """Stop a background rebuild after its current batch (the next start resumes it) and wait for it."""
        self._stop.set()
        achtergrond, self._achtergrond = self._achtergrond, None
        if achtergrond is not None:
            achtergrond.join()


def _zeg(melding: Callable[[str], None] | None, tekst: str) -> Callable[[], None] | None:
    return None if melding is None else lambda: melding(tekst)
