"""The workers' loops: the projection worker follows every event log (one thread per log, each waiting on its
own log's notifications, until an interrupt or until one of them fails); the processing worker processes the
batches waiting in the queue."""

import threading
from collections.abc import Callable, Mapping

from events_store.logboeken import VerwerkingsLog
from projections import hartslag as hartslagen
from projections import sloten
from projections.hartslag import Kloppend
from projections.motor import Projectiemotor
from projections.wachten import wachter
from service_layer.verwerken import Verwerker


def volg_alle(
    motoren: Mapping[str, Projectiemotor],
    interval: float,
    melding: Callable[[str], None] | None = None,
) -> None:
    """Follow every log until KeyboardInterrupt (returns) or a follower fails (raises its error).

    One follower that stops stops them all: a process that follows only some logs would look alive while
    read models go stale; exiting lets the supervisor start it again."""
    stop = threading.Event()
    mislukt: list[BaseException] = []
    # Each follower says itself when it is done, its heartbeat removed and its lock released. Not
    # `Thread.join`: interrupted by the signal that stops the worker, Python 3.11's join releases the lock of
    # the thread it waited for and marks that thread stopped while it still runs, so every later join returns
    # at once and the process exits while the follower is still cleaning up (its heartbeat row left behind).
    klaar = {naam: threading.Event() for naam in motoren}

    def volg(motor: Projectiemotor, gedaan: threading.Event) -> None:
        try:
            motor.volg(interval=interval, stop=stop.is_set, melding=melding)
        except BaseException as fout:
            mislukt.append(fout)
        finally:
            stop.set()
            gedaan.set()

    draden = [
        threading.Thread(target=volg, args=(motor, klaar[naam]), name=f"projecties-{naam}", daemon=True)
        for naam, motor in motoren.items()
    ]
    try:
        for draad in draden:
            draad.start()
        # Until one follower ends (a failure stops the others) or the interrupt comes.
        while not stop.wait(timeout=0.5):
            pass
    except KeyboardInterrupt:
        pass
    finally:
        stop.set()
        for naam, draad in zip(klaar, draden, strict=True):
            if draad.ident is not None:
                klaar[naam].wait()
    fouten = [f for f in mislukt if not isinstance(f, KeyboardInterrupt)]
    if fouten:
        raise fouten[0]


def verwerk_doorlopend(
    verwerker: Verwerker,
    motoren: Mapping[str, Projectiemotor],
    interval: float,
    stop: Callable[[], bool] = lambda: False,
    melding: Callable[[str], None] | None = None,
) -> None:
    """The loop of `portaal verwerking run`: take the queue's lock (waiting, and saying so, while another
    processing worker holds it; taking over when that one stops or dies), then bring the read models
    processing consults up to date (the configuration, the users register, the queue itself), process every
    waiting batch, then wait for the next delivery (LISTEN/NOTIFY on PostgreSQL, polling on SQLite), at most
    `interval` seconds at a time. Its heartbeat (`verwerking`) beats once per round.

    One processing worker per queue: each batch is processed exactly once whatever runs (the batch
    aggregate refuses a second run), but two workers side by side would decide the same batch twice and
    throw one decision away."""
    motor = motoren[VerwerkingsLog.name]
    zeg = melding or (lambda tekst: None)
    gewacht: list[bool] = []

    def bij_wachten() -> None:
        gewacht.append(True)
        zeg(_verwerking_bezet(motor))

    with sloten.alleen(motor.engine, sloten.VERWERKING, bij_wachten=bij_wachten, stop=stop) as slot:
        if slot is None:
            return
        if gewacht:
            zeg("De andere werker is gestopt; deze werker neemt de verwerking over.")
        zeg(f"Verwerking wacht op batches ({len(verwerker.lezen.wachtende_batches())} wachtend).")
        kloppend = Kloppend(motor.engine, hartslagen.VERWERKING, slot.verbinding).kloppend()
        with kloppend as hartslag, wachter(motor.engine, motor.kanaal, interval) as wacht:
            while not stop():
                for m in motoren.values():
                    m.bijwerken()
                hartslag.klop()
                if not verwerker.verwerk_wachtende():
                    wacht()


def _verwerking_bezet(motor: Projectiemotor) -> str:
    with motor.engine.connect() as connection:
        ander = hartslagen.lees(connection, hartslagen.VERWERKING)
    wie = ander.beschrijving() if ander is not None else "die nog opstart"
    return (
        f"De batches worden al verwerkt door een andere werker ({wie}). Deze werker wacht en neemt het "
        "over zodra die stopt."
    )
