"""The machine interface's blueprints, registered in one place: exempt from CSRF (callers prove who they are
with a certificate on every request, not with a cookie a browser would send along)."""

import importlib

from flask import Flask
from flask_wtf.csrf import CSRFProtect

BLUEPRINTS: tuple[str, ...] = (
    "web.api.batches",
    "web.api.gebruikers",
    "web.api.machtigingen",
    "web.api.toegangsvragen",
)


def registreer(app: Flask, csrf: CSRFProtect) -> None:
    for module in BLUEPRINTS:
        bp = importlib.import_module(module).bp
        csrf.exempt(bp)
        app.register_blueprint(bp)
