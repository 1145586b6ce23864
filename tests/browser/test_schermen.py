"""Every page of the portal, as every role, at a phone's width and a desktop's: never wider than the screen,
no axe-core violations, and a screenshot of each under var/schermen/<breedte>/<rol>-<pagina>.png for a person
to look at.

The pages come from the app's url_map: a new GET route fails `test_elke_get_route_wordt_bezocht` until it has
URL values in PARAMETERS (or needs none) or is listed in UITGESLOTEN with the reason. Who may open a route is
read from the marker each view carries (`web.sessie.AUTORISATIE`), so a route is visited as every role that
can reach it.
"""

import re
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from flask import Flask, url_for

from domain.identiteit import dienst_id
from domain.waarden import Actor, BerichttypeCode, DienstId, Oin
from scripts.seed import AFNEMERS, BEHEERDER, INTERMEDIAIR, vul_demo
from service_layer.portaal import Portaal
from tests.bijlage_validatie import pdfs
from tests.browser.conftest import controleer_toegankelijkheid, demo_app, geserveerd
from tests.support.batches import GROEN, ORANJE, ROOD, ROOD_PDF, ROOD_TYPE, lever
from web.app import sluit
from web.sessie import AUTORISATIE, inlog_vereist

BREEDTES = (375, 1280)
SCHERMEN = Path(__file__).resolve().parents[2] / "var" / "schermen"
ANONIEM = "anoniem"
ROLLEN = ("beheerder", "afnemer", "intermediair", ANONIEM)

# GET routes that are no page to look at, each with the reason.
UITGESLOTEN: dict[str, str] = {
    "static": "de stylesheet en het pictogram, geen pagina",
    "berichttypes.bijlage_bekijken": "levert de PDF zelf (application/pdf), geen HTML-pagina",
    "berichtverwerking.batch_csv": "levert een CSV-bestand, geen HTML-pagina",
    "berichtverwerking.niet_verwerkt_csv": "levert een CSV-bestand, geen HTML-pagina",
    "nog_niet.tabblad": "elk tabblad is gebouwd: de vervangpagina heeft niets meer te tonen",
}

GEMEENTE, TOESLAGEN = AFNEMERS[0], AFNEMERS[1]


@dataclass(frozen=True)
class Afnemergegevens:
    """What the seeded store holds for the afnemer a role works for."""

    oin: str
    met_bijlagen: str  # a berichttype in status Nieuw with standaard bijlagen
    met_historie: str  # a berichttype that went through several statuses
    dienst: str  # a dienst with koppelingen


GEGEVENS = {
    "afnemer": Afnemergegevens(GEMEENTE.oin, "CAMPAGNE", "KWIJT", "Belastingzaken"),
    # The intermediair switches to its second afnemer, so both afnemers' pages are seen.
    # Its dienst has the longest Dienst ID there can be, without a space to break it at.
    "intermediair": Afnemergegevens(
        TOESLAGEN.oin, "INFO", "BESCHIK", "urn:nl:toeslagen:huurtoeslag:beschikking"
    ),
}


def _dienst(rol: str) -> dict:
    g = GEGEVENS[rol]
    return {"dienst_sleutel": dienst_id(Oin(g.oin), DienstId(g.dienst))}


Varianten = list[tuple[str, dict]]  # (name suffix for the screenshot, URL values)

# URL values per endpoint and role, from the seeded data; a list gives one visit per entry.
PARAMETERS: dict[str, Callable[[str], Varianten]] = {
    "berichttypes.details": lambda rol: [
        ("", {"code": GEGEVENS[rol].met_bijlagen}),
        ("-historie", {"code": GEGEVENS[rol].met_historie}),
    ],
    "berichttypes.wijzigen": lambda rol: [("", {"code": GEGEVENS[rol].met_bijlagen})],
    "berichttypes.status": lambda rol: [("", {"code": GEGEVENS[rol].met_bijlagen, "naar": "actief"})],
    "berichttypes.bijlage_toevoegen": lambda rol: [("", {"code": GEGEVENS[rol].met_bijlagen})],
    "diensten.details": lambda rol: [("", _dienst(rol))],
    "diensten.wijzigen": lambda rol: [("", _dienst(rol))],
    "diensten.status": lambda rol: [("", _dienst(rol))],
    "diensten.koppelen": lambda rol: [("", _dienst(rol))],
    "beheer.organisatie_wijzigen": lambda rol: [("", {"oin": GEMEENTE.oin})],
    "berichtverwerking.batch": lambda rol: [("", {"batch_id": BATCHES[rol]})],
}
# A batch with every outcome, for the afnemer a role works for (the beheerder sees the gemeente's).
BATCHES = {
    "afnemer": "0d1c3a5e-0000-4000-8000-000000000001",
    "beheerder": "0d1c3a5e-0000-4000-8000-000000000001",
    "intermediair": "0d1c3a5e-0000-4000-8000-000000000002",
}

# Error pages are pages too: (name, path, status) per role.
FOUTPAGINAS: dict[str, list[tuple[str, str, int]]] = {
    "beheerder": [("fout-404", "/bestaat-niet", 404), ("fout-403", "/berichttypes/", 403)],
    "afnemer": [("fout-404", "/berichttypes/BESTAATNIET", 404), ("fout-403", "/beheer/", 403)],
    "intermediair": [("fout-404", "/bestaat-niet", 404)],
    ANONIEM: [("fout-404", "/bestaat-niet", 404)],
}


def _vul(portaal: Portaal) -> None:
    """The demo history, plus standaard bijlagen and a contactbericht so those pages show real rows."""
    vul_demo(portaal)
    pdf = pdfs.als_bytes(pdfs.schone_pdf())
    for rol, door in (("afnemer", GEMEENTE), ("intermediair", INTERMEDIAIR)):
        g = GEGEVENS[rol]
        actor = Actor(Oin(door.oin), Oin(g.oin), "browsertest")
        for naam in ("Toelichting-op-de-aanslag-gemeentelijke-belastingen-2026.pdf", "Bezwaar maken.pdf"):
            portaal.voeg_bijlage_toe(Oin(g.oin), BerichttypeCode(g.met_bijlagen), naam, pdf, actor)
    toeslagen, via = Oin(TOESLAGEN.oin), Actor(Oin(INTERMEDIAIR.oin), Oin(TOESLAGEN.oin), "browsertest")
    lange_id = DienstId(GEGEVENS["intermediair"].dienst)
    portaal.maak_dienst(toeslagen, lange_id, "Beschikkingen huurtoeslag", via)
    portaal.pas_koppelingen_toe(
        toeslagen, lange_id, [BerichttypeCode("BESCHIK"), BerichttypeCode("TERUG")], [], via
    )
    portaal.verstuur_contactbericht(
        "Vraag over notificaties",
        "Wanneer ontvangt de burger de notificatie bij een nieuw bericht?",
        "servicedesk@voorbeeldstad.example",
        Actor(Oin(GEMEENTE.oin), Oin(GEMEENTE.oin), "browsertest"),
    )


def lever_batches(samenstelling) -> None:
    """Last night's batches of the two afnemers the roles work for: one with every outcome, one waiting."""
    alles = [GROEN] * 6 + [ORANJE] * 2 + [ROOD] * 2 + [ROOD_PDF, ROOD_TYPE]
    for rol, afnemer in (("afnemer", GEMEENTE), ("intermediair", TOESLAGEN)):
        oin = Oin(afnemer.oin)
        lever(samenstelling, oin, oin, alles, None, True, batch_id=BATCHES[rol])
        lever(samenstelling, oin, Oin(INTERMEDIAIR.oin), [GROEN] * 3, None)


def _rollen_voor(view) -> tuple[str, ...]:
    """The roles that can open a route, from the marker its decorator set."""
    wie = getattr(view, AUTORISATIE, None)
    if wie == "openbaar":
        return (ANONIEM,)
    if wie == "ingelogd":
        return ("beheerder", "afnemer", "intermediair")
    if wie and wie.startswith("rol:"):
        return tuple(wie.removeprefix("rol:").split(","))
    return ()


@dataclass(frozen=True)
class Bezoek:
    naam: str
    endpoint: str | None
    waarden: dict
    status: int = 200


# The machine interface answers machines with JSON or the koppelvlak's XML, never a page: its routes are
# tested in tests/web/api and against the OpenAPI document, not shown here.
MACHINE_INTERFACE = "/api/"


def get_routes(app: Flask) -> dict[str, list[str]]:
    """Every GET endpoint of a page with the arguments its URL needs."""
    return {
        regel.endpoint: sorted(regel.arguments)
        for regel in app.url_map.iter_rules()
        if "GET" in (regel.methods or ()) and not regel.rule.startswith(MACHINE_INTERFACE)
    }


def bezoeken(app: Flask, rol: str) -> list[Bezoek]:
    """The pages this role opens: every GET route it can reach, with URL values, and its error pages."""
    lijst = []
    for endpoint, argumenten in sorted(get_routes(app).items()):
        if endpoint in UITGESLOTEN or rol not in _rollen_voor(app.view_functions[endpoint]):
            continue
        if argumenten and endpoint not in PARAMETERS:
            continue  # not visited: `vergeten_routes` names it
        varianten = PARAMETERS[endpoint](rol) if endpoint in PARAMETERS else [("", {})]
        for achtervoegsel, waarden in varianten:
            assert set(waarden) == set(argumenten), (endpoint, waarden, argumenten)
            lijst.append(Bezoek(endpoint + achtervoegsel, endpoint, waarden))
    lijst += [Bezoek(naam, None, {"pad": pad}, status) for naam, pad, status in FOUTPAGINAS[rol]]
    return lijst


@pytest.fixture(scope="module")
def show_app(tmp_path_factory) -> Iterator[tuple[Flask, str]]:
    app = demo_app(tmp_path_factory.mktemp("schermen"), _vul)
    lever_batches(app.extensions["samenstelling"])
    with geserveerd(app) as url:
        yield app, url


@pytest.fixture(scope="module")
def schermen() -> Path:
    shutil.rmtree(SCHERMEN, ignore_errors=True)
    return SCHERMEN


@pytest.fixture(scope="module")
def lege_app(tmp_path_factory) -> Iterator[Flask]:
    app = demo_app(tmp_path_factory.mktemp("routes"), lambda portaal: None)
    yield app
    sluit(app)


def vergeten_routes(app: Flask) -> list[str]:
    """GET routes that no role visits and that are not excluded with a reason."""
    bezocht = {b.endpoint for rol in ROLLEN for b in bezoeken(app, rol)}
    return sorted(set(get_routes(app)) - bezocht - set(UITGESLOTEN))


def test_elke_get_route_wordt_bezocht(lege_app):
    """A GET route nobody visits is a gap in the show: name its URL values or exclude it with a reason.

    Needs no browser, so it runs with the ordinary tests too."""
    vergeten = vergeten_routes(lege_app)
    assert not vergeten, f"GET-routes die niet bezocht en niet uitgesloten zijn: {vergeten}"
    assert not set(UITGESLOTEN) - set(get_routes(lege_app)), "uitgesloten routes die niet meer bestaan"
    assert not set(PARAMETERS) - set(get_routes(lege_app)), "parameters voor routes die niet meer bestaan"


def test_een_nieuwe_route_valt_op(tmp_path):
    """The check above can fail: a new page, one that needs a URL value and one nobody may open are named."""
    app = demo_app(tmp_path, lambda portaal: None)
    try:
        pagina = inlog_vereist(lambda: "nieuw")
        app.add_url_rule("/nieuw", "nieuw.index", pagina)
        app.add_url_rule("/nieuw/<code>", "nieuw.details", inlog_vereist(lambda code: code))
        app.add_url_rule("/vergeten", "vergeten.index", lambda: "zonder decorator")
        assert vergeten_routes(app) == ["nieuw.details", "vergeten.index"]
        assert "nieuw.index" in {b.endpoint for b in bezoeken(app, "afnemer")}
    finally:
        sluit(app)


def _log_in(page, basis: str, rol: str) -> None:
    if rol == ANONIEM:
        return
    naam = {"beheerder": BEHEERDER.naam, "afnemer": GEMEENTE.naam, "intermediair": INTERMEDIAIR.naam}[rol]
    page.goto(basis + "/inloggen/")
    page.get_by_role("radio", name=re.compile(re.escape(naam))).first.check()
    with page.expect_navigation():
        page.get_by_role("button", name="Inloggen met dit certificaat").click()
    if rol == "intermediair":
        with page.expect_navigation():
            page.get_by_role("button", name=TOESLAGEN.naam).click()
        assert f"namens {TOESLAGEN.naam}" in page.locator(".kop__account").inner_text()


def _url(app: Flask, basis: str, bezoek: Bezoek) -> str:
    if bezoek.endpoint is None:
        return basis + bezoek.waarden["pad"]
    with app.test_request_context():
        return basis + url_for(bezoek.endpoint, **bezoek.waarden)


# The page's width against the window's, and where the footer ends against the window's height.
MATEN = """[
    document.documentElement.scrollWidth, window.innerWidth,
    document.querySelector('footer').getBoundingClientRect().bottom + window.scrollY, window.innerHeight,
]"""


def _bekijk(page, url: str, bezoek: Bezoek, scherm: Path) -> list[str]:
    """Open one page, keep its screenshot, and say what is wrong with it."""
    antwoord = page.goto(url)
    if antwoord is None or antwoord.status != bezoek.status or page.url != url:
        status = antwoord.status if antwoord else None
        return [f"status {status} op {page.url}, verwacht {bezoek.status} op {url}"]
    page.screenshot(path=str(scherm), full_page=True)
    problemen = []
    breed, venster, voet, hoogte = page.evaluate(MATEN)
    if breed > venster:
        problemen.append(f"de pagina is {breed}px breed in een venster van {venster}px")
    if voet < hoogte - 1:
        problemen.append(f"de voettekst eindigt op {voet:.0f}px, boven de onderkant ({hoogte}px)")
    try:
        controleer_toegankelijkheid(page)
    except AssertionError as fout:
        problemen.append(str(fout))
    return problemen


@pytest.mark.browser
@pytest.mark.parametrize("rol", ROLLEN)
def test_elke_pagina_past_op_het_scherm_en_is_toegankelijk(browser, show_app, schermen, rol):
    app, basis = show_app
    context = browser.new_context(bypass_csp=True, locale="nl-NL")
    page = context.new_page()
    page.set_default_timeout(10_000)
    problemen: list[str] = []
    try:
        _log_in(page, basis, rol)
        lijst = bezoeken(app, rol)
        for breedte in BREEDTES:
            page.set_viewport_size({"width": breedte, "height": 800})
            map_ = schermen / str(breedte)
            map_.mkdir(parents=True, exist_ok=True)
            for bezoek in lijst:
                scherm = map_ / f"{rol}-{bezoek.naam}.png"
                for probleem in _bekijk(page, _url(app, basis, bezoek), bezoek, scherm):
                    problemen.append(f"{breedte}px {bezoek.naam}: {probleem}")
    finally:
        context.close()
    assert not problemen, "\n".join(problemen)
