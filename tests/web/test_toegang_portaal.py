"""The machtigingen in the portal (manual chapter 6): the impact preview before (ont)koppelen and
deactivation, the valid machtigingen on a dienst's details, a berichttype's zichtbaarheid, and Toegang
nagaan. Counts only on the impact screens: never a BSN."""

import io
from datetime import UTC, datetime

import pytest

from domain import machtigingen as mt
from domain.waarden import Bsn, DienstId, Oin
from tests.conftest import AFNEMER, ANDERE_AFNEMER, actor_voor
from tests.web.api.hulp import MET_BOX, batch_xml, bericht, dagen
from tests.web.diensten_hulp import gekoppeld, maak_berichttypes, maak_dienst
from tests.web.diensten_hulp import sleutel as dienst_sleutel
from tests.web.helpers import meldingen, veldfout

FEED = Oin("00000099000000000302")
B, G = MET_BOX[0], MET_BOX[1]


@pytest.fixture
def afnemer(ingelogd, organisaties):
    maak_berichttypes(organisaties, AFNEMER)
    bezoeker = ingelogd(AFNEMER)
    bezoeker.get("home.index")
    return bezoeker


def _machtig(portaal, *ids_diensten, afnemer=AFNEMER):
    mutaties = [
        mt.stand(id_, Bsn(B), Bsn(G), afnemer, DienstId(d), datetime(2025, 1, 1, tzinfo=UTC))
        for id_, d in ids_diensten
    ]
    portaal.samenstelling.na_commando(portaal.leg_machtigingen_vast(mutaties, actor_voor(FEED)))


def _lever(portaal, klok, *berichten):
    for bsn in MET_BOX:
        portaal.zet_berichtenbox(Bsn(bsn), dagen(klok.nu, -400), None, actor_voor(FEED))
    xml = batch_xml(AFNEMER, list(berichten), klok.nu)
    aanlevering = portaal.lever_batch_aan(io.BytesIO(xml), AFNEMER, "test", None)
    portaal.samenstelling.na_commando(*aanlevering.vastgelegd)


def test_koppelen_that_gives_access_asks_for_confirmation_with_the_counts(afnemer, organisaties, klok):
    s = maak_dienst(organisaties, AFNEMER, "Toeslagen")
    _machtig(organisaties, ("M1", "Toeslagen"))
    _lever(organisaties, klok, bericht(0), bericht(2))
    pagina = afnemer.post_pagina("diensten.koppelen", {"koppelen": ["AANSLAG"]}, dienst_sleutel=s)
    assert pagina.h1.get_text() == "Koppelingen bevestigen"
    impact = pagina.select_one("#impact").get_text(" ", strip=True)
    assert "1 gemachtigde(n) krijgen toegang tot 2 al afgeleverde bericht(en)" in impact
    assert B not in str(pagina) and G not in str(pagina)
    assert gekoppeld(organisaties, AFNEMER, "Toeslagen") == set()
    bevestigd = {"koppelen": ["AANSLAG"], "bevestigd": "ja"}
    vervolg = afnemer.volg(afnemer.post("diensten.koppelen", bevestigd, dienst_sleutel=s))
    assert meldingen(vervolg) == ["Gelukt: De koppelingen zijn toegepast."]
    assert gekoppeld(organisaties, AFNEMER, "Toeslagen") == {"AANSLAG"}


def test_ontkoppelen_counts_only_those_who_lose_their_only_way_in(afnemer, organisaties, klok):
    s = maak_dienst(organisaties, AFNEMER, "Toeslagen", koppel=("AANSLAG",))
    maak_dienst(organisaties, AFNEMER, "Zorg", koppel=("AANSLAG",))
    _machtig(organisaties, ("M1", "Toeslagen"))
    _lever(organisaties, klok, bericht(0))
    pagina = afnemer.post_pagina("diensten.koppelen", {"ontkoppelen": ["AANSLAG"]}, dienst_sleutel=s)
    assert "1 gemachtigde(n) verliezen toegang tot 1" in pagina.select_one("#impact").get_text(
        " ", strip=True
    )
    _machtig(organisaties, ("M2", "Zorg"))
    # Now the machtiging for Zorg keeps the access: nobody loses anything, so nothing to confirm.
    afnemer.post("diensten.koppelen", {"ontkoppelen": ["AANSLAG"]}, dienst_sleutel=s)
    assert gekoppeld(organisaties, AFNEMER, "Toeslagen") == set()


def test_the_deactivation_screen_says_who_loses_access(afnemer, organisaties, klok):
    s = maak_dienst(organisaties, AFNEMER, "Toeslagen", koppel=("AANSLAG", "WOZ"))
    _machtig(organisaties, ("M1", "Toeslagen"))
    _lever(organisaties, klok, bericht(0), bericht(2, berichttype="WOZ"))
    pagina = afnemer.get("diensten.status", dienst_sleutel=s)
    assert "1 gemachtigde(n) verliezen toegang tot 2" in pagina.select_one("#impact").get_text(
        " ", strip=True
    )


def test_the_details_show_the_machtigingen_valid_now(afnemer, organisaties):
    s = maak_dienst(organisaties, AFNEMER, "Toeslagen")
    _machtig(organisaties, ("M1", "Toeslagen"), ("M2", "Zorg"))
    pagina = afnemer.get("diensten.details", dienst_sleutel=s)
    assert pagina.select_one("#machtigingen").get_text(strip=True).startswith("1 ")


def test_the_berichttype_details_show_its_zichtbaarheid(afnemer, organisaties):
    maak_dienst(organisaties, AFNEMER, "Toeslagen", koppel=("AANSLAG",))
    _machtig(organisaties, ("M1", "Toeslagen"))
    pagina = afnemer.get("berichttypes.details", code="AANSLAG")
    tekst = pagina.find("section", attrs={"aria-labelledby": "zichtbaarheid-titel"}).get_text(" ", strip=True)
    assert "konden 1 gemachtigde(n)" in tekst


def _vraag(afnemer, **velden):
    data = {"gemachtigde": G, "belanghebbende": B, "berichttype": "AANSLAG", **velden}
    return afnemer.post_pagina("diensten.toegang_nagaan", data)


def test_toegang_nagaan_answers_with_the_uitleg_and_its_intervals(afnemer, organisaties):
    maak_dienst(organisaties, AFNEMER, "Toeslagen", koppel=("AANSLAG",))
    _machtig(organisaties, ("M1", "Toeslagen"))
    pagina = _vraag(afnemer)
    assert pagina.select_one("#antwoord-titel").get_text(strip=True) == "Antwoord: ja, toegang"
    assert "M1" in pagina.find("caption", string="Machtigingen die het antwoord bepaalden").parent.get_text()
    nee = _vraag(afnemer, berichttype="WOZ")
    assert nee.select_one("#antwoord-titel").get_text(strip=True) == "Antwoord: nee, geen toegang"
    assert "niet gekoppeld" in nee.select_one(".antwoord").get_text()


def test_toegang_nagaan_only_knows_the_afnemers_own_machtigingen(afnemer, organisaties):
    maak_dienst(organisaties, AFNEMER, "Toeslagen", koppel=("AANSLAG",))
    _machtig(organisaties, ("M1", "Toeslagen"), afnemer=ANDERE_AFNEMER)
    assert "geen machtiging" in _vraag(afnemer).select_one(".antwoord").get_text()


def test_toegang_nagaan_refuses_a_bad_bsn_without_repeating_it(afnemer):
    pagina = _vraag(afnemer, gemachtigde="123456789")
    assert "geen geldig BSN" in veldfout(pagina, "gemachtigde")
    assert not pagina.select_one(".antwoord")


def test_the_berichttypes_gekoppelde_diensten_ask_for_confirmation_with_the_counts(
    afnemer, organisaties, klok
):
    maak_dienst(organisaties, AFNEMER, "Toeslagen")
    _machtig(organisaties, ("M1", "Toeslagen"))
    _lever(organisaties, klok, bericht(0))
    sleutel = str(maak_dienst(organisaties, AFNEMER, "Zorg"))
    toeslagen = str(dienst_sleutel(AFNEMER, "Toeslagen"))
    pagina = afnemer.post_pagina(
        "berichttypes.gekoppelde_diensten", {"gekoppeld": [toeslagen]}, code="AANSLAG"
    )
    assert pagina.h1.get_text() == "Gekoppelde diensten bevestigen"
    assert "1 gemachtigde(n) krijgen toegang tot 1" in pagina.select_one("#impact").get_text(" ", strip=True)
    assert gekoppeld(organisaties, AFNEMER, "Toeslagen") == set()
    data = {"gekoppeld": [toeslagen], "bevestigd": "ja"}
    afnemer.post("berichttypes.gekoppelde_diensten", data, code="AANSLAG")
    assert gekoppeld(organisaties, AFNEMER, "Toeslagen") == {"AANSLAG"}
    # Nobody gains or loses anything by also linking Zorg: applied at once.
    data = {"gekoppeld": [toeslagen, sleutel], "was_gekoppeld": [toeslagen]}
    afnemer.post("berichttypes.gekoppelde_diensten", data, code="AANSLAG")
    assert gekoppeld(organisaties, AFNEMER, "Zorg") == {"AANSLAG"}


def test_moving_a_link_between_two_diensten_of_one_machtiging_changes_nobodys_access(organisaties, klok):
    maak_berichttypes(organisaties, AFNEMER)
    maak_dienst(organisaties, AFNEMER, "Toeslagen", koppel=("AANSLAG",))
    maak_dienst(organisaties, AFNEMER, "Zorg")
    _machtig(organisaties, ("M1", "Toeslagen"), ("M2", "Zorg"))
    _lever(organisaties, klok, bericht(0))
    lezen = organisaties.samenstelling.lezen
    verhuizen = lezen.impact_van_gekoppelde_diensten(AFNEMER, "AANSLAG", ["Zorg"], ["Toeslagen"], klok.nu)
    assert verhuizen.leeg
    alleen_weg = lezen.impact_van_gekoppelde_diensten(AFNEMER, "AANSLAG", [], ["Toeslagen"], klok.nu)
    assert (alleen_weg.gemachtigden_eraf, alleen_weg.berichten_eraf) == (1, 1)
