"""The application factory: nothing is built at import time, everything per call of `create_app`."""

import os
from collections.abc import Mapping
from typing import Any

from flask import Flask
from flask_wtf import CSRFProtect

from events_store.basis import utc_nu
from events_store.instellingen import persistence_env
from events_store.portaal import Portaal
from web import beveiliging, foutpaginas, instellingen, pictogram, sjablonen, tabbladen
from web.pki.demo_pki import bestaat, maak_demo_pki
from web.pki.verificatie import Certificaatverificatie


def create_app(config: Mapping[str, Any] | None = None) -> Flask:
    app = Flask(__name__)
    app.config.update(instellingen.laad(os.environ, config or {}))
    if app.config["PORTAAL_DEMO"]:
        _zorg_voor_demo_pki(app)
    CSRFProtect(app)
    beveiliging.installeer(app)
    foutpaginas.installeer(app)
    sjablonen.installeer(app)
    pictogram.installeer(app)
    app.extensions["portaal"] = Portaal(
        persistence_env(app.config["DATABASE_URL"], os.environ), klok=app.config.get("PORTAAL_KLOK", utc_nu)
    )
    app.extensions["certificaatverificatie"] = _verificatie(app)
    tabbladen.registreer(app)
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
    """Close the app's application and its database connections; for the server's and tests' shutdown."""
    portaal: Portaal = app.extensions.pop("portaal")
    portaal.close()
    portaal.engine.dispose()
