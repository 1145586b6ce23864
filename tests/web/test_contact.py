import logging

import pytest

from domain.contactbericht import MAX_BERICHT, MAX_ONDERWERP
from projections import contact_queries
from tests.conftest import AFNEMER, ANDERE_AFNEMER, BEHEERDER, INTERMEDIAIR
from tests.web.helpers import foutmeldingen, meldingen, veldfout
from web.contact.gegevens import LOGIUS

GOED = {
    "onderwerp": "Vraag over koppelen",
    "bericht": "Hoe koppel ik een dienst?",
    "email": "beheer@voorbeeldstad.nl",
}


def contactberichten(portaal):
    portaal.bijwerken()
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


@pytest.mark.parametrize("nummer", ["111222333", "1112.22.333", "123 45 6782"])
def test_a_bsn_in_the_bericht_is_refused_without_repeating_it(ingelogd, organisaties, caplog, nummer):
    caplog.set_level(logging.DEBUG)
    bericht = f"Burger met BSN {nummer} ziet zijn bericht niet."
    pagina = ingelogd(AFNEMER).post_pagina("contact.index", {**GOED, "bericht": bericht})
    fout = veldfout(pagina, "bericht")
    assert fout.startswith("Fout: Het bericht lijkt een BSN te bevatten (9 cijfers die aan de elfproef")
    cijfers = nummer.replace(" ", "").replace(".", "")
    assert cijfers not in fout.replace(" ", "").replace(".", "")
    assert nummer not in " ".join(foutmeldingen(pagina))
    # The writer gets the text back to remove the number; it reaches neither the store nor a log.
    assert pagina.find("textarea", id="bericht").get_text().strip() == bericht
    assert contactberichten(organisaties) == []
    assert nummer not in caplog.text


def test_a_bsn_in_the_onderwerp_is_refused_too(ingelogd, organisaties):
    pagina = ingelogd(AFNEMER).post_pagina("contact.index", {**GOED, "onderwerp": "Vraag over 111222333"})
    assert "Het onderwerp lijkt een BSN te bevatten" in veldfout(pagina, "onderwerp")
    assert contactberichten(organisaties) == []


def test_other_numbers_are_sent_as_written(ingelogd, organisaties):
    bericht = "Batch 111222334 van OIN 00000001002220647000; bel 06 1234 5678."
    ingelogd(AFNEMER).post("contact.index", {**GOED, "bericht": bericht})
    assert [b.bericht for b in contactberichten(organisaties)] == [bericht]


def test_the_contact_tab_links_to_the_contact_details_and_the_begrippenlijst(ingelogd):
    pagina = ingelogd(AFNEMER).get("contact.index")
    links = {a.get_text(strip=True): a["href"] for a in pagina.select(".contact__verwijzingen a")}
    assert links == {"Contactgegevens van Logius": "/contactgegevens", "Begrippenlijst": "/begrippen"}


def test_the_contact_details_of_logius_are_open_before_login(bezoeker):
    pagina = bezoeker.get("contact.gegevens")
    assert pagina.h1.get_text() == "Contactgegevens Logius"
    assert pagina.select_one('a[href^="mailto:"]')["href"] == f"mailto:{LOGIUS.email}"
    assert pagina.select_one('a[href^="tel:"]').get_text() == LOGIUS.telefoon
    assert pagina.find("a", string="Naar inloggen")["href"] == bezoeker.url("inloggen.index")
    assert not pagina.select(".tabs")


def test_logged_in_the_contact_details_belong_to_the_contact_tab(ingelogd):
    pagina = ingelogd(INTERMEDIAIR).get("contact.gegevens")
    assert pagina.select_one('.tabs a[aria-current="page"]').get_text() == "Contact"
    assert pagina.find("a", string="contactformulier")["href"] == "/contact/"


def test_the_begrippenlijst_explains_the_manuals_words_in_order(ingelogd):
    pagina = ingelogd(BEHEERDER).get("contact.begrippen")
    termen = [dt.get_text() for dt in pagina.select("dl.begrippen dt")]
    assert termen == sorted(termen, key=str.casefold)
    assert {"Afnemer", "Dienst ID", "Intermediair", "Notificatiekenmerk", "OIN", "BSN"} <= set(termen)
    assert all(dt.find_next_sibling("dd").get_text(strip=True) for dt in pagina.select("dl.begrippen dt"))
    assert pagina.find("dt", id="begrip-dienst-id").get_text() == "Dienst ID"


def test_the_begrippenlijst_asks_to_log_in(bezoeker):
    bezoeker.get("contact.begrippen", status=302)
