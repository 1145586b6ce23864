"""The projection worker's loop over every event log: one thread per log, each waiting on its own log's
notifications, until an interrupt or until one of them fails."""

import threading
from collections.abc import Callable, Mapping

from projections.motor import Projectiemotor


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

    def volg(motor: Projectiemotor) -> None:
        try:
            motor.volg(interval=interval, stop=stop.is_set, melding=melding)
        except BaseException as fout:
            mislukt.append(fout)
            stop.set()

    draden = [
        threading.Thread(target=volg, args=(motor,), name=f"projecties-{naam}", daemon=True)
        for naam, motor in motoren.items()
    ]
    try:
        for draad in draden:
            draad.start()
        while any(draad.is_alive() for draad in draden):
            for draad in draden:
                draad.join(timeout=0.5)
    except KeyboardInterrupt:
        pass
    finally:
        stop.set()
        for draad in draden:
            draad.join()
    fouten = [f for f in mislukt if not isinstance(f, KeyboardInterrupt)]
    if fouten:
        raise fouten[0]
