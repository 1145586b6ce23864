"""What a URL carries (page numbers, search texts, path segments) never reaches a query unchecked."""

import pytest

from tests.conftest import AFNEMER, BEHEERDER, INTERMEDIAIR
from tests.web.helpers import Bezoeker, controleer_pagina, meldingen
from tests.web.veeg import bouw_wereld, controleer_antwoord, gelezen_queryparameters, verzoeken

ROLLEN = {"anoniem": None, "afnemer": AFNEMER, "intermediair": INTERMEDIAIR, "beheerder": BEHEERDER}
TE_GROOT = "99999999999999999999"


def _bezoeker(ingelogd, oin) -> Bezoeker:
    """Logged in, with the login's own message already shown."""
    bezoeker = ingelogd(oin)
    bezoeker.get("home.index")
    return bezoeker


@pytest.fixture
def wereld(organisaties):
    return bouw_wereld(organisaties)


@pytest.mark.parametrize("rol", ROLLEN)
def test_no_route_answers_5xx_to_extreme_values_in_its_path_or_query(app, ingelogd, wereld, rol):
    bezoeker = Bezoeker(app) if ROLLEN[rol] is None else ingelogd(ROLLEN[rol])
    aantal = 0
    for verzoek in verzoeken(app, wereld):
        with bezoeker.client.open(verzoek.url, method=verzoek.methode) as antwoord:
            controleer_antwoord(antwoord, f"{verzoek.methode} {verzoek.omschrijving} als {rol}")
        aantal += 1
    assert aantal > 500


def test_the_sweep_knows_the_query_parameters_the_views_read():
    assert {"pagina", "code", "status", "kenmerk", "download"} <= gelezen_queryparameters()


@pytest.mark.parametrize(
    ("endpoint", "waarden"),
    [("berichttypes.index", {}), ("diensten.index", {}), ("diensten.koppelen", {"dienst_sleutel": None})],
)
@pytest.mark.parametrize("pagina", [TE_GROOT, "-3", "0", "twee", "1000000000"])
def test_a_page_number_that_is_no_page_shows_the_first_page_and_says_so(
    ingelogd, wereld, endpoint, waarden, pagina
):
    waarden = {k: v or wereld[k] for k, v in waarden.items()}
    pagina_ = _bezoeker(ingelogd, AFNEMER).get(endpoint, pagina=pagina, **waarden)
    assert meldingen(pagina_) == [
        "Waarschuwing: Het paginanummer in het adres bestaat niet. U ziet de eerste pagina."
    ]


def test_the_contactberichten_of_the_beheerder_survive_a_huge_page_number(ingelogd, wereld):
    pagina = _bezoeker(ingelogd, BEHEERDER).get("beheer.contactberichten", pagina=TE_GROOT)
    assert meldingen(pagina) == [
        "Waarschuwing: Het paginanummer in het adres bestaat niet. U ziet de eerste pagina."
    ]


def test_a_valid_page_number_is_used_without_a_message(ingelogd, wereld):
    pagina = _bezoeker(ingelogd, AFNEMER).get("diensten.index", pagina="1")
    assert not meldingen(pagina)


@pytest.mark.parametrize("zoek", ["a\x00b", "x" * 9, "a\x1fb"])
def test_a_koppelen_search_text_no_one_could_type_is_not_searched_for(ingelogd, wereld, zoek):
    bezoeker = _bezoeker(ingelogd, AFNEMER)
    pagina = bezoeker.get("diensten.koppelen", dienst_sleutel=wereld["dienst_sleutel"], code=zoek)
    assert any("De zoekterm in het adres is ongeldig" in m for m in meldingen(pagina))


def test_a_code_filter_longer_than_any_code_is_refused_in_dutch(ingelogd, wereld):
    antwoord = ingelogd(AFNEMER).client.get("/berichttypes/?code=" + "x" * 10_000)
    pagina = controleer_pagina(antwoord)
    assert "Vul ten hoogste 8 tekens in." in pagina.get_text()
