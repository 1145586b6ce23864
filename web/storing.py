"""When the store itself fails: the database cannot be reached (a restart of PostgreSQL, a busy SQLite file)
or its disk is full. Then a request answers with a clear Dutch 503 (with Retry-After) or 507, never a 500,
and the process carries on: the next request after the database is back succeeds (events_store/opslag.py).

service_layer/storingen.py decides what counts as such a fault; this module answers it, for every way an
error reaches Flask:
- raised in a view or a before_request hook: the handlers `installeer` registers on the store's exception
  classes, which log one line instead of a trace (an outage would otherwise fill the log with them);
- raised where Flask only calls the 500 handler (opening or saving the session): `antwoord`, which
  web/foutpaginas.py asks first.
Anything else is left alone and stays a 500.
"""

import logging
import sqlite3

from flask import Flask, g, jsonify, render_template
from sqlalchemy import exc as sa
from werkzeug.wrappers import Response

from service_layer.storingen import ONBEREIKBAAR, VOL, keten, soort
from web.api import fouten as api_fouten

log = logging.getLogger(__name__)

OPNIEUW_NA = 10  # seconds, in Retry-After: about what a restart of PostgreSQL takes

_STATUS = {ONBEREIKBAAR: 503, VOL: 507}
_PAGINAS = {
    ONBEREIKBAAR: (
        "Portaal tijdelijk niet beschikbaar",
        "Het portaal kan zijn gegevens op dit moment niet bereiken. Probeer het over een minuut opnieuw. "
        "Wat u net deed, is mogelijk niet vastgelegd: controleer het als het portaal weer werkt.",
    ),
    VOL: (
        "Opslag vol",
        "Het portaal kan op dit moment niets vastleggen: de opslag is vol. Probeer het later opnieuw. "
        "Wat u net deed, is mogelijk niet vastgelegd: controleer het als het portaal weer werkt.",
    ),
}
_API = {
    ONBEREIKBAAR: (
        "TijdelijkNietBeschikbaar",
        "De database van het portaal is tijdelijk niet bereikbaar. Probeer het opnieuw na Retry-After "
        "seconden; dezelfde batch opnieuw aanleveren is veilig.",
    ),
    VOL: (
        "OpslagVol",
        "De opslag van het portaal is vol. Probeer het later opnieuw; dezelfde batch opnieuw aanleveren "
        "is veilig.",
    ),
}
# What the machine interface documents for every route (web/api/openapi.py).
API_ANTWOORDEN = {
    503: "De database is tijdelijk niet bereikbaar (fout TijdelijkNietBeschikbaar); opnieuw proberen na "
    "Retry-After seconden.",
    507: "De opslag van het portaal is vol (fout OpslagVol); later opnieuw proberen.",
}


def _pagina(welke: str) -> Response:
    if api_fouten.is_api():
        code, melding = _API[welke]
        antwoord = jsonify({"fout": code, "melding": melding})
    else:
        titel, uitleg = _PAGINAS[welke]
        g.foutpagina = g.storing = True  # rendered without reading who is logged in (web/sjablonen.py)
        antwoord = Response(
            render_template("fouten/fout.html", code=_STATUS[welke], titel=titel, uitleg=uitleg),
            mimetype="text/html",
        )
    antwoord.status_code = _STATUS[welke]
    if welke == ONBEREIKBAAR:
        antwoord.headers["Retry-After"] = str(OPNIEUW_NA)
    return antwoord


def antwoord(fout: BaseException | None) -> Response | None:
    """The 503 or 507 for a fault of the store; None for anything else."""
    welke = soort(fout) if fout is not None else None
    if welke is None:
        return None
    # One line, no trace, no message text (a driver's message can quote the row it failed on).
    log.warning("Storing van de opslag (%s): %s", welke, " <- ".join(type(f).__name__ for f in keten(fout)))
    return _pagina(welke)


def _behandel(fout: Exception):
    gevonden = antwoord(fout)
    if gevonden is None:
        raise fout  # not ours: Flask's 500 path logs it with its trace
    return gevonden


def _psycopg_fout() -> tuple[type[Exception], ...]:
    try:
        import psycopg
    except ImportError:
        return ()
    return (psycopg.Error,)


def installeer(app: Flask) -> None:
    from eventsourcing.persistence import PersistenceError

    for klasse in (sa.SQLAlchemyError, PersistenceError, sqlite3.Error, OSError, *_psycopg_fout()):
        app.register_error_handler(klasse, _behandel)
