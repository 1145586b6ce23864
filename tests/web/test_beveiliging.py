from urllib.parse import quote

import pytest

from tests.conftest import AFNEMER
from tests.web.helpers import Bezoeker, controleer_pagina
from web.beveiliging import CSP


def test_every_response_carries_the_security_headers(bezoeker):
    antwoord = bezoeker.client.get(bezoeker.url("inloggen.index"))
    assert antwoord.headers["Content-Security-Policy"] == CSP
    assert "frame-ancestors 'none'" in CSP and "script-src 'self'" in CSP
    assert antwoord.headers["Referrer-Policy"] == "same-origin"
    assert antwoord.headers["X-Content-Type-Options"] == "nosniff"
    assert antwoord.headers["Cache-Control"] == "no-store"


def test_no_hsts_over_plain_http(bezoeker):
    assert "Strict-Transport-Security" not in bezoeker.client.get(bezoeker.url("inloggen.index")).headers


def test_hsts_over_tls(bezoeker):
    antwoord = bezoeker.client.get(bezoeker.url("inloggen.index"), base_url="https://localhost")
    assert antwoord.headers["Strict-Transport-Security"].startswith("max-age=")


def test_behind_a_tls_proxy_hsts_and_secure_cookies_are_configured(maak_app, pki, organisaties_voor):
    app = maak_app(PORTAAL_ACHTER_TLS=True)
    organisaties_voor(app)
    bezoeker = Bezoeker(app)
    antwoord = bezoeker.log_in(pki.pem(AFNEMER))
    assert "Strict-Transport-Security" in antwoord.headers
    cookie = antwoord.headers["Set-Cookie"]
    assert "Secure" in cookie and "HttpOnly" in cookie and "SameSite=Lax" in cookie


def test_the_session_cookie_is_httponly_and_samesite(bezoeker, pki, organisaties):
    cookie = bezoeker.log_in(pki.pem(AFNEMER)).headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie and "Secure" not in cookie


def test_a_post_without_csrf_token_is_refused(maak_app, pki, organisaties_voor):
    app = maak_app(WTF_CSRF_ENABLED=True)
    organisaties_voor(app)
    bezoeker = Bezoeker(app)
    antwoord = bezoeker.log_in(pki.pem(AFNEMER), status=400)
    pagina = controleer_pagina(antwoord)
    assert pagina.h1.get_text(strip=True) == "Sessie verlopen"


def test_a_post_with_the_csrf_token_from_the_page_is_accepted(maak_app, pki, organisaties_voor):
    app = maak_app(WTF_CSRF_ENABLED=True)
    organisaties_voor(app)
    bezoeker = Bezoeker(app)
    token = bezoeker.get("inloggen.index").find("input", attrs={"name": "csrf_token"})["value"]
    antwoord = bezoeker.client.post(
        bezoeker.url("inloggen.met_certificaat"),
        data={"csrf_token": token},
        headers={"X-SSL-Client-Cert": quote(pki.pem(AFNEMER))},
        environ_base={"REMOTE_ADDR": "10.0.0.5"},
    )
    assert antwoord.status_code == 302


def test_requests_above_the_size_limit_are_refused(ingelogd, app):
    assert app.config["MAX_CONTENT_LENGTH"] == 12 * 1024 * 1024
    bezoeker = ingelogd(AFNEMER)
    antwoord = bezoeker.client.post(
        bezoeker.url("contact.index"),
        data={"bericht": "x" * (12 * 1024 * 1024 + 1)},
    )
    assert antwoord.status_code == 413
    assert controleer_pagina(antwoord).h1.get_text(strip=True) == "Bestand te groot"


@pytest.mark.parametrize(("pad", "code", "titel"), [("/bestaat-niet", 404, "Pagina niet gevonden")])
def test_error_pages_are_dutch(bezoeker, pad, code, titel):
    antwoord = bezoeker.client.get(pad)
    assert antwoord.status_code == code
    assert controleer_pagina(antwoord).h1.get_text(strip=True) == titel


def test_a_wrong_method_gets_a_dutch_405(bezoeker):
    antwoord = bezoeker.client.delete(bezoeker.url("inloggen.index"))
    assert antwoord.status_code == 405
    assert controleer_pagina(antwoord).h1.get_text(strip=True) == "Actie niet toegestaan"


def test_an_unexpected_error_shows_no_trace_and_no_submitted_data(maak_app):
    app = maak_app(TESTING=False)

    def kapot():
        raise RuntimeError("interne-details-123")

    app.add_url_rule("/kapot", "kapot", kapot, methods=["POST"])
    antwoord = app.test_client().post("/kapot", data={"geheim": "ingevuld-door-gebruiker"})
    tekst = antwoord.get_data(as_text=True)
    assert antwoord.status_code == 500
    assert "Er ging iets mis" in tekst
    assert "interne-details-123" not in tekst and "Traceback" not in tekst
    assert "ingevuld-door-gebruiker" not in tekst
    controleer_pagina(antwoord)
