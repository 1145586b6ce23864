"""The portal in a real browser: the manual's flow from login to a deactivated dienst, and the
intermediair's switch, with axe-core on every page visited."""

import re

import pytest

from tests.browser.conftest import controleer_toegankelijkheid, leesbaar

pytestmark = pytest.mark.browser

CODE = "BROWSR1"
DIENST_ID = " Browser/dienst ✓ "  # spaces at both ends, a slash and unicode: kept and usable in a URL


class Bezoek:
    """Each step ends on a new page, which is checked with axe-core before the test goes on."""

    def __init__(self, page, basis: str) -> None:
        self.page = page
        self.basis = basis
        self.bezocht: list[str] = []

    def _klaar(self) -> None:
        self.page.wait_for_load_state("load")
        controleer_toegankelijkheid(self.page)
        self.bezocht.append(self.page.url)

    def ga_naar(self, pad: str) -> None:
        self.page.goto(self.basis + pad)
        self._klaar()

    def klik(self, locator) -> None:
        with self.page.expect_navigation():
            locator.click()
        self._klaar()

    def link(self, naam: str) -> None:
        self.klik(self.page.get_by_role("link", name=naam, exact=True).first)

    def knop(self, naam: str) -> None:
        self.klik(self.page.get_by_role("button", name=naam, exact=True))

    def tab(self, naam: str) -> None:
        self.klik(self.page.get_by_role("navigation", name="Tabbladen").get_by_role("link", name=naam))

    def log_in(self, organisatie: str) -> None:
        self.ga_naar("/inloggen/")
        self.page.get_by_role("radio", name=re.compile(re.escape(organisatie))).first.check()
        self.knop("Inloggen met dit certificaat")

    def hoofdinhoud(self) -> str:
        return self.page.locator("main").inner_text()


def test_an_afnemer_links_a_berichttype_to_a_dienst_and_deactivates_it(pagina, portaal_url):
    bezoek = Bezoek(pagina, portaal_url)
    bezoek.log_in("Gemeente Voorbeeldstad")
    assert "U bent ingelogd als Gemeente Voorbeeldstad" in bezoek.hoofdinhoud()

    # A berichttype, activated through its confirmation screen (chapter 4).
    bezoek.tab("Berichttypes")
    bezoek.link("Berichttype toevoegen")
    pagina.get_by_label("Code").fill(CODE)
    pagina.get_by_label("Omschrijving").fill("Berichttype uit de browsertest")
    pagina.get_by_role("radio", name="Betalen").check()
    bezoek.knop("Opslaan")
    assert f"Het berichttype {CODE} is toegevoegd" in bezoek.hoofdinhoud()
    bezoek.link("Wijzigen")
    pagina.get_by_role("radio", name="Actief").check()
    bezoek.knop("Opslaan")
    bezoek.klik(pagina.locator("main form button[type=submit]").first)
    assert f"Het berichttype {CODE} heeft nu de status Actief." in bezoek.hoofdinhoud()

    # A dienst whose Dienst ID needs care in a URL (chapter 6).
    bezoek.tab("Diensten")
    bezoek.link("Dienst toevoegen")
    pagina.get_by_label("Dienst ID").fill(DIENST_ID)
    pagina.get_by_label("Omschrijving").fill("Dienst uit de browsertest")
    bezoek.knop("Opslaan")
    assert "is toegevoegd en is direct actief" in bezoek.hoofdinhoud()
    bezoek.klik(pagina.locator("a.dienst-id", has_text="Browser/dienst"))
    assert pagina.locator("dd .dienst-id").text_content() == DIENST_ID

    # Link the berichttype with one Toepassen.
    bezoek.link("(Ont)koppelen")
    pagina.get_by_role("checkbox", name=f"Koppelen {CODE}").check()
    bezoek.knop("Toepassen")
    assert "De koppelingen zijn toegepast." in bezoek.hoofdinhoud()
    gekoppeld = pagina.get_by_role("table", name="Berichttypes die nu aan deze dienst gekoppeld zijn")
    assert CODE in gekoppeld.inner_text()

    # Deactivate through the warning screen; the history shows the einddatum.
    bezoek.link("Wijzigen")
    bezoek.link("Status: Inactief")
    assert "ook niet de berichten die al eerder zijn afgeleverd" in bezoek.hoofdinhoud()
    bezoek.knop("Ja, dienst deactiveren")
    assert "De dienst is gedeactiveerd." in bezoek.hoofdinhoud()
    historie = pagina.get_by_role("table", name=re.compile("begindatum, einddatum"))
    rij = historie.locator("tbody tr").filter(has_text=CODE)
    cellen = rij.locator("td").all_inner_texts()
    assert cellen[0] == CODE
    assert re.fullmatch(r"\d{1,2}-\d{1,2}-\d{4} \d{2}:\d{2}", cellen[2]), cellen
    assert cellen[3] == "Dienst gedeactiveerd"

    bezoek.tab("Diensten")
    assert "gedeactiveerd op" in bezoek.hoofdinhoud()
    assert len(bezoek.bezocht) >= 15


def test_an_intermediair_switches_afnemer(pagina, portaal_url):
    bezoek = Bezoek(pagina, portaal_url)
    bezoek.log_in("Berichtenleverancier Test BV")
    kop = pagina.locator(".kop__account")
    assert "namens Gemeente Voorbeeldstad" in kop.inner_text()
    bezoek.knop("Dienst Toeslagen Test")
    assert "namens Dienst Toeslagen Test" in kop.inner_text()
    assert "U voert nu het beheer uit voor Dienst Toeslagen Test." in bezoek.hoofdinhoud()
    bezoek.tab("Diensten")
    bezoek.tab("Berichttypes")
    bezoek.tab("Profiel")
    bezoek.tab("Home")


def test_axe_reports_a_violation_readably(pagina):
    """The check itself can fail: an image without alt text and an unlabelled field are violations."""
    pagina.set_content('<html lang="nl"><title>t</title><main><img src="x.png"><input></main></html>')
    with pytest.raises(AssertionError) as fout:
        controleer_toegankelijkheid(pagina)
    assert "image-alt" in str(fout.value) and "label" in str(fout.value)
    assert leesbaar([]) == ""
