"""Berichttypes tab: an afnemer never reads or changes another afnemer's berichttypes; an intermediair works
for the afnemer it chose, and both OINs are recorded."""

import io

import pytest

from domain.waarden import BerichttypeCode, Notificatiekenmerk, Status
from projections import queries
from tests.bijlage_validatie import pdfs
from tests.conftest import AFNEMER, ANDERE_AFNEMER, INTERMEDIAIR, actor_voor
from tests.web.conftest import DERDE_AFNEMER
from tests.web.helpers import meldingen, tekst

CODE = BerichttypeCode("VREEMD")
SCHOON = pdfs.bouw()


@pytest.fixture
def vreemd(organisaties):
    """A berichttype of another afnemer, Nieuw, with one bijlage; returns its bijlage id."""
    actor = actor_voor(ANDERE_AFNEMER)
    organisaties.maak_berichttype(ANDERE_AFNEMER, CODE, "Van een ander", Notificatiekenmerk.BETALEN, actor)
    return organisaties.voeg_bijlage_toe(ANDERE_AFNEMER, CODE, "geheim.pdf", SCHOON, actor)


def versie(portaal) -> int:
    return portaal.berichttype(ANDERE_AFNEMER, CODE).version


GET_ROUTES = ["details", "wijzigen", "status", "bijlage_toevoegen", "bijlage_bekijken"]
POST_ROUTES = {
    "wijzigen": {"omschrijving": "Gekaapt", "notificatiekenmerk": "Betalen", "status": "Actief"},
    "status": {},
    "bijlage_toevoegen": {"bestand": (io.BytesIO(SCHOON), "kaping.pdf")},
    "bijlage_verplaatsen": {},
    "bijlage_verwijderen": {},
}


def waarden(route: str, bijlage_id: str) -> dict:
    extra = {
        "status": {"naar": "actief"},
        "bijlage_bekijken": {"bijlage_id": bijlage_id},
        "bijlage_verplaatsen": {"bijlage_id": bijlage_id, "richting": "omlaag"},
        "bijlage_verwijderen": {"bijlage_id": bijlage_id},
    }
    return {"code": CODE.waarde, **extra.get(route, {})}


@pytest.mark.parametrize("route", GET_ROUTES)
def test_every_page_with_another_afnemers_code_is_not_found(ingelogd, organisaties, vreemd, route):
    ingelogd(AFNEMER).get(f"berichttypes.{route}", status=404, **waarden(route, vreemd))


@pytest.mark.parametrize("route", sorted(POST_ROUTES))
def test_every_form_with_another_afnemers_code_is_not_found_and_changes_nothing(
    ingelogd, organisaties, vreemd, route
):
    voor = versie(organisaties)
    data = dict(POST_ROUTES[route])
    if "bestand" in data:
        data["bestand"] = (io.BytesIO(SCHOON), "kaping.pdf")
    ingelogd(AFNEMER).post(f"berichttypes.{route}", data, status=404, **waarden(route, vreemd))
    assert versie(organisaties) == voor
    assert [b.naam for b in organisaties.berichttype(ANDERE_AFNEMER, CODE).bijlagen] == ["geheim.pdf"]


def test_the_same_code_of_the_own_afnemer_is_a_different_berichttype(ingelogd, organisaties, vreemd):
    organisaties.maak_berichttype(AFNEMER, CODE, "Eigen", Notificatiekenmerk.BETALEN, actor_voor(AFNEMER))
    pagina = ingelogd(AFNEMER).get("berichttypes.details", code=CODE.waarde)
    assert "Eigen" in tekst(pagina)
    assert "geheim.pdf" not in tekst(pagina)


def test_an_intermediair_sees_the_berichttypes_of_the_afnemer_it_chose(ingelogd, organisaties, vreemd):
    organisaties.maak_berichttype(
        AFNEMER, BerichttypeCode("EIGEN"), "x", Notificatiekenmerk.BETALEN, actor_voor(AFNEMER)
    )
    bezoeker = ingelogd(INTERMEDIAIR)
    assert [a.get_text() for a in bezoeker.get("berichttypes.index").select("tbody th a")] == ["EIGEN"]
    bezoeker.post("home.wissel_afnemer", {"afnemer": ANDERE_AFNEMER.waarde})
    assert [a.get_text() for a in bezoeker.get("berichttypes.index").select("tbody th a")] == ["VREEMD"]
    bezoeker.get("berichttypes.details", code="EIGEN", status=404)


def test_an_intermediair_cannot_reach_an_afnemer_it_does_not_serve(ingelogd, organisaties):
    organisaties.maak_berichttype(
        DERDE_AFNEMER, BerichttypeCode("DERDE"), "x", Notificatiekenmerk.BETALEN, actor_voor(DERDE_AFNEMER)
    )
    bezoeker = ingelogd(INTERMEDIAIR)
    bezoeker.post("home.wissel_afnemer", {"afnemer": DERDE_AFNEMER.waarde}, status=403)
    bezoeker.get("berichttypes.details", code="DERDE", status=404)


def test_an_intermediairs_changes_record_both_oins(ingelogd, organisaties):
    bezoeker = ingelogd(INTERMEDIAIR)
    gegevens = {"code": "VIA", "omschrijving": "Via de leverancier", "notificatiekenmerk": "Betalen"}
    bezoeker.post("berichttypes.toevoegen", gegevens)
    pagina = bezoeker.volg(bezoeker.post("berichttypes.status", code="VIA", naar="actief"))
    assert any("heeft nu de status Actief" in m for m in meldingen(pagina))
    rijen = [
        [td.get_text(" ", strip=True) for td in r.find_all("td")]
        for r in pagina.select("table.statushistorie tbody tr")
    ]
    door = f"Berichtenleverancier Test BV OIN {INTERMEDIAIR.waarde}"
    namens = f"Gemeente Voorbeeldstad OIN {AFNEMER.waarde}"
    assert [(r[0], r[2], r[3]) for r in rijen] == [("Nieuw", door, namens), ("Actief", door, namens)]
    berichttype = organisaties.berichttype(AFNEMER, BerichttypeCode("VIA"))
    assert berichttype.status is Status.ACTIEF
    organisaties.bijwerken()
    audit = queries.audit_trail(organisaties, afnemer=AFNEMER, soort="Berichttype").regels
    assert audit and {(r.actor_oin, r.namens) for r in audit} == {(INTERMEDIAIR.waarde, AFNEMER.waarde)}
