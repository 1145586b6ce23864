"""`/healthz`, `/readyz` and `/metrics`: for the load balancer, the orchestrator and Prometheus, in front of
the Flask app as WSGI middleware (the way prometheus_client documents for Flask), so no session, CSRF check,
login or start-up page ever stands between a probe and its answer, and a probe costs no more than its check.

- `/healthz`: 200 while the process can answer; no database access.
- `/readyz`: 200 when the database answers, every projection is within PORTAAL_READYZ_MAX_ACHTERSTAND
  events of its log's head and the oldest waiting batch waited at most PORTAAL_READYZ_MAX_WACHTTIJD seconds;
  otherwise 503. The JSON body says per check, in Dutch, what holds or failed (service_layer.gezondheid):
  projection names and counts, never an organisation's data.
- `/metrics`: the Prometheus text format of this process: its HTTP requests (web.observatie.verzoeken) and
  what its composition root counts and reads (service_layer.metingen). Every waitress process has its own
  counters, so Prometheus scrapes each process on its own port, not through the proxy (which would hand a
  scrape to whichever process is free). An operator expects such an endpoint to be internal: it answers only
  to the addresses in PORTAAL_METRICS_NETWERKEN (default loopback) and only to a request that did not come
  through the proxy (no X-Forwarded-For, Forwarded, X-Real-IP or client certificate header: nginx on the
  same machine also connects from loopback; `portaal serve` tells waitress to keep those headers). Anyone
  else gets a 404, as if it were not there. The proxy should not pass /metrics on at all (nginx:
  `location = /metrics { return 404; }`); this is the second lock.

The probes are not counted in the HTTP metrics: a probe every second would drown the routes people use.
"""

import ipaddress
import json
from collections.abc import Callable, Iterable

from flask import Flask
from prometheus_client import CollectorRegistry
from prometheus_client.exposition import choose_encoder

from service_layer.gezondheid import Gezondheid, Oordeel
from web.observatie import instellingen

WsgiApp = Callable[[dict, Callable], Iterable[bytes]]
_KOPREGELS = [("Cache-Control", "no-store"), ("X-Content-Type-Options", "nosniff")]


class Bewaking:
    def __init__(self, volgende: WsgiApp, app: Flask, gezondheid: Gezondheid, register: CollectorRegistry):
        self.volgende = volgende
        self.app = app
        self.gezondheid = gezondheid
        self.register = register
        self._routes = {"/healthz": self._healthz, "/readyz": self._readyz, "/metrics": self._metrics}
        # What a request that came through the proxy carries: the forwarding headers, or the client
        # certificate only the proxy hands over.
        certificaat = app.config["PKI_INSTELLINGEN"].header.upper().replace("-", "_")
        self._proxykoppen = (
            "HTTP_X_FORWARDED_FOR", "HTTP_FORWARDED", "HTTP_X_REAL_IP", f"HTTP_{certificaat}",
        )  # fmt: skip

    def __call__(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        route = self._routes.get(environ.get("PATH_INFO", ""))
        if route is None:
            return self.volgende(environ, start_response)
        if environ.get("REQUEST_METHOD") not in ("GET", "HEAD"):
            lichaam = _json({"fout": "Alleen GET en HEAD."})
            allow = [("Allow", "GET, HEAD")]
            return _antwoord(start_response, environ, "405 Method Not Allowed", *lichaam, extra=allow)
        return route(environ, start_response)

    def _healthz(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        return _antwoord(start_response, environ, "200 OK", *_json({"status": "leeft"}))

    def _readyz(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        config = self.app.config
        oordeel = self.gezondheid.oordeel(
            config[instellingen.MAX_ACHTERSTAND], instellingen.max_wachttijd(self.app)
        )
        status = "200 OK" if oordeel.gereed else "503 Service Unavailable"
        return _antwoord(start_response, environ, status, *_json(_lichaam(oordeel)))

    def _metrics(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        if not self._mag_metrics_lezen(environ):
            return _antwoord(start_response, environ, "404 Not Found", *_json({"fout": "Niet gevonden."}))
        encoder, soort = choose_encoder(environ.get("HTTP_ACCEPT"))
        return _antwoord(start_response, environ, "200 OK", encoder(self.register), soort)

    def _mag_metrics_lezen(self, environ: dict) -> bool:
        if any(environ.get(kop) for kop in self._proxykoppen):
            return False
        try:
            adres = ipaddress.ip_address(environ.get("REMOTE_ADDR", ""))
        except ValueError:
            return False
        return any(adres in netwerk for netwerk in self.app.config[instellingen.METRICS_NETWERKEN])


def _lichaam(oordeel: Oordeel) -> dict:
    return {
        "status": "gereed" if oordeel.gereed else "niet gereed",
        "controles": {
            naam: {"ok": c.ok, "melding": c.melding, **c.details} for naam, c in oordeel.controles.items()
        },
    }


def _json(inhoud: dict) -> tuple[bytes, str]:
    return json.dumps(inhoud, ensure_ascii=False).encode(), "application/json; charset=utf-8"


def _antwoord(
    start_response: Callable, environ: dict, status: str, lichaam: bytes, soort: str, extra=()
) -> list[bytes]:
    kop = [("Content-Type", soort), ("Content-Length", str(len(lichaam))), *_KOPREGELS, *extra]
    start_response(status, kop)
    return [] if environ.get("REQUEST_METHOD") == "HEAD" else [lichaam]
