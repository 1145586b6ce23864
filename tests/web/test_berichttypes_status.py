"""Berichttypes tab: details, Wijzigen, and every status change through its confirmation screen."""

import pytest

from domain.berichttype import OVERGANGEN
from domain.waarden import BerichttypeCode, DienstId, Notificatiekenmerk, Status
from tests.conftest import AFNEMER, BEHEERDER, actor_voor
from tests.web.helpers import meldingen, tekst, veldfout
from web.berichttypes.statussen import BEVESTIGINGEN

ACTOR = actor_voor(AFNEMER)
CODE = BerichttypeCode("AB1")
PAD = {
    Status.NIEUW: [],
    Status.ACTIEF: [Status.ACTIEF],
    Status.INACTIEF: [Status.ACTIEF, Status.INACTIEF],
    Status.ARCHIEF: [Status.ACTIEF, Status.ARCHIEF],
}


@pytest.fixture
def berichttype(organisaties):
    """AB1 of the afnemer, brought to a status with `naar(status)`."""
    organisaties.maak_berichttype(AFNEMER, CODE, "Aanslag", Notificatiekenmerk.BETALEN, ACTOR)

    def naar(status: Status) -> None:
        for stap in PAD[status]:
            organisaties.wijzig_berichttype_status(AFNEMER, CODE, stap, ACTOR)

    return naar


def status_van(portaal) -> Status:
    return portaal.berichttype(AFNEMER, CODE).status


# -- details ---------------------------------------------------------------------------------------------


def test_details_show_the_berichttype_its_notification_and_linked_diensten(
    ingelogd, organisaties, berichttype
):
    organisaties.maak_dienst(AFNEMER, DienstId("Dienst-1"), "Een dienst", ACTOR)
    organisaties.koppel(AFNEMER, DienstId("Dienst-1"), CODE, ACTOR)
    pagina = ingelogd(AFNEMER).get("berichttypes.details", code="AB1")
    gegevens = dict(
        zip(
            [dt.get_text(strip=True) for dt in pagina.select("dl.gegevens dt")],
            [dd for dd in pagina.select("dl.gegevens dd")],
            strict=True,
        )
    )
    assert gegevens["Omschrijving"].get_text(strip=True) == "Aanslag"
    assert gegevens["Status"].get_text(strip=True) == "Nieuw"
    assert (
        gegevens["Notificatiekenmerk"]
        .find("details")
        .p.get_text(strip=True)
        .startswith("U heeft een bericht van Gemeente Voorbeeldstad ontvangen")
    )
    assert gegevens["Gekoppelde diensten"].get_text(strip=True) == "Dienst-1"


def test_details_show_the_status_history_with_who_and_when(ingelogd, organisaties, berichttype):
    berichttype(Status.INACTIEF)
    rijen = ingelogd(AFNEMER).get("berichttypes.details", code="AB1").select("table.statushistorie tbody tr")
    assert [[td.get_text(strip=True) for td in r.find_all("td")][0] for r in rijen] == [
        "Nieuw",
        "Actief",
        "Inactief",
    ]
    door_en_namens = [td.get_text(" ", strip=True) for td in rijen[1].find_all("td")][2:]
    assert door_en_namens == [f"Gemeente Voorbeeldstad OIN {AFNEMER.waarde}"] * 2
    assert rijen[1].find_all("td")[1].get_text(strip=True).startswith("5-1-2026")


def test_an_unknown_code_is_not_found(ingelogd, berichttype):
    ingelogd(AFNEMER).get("berichttypes.details", code="ab1", status=404)
    ingelogd(AFNEMER).get("berichttypes.details", code="te-lang-9", status=404)


def test_an_archived_berichttype_has_no_wijzigen_button(ingelogd, berichttype):
    berichttype(Status.ARCHIEF)
    pagina = ingelogd(AFNEMER).get("berichttypes.details", code="AB1")
    assert pagina.find("a", string="Wijzigen") is None
    assert "kan niet meer worden gewijzigd of geactiveerd" in tekst(pagina)


# -- wijzigen --------------------------------------------------------------------------------------------


def test_wijzigen_changes_omschrijving_and_kenmerk(ingelogd, organisaties, berichttype):
    bezoeker = ingelogd(AFNEMER)
    formulier = bezoeker.get("berichttypes.wijzigen", code="AB1")
    assert formulier.find("input", id="omschrijving")["value"] == "Aanslag"
    assert formulier.find("a", string="Annuleren")["href"].endswith("/berichttypes/AB1")
    assert formulier.find("input", attrs={"name": "notificatiekenmerk", "value": "Betalen"}).has_attr(
        "checked"
    )
    data = {"omschrijving": "Nieuwe naam", "notificatiekenmerk": "Informatie krijgen", "status": "Nieuw"}
    pagina = bezoeker.volg(bezoeker.post("berichttypes.wijzigen", data, code="AB1"))
    assert pagina.h1.get_text(strip=True) == "Berichttype AB1"
    berichttype_ = organisaties.berichttype(AFNEMER, CODE)
    assert (berichttype_.omschrijving, berichttype_.kenmerk) == (
        "Nieuwe naam",
        Notificatiekenmerk.INFORMATIE_KRIJGEN,
    )
    assert "Er staat een document in uw Berichtenbox van Gemeente Voorbeeldstad" in tekst(pagina)


@pytest.mark.parametrize(("lengte", "toegestaan"), [(40, True), (41, False)])
def test_wijzigen_keeps_the_omschrijving_limit(ingelogd, organisaties, berichttype, lengte, toegestaan):
    data = {"omschrijving": "w" * lengte, "notificatiekenmerk": "Betalen", "status": "Nieuw"}
    bezoeker = ingelogd(AFNEMER)
    if toegestaan:
        bezoeker.post("berichttypes.wijzigen", data, code="AB1")
        assert organisaties.berichttype(AFNEMER, CODE).omschrijving == "w" * 40
    else:
        pagina = bezoeker.post_pagina("berichttypes.wijzigen", data, code="AB1")
        assert "maximaal 40 tekens" in veldfout(pagina, "omschrijving")
        assert organisaties.berichttype(AFNEMER, CODE).omschrijving == "Aanslag"


def test_wijzigen_refuses_a_kenmerk_the_afnemer_may_not_use(ingelogd, organisaties, berichttype):
    organisaties.wijzig_organisatie(
        AFNEMER, "Gemeente Voorbeeldstad", [Notificatiekenmerk.BETALEN], actor_voor(BEHEERDER)
    )
    data = {"omschrijving": "Aanslag", "notificatiekenmerk": "Vernieuwen nodig", "status": "Nieuw"}
    pagina = ingelogd(AFNEMER).post_pagina("berichttypes.wijzigen", data, code="AB1")
    assert "niet beschikbaar voor uw organisatie" in veldfout(pagina, "notificatiekenmerk")
    assert organisaties.berichttype(AFNEMER, CODE).kenmerk is Notificatiekenmerk.BETALEN


@pytest.mark.parametrize("huidig", [s for s in Status if s is not Status.ARCHIEF])
def test_wijzigen_offers_only_the_status_changes_the_lifecycle_allows(ingelogd, berichttype, huidig):
    berichttype(huidig)
    pagina = ingelogd(AFNEMER).get("berichttypes.wijzigen", code="AB1")
    aangeboden = [i["value"] for i in pagina.find_all("input", attrs={"name": "status"})]
    assert aangeboden[0] == huidig.value
    assert set(aangeboden[1:]) == {s.value for s in OVERGANGEN[huidig]}


def test_every_allowed_change_has_a_confirmation_screen():
    assert set(BEVESTIGINGEN) == {(van, naar) for van, naar_set in OVERGANGEN.items() for naar in naar_set}


def test_choosing_a_new_status_leads_to_its_confirmation_screen_and_changes_nothing_yet(
    ingelogd, organisaties, berichttype
):
    bezoeker = ingelogd(AFNEMER)
    data = {"omschrijving": "Aanslag", "notificatiekenmerk": "Betalen", "status": "Actief"}
    pagina = bezoeker.post_pagina("berichttypes.wijzigen", data, code="AB1")
    assert pagina.h1.get_text(strip=True) == "Berichttype activeren"
    assert status_van(organisaties) is Status.NIEUW


WAARSCHUWINGEN = [
    (Status.NIEUW, Status.ACTIEF, "bijlagen kunnen daarna niet meer worden gewijzigd"),
    (Status.INACTIEF, Status.ACTIEF, "Wilt u het berichttype heractiveren?"),
    (
        Status.ACTIEF,
        Status.INACTIEF,
        "Berichten die nog onderweg zijn krijgen een foutmelding; u kunt geen berichten meer versturen "
        "voor dit berichttype",
    ),
    (
        Status.ACTIEF,
        Status.ARCHIEF,
        "definitief; een gearchiveerd berichttype kan niet meer worden geactiveerd",
    ),
    (
        Status.INACTIEF,
        Status.ARCHIEF,
        "definitief; een gearchiveerd berichttype kan niet meer worden geactiveerd",
    ),
]


@pytest.mark.parametrize(
    ("van", "naar", "waarschuwing"), WAARSCHUWINGEN, ids=lambda w: getattr(w, "value", "")
)
def test_each_allowed_change_is_confirmed_with_the_manuals_warning(
    ingelogd, organisaties, berichttype, van, naar, waarschuwing
):
    berichttype(van)
    bezoeker = ingelogd(AFNEMER)
    scherm = bezoeker.get("berichttypes.status", code="AB1", naar=naar.value.lower())
    assert waarschuwing in tekst(scherm)
    assert scherm.find("a", string="Annuleren")["href"].endswith("/berichttypes/AB1")
    assert status_van(organisaties) is van
    pagina = bezoeker.volg(bezoeker.post("berichttypes.status", code="AB1", naar=naar.value.lower()))
    assert any(f"heeft nu de status {naar.value}" in m for m in meldingen(pagina))
    assert status_van(organisaties) is naar


REFUSED = [(van, naar) for van in Status for naar in Status if naar not in OVERGANGEN[van]]


@pytest.mark.parametrize(("van", "naar"), REFUSED, ids=lambda s: s.value)
def test_a_change_the_lifecycle_forbids_is_refused_even_when_forged(
    ingelogd, organisaties, berichttype, van, naar
):
    berichttype(van)
    bezoeker = ingelogd(AFNEMER)
    scherm = bezoeker.volg(
        bezoeker.client.get(bezoeker.url("berichttypes.status", code="AB1", naar=naar.value))
    )
    assert any(f"kan niet de status {naar.value} krijgen" in m for m in meldingen(scherm))
    pagina = bezoeker.volg(bezoeker.post("berichttypes.status", code="AB1", naar=naar.value.lower()))
    assert any(
        f"Een berichttype met status {van.value} kan niet de status {naar.value} krijgen" in m
        for m in meldingen(pagina)
    )
    assert status_van(organisaties) is van


def test_a_forged_status_in_wijzigen_does_not_change_the_status(ingelogd, organisaties, berichttype):
    berichttype(Status.ARCHIEF)
    data = {"omschrijving": "Aanslag", "notificatiekenmerk": "Betalen", "status": "Actief"}
    pagina = ingelogd(AFNEMER).post_pagina("berichttypes.wijzigen", data, code="AB1", status=403)
    assert "gearchiveerd berichttype kan niet meer worden gewijzigd" in tekst(pagina)
    assert status_van(organisaties) is Status.ARCHIEF


def test_an_unknown_status_in_the_url_is_not_found(ingelogd, berichttype):
    ingelogd(AFNEMER).get("berichttypes.status", code="AB1", naar="verzonnen", status=404)


def test_a_forged_unknown_status_in_wijzigen_is_refused_in_dutch(ingelogd, organisaties, berichttype):
    data = {"omschrijving": "Andere naam", "notificatiekenmerk": "Betalen", "status": "Verzonnen"}
    pagina = ingelogd(AFNEMER).post_pagina("berichttypes.wijzigen", data, code="AB1")
    assert "Kies een van de aangeboden statussen" in veldfout(pagina, "status")
    assert organisaties.berichttype(AFNEMER, CODE).omschrijving == "Aanslag"
