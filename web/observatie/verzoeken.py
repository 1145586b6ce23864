"""Per request: its id, its place in the HTTP metrics, and the context of its log lines.

The request id comes from the proxy's `X-Request-ID` (nginx: `proxy_set_header X-Request-ID $request_id;`)
when it is a sane token (letters, digits and `._-`, at most 128, and nothing a BSN could hide in); otherwise
it is made here. It goes back in the response's `X-Request-ID` and into every log line of the request.

The metrics count per route *pattern* (`/api/v1/gebruikers/<bsn>`), never the path: a path of the machine
interface holds a BSN. A request that matched no route counts as `(geen route)`. The duration runs from the
first `before_request` until the response leaves the view (a streamed body's remainder is not in it).
"""

import contextlib
import logging
import re
import time
import uuid

from flask import Flask, Response, g, has_request_context, request
from prometheus_client import CollectorRegistry, Counter, Histogram

from domain.waarden import bevat_bsn
from web import sessie

KOP = "X-Request-ID"
_GEZOND = re.compile(r"[A-Za-z0-9._-]{1,128}")
_METHODEN = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})
GEEN_ROUTE = "(geen route)"


class Verzoekmetingen:
    def __init__(self, register: CollectorRegistry) -> None:
        self.aantal = Counter(
            "portaal_http_verzoeken",
            "HTTP-verzoeken per methode, routepatroon en statuscode.",
            ["methode", "route", "status"],
            registry=register,
        )
        self.duur = Histogram(
            "portaal_http_verzoek_duur_seconden",
            "Duur van HTTP-verzoeken per methode en routepatroon, in seconden.",
            ["methode", "route"],
            registry=register,
        )

    def installeer(self, app: Flask) -> None:
        # First of all before_request functions: the id exists for whatever the others log, and the
        # duration includes them.
        app.before_request_funcs.setdefault(None, []).insert(0, _begin)
        app.after_request(self._einde)

    def _einde(self, antwoord: Response) -> Response:
        antwoord.headers[KOP] = verzoek_id()
        methode = request.method if request.method in _METHODEN else "ANDERS"
        route = request.url_rule.rule if request.url_rule is not None else GEEN_ROUTE
        self.aantal.labels(methode, route, str(antwoord.status_code)).inc()
        begin = g.get("_verzoek_begin")
        if begin is not None:
            self.duur.labels(methode, route).observe(time.perf_counter() - begin)
        return antwoord


def _begin() -> None:
    g._verzoek_begin = time.perf_counter()
    verzoek_id()


def verzoek_id() -> str:
    """This request's id: the proxy's when sane, else a new one (made once per request)."""
    if "verzoek_id" not in g:
        gegeven = request.headers.get(KOP, "")
        g.verzoek_id = gegeven if _GEZOND.fullmatch(gegeven) and not bevat_bsn(gegeven) else _nieuw_id()
    return g.verzoek_id


def _nieuw_id() -> str:
    """A random id the BSN mask leaves intact. About one uuid in 180 holds nine digits passing the elfproef;
    its log lines would carry a masked id that the response does not."""
    while bevat_bsn(nieuw := uuid.uuid4().hex):
        pass
    return nieuw


class Verzoekcontext(logging.Filter):
    """Adds `request_id`, `oin` and `namens` to a record logged during a request: the organisation logged in
    (or the machine that proved itself with its certificate) and the afnemer an intermediair acts for. Outside
    a request it adds nothing. Never drops a record, never raises."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not has_request_context():
            return True
        with contextlib.suppress(Exception):  # context is a courtesy; the line itself must get out
            record.request_id = verzoek_id()
            oin, namens = sessie.ingelogd_als()
            machine = g.get("machine")
            if oin is None and machine is not None:
                oin = machine.oin.waarde
            record.oin, record.namens = oin, namens
        return True
