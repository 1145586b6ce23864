"""Error pages keep the portal's layout: a logged-in user still sees the tabs, who is logged in and the
afnemer switch, so the way back is one click. They show no messages of earlier requests."""

import pytest

from tests.conftest import AFNEMER, INTERMEDIAIR
from tests.web.helpers import Bezoeker, controleer_pagina, meldingen
from web import sessie


def _kapotte_app(maak_app, organisaties_voor):
    """An app that answers /kapot with an unexpected error, as production would (TESTING off)."""
    app = maak_app(TESTING=False)
    organisaties_voor(app)

    def kapot():
        raise RuntimeError("interne-details-123")

    app.add_url_rule("/kapot", "kapot", kapot)
    return app


def _fout(bezoeker: Bezoeker, code: int, methode: str = "get", **opties):
    antwoord = getattr(bezoeker.client, methode)(opties.pop("pad"), **opties)
    assert antwoord.status_code == code
    return controleer_pagina(antwoord)


def _tabs(pagina) -> list[str]:
    nav = pagina.find("nav", attrs={"aria-label": "Tabbladen"})
    return [a.get_text(strip=True) for a in nav.find_all("a")] if nav else []


FOUTEN = {
    403: {"pad": "/beheer/"},
    404: {"pad": "/bestaat-niet"},
    413: {"pad": "/contact/", "methode": "post", "data": {"bericht": "x" * (12 * 1024 * 1024 + 1)}},
    500: {"pad": "/kapot"},
}


@pytest.mark.parametrize("code", sorted(FOUTEN))
def test_an_error_page_keeps_the_tabs_and_who_is_logged_in(maak_app, organisaties_voor, pki, code):
    bezoeker = Bezoeker(_kapotte_app(maak_app, organisaties_voor))
    bezoeker.log_in(pki.pem(AFNEMER))
    pagina = _fout(bezoeker, code, **FOUTEN[code])
    assert "Berichttypes" in _tabs(pagina) and "Home" in _tabs(pagina)
    assert "Gemeente Voorbeeldstad" in pagina.select_one(".kop__account").get_text(" ", strip=True)
    assert pagina.find("button", string="Uitloggen") is not None
    assert f"Foutcode {code}." in pagina.get_text(" ", strip=True)


def test_an_intermediairs_error_page_keeps_the_afnemer_switch(ingelogd):
    pagina = _fout(ingelogd(INTERMEDIAIR), 404, pad="/bestaat-niet")
    assert "namens Gemeente Voorbeeldstad" in pagina.select_one(".kop__account").get_text(" ", strip=True)
    assert pagina.find("button", attrs={"name": "afnemer"}).get_text(strip=True) == "Dienst Toeslagen Test"


def test_an_error_page_without_login_shows_no_tabs_and_no_identity(bezoeker):
    pagina = _fout(bezoeker, 404, pad="/bestaat-niet")
    assert _tabs(pagina) == []
    assert pagina.select_one(".kop__account") is None


def test_the_500_page_shows_no_messages_of_earlier_requests(maak_app, organisaties_voor, pki):
    bezoeker = Bezoeker(_kapotte_app(maak_app, organisaties_voor))
    bezoeker.log_in(pki.pem(AFNEMER))  # leaves "U bent ingelogd als ..." for the next page
    pagina = _fout(bezoeker, 500, pad="/kapot")
    assert meldingen(pagina) == []
    assert pagina.select(".melding") == []
    # The message was not lost: the next ordinary page shows it.
    assert meldingen(bezoeker.get("home.index")) == ["Gelukt: U bent ingelogd als Gemeente Voorbeeldstad."]


def test_the_500_page_renders_when_the_logged_in_organisation_cannot_be_read(
    maak_app, organisaties_voor, pki, monkeypatch
):
    bezoeker = Bezoeker(_kapotte_app(maak_app, organisaties_voor))
    bezoeker.log_in(pki.pem(AFNEMER))

    def opslag_onbereikbaar():
        raise RuntimeError("database weg")

    monkeypatch.setattr(sessie, "current_organisatie", opslag_onbereikbaar)
    pagina = _fout(bezoeker, 500, pad="/kapot")
    assert pagina.h1.get_text(strip=True) == "Er ging iets mis"
    assert _tabs(pagina) == [] and pagina.select_one(".kop__account") is None
    assert "database weg" not in str(pagina)
