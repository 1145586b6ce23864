"""Who reaches the Diensten tab: tenant isolation on every route, the intermediair, the beheerder, CSRF."""

from urllib.parse import quote
from uuid import uuid4

import pytest

from domain.waarden import DienstId
from projections import queries
from tests.conftest import AFNEMER, ANDERE_AFNEMER, BEHEERDER, INTERMEDIAIR
from tests.web.conftest import DERDE_AFNEMER
from tests.web.diensten_hulp import gekoppeld, maak_berichttypes, maak_dienst, sleutel
from tests.web.helpers import HEADER, PROXY, Bezoeker, meldingen

ROUTES = ["diensten.details", "diensten.wijzigen", "diensten.status", "diensten.koppelen"]
POSTS = [
    ("diensten.wijzigen", {"omschrijving": "Overgenomen"}),
    ("diensten.status", {"status": "Inactief"}),
    ("diensten.koppelen", {"koppelen": ["AANSLAG"], "ontkoppelen": ["WOZ"]}),
]


@pytest.fixture
def vreemde_dienst(organisaties):
    """A dienst of another afnemer, with the same Dienst ID as one of the logged-in afnemer's own."""
    maak_berichttypes(organisaties, ANDERE_AFNEMER)
    maak_berichttypes(organisaties, AFNEMER)
    maak_dienst(organisaties, AFNEMER, "Toeslagen", koppel=("WOZ",))
    return maak_dienst(organisaties, ANDERE_AFNEMER, "Toeslagen", koppel=("WOZ",))


def _ongewijzigd(portaal, afnemer) -> None:
    dienst = portaal.dienst(afnemer, DienstId("Toeslagen"))
    assert (dienst.omschrijving, dienst.actief) == ("Omschrijving van Toeslagen", True)
    assert gekoppeld(portaal, afnemer, "Toeslagen") == {"WOZ"}


@pytest.mark.parametrize("route", ROUTES)
def test_every_route_with_another_afnemers_dienst_is_not_found(ingelogd, vreemde_dienst, route):
    ingelogd(AFNEMER).get(route, dienst_sleutel=vreemde_dienst, status=404)


@pytest.mark.parametrize(("route", "gegevens"), POSTS)
def test_every_post_with_another_afnemers_dienst_is_not_found_and_changes_nothing(
    ingelogd, organisaties, vreemde_dienst, route, gegevens
):
    ingelogd(AFNEMER).post(route, gegevens, dienst_sleutel=vreemde_dienst, status=404)
    _ongewijzigd(organisaties, ANDERE_AFNEMER)
    _ongewijzigd(organisaties, AFNEMER)


@pytest.mark.parametrize("route", ROUTES)
def test_an_unknown_dienst_is_not_found(ingelogd, organisaties, route):
    ingelogd(AFNEMER).get(route, dienst_sleutel=uuid4(), status=404)


def test_a_key_that_is_no_uuid_is_not_found(ingelogd, organisaties):
    bezoeker = ingelogd(AFNEMER)
    assert bezoeker.client.get("/diensten/Toeslagen").status_code == 404


def test_the_overzicht_shows_only_the_own_diensten(ingelogd, organisaties):
    maak_dienst(organisaties, AFNEMER, "Eigen")
    maak_dienst(organisaties, ANDERE_AFNEMER, "Vreemd")
    links = ingelogd(AFNEMER).get("diensten.index").select("td a.dienst-id")
    assert [a.get_text() for a in links] == ["Eigen"]


def test_an_intermediair_manages_the_diensten_of_the_afnemer_it_acts_for(ingelogd, organisaties):
    maak_berichttypes(organisaties, AFNEMER)
    intermediair = ingelogd(INTERMEDIAIR)  # acts for AFNEMER, the lowest OIN it serves
    intermediair.post("diensten.toevoegen", {"dienst_id": "Via intermediair", "omschrijving": "x"})
    s = sleutel(AFNEMER, "Via intermediair")
    intermediair.post("diensten.koppelen", {"koppelen": ["AANSLAG"]}, dienst_sleutel=s)
    assert gekoppeld(organisaties, AFNEMER, "Via intermediair") == {"AANSLAG"}
    organisaties.bijwerken()
    trail = queries.audit_trail(organisaties, afnemer=AFNEMER, soort="Dienst").regels
    assert {(r.actor_oin, r.namens) for r in trail} == {(INTERMEDIAIR.waarde, AFNEMER.waarde)}


def test_after_the_switch_the_intermediair_sees_the_other_afnemers_diensten(ingelogd, organisaties):
    maak_dienst(organisaties, AFNEMER, "Van de gemeente")
    andere = maak_dienst(organisaties, ANDERE_AFNEMER, "Van toeslagen")
    intermediair = ingelogd(INTERMEDIAIR)
    intermediair.get("diensten.details", dienst_sleutel=andere, status=404)
    intermediair.post("home.wissel_afnemer", {"afnemer": ANDERE_AFNEMER.waarde})
    links = intermediair.get("diensten.index").select("td a.dienst-id")
    assert [a.get_text() for a in links] == ["Van toeslagen"]
    intermediair.get("diensten.details", dienst_sleutel=andere)


def test_an_intermediair_never_reaches_an_afnemer_it_does_not_serve(ingelogd, organisaties):
    derde = maak_dienst(organisaties, DERDE_AFNEMER, "Waterschap")
    intermediair = ingelogd(INTERMEDIAIR)
    intermediair.post("home.wissel_afnemer", {"afnemer": DERDE_AFNEMER.waarde}, status=403)
    for route in ROUTES:
        intermediair.get(route, dienst_sleutel=derde, status=404)


@pytest.mark.parametrize("route", ["diensten.index", "diensten.toevoegen"])
def test_the_beheerder_has_no_diensten_tab(ingelogd, organisaties, route):
    ingelogd(BEHEERDER).get(route, status=403)


def test_without_login_the_diensten_tab_sends_to_the_login_page(bezoeker):
    antwoord = bezoeker.client.get(bezoeker.url("diensten.index"))
    assert antwoord.status_code == 302 and antwoord.location.endswith("/inloggen/")


def _csrf_bezoeker(maak_app, pki, organisaties_voor) -> tuple[Bezoeker, object]:
    app = maak_app(WTF_CSRF_ENABLED=True)
    portaal = organisaties_voor(app)
    bezoeker = Bezoeker(app)
    token = bezoeker.get("inloggen.index").find("input", attrs={"name": "csrf_token"})["value"]
    bezoeker.client.post(
        bezoeker.url("inloggen.met_certificaat"),
        data={"csrf_token": token},
        headers={HEADER: quote(pki.pem(AFNEMER))},
        environ_base={"REMOTE_ADDR": PROXY},
    )
    return bezoeker, portaal


def test_adding_a_dienst_without_csrf_token_is_refused(maak_app, pki, organisaties_voor):
    bezoeker, portaal = _csrf_bezoeker(maak_app, pki, organisaties_voor)
    bezoeker.post("diensten.toevoegen", {"dienst_id": "Zonder", "omschrijving": "x"}, status=400)
    portaal.bijwerken()
    assert queries.dienst_overzicht(portaal, AFNEMER).totaal == 0


@pytest.mark.parametrize(("route", "gegevens"), POSTS)
def test_every_diensten_post_without_csrf_token_is_refused(maak_app, pki, organisaties_voor, route, gegevens):
    bezoeker, portaal = _csrf_bezoeker(maak_app, pki, organisaties_voor)
    maak_berichttypes(portaal, AFNEMER)
    s = maak_dienst(portaal, AFNEMER, "Toeslagen", koppel=("WOZ",))
    bezoeker.post(route, gegevens, dienst_sleutel=s, status=400)
    _ongewijzigd(portaal, AFNEMER)


def test_a_dienst_is_added_with_the_csrf_token_of_the_form(maak_app, pki, organisaties_voor):
    bezoeker, portaal = _csrf_bezoeker(maak_app, pki, organisaties_voor)
    token = bezoeker.get("diensten.toevoegen").find("input", attrs={"name": "csrf_token"})["value"]
    antwoord = bezoeker.post(
        "diensten.toevoegen", {"dienst_id": "Met", "omschrijving": "x", "csrf_token": token}
    )
    assert "Gelukt: De dienst 'Met' is toegevoegd en is direct actief." in meldingen(bezoeker.volg(antwoord))
    assert portaal.dienst(AFNEMER, DienstId("Met")).actief
