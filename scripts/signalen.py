"""How a worker is stopped: Ctrl-C in a terminal (SIGINT), systemd and most supervisors (SIGTERM). Both end
the worker's loop cleanly (its heartbeat removed, its locks released), also when the process was started
with SIGINT ignored (a background job of a shell without job control inherits that)."""

import signal


def stop_netjes() -> None:
    for signaal in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signaal, signal.default_int_handler)
