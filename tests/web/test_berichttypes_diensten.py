"""Gekoppelde diensten changed from the berichttype (chapter 4), with the privacy warning of chapter 6: every
dienst's change in one transaction, only active diensten get new links, archived berichttypes none."""

import pytest

from domain.waarden import BerichttypeCode, DienstId, Notificatiekenmerk, Status
from tests.conftest import AFNEMER, ANDERE_AFNEMER, actor_voor
from tests.web.diensten_hulp import maak_dienst, sleutel
from tests.web.helpers import foutmeldingen, meldingen, tekst

ACTOR = actor_voor(AFNEMER)
CODE = BerichttypeCode("AB1")


@pytest.fixture
def gebruiker(ingelogd, organisaties):
    """AB1 (Actief) linked to 'Toeslagen'; also 'WOZ ' (with its space) and the inactive 'Oud'."""
    organisaties.maak_berichttype(AFNEMER, CODE, "Aanslag", Notificatiekenmerk.BETALEN, ACTOR)
    organisaties.wijzig_berichttype_status(AFNEMER, CODE, Status.ACTIEF, ACTOR)
    maak_dienst(organisaties, AFNEMER, "Toeslagen", koppel=("AB1",))
    maak_dienst(organisaties, AFNEMER, "WOZ ")
    maak_dienst(organisaties, AFNEMER, "Oud")
    organisaties.deactiveer_dienst(AFNEMER, DienstId("Oud"), ACTOR)
    bezoeker = ingelogd(AFNEMER)
    bezoeker.get("berichttypes.details", code="AB1")
    return bezoeker


def _gekoppeld(organisaties) -> dict[str, bool]:
    return {
        d: CODE in organisaties.dienst(AFNEMER, DienstId(d)).koppelingen for d in ("Toeslagen", "WOZ ", "Oud")
    }


def _vinkjes(pagina) -> dict[str, bool]:
    return {i["value"]: i.has_attr("checked") for i in pagina.find_all("input", attrs={"name": "gekoppeld"})}


def _k(waarde: str) -> str:
    return str(sleutel(AFNEMER, waarde))


def test_wijzigen_lists_the_diensten_with_the_linked_ones_ticked_and_the_privacy_warning(gebruiker):
    pagina = gebruiker.get("berichttypes.wijzigen", code="AB1")
    assert _vinkjes(pagina) == {_k("Toeslagen"): True, _k("WOZ "): False}
    oud = next(li for li in pagina.select("li.keuze") if li.find(class_="dienst-id").get_text() == "Oud")
    assert oud.find("input", attrs={"type": "checkbox"}) is None
    assert "dienst inactief, niet te koppelen" in oud.get_text()
    assert "heeft een gemachtigde onterecht inzage in informatie van de belanghebbende" in tekst(pagina)
    label = pagina.find("label", attrs={"for": pagina.find("input", attrs={"value": _k("WOZ ")})["id"]})
    assert label.find(class_="dienst-id").get_text() == "WOZ "


def test_applying_links_and_unlinks_several_diensten_at_once(gebruiker, organisaties):
    data = {"gekoppeld": [_k("WOZ ")], "was_gekoppeld": [_k("Toeslagen")]}
    pagina = gebruiker.volg(gebruiker.post("berichttypes.gekoppelde_diensten", data, code="AB1"))
    assert meldingen(pagina) == [
        "Gelukt: Berichttype AB1 is gekoppeld aan 'WOZ ' en ontkoppeld van 'Toeslagen'."
    ]
    assert _gekoppeld(organisaties) == {"Toeslagen": False, "WOZ ": True, "Oud": False}
    assert pagina.h1.get_text(strip=True) == "Berichttype AB1"


def test_a_refusal_for_one_dienst_changes_no_dienst(gebruiker, organisaties):
    # Forged: the inactive dienst has no checkbox.
    data = {"gekoppeld": [_k("WOZ "), _k("Oud")], "was_gekoppeld": [_k("Toeslagen")]}
    pagina = gebruiker.post_pagina("berichttypes.gekoppelde_diensten", data, code="AB1")
    assert foutmeldingen(pagina) == [
        "Dienst 'Oud': Aan een inactieve dienst kunnen geen berichttypes worden gekoppeld."
    ]
    assert _gekoppeld(organisaties) == {"Toeslagen": True, "WOZ ": False, "Oud": False}
    assert _vinkjes(pagina) == {_k("Toeslagen"): False, _k("WOZ "): True}
    assert pagina.find("input", id="omschrijving")["value"] == "Aanslag"


def test_a_link_made_elsewhere_meanwhile_is_not_undone(gebruiker, organisaties):
    pagina = gebruiker.get("berichttypes.wijzigen", code="AB1")
    assert _vinkjes(pagina)[_k("WOZ ")] is False
    organisaties.koppel(AFNEMER, DienstId("WOZ "), CODE, ACTOR)
    data = {"gekoppeld": [], "was_gekoppeld": [_k("Toeslagen")]}
    gebruiker.post("berichttypes.gekoppelde_diensten", data, code="AB1")
    assert _gekoppeld(organisaties) == {"Toeslagen": False, "WOZ ": True, "Oud": False}


def test_nothing_ticked_differently_says_nothing_changed(gebruiker, organisaties):
    data = {"gekoppeld": [_k("Toeslagen")], "was_gekoppeld": [_k("Toeslagen")]}
    pagina = gebruiker.volg(gebruiker.post("berichttypes.gekoppelde_diensten", data, code="AB1"))
    assert meldingen(pagina) == ["Ter informatie: Er is niets gewijzigd aan de gekoppelde diensten."]
    assert _gekoppeld(organisaties)["Toeslagen"] is True


@pytest.mark.parametrize("vreemd", ["geen-sleutel", "andere-afnemer"])
def test_a_dienst_of_nobody_or_another_afnemer_is_refused_in_dutch(gebruiker, organisaties, vreemd):
    organisaties.maak_dienst(
        ANDERE_AFNEMER, DienstId("Toeslagen"), "Van een ander", actor_voor(ANDERE_AFNEMER)
    )
    waarde = vreemd if vreemd != "andere-afnemer" else str(sleutel(ANDERE_AFNEMER, "Toeslagen"))
    pagina = gebruiker.post_pagina("berichttypes.gekoppelde_diensten", {"gekoppeld": [waarde]}, code="AB1")
    assert "Een gekozen dienst bestaat niet (meer) bij deze afnemer." in tekst(pagina)
    assert organisaties.dienst(ANDERE_AFNEMER, DienstId("Toeslagen")).koppelingen == {}


def test_an_archived_berichttype_cannot_be_linked_from_its_page(gebruiker, organisaties):
    organisaties.wijzig_berichttype_status(AFNEMER, CODE, Status.ARCHIEF, ACTOR)
    pagina = gebruiker.post_pagina(
        "berichttypes.gekoppelde_diensten", {"gekoppeld": [_k("WOZ ")]}, code="AB1", status=403
    )
    assert "er kunnen geen diensten meer aan worden gekoppeld" in tekst(pagina)
    assert _gekoppeld(organisaties)["WOZ "] is False


def test_the_details_page_leads_to_the_gekoppelde_diensten(gebruiker):
    pagina = gebruiker.get("berichttypes.details", code="AB1")
    link = pagina.find("a", string="Gekoppelde diensten wijzigen")
    assert link["href"].endswith("/berichttypes/AB1/wijzigen#diensten-titel")
