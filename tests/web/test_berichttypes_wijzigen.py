"""Berichttype Wijzigen (chapter 4): nothing is stored before the user confirms a status change, details and
status go together or not at all, an archived berichttype has no form, and a withdrawn kenmerk is shown."""

import pytest

from domain.waarden import BerichttypeCode, Notificatiekenmerk, Status
from tests.conftest import AFNEMER, BEHEERDER, actor_voor
from tests.web.helpers import controleer_pagina, foutmeldingen, meldingen, tekst, veldfout

ACTOR = actor_voor(AFNEMER)
CODE = BerichttypeCode("AB1")
NIEUWE_NAAM = {"omschrijving": "Nieuwe naam", "notificatiekenmerk": "Informatie krijgen"}


@pytest.fixture
def berichttype(organisaties):
    organisaties.maak_berichttype(AFNEMER, CODE, "Aanslag", Notificatiekenmerk.BETALEN, ACTOR)
    return lambda: organisaties.berichttype(AFNEMER, CODE)


@pytest.fixture
def gebruiker(ingelogd, berichttype):
    """The afnemer logged in, having read the login message on the berichttype's page, as a user has."""
    bezoeker = ingelogd(AFNEMER)
    bezoeker.get("berichttypes.details", code="AB1")
    return bezoeker


def _gelukt(pagina) -> list[str]:
    return [p.get_text(" ", strip=True) for p in pagina.select(".meldingen .melding--succes")]


def _wijzigingen(pagina) -> dict[str, tuple[str, str]]:
    rijen = pagina.select("table.wijzigingen tbody tr")
    return {
        r.th.get_text(strip=True): tuple(td.get_text(strip=True) for td in r.find_all("td")) for r in rijen
    }


# -- a status change waits for its confirmation -----------------------------------------------------------


def test_opslaan_with_a_new_status_stores_nothing_and_shows_what_will_change(gebruiker, berichttype):
    versie = berichttype().version
    pagina = gebruiker.post_pagina("berichttypes.wijzigen", {**NIEUWE_NAAM, "status": "Actief"}, code="AB1")
    assert pagina.h1.get_text(strip=True) == "Berichttype activeren"
    assert _wijzigingen(pagina) == {
        "Omschrijving": ("Aanslag", "Nieuwe naam"),
        "Notificatiekenmerk": ("Betalen", "Informatie krijgen"),
        "Status": ("Nieuw", "Actief"),
    }
    assert meldingen(pagina) == []
    verborgen = {i["name"]: i["value"] for i in pagina.select("form input[type=hidden]")}
    assert verborgen == {**NIEUWE_NAAM, "status": "Actief", "csrf_token": verborgen["csrf_token"]}
    assert berichttype().version == versie


def test_annuleren_on_the_confirmation_leaves_everything_as_it_was(gebruiker, berichttype):

    scherm = gebruiker.post_pagina("berichttypes.wijzigen", {**NIEUWE_NAAM, "status": "Actief"}, code="AB1")
    terug = scherm.find("a", string="Annuleren")["href"]
    assert terug.endswith("/berichttypes/AB1")
    pagina = controleer_pagina(gebruiker.client.get(terug))
    assert "Aanslag" in tekst(pagina) and "Nieuwe naam" not in tekst(pagina)
    assert (berichttype().omschrijving, berichttype().status) == ("Aanslag", Status.NIEUW)


def test_confirming_stores_details_and_status_together(gebruiker, berichttype):

    data = {**NIEUWE_NAAM, "status": "Actief"}
    pagina = gebruiker.volg(gebruiker.post("berichttypes.wijzigen_bevestigen", data, code="AB1"))
    assert _gelukt(pagina) == [
        "Gelukt: De gegevens van het berichttype AB1 zijn opgeslagen en het berichttype heeft nu de status "
        "Actief."
    ]
    gewijzigd = berichttype()
    assert (gewijzigd.omschrijving, gewijzigd.kenmerk, gewijzigd.status) == (
        "Nieuwe naam",
        Notificatiekenmerk.INFORMATIE_KRIJGEN,
        Status.ACTIEF,
    )


def test_a_status_change_alone_says_only_the_new_status(gebruiker, berichttype):

    data = {"omschrijving": "Aanslag", "notificatiekenmerk": "Betalen", "status": "Actief"}
    pagina = gebruiker.volg(gebruiker.post("berichttypes.wijzigen_bevestigen", data, code="AB1"))
    assert _gelukt(pagina) == ["Gelukt: Het berichttype AB1 heeft nu de status Actief."]


def test_the_confirmation_checks_the_carried_values_again(gebruiker, berichttype):
    versie = berichttype().version
    data = {"omschrijving": "x" * 41, "notificatiekenmerk": "Betalen", "status": "Actief"}
    pagina = gebruiker.post_pagina("berichttypes.wijzigen_bevestigen", data, code="AB1")
    assert "maximaal 40 tekens" in veldfout(pagina, "omschrijving")
    assert pagina.find("input", id="omschrijving")["value"] == "x" * 41
    assert berichttype().version == versie


def test_a_forbidden_status_is_refused_on_the_form_with_the_domains_words_and_nothing_is_stored(
    gebruiker, berichttype
):
    versie = berichttype().version
    pagina = gebruiker.post_pagina("berichttypes.wijzigen", {**NIEUWE_NAAM, "status": "Archief"}, code="AB1")
    assert (
        veldfout(pagina, "status")
        == "Fout: Een berichttype met status Nieuw kan niet de status Archief krijgen."
    )
    assert meldingen(pagina) == []
    assert berichttype().version == versie


def test_a_forbidden_status_forged_on_the_confirmation_is_refused_too(gebruiker, berichttype):
    versie = berichttype().version
    pagina = gebruiker.post_pagina(
        "berichttypes.wijzigen_bevestigen", {**NIEUWE_NAAM, "status": "Archief"}, code="AB1"
    )
    assert "kan niet de status Archief krijgen" in veldfout(pagina, "status")
    assert berichttype().version == versie


# -- "Gelukt" only when something changed -----------------------------------------------------------------


def test_saving_an_unchanged_form_says_nothing_changed(gebruiker, berichttype):
    versie = berichttype().version

    data = {"omschrijving": "Aanslag", "notificatiekenmerk": "Betalen", "status": "Nieuw"}
    pagina = gebruiker.volg(gebruiker.post("berichttypes.wijzigen", data, code="AB1"))
    assert meldingen(pagina) == ["Ter informatie: Er is niets gewijzigd aan het berichttype AB1."]
    assert berichttype().version == versie


def test_saving_changed_details_says_they_were_saved(gebruiker, berichttype):

    pagina = gebruiker.volg(
        gebruiker.post("berichttypes.wijzigen", {**NIEUWE_NAAM, "status": "Nieuw"}, code="AB1")
    )
    assert meldingen(pagina) == ["Gelukt: De gegevens van het berichttype AB1 zijn opgeslagen."]


# -- an archived berichttype ------------------------------------------------------------------------------


def _archiveer(organisaties):
    for status in (Status.ACTIEF, Status.ARCHIEF):
        organisaties.wijzig_berichttype_status(AFNEMER, CODE, status, ACTOR)


def test_an_archived_berichttype_has_no_wijzigen_form(gebruiker, organisaties, berichttype):
    _archiveer(organisaties)
    pagina = gebruiker.get("berichttypes.wijzigen", code="AB1", status=403)
    assert pagina.find("form", attrs={"method": "post", "class": "formulier"}) is None
    assert pagina.find_all("input", attrs={"name": ["omschrijving", "notificatiekenmerk", "status"]}) == []
    assert "Een gearchiveerd berichttype kan niet meer worden gewijzigd" in tekst(pagina)
    assert pagina.find("a", string="Terug naar het berichttype")["href"].endswith("/berichttypes/AB1")


def test_an_archived_berichttype_refuses_a_forged_confirmation(gebruiker, organisaties, berichttype):
    _archiveer(organisaties)
    versie = berichttype().version
    gebruiker.post_pagina(
        "berichttypes.wijzigen_bevestigen", {**NIEUWE_NAAM, "status": "Actief"}, code="AB1", status=403
    )
    assert berichttype().version == versie


# -- a kenmerk the beheerder withdrew ---------------------------------------------------------------------


def _trek_betalen_in(organisaties):
    over = [k for k in Notificatiekenmerk if k is not Notificatiekenmerk.BETALEN]
    organisaties.wijzig_organisatie(AFNEMER, "Gemeente Voorbeeldstad", over, actor_voor(BEHEERDER))


def test_a_withdrawn_kenmerk_is_shown_chosen_and_marked_as_no_longer_available(
    gebruiker, organisaties, berichttype
):
    _trek_betalen_in(organisaties)
    pagina = gebruiker.get("berichttypes.wijzigen", code="AB1")
    betalen = pagina.find("input", attrs={"name": "notificatiekenmerk", "value": "Betalen"})
    assert betalen is not None and betalen.has_attr("checked")
    label = pagina.find("label", attrs={"for": betalen["id"]}).get_text(strip=True)
    assert label == "Betalen (niet meer beschikbaar voor nieuwe keuzes)"
    assert "Het huidige kenmerk Betalen is voor uw organisatie niet meer beschikbaar" in tekst(pagina)


def test_a_withdrawn_kenmerk_may_be_kept_when_saving(gebruiker, organisaties, berichttype):
    _trek_betalen_in(organisaties)

    data = {"omschrijving": "Nieuwe naam", "notificatiekenmerk": "Betalen", "status": "Nieuw"}
    pagina = gebruiker.volg(gebruiker.post("berichttypes.wijzigen", data, code="AB1"))
    assert _gelukt(pagina)
    assert (berichttype().omschrijving, berichttype().kenmerk) == ("Nieuwe naam", Notificatiekenmerk.BETALEN)


def test_after_leaving_a_withdrawn_kenmerk_it_is_no_longer_offered(gebruiker, organisaties, berichttype):
    _trek_betalen_in(organisaties)

    gebruiker.post("berichttypes.wijzigen", {**NIEUWE_NAAM, "status": "Nieuw"}, code="AB1")
    assert berichttype().kenmerk is Notificatiekenmerk.INFORMATIE_KRIJGEN
    pagina = gebruiker.get("berichttypes.wijzigen", code="AB1")
    assert pagina.find("input", attrs={"name": "notificatiekenmerk", "value": "Betalen"}) is None
    terug = {"omschrijving": "Nieuwe naam", "notificatiekenmerk": "Betalen", "status": "Nieuw"}
    geweigerd = gebruiker.post_pagina("berichttypes.wijzigen", terug, code="AB1")
    assert "niet beschikbaar voor uw organisatie" in veldfout(geweigerd, "notificatiekenmerk")
    assert foutmeldingen(geweigerd)
