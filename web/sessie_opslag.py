"""The server side of a login: a record per session in the table `sessies`, checked on every request.

Flask's session is a signed cookie, valid for as long as the key does not change: a copy taken before
Uitloggen would still work afterwards. So the cookie also carries a random token, and the session is only
worth something while the database has a record for that token:

- Uitloggen deletes the record, so every copy of the cookie is dead at once;
- a session idle for longer than `PORTAAL_SESSIE_INACTIEF_MINUTEN` (default 15) ends;
- a session older than `PORTAAL_SESSIE_MAXIMAAL_UREN` (default 8, a working day) ends, however active.

These follow the usual guidance for government portals (BIO / NCSC: end idle sessions after about 15
minutes, limit the total length). The records live in the composition root's `Sessies`
(service_layer/sessies.py); `meld_aan` and `meld_af` in `web.sessie` call `begin` and `beeindig`;
`installeer` adds the check before every request.
"""

from datetime import timedelta

from flask import Flask, current_app, flash, request, session

from domain.waarden import Oin
from service_layer.sessies import Sessies

INACTIEF = "PORTAAL_SESSIE_INACTIEF_MINUTEN"
MAXIMAAL = "PORTAAL_SESSIE_MAXIMAAL_UREN"
STANDAARD_INACTIEF_MINUTEN = 15
STANDAARD_MAXIMAAL_UREN = 8

_IN_COOKIE = "sessie"
# The keys that make a cookie a login (web.sessie); a cookie with these but no live record is cleared.
_INLOG_SLEUTELS = (_IN_COOKIE, "oin", "rol", "certificaat", "afnemer")


def _sessies(app: Flask) -> Sessies:
    """The one place that knows where the records live: the app's composition root."""
    return app.extensions["samenstelling"].sessies


def installeer(app: Flask) -> None:
    _sessies(app).installeer()
    app.before_request(_controleer)


# -- logging in and out ---------------------------------------------------------------------------------


def begin(oin: Oin) -> None:
    """A new record for a login, its token in the (just cleared) cookie."""
    session[_IN_COOKIE] = _sessies(current_app).begin(oin.waarde, *limieten(current_app))


def beeindig() -> None:
    """End the session of this cookie on the server: any copy of the cookie is worthless from now on."""
    token = session.get(_IN_COOKIE)
    if isinstance(token, str):
        _sessies(current_app).beeindig(token)


# -- the check on every request -------------------------------------------------------------------------


def _controleer() -> None:
    if request.endpoint == "static" or not any(k in session for k in _INLOG_SLEUTELS):
        return
    token = session.get(_IN_COOKIE)
    if not isinstance(token, str) or not _sessies(current_app).nog_geldig(token, *limieten(current_app)):
        session.clear()
        flash("Uw sessie is verlopen of beëindigd. Log opnieuw in.", "waarschuwing")


def limieten(app: Flask) -> tuple[timedelta, timedelta]:
    """(idle timeout, absolute lifetime) of this app's sessions."""
    return timedelta(minutes=app.config[INACTIEF]), timedelta(hours=app.config[MAXIMAAL])
