"""Berichttypes tab: the overzicht with its filters and pagination, and Berichttype toevoegen."""

from datetime import timedelta

import pytest

from domain.waarden import BerichttypeCode, DienstId, Notificatiekenmerk, Status
from tests.conftest import AFNEMER, ANDERE_AFNEMER, BEHEERDER, actor_voor
from tests.web.helpers import controleer_pagina, foutmeldingen, meldingen, tekst, veldfout

ACTOR = actor_voor(AFNEMER)


def maak(portaal, code: str, kenmerk=Notificatiekenmerk.BETALEN, afnemer=AFNEMER, omschrijving="Aanslag"):
    portaal.maak_berichttype(afnemer, BerichttypeCode(code), omschrijving, kenmerk, actor_voor(afnemer))


def overzicht(bezoeker, **filters):
    """The overzicht with query parameters (the helper's own `status` argument is the HTTP status)."""
    antwoord = bezoeker.client.get(bezoeker.url("berichttypes.index"), query_string=filters)
    assert antwoord.status_code == 200
    return controleer_pagina(antwoord)


def codes(pagina) -> list[str]:
    return [th.get_text(strip=True) for th in pagina.select("table.berichttypes tbody th")]


def test_the_overzicht_shows_every_status_including_archief_sorted_by_code(ingelogd, organisaties):
    for code in ["C3", "a1", "B2", "A1"]:
        maak(organisaties, code)
    for status in (Status.ACTIEF, Status.INACTIEF, Status.ARCHIEF):
        organisaties.wijzig_berichttype_status(AFNEMER, BerichttypeCode("C3"), status, ACTOR)
    pagina = ingelogd(AFNEMER).get("berichttypes.index")
    assert codes(pagina) == ["A1", "B2", "C3", "a1"]
    rij = pagina.select("table.berichttypes tbody tr")[2]
    assert [td.get_text(strip=True) for td in rij.find_all("td")] == [
        "Aanslag",
        "Archief",
        "Betalen",
        "0",
        "Geen",
    ]


def test_the_overzicht_shows_the_number_of_bijlagen_and_the_linked_diensten(ingelogd, organisaties):

    maak(organisaties, "AB1")
    organisaties.voeg_bijlage_toe(AFNEMER, BerichttypeCode("AB1"), "a.pdf", b"%PDF-1.7 x", ACTOR)
    organisaties.maak_dienst(AFNEMER, DienstId("Dienst-1"), "Een dienst", ACTOR)
    organisaties.koppel(AFNEMER, DienstId("Dienst-1"), BerichttypeCode("AB1"), ACTOR)
    rij = ingelogd(AFNEMER).get("berichttypes.index").select("table.berichttypes tbody tr")[0]
    assert [td.get_text(strip=True) for td in rij.find_all("td")][3:] == ["1", "Dienst-1"]


def test_the_overzicht_shows_only_the_afnemers_own_berichttypes(ingelogd, organisaties):
    maak(organisaties, "EIGEN")
    maak(organisaties, "VREEMD", afnemer=ANDERE_AFNEMER)
    assert codes(ingelogd(AFNEMER).get("berichttypes.index")) == ["EIGEN"]


def test_the_overzicht_filters_on_code_status_and_kenmerk(ingelogd, organisaties):
    maak(organisaties, "AB1")
    maak(organisaties, "AB2", Notificatiekenmerk.VERNIEUWEN_NODIG)
    maak(organisaties, "XY1")
    organisaties.wijzig_berichttype_status(AFNEMER, BerichttypeCode("AB2"), Status.ACTIEF, ACTOR)
    bezoeker = ingelogd(AFNEMER)
    assert codes(overzicht(bezoeker, code="b")) == ["AB1", "AB2"]
    assert codes(overzicht(bezoeker, status="Actief")) == ["AB2"]
    assert codes(overzicht(bezoeker, kenmerk="Betalen")) == ["AB1", "XY1"]
    assert codes(overzicht(bezoeker, code="1", kenmerk="Betalen")) == ["AB1", "XY1"]
    assert "Geen berichttypes gevonden" in tekst(overzicht(bezoeker, status="Archief"))


def test_the_status_filter_offers_all_four_statuses(ingelogd):
    pagina = ingelogd(AFNEMER).get("berichttypes.index")
    opties = [o["value"] for o in pagina.find("select", id="status").find_all("option")]
    assert opties == ["", "Nieuw", "Actief", "Inactief", "Archief"]


def test_a_forged_filter_value_is_ignored_with_a_message(ingelogd, organisaties):
    maak(organisaties, "AB1")
    pagina = overzicht(ingelogd(AFNEMER), status="Verzonnen")
    assert codes(pagina) == ["AB1"]
    assert "filter was ongeldig" in tekst(pagina)


def test_the_overzicht_is_paginated_with_links_that_keep_the_filter(ingelogd, organisaties):
    for nummer in range(30):
        maak(organisaties, f"K{nummer:02d}")
    maak(organisaties, "ANDERS", Notificatiekenmerk.VERNIEUWEN_NODIG)
    bezoeker = ingelogd(AFNEMER)
    eerste = overzicht(bezoeker, kenmerk="Betalen")
    assert codes(eerste) == [f"K{n:02d}" for n in range(25)]
    navigatie = eerste.find("nav", attrs={"aria-label": "Paginering"})
    assert navigatie.find(attrs={"aria-current": "page"}).get_text(" ", strip=True) == "Pagina 1"
    volgende = navigatie.find("a", rel="next")["href"]
    assert "kenmerk=Betalen" in volgende and "pagina=2" in volgende
    tweede = overzicht(bezoeker, kenmerk="Betalen", pagina=2)
    assert codes(tweede) == [f"K{n:02d}" for n in range(25, 30)]
    assert "Pagina 2 van 2" in tekst(tweede)


def test_the_beheerder_has_no_berichttypes_tab(ingelogd):
    ingelogd(BEHEERDER).get("berichttypes.index", status=403)


# -- toevoegen -----------------------------------------------------------------------------------------

GOED = {"code": "AB1", "omschrijving": "Aanslag gemeentelijke belastingen", "notificatiekenmerk": "Betalen"}


def test_a_berichttype_is_added_with_status_nieuw(ingelogd, organisaties):
    bezoeker = ingelogd(AFNEMER)
    pagina = bezoeker.volg(bezoeker.post("berichttypes.toevoegen", GOED))
    assert any("AB1 is toegevoegd" in m for m in meldingen(pagina))
    assert pagina.h1.get_text(strip=True) == "Berichttype AB1"
    berichttype = organisaties.berichttype(AFNEMER, BerichttypeCode("AB1"))
    assert (berichttype.omschrijving, berichttype.kenmerk, berichttype.status) == (
        GOED["omschrijving"],
        Notificatiekenmerk.BETALEN,
        Status.NIEUW,
    )


def test_the_form_shows_each_notification_text_with_the_afnemers_name(ingelogd):
    pagina = ingelogd(AFNEMER).get("berichttypes.toevoegen")
    teksten = {d.summary.get_text(strip=True): d.p.get_text(strip=True) for d in pagina.select("details")}
    assert set(teksten) == {k.value for k in Notificatiekenmerk}
    assert teksten["Betalen"].startswith("U heeft een bericht van Gemeente Voorbeeldstad ontvangen")
    assert "{Afzender}" not in str(pagina)
    assert pagina.find("input", id="code")["maxlength"] == "8"
    assert pagina.find("input", id="omschrijving")["maxlength"] == "40"


@pytest.mark.parametrize("endpoint", ["berichttypes.toevoegen", "berichttypes.wijzigen"])
def test_the_kenmerk_radios_are_a_fieldset_with_a_legend_not_a_bullet_list(ingelogd, organisaties, endpoint):
    maak(organisaties, "AB1")
    pagina = ingelogd(AFNEMER).get(endpoint, **({"code": "AB1"} if endpoint.endswith("wijzigen") else {}))
    groep = pagina.find(id="notificatiekenmerk-groep")
    assert groep.name == "fieldset"
    assert groep.legend.get_text(" ", strip=True).startswith("Notificatiekenmerk")
    keuzes = groep.find_all("input", attrs={"name": "notificatiekenmerk"})
    assert [k["type"] for k in keuzes] == ["radio"] * len(Notificatiekenmerk)
    # Not the list widget with the text input's class: that showed bullets inside an input border.
    assert not groep.find("ul") and not groep.select(".veld__invoer")
    assert groep.find("p", id="notificatiekenmerk-hint") is not None


def test_only_the_afnemers_allowed_kenmerken_are_offered(ingelogd, organisaties):
    organisaties.wijzig_organisatie(
        AFNEMER, "Gemeente Voorbeeldstad", [Notificatiekenmerk.BETALEN], actor_voor(BEHEERDER)
    )
    pagina = ingelogd(AFNEMER).get("berichttypes.toevoegen")
    assert [i["value"] for i in pagina.find_all("input", attrs={"name": "notificatiekenmerk"})] == ["Betalen"]
    assert [d.summary.get_text(strip=True) for d in pagina.select("details")] == ["Betalen"]


def test_a_kenmerk_not_allowed_for_the_afnemer_is_refused(ingelogd, organisaties):
    organisaties.wijzig_organisatie(
        AFNEMER, "Gemeente Voorbeeldstad", [Notificatiekenmerk.BETALEN], actor_voor(BEHEERDER)
    )
    bezoeker = ingelogd(AFNEMER)
    pagina = bezoeker.post_pagina(
        "berichttypes.toevoegen", {**GOED, "notificatiekenmerk": "Vernieuwen nodig"}
    )
    assert "niet beschikbaar voor uw organisatie" in veldfout(pagina, "notificatiekenmerk")
    pagina = bezoeker.post_pagina("berichttypes.toevoegen", {**GOED, "notificatiekenmerk": "Verzonnen"})
    assert "Kies een van de notificatiekenmerken" in veldfout(pagina, "notificatiekenmerk")
    assert codes(bezoeker.get("berichttypes.index")) == []


@pytest.mark.parametrize(("code", "toegestaan"), [("ABCDEFG8", True), ("ABCDEFGH9", False), ("AB-1", False)])
def test_the_code_has_at_most_8_letters_or_digits(ingelogd, organisaties, code, toegestaan):
    bezoeker = ingelogd(AFNEMER)
    if toegestaan:
        bezoeker.post("berichttypes.toevoegen", {**GOED, "code": code})
        assert organisaties.berichttype(AFNEMER, BerichttypeCode(code)).status is Status.NIEUW
    else:
        pagina = bezoeker.post_pagina("berichttypes.toevoegen", {**GOED, "code": code})
        assert "1 tot en met 8 letters of cijfers" in veldfout(pagina, "code")
        assert codes(bezoeker.get("berichttypes.index")) == []


def test_an_existing_code_is_refused_but_codes_are_case_sensitive(ingelogd, organisaties):
    bezoeker = ingelogd(AFNEMER)
    bezoeker.post("berichttypes.toevoegen", GOED)
    pagina = bezoeker.post_pagina("berichttypes.toevoegen", {**GOED, "omschrijving": "Tweede"})
    assert "De code AB1 bestaat al" in veldfout(pagina, "code")
    bezoeker.post("berichttypes.toevoegen", {**GOED, "code": "ab1"})
    assert codes(bezoeker.get("berichttypes.index")) == ["AB1", "ab1"]
    assert organisaties.berichttype(AFNEMER, BerichttypeCode("AB1")).omschrijving == GOED["omschrijving"]


@pytest.mark.parametrize(("lengte", "toegestaan"), [(40, True), (41, False)])
def test_the_omschrijving_has_at_most_40_characters(ingelogd, organisaties, lengte, toegestaan):
    bezoeker = ingelogd(AFNEMER)
    data = {**GOED, "omschrijving": "o" * lengte}
    if toegestaan:
        bezoeker.post("berichttypes.toevoegen", data)
        assert organisaties.berichttype(AFNEMER, BerichttypeCode("AB1")).omschrijving == "o" * 40
    else:
        pagina = bezoeker.post_pagina("berichttypes.toevoegen", data)
        assert "maximaal 40 tekens" in veldfout(pagina, "omschrijving")
        assert codes(bezoeker.get("berichttypes.index")) == []


def test_every_empty_field_is_named_at_once(ingelogd):
    pagina = ingelogd(AFNEMER).post_pagina("berichttypes.toevoegen", {"code": "", "omschrijving": " "})
    assert len(foutmeldingen(pagina)) == 3
    assert "Kies een notificatiekenmerk" in veldfout(pagina, "notificatiekenmerk")


def test_a_page_past_the_end_says_so(ingelogd, organisaties):
    maak(organisaties, "AB1")
    pagina = overzicht(ingelogd(AFNEMER), pagina=9)
    assert "Deze pagina bestaat niet" in tekst(pagina)
    assert codes(pagina) == []


def test_the_details_show_the_link_history_and_the_diensten_at_a_moment(ingelogd, organisaties, klok):
    door = actor_voor(AFNEMER)
    kenmerk = Notificatiekenmerk.BETALEN
    organisaties.maak_berichttype(AFNEMER, BerichttypeCode("AB1"), "Aanslag", kenmerk, door)
    organisaties.maak_dienst(AFNEMER, DienstId("Zorg"), "Zorg", door)
    organisaties.koppel(AFNEMER, DienstId("Zorg"), BerichttypeCode("AB1"), door)
    toen = klok.nu
    organisaties.ontkoppel(AFNEMER, DienstId("Zorg"), BerichttypeCode("AB1"), door)
    bezoeker = ingelogd(AFNEMER)
    lokaal = (toen + timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M:%S")
    pagina = bezoeker.get("berichttypes.details", code="AB1", op=lokaal)
    historie = pagina.find("section", attrs={"aria-labelledby": "koppelingen-titel"})
    assert [td.get_text(strip=True) for td in historie.select("tbody td")][::4] == ["Zorg"]
    assert "Ontkoppeld" in historie.get_text()
    antwoord = pagina.find("section", attrs={"aria-labelledby": "moment-titel"}).get_text(" ", strip=True)
    assert "gekoppeld aan: Zorg" in antwoord
