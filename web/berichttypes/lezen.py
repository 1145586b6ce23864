"""The berichttype screens' reads: the projection queries, for the current afnemer only, and up to date.

Data can change outside these screens (a dienst linked on the Diensten tab, another process), so every
read goes through `leesmodellen.actueel`, which catches the read models up when they are embedded.
"""

from flask import abort, current_app

from domain.fouten import NietGevonden, OngeldigeWaarde
from domain.waarden import BerichttypeCode, Oin
from projections import queries
from projections.queries import BerichttypeDetails, BerichttypeRegel, Pagina
from web.leesmodellen import actueel
from web.sessie import van_afnemer

PER_PAGINA = 25


def _actueel():
    return actueel(current_app)


def overzicht(
    afnemer: Oin, code_bevat: str, status: str, kenmerk: str, pagina: int
) -> Pagina[BerichttypeRegel]:
    return queries.berichttype_overzicht(
        _actueel(),
        afnemer,
        code_bevat=code_bevat,
        status=status,
        kenmerk=kenmerk,
        pagina=pagina,
        per_pagina=PER_PAGINA,
    )


def code_uit_url(code: str) -> BerichttypeCode:
    """A code that cannot exist is as unknown as one of another afnemer: 404."""
    try:
        return BerichttypeCode(code)
    except OngeldigeWaarde:
        abort(404)


def details(code: str) -> BerichttypeDetails:
    """The current afnemer's berichttype with this code; 404 for an unknown code or another afnemer's."""
    bekende_code = code_uit_url(code)

    def laden(afnemer: Oin) -> BerichttypeDetails:
        gevonden = queries.berichttype_details(_actueel(), afnemer, bekende_code)
        if gevonden is None:
            raise NietGevonden(f"Berichttype {bekende_code} bestaat niet bij deze afnemer.")
        return gevonden

    return van_afnemer(laden)
