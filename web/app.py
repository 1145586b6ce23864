"""The application factory: nothing is built at import time, everything per call of `create_app`."""

import os
from collections.abc import Mapping
from typing import Any

from flask import Flask, request
from flask_wtf import CSRFProtect

from service_layer.samenstelling import Samenstelling, bouw
from web import (
    beveiliging,
    foutpaginas,
    instellingen,
    observatie,
    opstarten,
    pictogram,
    sessie_opslag,
    sjablonen,
    tabbladen,
)
from web.api import registratie as api
from web.pki.demo_pki import bestaat, maak_demo_pki
from web.pki.verificatie import Certificaatverificatie


class Portaalapp(Flask):
    def log_exception(self, exc_info) -> None:
        """As Flask's, with the route's pattern instead of the request's path: a path of the machine
        interface can hold a BSN (/api/v1/gebruikers/<bsn>), and a BSN never goes to a log."""
        regel = request.url_rule.rule if request.url_rule else "(geen route)"
        self.logger.error("Fout bij %s %s", request.method, regel, exc_info=exc_info)


def create_app(config: Mapping[str, Any] | None = None, samenstelling: Samenstelling | None = None) -> Flask:
    """`samenstelling`: one built by the caller (a test that also issues commands itself); by default the app
    builds its own on the configured database. Either way `sluit(app)` closes it."""
    app = Portaalapp(__name__)
    app.config.update(instellingen.laad(os.environ, config or {}))
    observatie.laad_instellingen(app)
    if app.config["PORTAAL_DEMO"]:
        _zorg_voor_demo_pki(app)
    csrf = CSRFProtect(app)
    beveiliging.installeer(app)
    foutpaginas.installeer(app)
    opstarten.installeer(app)
    sjablonen.installeer(app)
    pictogram.installeer(app)
    if samenstelling is None:
        samenstelling = bouw(
            os.environ,
            url=app.config["DATABASE_URL"],
            klok=app.config.get("PORTAAL_KLOK"),
            werker=app.config.get("PORTAAL_PROJECTIE_WERKER"),
        )
    app.extensions["samenstelling"] = samenstelling
    observatie.installeer(app, samenstelling.gezondheid, samenstelling.metingen.register)
    # Installs the read models' tables; a projection built by another version of its code is rebuilt
    # beside the live tables, never inside a request, while the old tables keep serving until the swap.
    for motor in samenstelling.motoren.values():
        motor.start_op_achtergrond()
    app.extensions["certificaatverificatie"] = _verificatie(app)
    sessie_opslag.installeer(app)
    tabbladen.registreer(app)
    api.registreer(app, csrf)
    return app


def _verificatie(app: Flask) -> Certificaatverificatie:
    klok = app.config.get("PKI_KLOK")
    if klok is None:
        return Certificaatverificatie(app.config["PKI_INSTELLINGEN"])
    return Certificaatverificatie(app.config["PKI_INSTELLINGEN"], klok=klok)


def _zorg_voor_demo_pki(app: Flask) -> None:
    """A demo without certificates cannot log in; make them once, as `portaal certs init` would."""
    map_ = app.config["PKI_DEMO_MAP"]
    if not bestaat(map_):
        maak_demo_pki(map_)


def sluit(app: Flask) -> None:
    """Close what the app's composition root built; for the server's and tests' shutdown."""
    samenstelling: Samenstelling = app.extensions.pop("samenstelling")
    samenstelling.sluit()
