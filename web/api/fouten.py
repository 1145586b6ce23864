"""Errors of the machine interface as JSON: `{"fout": <code>, "melding": <Dutch reason>}` with a 4xx status,
never an HTML page and never a trace. `fout` is the koppelvlak's VerwerkingsCode where one applies."""

from flask import jsonify, request
from werkzeug.exceptions import HTTPException

PREFIX = "/api/"

_MELDINGEN = {
    400: "Het verzoek is ongeldig.",
    401: "Er is geen geldig PKIoverheid-certificaat aangeboden.",
    403: "Dit certificaat geeft geen toegang tot deze gegevens.",
    404: "Niet gevonden.",
    405: "Deze methode is hier niet toegestaan.",
    406: "Dit antwoordformaat wordt niet geleverd.",
    409: "Dit conflicteert met wat al is vastgelegd.",
    413: "Het verzoek is te groot.",
    415: "Dit inhoudstype wordt niet geaccepteerd.",
    500: "Er ging aan onze kant iets mis. Probeer het later opnieuw.",
}


class ApiFout(HTTPException):
    """A refusal with its own status, code and Dutch reason."""

    def __init__(self, status: int, melding: str, fout: str | None = None, **extra) -> None:
        super().__init__(melding)
        self.code = status
        self.melding = melding
        self.fout = fout or _standaard_code(status)
        self.extra = extra


_CODES = {
    400: "OngeldigVerzoek",
    401: "NietGeauthenticeerd",
    403: "GeenToegang",
    404: "NietGevonden",
    405: "MethodeNietToegestaan",
    406: "NietAcceptabel",
    409: "Conflict",
    413: "TeGroot",
    415: "OnbekendInhoudstype",
}


def _standaard_code(status: int) -> str:
    return _CODES.get(status, "TechnischProbleem")


def is_api() -> bool:
    return request.path.startswith(PREFIX)


def antwoord(fout: HTTPException):
    """The JSON answer for any HTTP error raised under /api/."""
    status = fout.code or 500
    if isinstance(fout, ApiFout):
        inhoud = {"fout": fout.fout, "melding": fout.melding, **fout.extra}
    else:
        inhoud = {"fout": _standaard_code(status), "melding": _MELDINGEN.get(status, _MELDINGEN[400])}
    return jsonify(inhoud), status
