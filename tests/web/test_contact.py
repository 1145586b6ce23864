import pytest

from domain.contactbericht import MAX_BERICHT, MAX_ONDERWERP
from projections import contact_queries
from projections.motor import Projectiemotor
from tests.conftest import AFNEMER, ANDERE_AFNEMER, BEHEERDER, INTERMEDIAIR
from tests.web.helpers import foutmeldingen, meldingen, veldfout

GOED = {
    "onderwerp": "Vraag over koppelen",
    "bericht": "Hoe koppel ik een dienst?",
    "email": "beheer@voorbeeldstad.nl",
}


def contactberichten(portaal):
    Projectiemotor(portaal).bijwerken()
    return contact_queries.contactberichten(portaal).regels


def test_a_contactbericht_is_sent_and_stored(ingelogd, organisaties):
    bezoeker = ingelogd(AFNEMER)
    pagina = bezoeker.volg(bezoeker.post("contact.index", GOED))
    assert "U krijgt antwoord op beheer@voorbeeldstad.nl." in " ".join(meldingen(pagina))
    [bericht] = contactberichten(organisaties)
    assert (bericht.onderwerp, bericht.afzender_oin, bericht.email) == (
        GOED["onderwerp"],
        AFNEMER.waarde,
        GOED["email"],
    )


def test_the_contactbericht_of_an_intermediair_records_the_afnemer_too(ingelogd, organisaties):
    bezoeker = ingelogd(INTERMEDIAIR)
    bezoeker.post("home.wissel_afnemer", {"afnemer": ANDERE_AFNEMER.waarde})
    bezoeker.post("contact.index", GOED)
    [bericht] = contactberichten(organisaties)
    assert (bericht.afzender_oin, bericht.namens) == (INTERMEDIAIR.waarde, ANDERE_AFNEMER.waarde)


@pytest.mark.parametrize("email", ["", "geen-adres", "naam@domein", "twee@@voorbeeld.nl", "met spatie@x.nl"])
def test_an_invalid_email_address_is_refused(ingelogd, organisaties, email):
    pagina = ingelogd(AFNEMER).post_pagina("contact.index", {**GOED, "email": email})
    assert veldfout(pagina, "email")
    assert contactberichten(organisaties) == []


@pytest.mark.parametrize(("veld", "maximum"), [("onderwerp", MAX_ONDERWERP), ("bericht", MAX_BERICHT)])
def test_the_length_limits_hold(ingelogd, organisaties, veld, maximum):
    pagina = ingelogd(AFNEMER).post_pagina("contact.index", {**GOED, veld: "x" * (maximum + 1)})
    assert f"maximaal {maximum} tekens" in veldfout(pagina, veld)
    assert pagina.find(id=veld)["maxlength"] == str(maximum)


def test_missing_fields_are_each_named(ingelogd, organisaties):
    pagina = ingelogd(AFNEMER).post_pagina("contact.index", {})
    assert foutmeldingen(pagina) == [
        "Onderwerp is verplicht.",
        "Bericht is verplicht.",
        "E-mailadres voor het antwoord is verplicht.",
    ]
    links = [a["href"] for a in pagina.select(".foutsamenvatting a")]
    assert links == ["#onderwerp", "#bericht", "#email"]
    assert veldfout(pagina, "bericht") == "Fout: Bericht is verplicht."


def test_the_beheerder_reads_the_contactberichten(ingelogd):
    ingelogd(AFNEMER).post("contact.index", GOED)
    pagina = ingelogd(BEHEERDER).get("beheer.contactberichten")
    bericht = pagina.select_one(".bericht")
    assert bericht.h2.get_text(strip=True) == GOED["onderwerp"]
    assert GOED["bericht"] in bericht.get_text() and AFNEMER.waarde in bericht.get_text()


def test_an_afnemer_cannot_read_the_contactberichten(ingelogd):
    ingelogd(AFNEMER).get("beheer.contactberichten", status=403)


def test_the_beheerder_sees_who_wrote_for_whom(ingelogd):
    bezoeker = ingelogd(INTERMEDIAIR)
    bezoeker.post("contact.index", GOED)
    afzender = ingelogd(BEHEERDER).get("beheer.contactberichten").select_one(".bericht .klein").get_text(" ")
    assert "Berichtenleverancier Test BV" in afzender and "namens Gemeente Voorbeeldstad" in afzender
