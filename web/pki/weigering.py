"""Why a certificate is refused: a stable code for the caller and a short Dutch message for the user."""

import datetime as dt
from enum import StrEnum
from zoneinfo import ZoneInfo

_MAANDEN = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)
_NEDERLAND = ZoneInfo("Europe/Amsterdam")


class Reden(StrEnum):
    NIET_VIA_PROXY = "niet_via_proxy"
    GEEN_CERTIFICAAT = "geen_certificaat"
    ONLEESBAAR = "onleesbaar"
    NIET_VERTROUWD = "niet_vertrouwd"
    VERLOPEN = "verlopen"
    NOG_NIET_GELDIG = "nog_niet_geldig"
    INGETROKKEN = "ingetrokken"
    INTREKKING_ONBEKEND = "intrekking_onbekend"
    ONGESCHIKT_GEBRUIK = "ongeschikt_gebruik"
    GEEN_OIN = "geen_oin"


# Each message says why and nothing more: no issuer names, serial numbers or internal details that would
# help someone probe the configuration.
_MELDINGEN = {
    Reden.NIET_VIA_PROXY: "Uw certificaat is niet via de beveiligde verbinding van het portaal aangeboden.",
    Reden.GEEN_CERTIFICAAT: "Er is geen certificaat aangeboden. Log in met uw PKIoverheid-certificaat.",
    Reden.ONLEESBAAR: "Uw certificaat kan niet worden gelezen.",
    Reden.NIET_VERTROUWD: "Uw certificaat is niet uitgegeven door een vertrouwde PKIoverheid-uitgever.",
    Reden.VERLOPEN: "Uw certificaat is verlopen op {datum}.",
    Reden.NOG_NIET_GELDIG: "Uw certificaat is pas geldig vanaf {datum}.",
    Reden.INGETROKKEN: "Uw certificaat is ingetrokken.",
    Reden.INTREKKING_ONBEKEND: (
        "De intrekkingsstatus van uw certificaat is onbekend. Probeer het later opnieuw."
    ),
    Reden.ONGESCHIKT_GEBRUIK: "Uw certificaat is niet geschikt om mee in te loggen.",
    Reden.GEEN_OIN: "Uw certificaat bevat geen geldig OIN.",
}


def nederlandse_datum(moment: dt.datetime) -> str:
    """'3 maart 2026', as the date falls in the Netherlands."""
    lokaal = moment.astimezone(_NEDERLAND)
    return f"{lokaal.day} {_MAANDEN[lokaal.month - 1]} {lokaal.year}"


class CertificaatGeweigerd(Exception):
    """The certificate does not give access; `reden` for the code, `melding` for the user."""

    def __init__(self, reden: Reden, datum: dt.datetime | None = None) -> None:
        self.reden = reden
        self.melding = _MELDINGEN[reden].format(datum=nederlandse_datum(datum) if datum else "")
        super().__init__(self.melding)
