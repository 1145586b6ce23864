"""Error pages in Dutch. They show what went wrong in general terms: never a trace, never submitted data."""

import logging

from flask import Flask, g, render_template
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException, InternalServerError

from domain.bijlage_limieten import leesbare_grootte
from web import storing
from web.api import fouten as api_fouten
from web.instellingen import MAX_VERZOEK

log = logging.getLogger(__name__)

_PAGINAS: dict[int, tuple[str, str]] = {
    400: ("Ongeldig verzoek", "Het portaal kon uw verzoek niet verwerken. Ga terug en probeer het opnieuw."),
    401: ("Niet ingelogd", "U moet eerst inloggen met uw PKIoverheid-certificaat."),
    403: ("Geen toegang", "U heeft geen toegang tot deze pagina of deze organisatie."),
    404: (
        "Pagina niet gevonden",
        "Deze pagina bestaat niet, of hoort niet bij de organisatie waarvoor u werkt.",
    ),
    405: ("Actie niet toegestaan", "Deze pagina kan niet op deze manier worden gebruikt."),
    413: (
        "Bestand te groot",
        "Wat u verstuurde is groter dan het portaal accepteert "
        f"(maximaal {leesbare_grootte(MAX_VERZOEK)} per keer).",
    ),
    500: ("Er ging iets mis", "Er ging aan onze kant iets mis. Probeer het later opnieuw."),
}
_CSRF = (
    "Sessie verlopen",
    "Het formulier was verlopen of niet compleet. Open de pagina opnieuw en probeer het nog eens.",
)


def _pagina(code: int, titel: str, uitleg: str):
    g.foutpagina = True
    return render_template("fouten/fout.html", code=code, titel=titel, uitleg=uitleg), code


def _http_fout(fout: HTTPException):
    if api_fouten.is_api():
        return api_fouten.antwoord(fout)
    code = fout.code or 500
    if isinstance(fout, CSRFError):
        return _pagina(400, *_CSRF)
    titel, uitleg = _PAGINAS.get(code, _PAGINAS[500 if code >= 500 else 400])
    return _pagina(code, titel, uitleg)


def _onverwacht(fout: InternalServerError):
    # Where Flask calls only this handler (opening or saving the session), a fault of the store is still
    # the 503 or 507 of web/storing.py.
    storing_antwoord = storing.antwoord(fout.original_exception)
    if storing_antwoord is not None:
        return storing_antwoord
    # The cause goes to the log for the operator, not to the page.
    log.error("Onverwachte fout", exc_info=fout.original_exception)
    if api_fouten.is_api():
        return api_fouten.antwoord(fout)
    return _pagina(500, *_PAGINAS[500])


def installeer(app: Flask) -> None:
    app.register_error_handler(HTTPException, _http_fout)
    app.register_error_handler(InternalServerError, _onverwacht)
    storing.installeer(app)
