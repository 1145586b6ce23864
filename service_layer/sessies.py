"""The server side of a login: a record per session in the table `sessies`, beside the events.

A session is only worth something while this table has a record for its token: ending it deletes the record,
so every copy of the cookie is dead at once. The table keeps only a SHA-256 of the token, so a copy of the
database gives no usable session. How long sessions live is the caller's setting (web/sessie_opslag.py).
"""

import hashlib
import secrets
from collections.abc import Callable
from datetime import datetime, timedelta

from sqlalchemy import Column, MetaData, String, Table, delete, or_, select, update
from sqlalchemy.engine import Engine

from projections.kolommen import Moment

# Recording every click would be a write per request; a minute's precision is plenty for a 15-minute limit
# (and only ever makes the session end a little sooner, never later).
BIJWERKEN_NA = timedelta(minutes=1)

metadata = MetaData()

sessies = Table(
    "sessies",
    metadata,
    Column("sleutel", String(64), primary_key=True),  # SHA-256 (hex) of the token in the cookie
    Column("oin", String(20), nullable=False),
    Column("begonnen", Moment, nullable=False),
    Column("laatst_actief", Moment, nullable=False),
)


def _sleutel(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class Sessies:
    def __init__(self, engine: Engine, klok: Callable[[], datetime]) -> None:
        self.engine = engine
        self.klok = klok

    def installeer(self) -> None:
        metadata.create_all(self.engine)

    def begin(self, oin: str, inactief: timedelta, maximaal: timedelta) -> str:
        """A new record for a login; returns the token for the cookie. Ended sessions are removed here, so
        the table holds only live sessions plus those that ended since the last login."""
        token = secrets.token_urlsafe(32)
        nu = self.klok()
        with self.engine.begin() as verbinding:
            verbinding.execute(delete(sessies).where(_verlopen(nu, inactief, maximaal)))
            verbinding.execute(
                sessies.insert().values(sleutel=_sleutel(token), oin=oin, begonnen=nu, laatst_actief=nu)
            )
        return token

    def beeindig(self, token: str) -> None:
        with self.engine.begin() as verbinding:
            verbinding.execute(delete(sessies).where(sessies.c.sleutel == _sleutel(token)))

    def nog_geldig(self, token: str, inactief: timedelta, maximaal: timedelta) -> bool:
        """True while the session lives; records that it was used (at most once per BIJWERKEN_NA)."""
        nu = self.klok()
        sleutel = _sleutel(token)
        with self.engine.begin() as verbinding:
            laatst_actief = verbinding.scalar(
                select(sessies.c.laatst_actief).where(
                    sessies.c.sleutel == sleutel, ~_verlopen(nu, inactief, maximaal)
                )
            )
            if laatst_actief is None:
                verbinding.execute(delete(sessies).where(sessies.c.sleutel == sleutel))
                return False
            if nu - laatst_actief >= BIJWERKEN_NA:
                bijgewerkt = update(sessies).where(sessies.c.sleutel == sleutel).values(laatst_actief=nu)
                verbinding.execute(bijgewerkt)
        return True


def _verlopen(nu: datetime, inactief: timedelta, maximaal: timedelta):
    return or_(sessies.c.laatst_actief <= nu - inactief, sessies.c.begonnen <= nu - maximaal)
