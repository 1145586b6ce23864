import pytest

from tests.conftest import AFNEMER, BEHEERDER, INTERMEDIAIR, actor_voor
from tests.web.helpers import tekst
from web.tabbladen import TABBLADEN


def test_home_shows_the_mededelingen_of_the_beheerder(ingelogd, organisaties):
    organisaties.plaats_mededeling(
        "Onderhoud zaterdag", "Het portaal is zaterdag niet bereikbaar.", actor_voor(BEHEERDER)
    )
    weg = organisaties.plaats_mededeling("Oud nieuws", "Voorbij.", actor_voor(BEHEERDER)).id
    organisaties.trek_mededeling_in(weg, actor_voor(BEHEERDER))
    titels = [h.get_text(strip=True) for h in ingelogd(AFNEMER).get("home.index").select(".mededeling h3")]
    assert titels == ["Onderhoud zaterdag"]


def test_home_says_there_are_no_mededelingen(ingelogd):
    assert "Er zijn geen mededelingen." in ingelogd(AFNEMER).get("home.index").get_text()


def test_home_says_there_are_no_user_figures_yet(ingelogd):
    tekst = ingelogd(AFNEMER).get("home.index").get_text(" ", strip=True)
    assert "Nog geen cijfers." in tekst and "gebruikersregister" in tekst


def _tabs(pagina) -> list[str]:
    return [a.get_text(strip=True) for a in pagina.select("nav.tabs a")]


def test_the_tabs_of_an_afnemer_follow_the_manual(ingelogd):
    assert _tabs(ingelogd(AFNEMER).get("home.index")) == [
        "Home", "Berichttypes", "Bijlage validatie", "Diensten", "Berichtverwerking", "Totalen", "Profiel",
        "FAQ", "Contact",
    ]  # fmt: skip


def test_the_beheerder_gets_beheer_instead_of_the_afnemer_tabs(ingelogd):
    assert _tabs(ingelogd(BEHEERDER).get("home.index")) == [
        "Home",
        "Bijlage validatie",
        "Beheer",
        "FAQ",
        "Contact",
    ]


def test_the_current_tab_is_marked_for_assistive_technology(ingelogd):
    actief = ingelogd(AFNEMER).get("faq.index").select('nav.tabs a[aria-current="page"]')
    assert [a.get_text(strip=True) for a in actief] == ["FAQ"]


@pytest.mark.parametrize("tab", [t for t in TABBLADEN if not t.gebouwd], ids=lambda t: t.sleutel)
def test_a_tab_not_built_yet_says_so(ingelogd, tab):
    pagina = ingelogd(INTERMEDIAIR).get("nog_niet.tabblad", sleutel=tab.sleutel)
    assert pagina.h1.get_text(strip=True) == tab.label
    assert "nog niet beschikbaar" in tekst(pagina)
    assert pagina.select_one('nav.tabs a[aria-current="page"]').get_text(strip=True) == tab.label


def test_the_stand_in_page_knows_only_unbuilt_tabs(ingelogd):
    bezoeker = ingelogd(AFNEMER)
    bezoeker.get("nog_niet.tabblad", sleutel="profiel", status=404)
    bezoeker.get("nog_niet.tabblad", sleutel="onzin", status=404)
