"""A `client_request`-style helper: a visitor that logs in through the real login path (a real certificate
in the proxy's header), calls pages by endpoint name, and gets parsed HTML back after the checks every page
must pass."""

from collections import Counter
from urllib.parse import quote

from bs4 import BeautifulSoup
from flask import Flask, url_for
from werkzeug.test import TestResponse

from web.beveiliging import CSP

PROXY = "10.0.0.5"
HEADER = "X-SSL-Client-Cert"


def controleer_pagina(antwoord: TestResponse) -> BeautifulSoup:
    """Every HTML page: CSP, lang, a title, one h1, labelled fields, unique ids, no inline code."""
    assert antwoord.headers.get("Content-Security-Policy") == CSP
    pagina = BeautifulSoup(antwoord.get_data(as_text=True), "html.parser")
    assert pagina.html is not None and pagina.html.get("lang") == "nl"
    assert pagina.title is not None and pagina.title.get_text(strip=True)
    assert len(pagina.find_all("h1")) == 1, "precies één h1"
    dubbel = [i for i, n in Counter(t["id"] for t in pagina.find_all(id=True)).items() if n > 1]
    assert not dubbel, f"dubbele ids: {dubbel}"
    for veld in pagina.find_all(["input", "select", "textarea"]):
        if veld.get("type") not in ("hidden", "submit", "button"):
            assert _heeft_label(pagina, veld), f"veld zonder label: {veld}"
    assert not pagina.find_all("style"), "geen inline <style> (CSP)"
    assert all(s.get("src") for s in pagina.find_all("script")), "geen inline script (CSP)"
    for element in pagina.find_all(True):
        verboden = [a for a in element.attrs if a == "style" or a.startswith("on")]
        assert not verboden, f"inline {verboden} op {element.name} (CSP)"
    for tabel in pagina.find_all("table"):
        controleer_tabelvak(pagina, tabel)
    for keuze in pagina.select("input[type=radio]"):
        groep = keuze.find_parent("fieldset")
        legend = groep.legend if groep else None
        assert legend and legend.get_text(strip=True), f"radio zonder fieldset en legend: {keuze}"
    assert not pagina.select("ul.veld__invoer"), "een lijst met keuzes opgemaakt als invoerveld"
    return pagina


def controleer_tabelvak(pagina: BeautifulSoup, tabel) -> None:
    """A table sits in its own scroll box (macros/tabel.html): focusable, and named by the table's title."""
    vak = tabel.parent
    assert vak.name == "div" and "tabelvak" in vak.get("class", []), f"tabel zonder tabelvak: {tabel.caption}"
    assert vak.get("role") == "region" and vak.get("tabindex") == "0", vak.attrs
    naam = pagina.find(id=vak.get("aria-labelledby"))
    assert naam is not None and naam.get_text(strip=True), f"tabelvak zonder naam: {vak.attrs}"


def _heeft_label(pagina: BeautifulSoup, veld) -> bool:
    veld_id = veld.get("id")
    return bool(
        (veld_id and pagina.find("label", attrs={"for": veld_id}))
        or veld.get("aria-label")
        or veld.find_parent("label")
    )


def foutmeldingen(pagina: BeautifulSoup) -> list[str]:
    """The messages in the error summary at the top of the form."""
    samenvatting = pagina.find(class_="foutsamenvatting")
    return [li.get_text(" ", strip=True) for li in samenvatting.find_all("li")] if samenvatting else []


def veldfout(pagina: BeautifulSoup, veld_id: str) -> str:
    """The message next to one field ('' when there is none)."""
    fout = pagina.find(id=f"{veld_id}-fout")
    return fout.get_text(" ", strip=True) if fout else ""


def meldingen(pagina: BeautifulSoup) -> list[str]:
    return [p.get_text(" ", strip=True) for p in pagina.select(".meldingen .melding")]


class Bezoeker:
    """One browser. `get`/`post` take an endpoint name and its URL values, and check the status."""

    def __init__(self, app: Flask) -> None:
        self.app = app
        self.client = app.test_client()

    def url(self, endpoint: str, **waarden) -> str:
        with self.app.test_request_context():
            return url_for(endpoint, **waarden)

    def log_in(self, pem: str, *, adres: str = PROXY, status: int = 302) -> TestResponse:
        antwoord = self.client.post(
            self.url("inloggen.met_certificaat"),
            # URL-escaped, as nginx's $ssl_client_escaped_cert hands it over.
            headers={HEADER: quote(pem)},
            environ_base={"REMOTE_ADDR": adres},
        )
        assert antwoord.status_code == status, antwoord.status_code
        return antwoord

    def get(self, endpoint: str, *, status: int = 200, **waarden) -> BeautifulSoup | None:
        """The checked page; None for a redirect (its status is checked all the same)."""
        antwoord = self.client.get(self.url(endpoint, **waarden))
        assert antwoord.status_code == status, (antwoord.status_code, antwoord.location)
        return None if 300 <= status < 400 else controleer_pagina(antwoord)

    def post(self, endpoint: str, data: dict | None = None, *, status: int = 302, **waarden) -> TestResponse:
        antwoord = self.client.post(self.url(endpoint, **waarden), data=data or {})
        assert antwoord.status_code == status, (antwoord.status_code, antwoord.get_data(as_text=True)[-2000:])
        return antwoord

    def post_pagina(self, endpoint: str, data: dict | None = None, *, status: int = 200, **waarden):
        """A POST that answers with a page (a form shown again with its errors)."""
        return controleer_pagina(self.post(endpoint, data, status=status, **waarden))

    def volg(self, antwoord: TestResponse) -> BeautifulSoup:
        """Follow a redirect and return the page it leads to."""
        assert antwoord.location, "geen redirect"
        vervolg = self.client.get(antwoord.location)
        assert vervolg.status_code == 200, vervolg.status_code
        return controleer_pagina(vervolg)


def tekst(pagina: BeautifulSoup) -> str:
    """The visible text of the main content, with whitespace as a reader sees it."""
    return " ".join(pagina.find("main").get_text(" ").split())
