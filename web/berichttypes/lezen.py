"""The berichttype screens' reads: the projection queries, for the current afnemer only, and up to date.

`web/leesmodellen.na_commando` does not yet bring the read models up to date after a command, and data
can also change outside these screens (a dienst linked on the Diensten tab). So every read here first
catches the projections up: `bijwerken` costs one indexed max query when nothing is new, and is safe next to
a separate projection worker (positions are locked per batch).
"""

from flask import abort

from domain.fouten import NietGevonden, OngeldigeWaarde
from domain.waarden import BerichttypeCode, Oin
from projections import queries, runner
from projections.queries import BerichttypeDetails, BerichttypeRegel, Pagina
from web.sessie import van_afnemer
from web.uitvoeren import portaal

PER_PAGINA = 25


def _actueel():
    bron = portaal()
    runner.bijwerken(bron)
    return bron


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
