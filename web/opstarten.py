"""A read model's table that is not there: the portal is starting on a database whose schema is still being
made, or the database was emptied under a running process. The answer says so, 503 with Retry-After, in
Dutch (an HTML page, or the machine interface's JSON), never a 500. Every process makes the schema when it
starts (service_layer.samenstelling), so this lasts until a process has started on that database."""

import logging

from flask import Flask, g, render_template
from sqlalchemy.exc import ProgrammingError

from web.api import fouten as api_fouten

log = logging.getLogger(__name__)

OPNIEUW_NA = 5  # seconds, in Retry-After
TITEL = "Het portaal start op"
UITLEG = (
    "Het portaal is nog niet klaar om uw verzoek te beantwoorden. Probeer het over enkele seconden opnieuw."
)
_ONTBREKENDE_TABEL = "42P01"  # PostgreSQL's undefined_table


def _ontbreekt(fout: ProgrammingError) -> bool:
    return getattr(fout.orig, "sqlstate", None) == _ONTBREKENDE_TABEL


def _start_op(fout: ProgrammingError):
    if not _ontbreekt(fout):
        raise fout
    log.warning("Tabel ontbreekt nog; het portaal start op (503).")
    kopregels = {"Retry-After": str(OPNIEUW_NA)}
    if api_fouten.is_api():
        melding = f"{TITEL}. Probeer het over {OPNIEUW_NA} seconden opnieuw."
        antwoord = api_fouten.ApiFout(503, melding, "StartOp")
        inhoud, status, _ = api_fouten.antwoord(antwoord)
        return inhoud, status, kopregels
    g.foutpagina = True
    return render_template("fouten/fout.html", code=503, titel=TITEL, uitleg=UITLEG), 503, kopregels


def installeer(app: Flask) -> None:
    app.register_error_handler(ProgrammingError, _start_op)
