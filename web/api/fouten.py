"""Errors of the machine interface as JSON: `{"fout": <code>, "melding": <Dutch reason>}` with a 4xx status,
never an HTML page and never a trace. `fout` is the koppelvlak's VerwerkingsCode where one applies."""

from flask import jsonify, request
from pydantic import BaseModel, ConfigDict, Field
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


class Fout(BaseModel):
    # The docstring is the schema's description in the OpenAPI document, so it speaks to the integrator.
    """Een weigering van de machine-interface: een 4xx-status met deze JSON, nooit een HTML-pagina; bij een
    storing van de opslag een 503 (TijdelijkNietBeschikbaar, met Retry-After) of 507 (OpslagVol)."""

    model_config = ConfigDict(extra="allow", title="Fout")

    fout: str = Field(
        description="Code van de fout: de VerwerkingsCode van het koppelvlak waar die van toepassing is "
        "(bijvoorbeeld XmlValidatieTegenXsdValtNegatiefUit), anders een code van het portaal "
        "(OngeldigVerzoek, NietGeauthenticeerd, CertificaatGeweigerd, OnbekendeOin, GeenToegang, "
        "NietGevonden, Conflict, TeGroot, OnbekendInhoudstype, ...).",
        examples=["XmlValidatieTegenXsdValtNegatiefUit"],
    )
    melding: str = Field(description="De reden in het Nederlands, voor mensen.")
    regel: int | None = Field(
        None, description="Bij ongeldige XML: de regel waar de parser stopte.", examples=[12]
    )
    veld: str | None = Field(None, description="Bij een ongeldig veld in de invoer: welk veld.")
    positie: int | None = Field(
        None, description="Bij een ongeldig element van een lijst: de positie (vanaf 0).", ge=0
    )
    reden: str | None = Field(
        None,
        description="Bij CertificaatGeweigerd: waarom het certificaat niet werd aanvaard "
        "(niet_via_proxy, geen_certificaat, onleesbaar, niet_vertrouwd, verlopen, nog_niet_geldig, "
        "ingetrokken, intrekking_onbekend, ongeschikt_gebruik, geen_oin).",
    )


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
    # The error's own headers stay: a 405 must say in Allow which methods the route does take (RFC 9110).
    kopregels = [(naam, waarde) for naam, waarde in fout.get_headers() if naam.lower() != "content-type"]
    return jsonify(inhoud), status, kopregels
