"""Observability of a web process: `/healthz`, `/readyz` and `/metrics` in front of the app
(web.observatie.bewaking), request ids and per-route HTTP metrics (web.observatie.verzoeken), and the request
context of log lines. Settings in web.observatie.instellingen; docs/observatie.md for the operator."""

from flask import Flask
from prometheus_client import CollectorRegistry

from service_layer.gezondheid import Gezondheid
from web.observatie import instellingen
from web.observatie.bewaking import Bewaking
from web.observatie.verzoeken import Verzoekcontext, Verzoekmetingen

__all__ = ["Verzoekcontext", "installeer", "laad_instellingen"]


def laad_instellingen(app: Flask) -> None:
    """Early in the factory, before anything is built: a bad setting stops the start with a Dutch message."""
    instellingen.laad(app)


def installeer(app: Flask, gezondheid: Gezondheid, gemeten: CollectorRegistry) -> None:
    """Once per app, with what its composition root built: the readiness check and the registry of what
    the process measures. The app's registry holds its HTTP metrics and passes on `gemeten`, so one scrape
    shows both."""
    register = CollectorRegistry()
    Verzoekmetingen(register).installeer(app)
    # A registry is itself a collector: registered here, its metrics are collected with the app's (it
    # has no describe(), so registering checks no names and runs no query).
    register.register(gemeten)
    app.extensions["observatie"] = register
    app.wsgi_app = Bewaking(app.wsgi_app, app, gezondheid, register)
