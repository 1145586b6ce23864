"""The berichttype screens' reads, for the current afnemer only, through the read gateway."""

from datetime import datetime, timedelta

from flask import abort

from domain.fouten import NietGevonden, OngeldigeWaarde
from domain.waarden import BerichttypeCode, Oin
from web.invoer import paginanummer
from web.lezen import lezen
from web.sessie import van_afnemer

PER_PAGINA = 25


def overzicht(afnemer: Oin, code_bevat: str, status: str, kenmerk: str, pagina: int):
    return lezen().berichttype_overzicht(
        afnemer, code_bevat=code_bevat, status=status, kenmerk=kenmerk, pagina=pagina, per_pagina=PER_PAGINA
    )


def code_uit_url(code: str) -> BerichttypeCode:
    """A code that cannot exist is as unknown as one of another afnemer: 404."""
    try:
        return BerichttypeCode(code)
    except OngeldigeWaarde:
        abort(404)


def details(code: str):
    """The current afnemer's berichttype with this code; 404 for an unknown code or another afnemer's."""
    bekende_code = code_uit_url(code)

    def laden(afnemer: Oin):
        gevonden = lezen().berichttype_details(afnemer, bekende_code)
        if gevonden is None:
            raise NietGevonden(f"Berichttype {bekende_code} bestaat niet bij deze afnemer.")
        return gevonden

    return van_afnemer(laden)


def koppelingen(afnemer: Oin, code: str, moment: datetime | None) -> tuple[list, list[str] | None]:
    """The berichttype's history of links to diensten and, when a moment is asked for, the diensten it was
    linked to at that moment (None when no moment was asked for)."""
    historie = lezen().historie_van_berichttype(afnemer, code, paginanummer("historie"))
    if moment is None:
        return historie, None
    return historie, lezen().diensten_van_berichttype_op(afnemer, code, moment)


def bijlage(code: str, bijlage_id: str) -> tuple[str, bytes]:
    """A standaard bijlage of the current afnemer's berichttype; 404 when there is no such bijlage."""
    bekende_code = code_uit_url(code)

    def laden(afnemer: Oin) -> tuple[str, bytes]:
        gevonden = lezen().bijlage_inhoud(afnemer, bekende_code, bijlage_id)
        if gevonden is None:
            raise NietGevonden("Deze bijlage bestaat niet bij dit berichttype.")
        return gevonden

    return van_afnemer(laden)


# The zichtbaarheid on the details page covers the last days up to now.
ZICHTBAARHEID_DAGEN = 30


def zichtbaarheid(afnemer: Oin, code: str, nu: datetime):
    """Who could read this berichttype over the last `ZICHTBAARHEID_DAGEN` days: the diensten it was linked
    to and the number of gemachtigden, without naming anyone."""
    return lezen().zichtbaarheid(afnemer, code, nu - timedelta(days=ZICHTBAARHEID_DAGEN), nu)
