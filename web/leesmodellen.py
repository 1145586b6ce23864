"""The hook between the write side and the read models (`projections/`), for every view.

Two ways to keep the read models current, chosen per app:

- Embedded (the default, and always with SQLite): the projections catch up inside the request. After a
  command (`na_commando`) that makes the change visible on the very next page; before a page reads a
  read model (`actueel`) it also picks up events written by another process (`portaal seed-demo`, the
  CLI). When nothing is new this costs one indexed `max(id)` query, and `projections.runner` serialises
  concurrent catch-ups of waitress's threads with one lock per database.
- With a worker (`PORTAAL_PROJECTIE_WERKER=1`, only for PostgreSQL, where `portaal projections run` follows
  the log): a request that issued a command waits briefly for the worker to reach the command's position;
  if the worker is not there in time, the request catches up itself rather than show stale data. Reads do
  not wait.
"""

import os

from flask import Flask

from events_store.portaal import Portaal
from projections import runner

WERKER = "PORTAAL_PROJECTIE_WERKER"
WACHTTIJD = 1.0  # seconds a request waits for the worker before it catches up itself


def _portaal(app: Flask) -> Portaal:
    return app.extensions["portaal"]


def met_werker(app: Flask) -> bool:
    """True when a separate projection worker follows the log (PostgreSQL only)."""
    gekozen = app.config.get(WERKER)
    if gekozen is None:
        gekozen = os.environ.get(WERKER, "").strip().lower() in {"1", "true", "ja", "yes", "on"}
    return bool(gekozen) and _portaal(app).engine.dialect.name != "sqlite"


def na_commando(app: Flask) -> None:
    """Bring the read models up to the command just issued (see the module docstring)."""
    portaal = _portaal(app)
    # Without a worker, or when the worker is not there in time: catch up in this request.
    if not met_werker(app) or not runner.na_commando(portaal, embedded=False, timeout=WACHTTIJD):
        runner.bijwerken(portaal)


def actueel(app: Flask) -> Portaal:
    """Before a page reads the read models: embedded, catch up with events of other processes first.

    Returns the portaal, which is the `bron` the query modules take.
    """
    portaal = _portaal(app)
    if not met_werker(app):
        runner.bijwerken(portaal)
    return portaal
