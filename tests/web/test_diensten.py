"""The Diensten tab (manual chapter 6): every page and form, the normal path and each refusal."""

from datetime import timedelta

import pytest

from domain.waarden import MAX_DIENST_ID, BerichttypeCode, DienstId, Notificatiekenmerk
from tests.conftest import AFNEMER, actor_voor
from tests.web.diensten_hulp import gekoppeld, maak_berichttypes, maak_dienst, sleutel
from tests.web.helpers import controleer_pagina, foutmeldingen, meldingen, tekst, veldfout

OMSCHRIJVING = "Toeslagen voor huur en zorg"


@pytest.fixture
def afnemer(ingelogd, organisaties):
    maak_berichttypes(organisaties, AFNEMER)
    bezoeker = ingelogd(AFNEMER)
    bezoeker.get("home.index")  # shows (and so clears) the login message
    return bezoeker


def _rijen(pagina, caption: str | None = None):
    tabel = pagina.find("table") if caption is None else pagina.find("caption", string=caption).parent
    return [[td.get_text(" ", strip=True) for td in tr.find_all("td")] for tr in tabel.tbody.find_all("tr")]


def _dienst_id_op(pagina) -> str:
    """The Dienst ID as the page shows it, without trimming: spaces are part of it."""
    return pagina.select_one("dd .dienst-id").get_text()


# -- overzicht ---------------------------------------------------------------------------------------------


def test_the_overzicht_lists_diensten_with_status_and_linked_berichttypes(afnemer, organisaties):
    maak_dienst(organisaties, AFNEMER, "Toeslagen", koppel=("AANSLAG", "WOZ"))
    maak_dienst(organisaties, AFNEMER, "Zorg")
    assert _rijen(afnemer.get("diensten.index")) == [
        ["Toeslagen", "Omschrijving van Toeslagen", "Actief", "AANSLAG, WOZ"],
        ["Zorg", "Omschrijving van Zorg", "Actief", "Geen"],
    ]


def test_an_inactive_dienst_shows_its_deactivation_date_in_the_overzicht(afnemer, organisaties):
    maak_dienst(organisaties, AFNEMER, "Toeslagen", koppel=("AANSLAG",))
    afnemer.post("diensten.status", {"status": "Inactief"}, dienst_sleutel=sleutel(AFNEMER, "Toeslagen"))
    [rij] = _rijen(afnemer.get("diensten.index"))
    assert rij[2].startswith("Inactief gedeactiveerd op 5-1-2026 ")
    assert rij[3] == "Geen"


def test_the_overzicht_without_diensten_says_so(afnemer):
    assert "Er zijn nog geen diensten." in tekst(afnemer.get("diensten.index"))


def test_the_overzicht_is_paged(afnemer, organisaties):
    for n in range(55):
        organisaties.maak_dienst(AFNEMER, DienstId(f"D{n:02}"), "x", actor_voor(AFNEMER))
    eerste = afnemer.get("diensten.index")
    assert len(_rijen(eerste)) == 50
    assert "Pagina 1 van 2 (55 in totaal)" in tekst(eerste)
    assert [r[0] for r in _rijen(afnemer.get("diensten.index", pagina=2))] == [f"D{n}" for n in range(50, 55)]


# -- toevoegen ---------------------------------------------------------------------------------------------


def test_the_add_form_warns_that_the_dienst_id_must_match_digid_machtigen_exactly(afnemer):
    hint = afnemer.get("diensten.toevoegen").find(id="dienst_id-hint").get_text(" ", strip=True)
    assert "exact overeenkomen" in hint and "DigiD Machtigen" in hint
    assert "hoofdletter- en spatiegevoelig" in hint


def test_a_dienst_is_added_and_active_at_once(afnemer, organisaties):
    pagina = afnemer.volg(afnemer.post("diensten.toevoegen", {"dienst_id": "Toeslagen", "omschrijving": "T"}))
    assert meldingen(pagina) == ["Gelukt: De dienst 'Toeslagen' is toegevoegd en is direct actief."]
    dienst = organisaties.dienst(AFNEMER, DienstId("Toeslagen"))
    assert (dienst.omschrijving, dienst.actief) == ("T", True)


@pytest.mark.parametrize("waarde", ["  Toeslagen  ", "TOESLAGEN", "Zorg/Wmo 2026", "Zorg?x=1#a", "één 🙂 ß"])
def test_the_dienst_id_is_kept_exactly_as_typed(afnemer, organisaties, waarde):
    afnemer.post("diensten.toevoegen", {"dienst_id": waarde, "omschrijving": OMSCHRIJVING})
    assert organisaties.dienst(AFNEMER, DienstId(waarde)).dienst_id == DienstId(waarde)
    assert _dienst_id_op(afnemer.get("diensten.details", dienst_sleutel=sleutel(AFNEMER, waarde))) == waarde


@pytest.mark.parametrize(
    ("lengte", "melding"),
    [(MAX_DIENST_ID, None), (MAX_DIENST_ID + 1, "De Dienst ID bestaat uit 1 tot en met 40 posities.")],
)
def test_the_dienst_id_has_at_most_40_positions(afnemer, organisaties, lengte, melding):
    waarde = "D" * (lengte - 1) + " "
    if melding is None:
        afnemer.post("diensten.toevoegen", {"dienst_id": waarde, "omschrijving": OMSCHRIJVING})
        assert organisaties.dienst(AFNEMER, DienstId(waarde)).omschrijving == OMSCHRIJVING
        return
    pagina = afnemer.post_pagina("diensten.toevoegen", {"dienst_id": waarde, "omschrijving": OMSCHRIJVING})
    assert foutmeldingen(pagina) == [melding]
    assert melding in veldfout(pagina, "dienst_id")
    assert "Er zijn nog geen diensten." in tekst(afnemer.get("diensten.index"))


@pytest.mark.parametrize(
    ("gegevens", "veld", "melding"),
    [
        ({"dienst_id": ""}, "dienst_id", "De Dienst ID is verplicht."),
        (
            {"dienst_id": "Toe\tslagen"},
            "dienst_id",
            "De Dienst ID mag geen regeleinden, tabs of andere stuurtekens bevatten.",
        ),
        ({"omschrijving": ""}, "omschrijving", "Omschrijving is verplicht."),
        ({"omschrijving": "   "}, "omschrijving", "Omschrijving is verplicht."),
        (
            {"omschrijving": "x" * 256},
            "omschrijving",
            "De omschrijving mag maximaal 255 tekens hebben (nu 256).",
        ),
    ],
)
def test_an_addition_is_refused_with_the_reason_at_the_field(afnemer, gegevens, veld, melding):
    pagina = afnemer.post_pagina("diensten.toevoegen", {"dienst_id": "Zorg", "omschrijving": "Z", **gegevens})
    assert foutmeldingen(pagina) == [melding]
    assert melding in veldfout(pagina, veld)
    assert "Er zijn nog geen diensten." in tekst(afnemer.get("diensten.index"))


def test_an_omschrijving_of_255_characters_is_accepted(afnemer, organisaties):
    afnemer.post("diensten.toevoegen", {"dienst_id": "Zorg", "omschrijving": "x" * 255})
    assert organisaties.dienst(AFNEMER, DienstId("Zorg")).omschrijving == "x" * 255


def test_an_existing_dienst_id_is_refused(afnemer, organisaties):
    maak_dienst(organisaties, AFNEMER, "Toeslagen")
    pagina = afnemer.post_pagina("diensten.toevoegen", {"dienst_id": "Toeslagen", "omschrijving": "Nog een"})
    assert veldfout(pagina, "dienst_id") == "Fout: De Dienst ID 'Toeslagen' bestaat al bij deze afnemer."
    assert organisaties.dienst(AFNEMER, DienstId("Toeslagen")).omschrijving == "Omschrijving van Toeslagen"


def test_case_and_spaces_make_three_diensten_each_with_its_own_details_page(afnemer, organisaties):
    waarden = ["Toeslagen", "toeslagen", "Toeslagen "]
    for waarde in waarden:
        # Near-duplicates are added after the confirmation (tests/web/test_diensten_invoer.py).
        gegevens = {"dienst_id": waarde, "omschrijving": f"[{waarde}]", "bevestigd": waarde}
        afnemer.post("diensten.toevoegen", gegevens)
    links = afnemer.get("diensten.index").select("td a.dienst-id")
    assert sorted(a.get_text() for a in links) == sorted(waarden)
    assert len({a["href"] for a in links}) == 3
    for a in links:
        pagina = controleer_pagina(afnemer.client.get(a["href"]))
        assert _dienst_id_op(pagina) == a.get_text()
        assert pagina.find("dt", string="Omschrijving").find_next("dd").get_text() == f"[{a.get_text()}]"


# -- details and wijzigen ----------------------------------------------------------------------------------


def test_the_details_show_the_linked_berichttypes_with_their_omschrijving(afnemer, organisaties):
    s = maak_dienst(organisaties, AFNEMER, "Toeslagen", koppel=("WOZ",))
    pagina = afnemer.get("diensten.details", dienst_sleutel=s)
    assert pagina.h1.get_text() == "Diensten details"
    assert _rijen(pagina, "Berichttypes die nu aan deze dienst gekoppeld zijn") == [
        ["WOZ", "Omschrijving WOZ", "Actief"]
    ]


def test_only_the_omschrijving_is_changed_and_the_dienst_id_is_read_only(afnemer, organisaties):
    s = maak_dienst(organisaties, AFNEMER, "Toeslagen")
    pagina = afnemer.get("diensten.wijzigen", dienst_sleutel=s)
    assert _dienst_id_op(pagina) == "Toeslagen"
    assert pagina.find(attrs={"name": "dienst_id"}) is None
    antwoord = afnemer.post(
        "diensten.wijzigen", {"omschrijving": "Nieuw", "dienst_id": "Anders"}, dienst_sleutel=s
    )
    assert meldingen(afnemer.volg(antwoord)) == ["Gelukt: De omschrijving van de dienst is gewijzigd."]
    assert organisaties.dienst(AFNEMER, DienstId("Toeslagen")).omschrijving == "Nieuw"
    assert "Er is al een" not in tekst(afnemer.get("diensten.index"))
    assert [r[0] for r in _rijen(afnemer.get("diensten.index"))] == ["Toeslagen"]


@pytest.mark.parametrize(
    ("omschrijving", "melding"),
    [
        ("", "Omschrijving is verplicht."),
        ("y" * 256, "De omschrijving mag maximaal 255 tekens hebben (nu 256)."),
    ],
)
def test_a_change_is_refused_at_the_field(afnemer, organisaties, omschrijving, melding):
    s = maak_dienst(organisaties, AFNEMER, "Toeslagen")
    pagina = afnemer.post_pagina("diensten.wijzigen", {"omschrijving": omschrijving}, dienst_sleutel=s)
    assert melding in veldfout(pagina, "omschrijving")
    assert organisaties.dienst(AFNEMER, DienstId("Toeslagen")).omschrijving == "Omschrijving van Toeslagen"


# -- status: deactiveren and activeren -----------------------------------------------------------------------


def test_deactivation_asks_for_confirmation_with_the_manuals_warning(afnemer, organisaties):
    s = maak_dienst(organisaties, AFNEMER, "Toeslagen", koppel=("AANSLAG",))
    link = afnemer.get("diensten.wijzigen", dienst_sleutel=s).find("a", string="Status: Inactief")
    assert link["href"] == afnemer.url("diensten.status", dienst_sleutel=s)
    pagina = afnemer.get("diensten.status", dienst_sleutel=s)
    waarschuwing = pagina.select_one(".waarschuwing").get_text(" ", strip=True)
    assert "alle koppelingen met berichttypes een einddatum" in waarschuwing
    assert "ook niet de berichten die al eerder zijn afgeleverd" in waarschuwing
    assert organisaties.dienst(AFNEMER, DienstId("Toeslagen")).actief, "alleen bekijken verandert niets"


def test_deactivation_ends_every_link_and_the_history_shows_the_einddatum(afnemer, organisaties):
    s = maak_dienst(organisaties, AFNEMER, "Toeslagen", koppel=("AANSLAG", "WOZ"))
    antwoord = afnemer.post("diensten.status", {"status": "Inactief"}, dienst_sleutel=s)
    pagina = afnemer.volg(antwoord)
    assert meldingen(pagina) == ["Gelukt: De dienst is gedeactiveerd."]
    assert not organisaties.dienst(AFNEMER, DienstId("Toeslagen")).actief
    historie = _rijen(pagina, "Elke koppeling met begindatum, einddatum en hoe deze eindigde")
    # Newest first; links made at the same moment come in reverse code order.
    assert [(r[0], r[3]) for r in historie] == [
        ("WOZ", "Dienst gedeactiveerd"),
        ("AANSLAG", "Dienst gedeactiveerd"),
    ]
    assert all(r[2].startswith("5-1-2026 ") for r in historie)
    assert "Er zijn geen berichttypes aan deze dienst gekoppeld." in tekst(pagina)


def test_reactivation_warns_that_links_must_be_made_again_and_restores_none(afnemer, organisaties):
    s = maak_dienst(organisaties, AFNEMER, "Toeslagen", koppel=("AANSLAG",))
    afnemer.post("diensten.status", {"status": "Inactief"}, dienst_sleutel=s)
    assert afnemer.get("diensten.wijzigen", dienst_sleutel=s).find("a", string="Status: Actief")
    pagina = afnemer.get("diensten.status", dienst_sleutel=s)
    assert pagina.h1.get_text() == "Dienst activeren"
    assert "opnieuw koppelen aan één of meer berichttypes" in pagina.select_one(".waarschuwing").get_text()
    vervolg = afnemer.volg(afnemer.post("diensten.status", {"status": "Actief"}, dienst_sleutel=s))
    assert meldingen(vervolg) == ["Gelukt: De dienst is weer actief."]
    assert organisaties.dienst(AFNEMER, DienstId("Toeslagen")).actief
    assert gekoppeld(organisaties, AFNEMER, "Toeslagen") == set()


@pytest.mark.parametrize(
    ("status", "melding"),
    [("Inactief", "Deze dienst is al inactief."), ("Kapot", "Kies de status Actief of Inactief.")],
)
def test_a_stale_or_forged_status_confirmation_is_refused(afnemer, organisaties, status, melding):
    s = maak_dienst(organisaties, AFNEMER, "Toeslagen")
    afnemer.post("diensten.status", {"status": "Inactief"}, dienst_sleutel=s)
    pagina = afnemer.post_pagina("diensten.status", {"status": status}, dienst_sleutel=s)
    assert foutmeldingen(pagina) == [melding]
    assert not organisaties.dienst(AFNEMER, DienstId("Toeslagen")).actief


# -- (ont)koppelen -----------------------------------------------------------------------------------------


def test_the_koppelen_screen_offers_koppelen_ontkoppelen_per_row_and_no_archived_ones(afnemer, organisaties):
    s = maak_dienst(organisaties, AFNEMER, "Toeslagen", koppel=("WOZ",))
    pagina = afnemer.get("diensten.koppelen", dienst_sleutel=s)
    assert "onterecht inzage" in pagina.select_one(".waarschuwing").get_text()
    keuzes = {rij.td.get_text(): rij.find_all("td")[-1] for rij in pagina.select("tbody tr")}
    assert keuzes["AANSLAG"].input["name"] == "koppelen"
    assert keuzes["NIEUW"].input["name"] == "koppelen"
    assert keuzes["WOZ"].input["name"] == "ontkoppelen"
    assert keuzes["OUD"].input is None
    assert "Gearchiveerd" in keuzes["OUD"].get_text()
    assert pagina.find("button", string="Toepassen")


def test_toepassen_applies_every_choice_at_once(afnemer, organisaties):
    s = maak_dienst(organisaties, AFNEMER, "Toeslagen", koppel=("WOZ",))
    versie = organisaties.dienst(AFNEMER, DienstId("Toeslagen")).version
    antwoord = afnemer.post(
        "diensten.koppelen", {"koppelen": ["AANSLAG", "NIEUW"], "ontkoppelen": ["WOZ"]}, dienst_sleutel=s
    )
    pagina = afnemer.volg(antwoord)
    assert meldingen(pagina) == ["Gelukt: De koppelingen zijn toegepast."]
    assert gekoppeld(organisaties, AFNEMER, "Toeslagen") == {"AANSLAG", "NIEUW"}
    assert organisaties.dienst(AFNEMER, DienstId("Toeslagen")).version == versie + 3
    historie = _rijen(pagina, "Elke koppeling met begindatum, einddatum en hoe deze eindigde")
    assert [(r[0], r[3]) for r in historie] == [
        ("NIEUW", "Loopt nog"),
        ("AANSLAG", "Loopt nog"),
        ("WOZ", "Ontkoppeld"),
    ]


def test_toepassen_writes_one_event_batch(afnemer, organisaties):
    s = maak_dienst(organisaties, AFNEMER, "Toeslagen")
    voor = organisaties.recorder.max_notification_id() or 0
    afnemer.post("diensten.koppelen", {"koppelen": ["AANSLAG", "WOZ"]}, dienst_sleutel=s)
    nieuw = organisaties.recorder.select_notifications(voor + 1, 10)
    assert [n.topic.rsplit(".", 1)[-1] for n in nieuw] == ["Linked", "Linked"]
    assert nieuw[1].id == nieuw[0].id + 1


@pytest.mark.parametrize(
    ("keuzes", "melding"),
    [
        ({"koppelen": ["AANSLAG", "OUD"]}, "Berichttype OUD is gearchiveerd en kan niet worden gekoppeld."),
        ({"koppelen": ["AANSLAG", "ONBEKEND"]}, "Berichttype ONBEKEND bestaat niet bij deze afnemer."),
        (
            {"koppelen": ["AANSLAG"], "ontkoppelen": ["NIEUW"]},
            "Berichttype NIEUW is niet aan deze dienst gekoppeld.",
        ),
        ({"koppelen": ["AANSLAG", "WOZ"]}, "Berichttype WOZ is al aan deze dienst gekoppeld."),
        (
            {"koppelen": ["AANSLAG", "a b"]},
            "De code bestaat uit 1 tot en met 8 letters of cijfers (zonder spaties of leestekens).",
        ),
        ({}, "Kies ten minste één berichttype om te koppelen of te ontkoppelen."),
        (
            {"koppelen": ["WOZ"], "ontkoppelen": ["WOZ"]},
            "Kies per berichttype koppelen of ontkoppelen, niet allebei.",
        ),
    ],
)
def test_a_refused_toepassen_changes_nothing(afnemer, organisaties, keuzes, melding):
    s = maak_dienst(organisaties, AFNEMER, "Toeslagen", koppel=("WOZ",))
    pagina = afnemer.post_pagina("diensten.koppelen", keuzes, dienst_sleutel=s)
    assert foutmeldingen(pagina) == [melding]
    assert gekoppeld(organisaties, AFNEMER, "Toeslagen") == {"WOZ"}


def test_nothing_is_linked_to_an_inactive_dienst(afnemer, organisaties):
    s = maak_dienst(organisaties, AFNEMER, "Toeslagen")
    afnemer.post("diensten.status", {"status": "Inactief"}, dienst_sleutel=s)
    scherm = afnemer.get("diensten.koppelen", dienst_sleutel=s)
    assert not scherm.select('input[name="koppelen"]')
    pagina = afnemer.post_pagina("diensten.koppelen", {"koppelen": ["AANSLAG"]}, dienst_sleutel=s)
    assert foutmeldingen(pagina) == ["Aan een inactieve dienst kunnen geen berichttypes worden gekoppeld."]
    assert gekoppeld(organisaties, AFNEMER, "Toeslagen") == set()


def test_the_koppelen_screen_filters_on_code(afnemer, organisaties):
    s = maak_dienst(organisaties, AFNEMER, "Toeslagen")
    pagina = afnemer.get("diensten.koppelen", dienst_sleutel=s, code="wo")
    assert [r.td.get_text() for r in pagina.select("tbody tr")] == ["WOZ"]


def test_the_details_answer_which_berichttypes_were_linked_at_a_dutch_moment(afnemer, organisaties, klok):
    s = maak_dienst(organisaties, AFNEMER, "Toeslagen", koppel=("AANSLAG", "WOZ"))
    toen = klok.nu
    organisaties.ontkoppel(AFNEMER, DienstId("Toeslagen"), BerichttypeCode("WOZ"), actor_voor(AFNEMER))
    # The form asks in Dutch local time (CET in January): 10:00 there is 09:00 UTC.
    lokaal = (toen + timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M:%S")
    pagina = afnemer.get("diensten.details", dienst_sleutel=s, op=lokaal)
    antwoord = pagina.find("section", attrs={"aria-labelledby": "moment-titel"}).get_text(" ", strip=True)
    assert "gekoppeld: AANSLAG , WOZ" in antwoord
    pagina = afnemer.get("diensten.details", dienst_sleutel=s)
    assert "gekoppeld:" not in pagina.find("section", attrs={"aria-labelledby": "moment-titel"}).get_text()


@pytest.mark.parametrize(
    "op", ["gisteren", "99999-01-01T00:00", "1900-01-01T00:00", "2026-13-01T00:00", "\x00"]
)
def test_an_impossible_moment_gets_a_dutch_message_not_an_error(afnemer, organisaties, op):
    s = maak_dienst(organisaties, AFNEMER, "Toeslagen", koppel=("AANSLAG",))
    pagina = afnemer.get("diensten.details", dienst_sleutel=s, op=op)
    fout = pagina.select_one("#op-fout").get_text(" ", strip=True)
    assert "datum en tijd" in fout.lower() or "Kies een moment tussen 2000 en 2100" in fout


def _verstuur(pagina, knop: dict[str, str], aanvinken: tuple[str, ...] = ()) -> dict[str, list[str]]:
    """What a browser sends for the koppelen form: its hidden fields, the ticked boxes (those already
    ticked plus `aanvinken`), the search field, and the one button pressed."""
    formulier = pagina.select_one("form.formulier")
    velden: dict[str, list[str]] = {}
    for invoer in formulier.select("input"):
        soort, naam = invoer.get("type"), invoer.get("name")
        if soort == "checkbox" and not (invoer.has_attr("checked") or invoer["value"] in aanvinken):
            continue
        velden.setdefault(naam, []).append(invoer.get("value", ""))
    for naam, waarde in knop.items():
        velden.setdefault(naam, []).append(waarde)
    return velden


def test_koppelen_keeps_choices_made_on_other_pages_until_one_toepassen(afnemer, organisaties):
    door = actor_voor(AFNEMER)
    codes = [f"B{n:03d}" for n in range(1, 61)]  # 60 berichttypes: two pages of 50
    for code in codes:
        organisaties.maak_berichttype(AFNEMER, BerichttypeCode(code), "x", Notificatiekenmerk.BETALEN, door)
    s = maak_dienst(organisaties, AFNEMER, "Toeslagen")
    eerste = afnemer.get("diensten.koppelen", dienst_sleutel=s)
    tweede = afnemer.post_pagina(
        "diensten.koppelen", _verstuur(eerste, {"naar_pagina": "2"}, ("B001", "B002")), dienst_sleutel=s
    )
    assert "B001, B002" in tweede.select_one("#gekozen").get_text(" ", strip=True)
    terug = afnemer.post_pagina(
        "diensten.koppelen", _verstuur(tweede, {"naar_pagina": "1"}, ("B055",)), dienst_sleutel=s
    )
    # Back on page 1 the earlier ticks are still ticked; untick B002 there.
    aangevinkt = {i["value"] for i in terug.select('input[name="koppelen"][checked]')}
    assert {"B001", "B002"} <= aangevinkt
    terug.select_one('input[value="B002"]').attrs.pop("checked")
    afnemer.post("diensten.koppelen", _verstuur(terug, {}), dienst_sleutel=s)
    assert gekoppeld(organisaties, AFNEMER, "Toeslagen") == {"B001", "B055"}


def test_searching_on_the_koppelen_screen_keeps_the_choices(afnemer, organisaties):
    s = maak_dienst(organisaties, AFNEMER, "Toeslagen")
    pagina = afnemer.get("diensten.koppelen", dienst_sleutel=s)
    gezocht = afnemer.post_pagina(
        "diensten.koppelen", {**_verstuur(pagina, {"zoeken": "Zoeken"}, ("NIEUW",)), "code": ["WO"]},
        dienst_sleutel=s,
    )
    assert [r.td.get_text() for r in gezocht.select("table.tabel tbody tr")] == ["WOZ"]
    afnemer.post("diensten.koppelen", _verstuur(gezocht, {}), dienst_sleutel=s)
    assert gekoppeld(organisaties, AFNEMER, "Toeslagen") == {"NIEUW"}


def test_the_link_history_of_a_busy_dienst_is_paged_newest_first(afnemer, organisaties):
    s = maak_dienst(organisaties, AFNEMER, "Toeslagen")
    door = actor_voor(AFNEMER)
    for _ in range(30):  # 60 intervals: two pages of 50
        for code in ("AANSLAG", "WOZ"):
            organisaties.koppel(AFNEMER, DienstId("Toeslagen"), BerichttypeCode(code), door)
            organisaties.ontkoppel(AFNEMER, DienstId("Toeslagen"), BerichttypeCode(code), door)
    eerste = afnemer.get("diensten.details", dienst_sleutel=s)
    assert len(_rijen(eerste, "Elke koppeling met begindatum, einddatum en hoe deze eindigde")) == 50
    oudere = eerste.select_one('nav[aria-label="Pagina’s van de historie"] a')
    assert oudere.get_text(" ", strip=True).startswith("Oudere")
    tweede = afnemer.get("diensten.details", dienst_sleutel=s, historie=2)
    assert len(_rijen(tweede, "Elke koppeling met begindatum, einddatum en hoe deze eindigde")) == 10
