from datetime import UTC, datetime

import pytest

from domain.waarden import Bsn
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


@pytest.fixture
def gebruikers(app, organisaties):
    """Three Berichtenboxen opened over the autumn, one closed in December; one citizen switched the afnemer
    off. The clock then stands on 5 January 2026."""
    s, door = app.extensions["samenstelling"], actor_voor(BEHEERDER)
    bsns = [Bsn(b) for b in ("111222333", "123456782", "999999990")]
    for bsn, maand in zip(bsns, (9, 10, 11), strict=True):
        s.na_commando(organisaties.zet_berichtenbox(bsn, datetime(2025, maand, 15, tzinfo=UTC), None, door))
    s.na_commando(
        organisaties.schakel_afnemer_uit(bsns[0], AFNEMER, door, datetime(2025, 11, 20, tzinfo=UTC))
    )
    s.na_commando(organisaties.sluit_berichtenbox(bsns[2], door, datetime(2025, 12, 10, tzinfo=UTC)))
    s.klok.nu = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)


def _maanden(pagina) -> list[list[str]]:
    tabel = pagina.find(id="gebruikers-tabel").find_parent("table")
    return [
        [c.get_text(" ", strip=True) for c in tr.find_all(["th", "td"])] for tr in tabel.tbody.find_all("tr")
    ]


def test_home_shows_the_active_users_and_those_who_receive_from_this_afnemer(ingelogd, gebruikers):
    pagina = ingelogd(AFNEMER).get("home.index")
    maanden = _maanden(pagina)
    assert len(maanden) == 12 and maanden[0][0] == "feb 2025"
    assert maanden[-5:] == [
        ["sep 2025", "1", "1"],
        ["okt 2025", "2", "2"],
        ["nov 2025", "3", "2"],
        ["dec 2025", "2", "1"],
        ["jan 2026 (tot en met 05-01-2026)", "2", "1"],
    ]
    assert "2 burgers hebben op 05-01-2026 een actieve Berichtenbox" in tekst(pagina)
    assert "Daarvan ontvangen er 1 berichten van Gemeente Voorbeeldstad" in tekst(pagina)


def test_the_user_chart_is_an_svg_with_a_text_alternative(ingelogd, gebruikers):
    pagina = ingelogd(AFNEMER).get("home.index")
    svg = pagina.select_one("svg.grafiek")
    assert svg["role"] == "img" and svg.title.get_text(strip=True) and svg.desc.get_text(strip=True)
    assert len(svg.select("rect.staaf--actief")) == 12 and len(svg.select("rect.staaf--ontvangend")) == 12
    assert "nov 2025: 3" in [r.title.get_text() for r in svg.select("rect.staaf--actief")]
    assert not pagina.select("script:not([src])")


def test_the_beheerder_sees_the_active_users_of_everyone(ingelogd, gebruikers):
    maanden = _maanden(ingelogd(BEHEERDER).get("home.index"))
    assert maanden[-3] == ["nov 2025", "3"]


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
        "Berichtverwerking",
        "Totalen",
        "Beheer",
        "FAQ",
        "Contact",
    ]


def test_the_current_tab_is_marked_for_assistive_technology(ingelogd):
    actief = ingelogd(AFNEMER).get("faq.index").select('nav.tabs a[aria-current="page"]')
    assert [a.get_text(strip=True) for a in actief] == ["FAQ"]


@pytest.mark.parametrize(
    "tab", [t for t in TABBLADEN if not t.gebouwd] or [None], ids=lambda t: t and t.sleutel
)
def test_a_tab_not_built_yet_says_so(ingelogd, tab):
    if tab is None:
        pytest.skip("elk tabblad is gebouwd")
    pagina = ingelogd(INTERMEDIAIR).get("nog_niet.tabblad", sleutel=tab.sleutel)
    assert pagina.h1.get_text(strip=True) == tab.label
    assert "nog niet beschikbaar" in tekst(pagina)
    assert pagina.select_one('nav.tabs a[aria-current="page"]').get_text(strip=True) == tab.label


def test_the_stand_in_page_knows_only_unbuilt_tabs(ingelogd):
    bezoeker = ingelogd(AFNEMER)
    bezoeker.get("nog_niet.tabblad", sleutel="profiel", status=404)
    bezoeker.get("nog_niet.tabblad", sleutel="onzin", status=404)
