"""Dienst IDs that cause chapter 6's privacy problem: one nobody can see, one a reader takes for another."""

import pytest

from domain.identiteit import dienst_id
from domain.waarden import DienstId
from tests.conftest import AFNEMER, ANDERE_AFNEMER, actor_voor
from tests.web.diensten_hulp import maak_dienst
from tests.web.helpers import foutmeldingen, meldingen, tekst, veldfout

MELDING = (
    "De Dienst ID bestaat alleen uit spaties of andere onzichtbare tekens. Vul de Dienst ID in zoals die bij "
    "DigiD Machtigen is geregistreerd."
)


@pytest.fixture
def afnemer(ingelogd, organisaties):
    bezoeker = ingelogd(AFNEMER)
    bezoeker.get("home.index")  # shows (and so clears) the login message
    return bezoeker


def toevoegen(bezoeker, dienst_id: str, **meer):
    gegevens = {"dienst_id": dienst_id, "omschrijving": "Zorg", **meer}
    return bezoeker.post_pagina("diensten.toevoegen", gegevens)


def aantal_diensten(organisaties) -> int:
    organisaties.bijwerken()
    return len(organisaties.samenstelling.lezen.dienst_overzicht(AFNEMER, 1, 100).regels)


@pytest.mark.parametrize("waarde", [" ", "     ", "\u00a0\u00a0", "\u200b", "\u2003\ufeff", "\u3164"])
def test_a_dienst_id_that_looks_empty_is_refused_at_the_field(afnemer, organisaties, waarde):
    pagina = toevoegen(afnemer, waarde)
    assert foutmeldingen(pagina) == [MELDING]
    assert veldfout(pagina, "dienst_id") == f"Fout: {MELDING}"
    assert aantal_diensten(organisaties) == 0


def test_a_near_duplicate_asks_for_confirmation_naming_the_existing_dienst_id(afnemer, organisaties):
    maak_dienst(organisaties, AFNEMER, "Zorg")
    pagina = toevoegen(afnemer, "zorg ")
    assert pagina.h1.get_text() == "Dienst toevoegen: bijna gelijke Dienst ID"
    assert pagina.find(id="bijna-gelijk").get_text(" ", strip=True) == (
        "Er bestaat al een dienst met een bijna gelijke Dienst ID: ' Zorg ' (4 posities)."
    )
    assert pagina.select_one("#bijna-gelijk .dienst-id").get_text() == "Zorg"
    assert "Weet u zeker dat u een aparte dienst met Dienst ID" in tekst(pagina)
    assert pagina.find("input", attrs={"name": "bevestigd"})["value"] == "zorg "
    assert aantal_diensten(organisaties) == 1


def test_after_confirmation_both_exist_as_separate_diensten(afnemer, organisaties):
    maak_dienst(organisaties, AFNEMER, "Zorg")
    bevestigd = {"dienst_id": "zorg ", "omschrijving": "Zorg", "bevestigd": "zorg "}
    pagina = afnemer.volg(afnemer.post("diensten.toevoegen", bevestigd))
    assert meldingen(pagina) == ["Gelukt: De dienst 'zorg ' is toegevoegd en is direct actief."]
    assert organisaties.dienst(AFNEMER, DienstId("zorg ")).dienst_id.waarde == "zorg "
    assert organisaties.dienst(AFNEMER, DienstId("Zorg")).dienst_id.waarde == "Zorg"


def test_every_near_duplicate_is_named(afnemer, organisaties):
    for waarde in ["Zorg", "ZORG", "Zo rg"]:
        maak_dienst(organisaties, AFNEMER, waarde)
    pagina = toevoegen(afnemer, "zorg")
    genoemd = [s.get_text() for s in pagina.select(".waarschuwing li .dienst-id")]
    assert genoemd == ["ZORG", "Zo rg", "Zorg"]  # by code point
    assert "Er bestaan al diensten met een bijna gelijke Dienst ID" in tekst(pagina)


def test_a_confirmation_holds_for_exactly_the_dienst_id_it_was_given_for(afnemer, organisaties):
    maak_dienst(organisaties, AFNEMER, "Zorg")
    pagina = toevoegen(afnemer, "ZORG", bevestigd="zorg")
    assert pagina.find(id="bijna-gelijk") is not None
    assert aantal_diensten(organisaties) == 1


def test_nee_shows_the_form_again_with_what_was_typed_and_stores_nothing(afnemer, organisaties):
    maak_dienst(organisaties, AFNEMER, "Zorg")
    pagina = toevoegen(afnemer, "zorg ", bevestigd="zorg ", aanpassen="ja")
    assert pagina.h1.get_text() == "Dienst toevoegen"
    assert pagina.find("input", id="dienst_id")["value"] == "zorg "
    # The confirmation does not travel on: the next Opslaan asks again.
    assert pagina.find("input", attrs={"name": "bevestigd"})["value"] == ""
    assert aantal_diensten(organisaties) == 1


def test_another_afnemers_dienst_ids_are_not_compared(afnemer, organisaties):
    organisaties.maak_dienst(ANDERE_AFNEMER, DienstId("Zorg"), "Ander", actor_voor(ANDERE_AFNEMER))
    afnemer.post("diensten.toevoegen", {"dienst_id": "zorg", "omschrijving": "Zorg"})
    assert organisaties.dienst(AFNEMER, DienstId("zorg")).omschrijving == "Zorg"


def test_a_stored_dienst_id_of_spaces_keeps_loading_and_working(afnemer, organisaties):
    # Accepted before this rule existed: its events load, its pages open, and it can still be changed.
    oud = DienstId.bestaand("   ")
    organisaties.maak_dienst(AFNEMER, oud, "Van vroeger", actor_voor(AFNEMER))
    assert [e.dienst_id for e in organisaties.events.get(dienst_id(AFNEMER, oud))][0].waarde == "   "
    assert organisaties.dienst(AFNEMER, oud).omschrijving == "Van vroeger"
    afnemer.get("diensten.details", dienst_sleutel=dienst_id(AFNEMER, oud))
    afnemer.post("diensten.wijzigen", {"omschrijving": "Nieuw"}, dienst_sleutel=dienst_id(AFNEMER, oud))
    afnemer.post("diensten.status", {"status": "Inactief"}, dienst_sleutel=dienst_id(AFNEMER, oud))
    dienst = organisaties.dienst(AFNEMER, oud)
    assert (dienst.omschrijving, dienst.actief) == ("Nieuw", False)

