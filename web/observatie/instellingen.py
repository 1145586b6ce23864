"""The settings of health, readiness and metrics, read from the environment once per app; explicit config
wins (as web/instellingen.py does for the rest).

- PORTAAL_READYZ_MAX_ACHTERSTAND: events a projection may lag behind its log's head (default 1000);
- PORTAAL_READYZ_MAX_WACHTTIJD: seconds the oldest batch may wait for processing (default 300);
- PORTAAL_METRICS_NETWERKEN: addresses that may read /metrics (default loopback: 127.0.0.1/32 ::1/128).
"""

import os
from collections.abc import Mapping
from datetime import timedelta

from flask import Flask

from service_layer.gezondheid import STANDAARD_MAX_ACHTERSTAND, STANDAARD_MAX_WACHTTIJD
from web.pki.instellingen import netwerken

MAX_ACHTERSTAND = "PORTAAL_READYZ_MAX_ACHTERSTAND"
MAX_WACHTTIJD = "PORTAAL_READYZ_MAX_WACHTTIJD"
METRICS_NETWERKEN = "PORTAAL_METRICS_NETWERKEN"
LOOPBACK = "127.0.0.1/32 ::1/128"


def laad(app: Flask, environ: Mapping[str, str] = os.environ) -> None:
    config = app.config
    if MAX_ACHTERSTAND not in config:
        config[MAX_ACHTERSTAND] = _getal(environ, MAX_ACHTERSTAND, STANDAARD_MAX_ACHTERSTAND, minimum=0)
    if MAX_WACHTTIJD not in config:
        standaard = int(STANDAARD_MAX_WACHTTIJD.total_seconds())
        config[MAX_WACHTTIJD] = _getal(environ, MAX_WACHTTIJD, standaard, minimum=1)
    if METRICS_NETWERKEN not in config:
        try:
            config[METRICS_NETWERKEN] = netwerken(environ.get(METRICS_NETWERKEN, "") or LOOPBACK)
        except ValueError as fout:
            raise RuntimeError(f"{METRICS_NETWERKEN} bevat een ongeldig adres of netwerk: {fout}") from None


def max_wachttijd(app: Flask) -> timedelta:
    return timedelta(seconds=app.config[MAX_WACHTTIJD])


def _getal(environ: Mapping[str, str], naam: str, standaard: int, minimum: int) -> int:
    waarde = environ.get(naam, "").strip()
    if not waarde:
        return standaard
    if not waarde.isdigit() or int(waarde) < minimum:
        raise RuntimeError(f"{naam} moet een geheel getal van ten minste {minimum} zijn, niet {waarde!r}.")
    return int(waarde)
