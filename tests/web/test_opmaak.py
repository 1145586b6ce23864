"""The frame of every page: the icon and the footer."""

from bs4 import BeautifulSoup

from tests.conftest import AFNEMER, BEHEERDER
from tests.web.helpers import controleer_pagina


def test_the_icon_is_served_at_favicon_ico_and_linked_from_every_page(bezoeker):
    with bezoeker.client.get("/favicon.ico") as antwoord:
        assert antwoord.status_code == 200
        assert antwoord.mimetype in {"image/vnd.microsoft.icon", "image/x-icon"}
        icoon = antwoord.data
    assert icoon[:4] == b"\x00\x00\x01\x00"  # the ICO header: a real icon, not a page
    link = bezoeker.get("inloggen.index").find("link", rel="icon")
    assert link is not None
    with bezoeker.client.get(link["href"]) as gelinkt:
        assert gelinkt.data == icoon


def test_the_icon_is_linked_from_an_error_page_too(bezoeker):
    antwoord = bezoeker.client.get("/bestaat-niet")
    assert antwoord.status_code == 404
    assert controleer_pagina(antwoord).find("link", rel="icon") is not None


def _voet(pagina: BeautifulSoup):
    return pagina.find("footer")


def test_before_login_the_footer_gives_logius_contact_details_not_the_contact_tab(bezoeker):
    voet = _voet(bezoeker.get("inloggen.index"))
    tekst = voet.get_text(" ", strip=True)
    assert "tabblad Contact" not in tekst
    assert "Logius" in tekst
    adressen = [a["href"] for a in voet.find_all("a")]
    assert "mailto:servicecentrum@logius.nl" in adressen
    assert bezoeker.url("contact.index") not in adressen


def test_after_login_the_footer_links_to_the_contact_tab(ingelogd):
    for oin in (AFNEMER, BEHEERDER):
        bezoeker = ingelogd(oin)
        voet = _voet(bezoeker.get("home.index"))
        link = voet.find("a", string="Contact")
        assert link is not None and link["href"] == bezoeker.url("contact.index")
        bezoeker.get("contact.index")  # and the tab is there for this role
