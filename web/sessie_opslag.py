"""The server side of a login: a record per session in the table `sessies`, checked on every request.

Flask's session is a signed cookie, valid for as long as the key does not change: a copy taken before
Uitloggen would still work afterwards. So the cookie also carries a random token, and the session is only
worth something while the database has a record for that token:

- Uitloggen deletes the record, so every copy of the cookie is dead at once;
- a session idle for longer than `PORTAAL_SESSIE_INACTIEF_MINUTEN` (default 15) ends;
- a session older than `PORTAAL_SESSIE_MAXIMAAL_UREN` (default 8, a working day) ends, however active.

These follow the usual guidance for government portals (BIO / NCSC: end idle sessions after about 15
minutes, limit the total length). The table keeps only a SHA-256 of the token, so a copy of the database
gives no usable session. `meld_aan` and `meld_af` in `web.sessie` call `begin` and `beeindig`;
`installeer` adds the check before every request.
"""

import hashlib
import secrets
from datetime import datetime, timedelta

from flask import Flask, current_app, flash, request, session
from sqlalchemy import Column, MetaData, String, Table, delete, or_, select, update
from sqlalchemy.engine import Engine

from domain.waarden import Oin
from events_store.basis import utc_nu
from projections.tabellen import Moment

INACTIEF = "PORTAAL_SESSIE_INACTIEF_MINUTEN"
MAXIMAAL = "PORTAAL_SESSIE_MAXIMAAL_UREN"
STANDAARD_INACTIEF_MINUTEN = 15
STANDAARD_MAXIMAAL_UREN = 8

# Recording every click would be a write per request; a minute's precision is plenty for a 15-minute limit
# (and only ever makes the session end a little sooner, never later).
_BIJWERKEN_NA = timedelta(minutes=1)
_IN_COOKIE = "sessie"
# The keys that make a cookie a login (web.sessie); a cookie with these but no live record is cleared.
_INLOG_SLEUTELS = (_IN_COOKIE, "oin", "rol", "certificaat", "afnemer")

metadata = MetaData()

sessies = Table(
    "sessies",
    metadata,
    Column("sleutel", String(64), primary_key=True),  # SHA-256 (hex) of the token in the cookie
    Column("oin", String(20), nullable=False),
    Column("begonnen", Moment, nullable=False),
    Column("laatst_actief", Moment, nullable=False),
)


def engine(app: Flask) -> Engine:
    """Where the table lives: the app's database, beside the events. The one place that knows."""
    return app.extensions["portaal"].engine


def installeer(app: Flask) -> None:
    metadata.create_all(engine(app))
    app.before_request(_controleer)


# -- logging in and out ---------------------------------------------------------------------------------


def begin(oin: Oin) -> None:
    """A new record for a login, its token in the (just cleared) cookie. Ended sessions are removed here,
    so the table holds only live sessions plus those that ended since the last login."""
    token = secrets.token_urlsafe(32)
    nu = _nu()
    with engine(current_app).begin() as verbinding:
        verbinding.execute(delete(sessies).where(_verlopen(nu)))
        verbinding.execute(
            sessies.insert().values(sleutel=_sleutel(token), oin=oin.waarde, begonnen=nu, laatst_actief=nu)
        )
    session[_IN_COOKIE] = token


def beeindig() -> None:
    """End the session of this cookie on the server: any copy of the cookie is worthless from now on."""
    token = session.get(_IN_COOKIE)
    if isinstance(token, str):
        with engine(current_app).begin() as verbinding:
            verbinding.execute(delete(sessies).where(sessies.c.sleutel == _sleutel(token)))


# -- the check on every request -------------------------------------------------------------------------


def _controleer() -> None:
    if request.endpoint == "static" or not any(k in session for k in _INLOG_SLEUTELS):
        return
    token = session.get(_IN_COOKIE)
    if not isinstance(token, str) or not _nog_geldig(token):
        session.clear()
        flash("Uw sessie is verlopen of beëindigd. Log opnieuw in.", "waarschuwing")


def _nog_geldig(token: str) -> bool:
    nu = _nu()
    sleutel = _sleutel(token)
    with engine(current_app).begin() as verbinding:
        laatst_actief = verbinding.scalar(
            select(sessies.c.laatst_actief).where(sessies.c.sleutel == sleutel, ~_verlopen(nu))
        )
        if laatst_actief is None:
            verbinding.execute(delete(sessies).where(sessies.c.sleutel == sleutel))
            return False
        if nu - laatst_actief >= _BIJWERKEN_NA:
            verbinding.execute(update(sessies).where(sessies.c.sleutel == sleutel).values(laatst_actief=nu))
    return True


def _verlopen(nu: datetime):
    inactief, maximaal = limieten(current_app)
    return or_(sessies.c.laatst_actief <= nu - inactief, sessies.c.begonnen <= nu - maximaal)


def limieten(app: Flask) -> tuple[timedelta, timedelta]:
    """(idle timeout, absolute lifetime) of this app's sessions."""
    return timedelta(minutes=app.config[INACTIEF]), timedelta(hours=app.config[MAXIMAAL])


def _sleutel(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _nu() -> datetime:
    return current_app.config.get("PORTAAL_KLOK", utc_nu)()
