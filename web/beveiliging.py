"""Security headers on every response; the CSP forbids inline script and style, so templates have none."""

from flask import Flask, Response, current_app, request

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
    "frame-ancestors 'none'; form-action 'self'; base-uri 'none'"
)
HSTS = "max-age=31536000; includeSubDomains"


def _zet_kopregels(antwoord: Response) -> Response:
    antwoord.headers["Content-Security-Policy"] = CSP
    antwoord.headers["Referrer-Policy"] = "same-origin"
    antwoord.headers["X-Content-Type-Options"] = "nosniff"
    antwoord.headers["X-Frame-Options"] = "DENY"
    if request.is_secure or current_app.config["PORTAAL_ACHTER_TLS"]:
        # Only over TLS: a browser that saw HSTS on plain http would lock a local demo out of itself.
        antwoord.headers["Strict-Transport-Security"] = HSTS
    if "Cache-Control" not in antwoord.headers and request.endpoint != "static":
        # Pages show one organisation's data; no shared cache should keep them.
        antwoord.headers["Cache-Control"] = "no-store"
    return antwoord


def installeer(app: Flask) -> None:
    app.after_request(_zet_kopregels)
