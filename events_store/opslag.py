"""The eventsourcing library's SQLAlchemy persistence with the engine settings a restart of PostgreSQL needs.

The library creates the engine itself and takes no pool settings from its environment, so this factory hands
its datastore two of them, on PostgreSQL only:

- `pool_pre_ping`: a pooled connection is tested (one round trip) before it is handed out, and replaced
  when the server was restarted meanwhile. Without it every pooled connection that outlived a restart fails
  one request after the database is back.
- a connect timeout: while the server does not answer at all (a host down, packets dropped), a request fails
  after `VERBINDEN_BINNEN` seconds with a 503 instead of hanging until the TCP stack gives up.

A connection that fails mid-request is invalidated by SQLAlchemy as a disconnect, so the pool heals either
way; what the user sees meanwhile is web/storing.py's 503.
"""

from typing import Any

from eventsourcing_sqlalchemy.datastore import SQLAlchemyDatastore
from eventsourcing_sqlalchemy.factory import SQLAlchemyFactory
from sqlalchemy.engine import make_url

VERBINDEN_BINNEN = 5  # seconds


class Opslagplaats(SQLAlchemyDatastore):
    def __init__(self, *, url: str | None = None, **kwargs: Any) -> None:
        if url and url.startswith("postgresql"):
            kwargs.setdefault("pool_pre_ping", True)
            # A timeout in the URL's query wins: it is the operator's.
            if "connect_timeout" not in make_url(url).query:
                kwargs.setdefault("connect_args", {"connect_timeout": VERBINDEN_BINNEN})
        super().__init__(url=url, **kwargs)


class Opslag(SQLAlchemyFactory):
    """PERSISTENCE_MODULE for every event log (events_store.instellingen)."""

    datastore_class = Opslagplaats
