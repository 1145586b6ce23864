"""The pages of issue 9's input checks in a real browser, each through axe-core: the near-duplicate Dienst ID
confirmation, the profiel preview, and the contact details and begrippenlijst (the first before login)."""

import pytest

from tests.browser.test_portaal import Bezoek

pytestmark = pytest.mark.browser


def test_logius_contact_details_open_before_login_and_pass_axe(pagina, portaal_url):
    bezoek = Bezoek(pagina, portaal_url)
    bezoek.ga_naar("/contactgegevens")
    assert "Servicecentrum Logius" in bezoek.hoofdinhoud()
    bezoek.link("Naar inloggen")
    assert pagina.url.endswith("/inloggen/")


def test_the_new_pages_of_an_afnemer_pass_axe(pagina, portaal_url):
    bezoek = Bezoek(pagina, portaal_url)
    bezoek.log_in("Gemeente Voorbeeldstad")

    bezoek.tab("Contact")
    bezoek.link("Begrippenlijst")
    assert "Dienst ID" in bezoek.hoofdinhoud()
    bezoek.tab("Contact")
    bezoek.link("Contactgegevens van Logius")

    bezoek.tab("Diensten")
    bezoek.link("Dienst toevoegen")
    pagina.get_by_label("Dienst ID").fill("Axe-dienst")
    pagina.get_by_label("Omschrijving").fill("Eerste schrijfwijze")
    bezoek.knop("Opslaan")
    bezoek.link("Dienst toevoegen")
    pagina.get_by_label("Dienst ID").fill("axe-dienst ")
    pagina.get_by_label("Omschrijving").fill("Tweede schrijfwijze")
    bezoek.knop("Opslaan")
    assert "Er bestaat al een dienst met een bijna gelijke Dienst ID" in bezoek.hoofdinhoud()
    bezoek.knop("Ja, dienst toevoegen")
    assert "De dienst 'axe-dienst ' is toegevoegd" in bezoek.hoofdinhoud()

    bezoek.tab("Profiel")
    bezoek.link("Wijzigen")
    pagina.get_by_label("Lijst").fill("Aanslag en WOZ")
    bezoek.knop("Voorbeeld bekijken")
    assert "Voorbeeld: zo ziet een burger uw profiel op MijnOverheid" in bezoek.hoofdinhoud()
    pagina.get_by_label("Toelichting").fill("Klik <a href='x'>hier</a>")
    bezoek.knop("Voorbeeld bekijken")
    assert "geen opmaakcode bevatten" in bezoek.hoofdinhoud()
