import pytest

from domain.profiel import MAX_BIJZONDERHEDEN, MAX_LIJST, MAX_TOELICHTING, Profiel
from tests.conftest import AFNEMER, ANDERE_AFNEMER, BEHEERDER, actor_voor
from tests.web.helpers import foutmeldingen, meldingen, veldfout

GOED = {
    "toelichting": "Gemeente Voorbeeldstad stuurt steeds meer post digitaal.",
    "lijst": "Aanslagbiljet en WOZ-beschikking",
    "bijzonderheden": "Onder curatele? Dan gaan uw berichten naar uw wettelijk vertegenwoordiger.",
}


def test_the_profiel_says_when_it_is_not_filled_in(ingelogd):
    pagina = ingelogd(AFNEMER).get("profiel.index")
    assert "nog geen profiel ingevuld" in pagina.get_text()


def test_the_profiel_is_changed_and_shown(ingelogd, organisaties):
    bezoeker = ingelogd(AFNEMER)
    pagina = bezoeker.volg(bezoeker.post("profiel.wijzigen", GOED))
    assert any("Het profiel is gewijzigd" in m for m in meldingen(pagina))
    assert GOED["lijst"] in pagina.find("dl").get_text()
    assert organisaties.organisatie(AFNEMER).profiel == Profiel(**GOED)


def test_the_change_records_the_afnemer_and_the_certificate(ingelogd, organisaties):
    ingelogd(AFNEMER).post("profiel.wijzigen", GOED)
    gebeurtenissen = list(organisaties.events.get(organisaties.organisatie(AFNEMER).id))
    actor = gebeurtenissen[-1].actor
    assert (actor.oin, actor.namens) == (AFNEMER, AFNEMER)
    assert actor.certificaat


def test_the_form_shows_the_current_profiel_and_the_limits(ingelogd, organisaties):
    organisaties.wijzig_profiel(AFNEMER, Profiel(**GOED), actor_voor(AFNEMER))
    pagina = ingelogd(AFNEMER).get("profiel.wijzigen")
    assert pagina.find("textarea", id="toelichting").get_text().strip() == GOED["toelichting"]
    assert pagina.find("input", id="lijst")["maxlength"] == str(MAX_LIJST)
    assert pagina.find("textarea", id="toelichting")["maxlength"] == str(MAX_TOELICHTING)
    assert pagina.find("textarea", id="bijzonderheden")["maxlength"] == str(MAX_BIJZONDERHEDEN)
    assert pagina.find("a", string="Annuleren")["href"].endswith("/profiel/")


@pytest.mark.parametrize(
    ("veld", "maximum"),
    [("toelichting", MAX_TOELICHTING), ("lijst", MAX_LIJST), ("bijzonderheden", MAX_BIJZONDERHEDEN)],
)
def test_each_field_keeps_its_limit(ingelogd, organisaties, veld, maximum):
    bezoeker = ingelogd(AFNEMER)
    bezoeker.post("profiel.wijzigen", {**GOED, veld: "a" * maximum})
    pagina = bezoeker.post_pagina("profiel.wijzigen", {**GOED, veld: "a" * (maximum + 1)})
    assert f"maximaal {maximum} tekens" in veldfout(pagina, veld)
    assert len(foutmeldingen(pagina)) == 1
    assert pagina.find(id=veld)["aria-invalid"] == "true"
    assert getattr(organisaties.organisatie(AFNEMER).profiel, veld) == "a" * maximum


@pytest.mark.parametrize("veld", ["toelichting", "bijzonderheden"])
@pytest.mark.parametrize(
    "link", ["https://voorbeeldstad.nl", "www.voorbeeldstad.nl", "kijk op voorbeeldstad.nl"]
)
def test_a_link_is_refused(ingelogd, organisaties, veld, link):
    pagina = ingelogd(AFNEMER).post_pagina("profiel.wijzigen", {**GOED, veld: link})
    assert "geen link bevatten" in veldfout(pagina, veld)
    assert organisaties.organisatie(AFNEMER).profiel is None


@pytest.mark.parametrize(
    ("veld", "melding"),
    [("toelichting", "Toelichting is verplicht."), ("bijzonderheden", "Bijzonderheden zijn verplicht.")],
)
def test_required_fields_are_required(ingelogd, veld, melding):
    pagina = ingelogd(AFNEMER).post_pagina("profiel.wijzigen", {**GOED, veld: "  "})
    assert veldfout(pagina, veld) == f"Fout: {melding}"
    assert foutmeldingen(pagina) == [veldfout(pagina, veld).removeprefix("Fout: ").strip()]


def test_lijst_may_be_empty(ingelogd, organisaties):
    ingelogd(AFNEMER).post("profiel.wijzigen", {**GOED, "lijst": ""})
    assert organisaties.organisatie(AFNEMER).profiel.lijst == ""


def test_an_afnemer_never_sees_or_changes_another_afnemers_profiel(ingelogd, organisaties):
    anders = Profiel("Profiel van Toeslagen", "Toeslagen", "Geen bijzonderheden")
    organisaties.wijzig_profiel(ANDERE_AFNEMER, anders, actor_voor(ANDERE_AFNEMER))
    bezoeker = ingelogd(AFNEMER)
    assert "Profiel van Toeslagen" not in bezoeker.get("profiel.index").get_text()
    bezoeker.post("profiel.wijzigen", GOED)
    assert organisaties.organisatie(ANDERE_AFNEMER).profiel == anders


def test_the_beheerder_has_no_profiel_tab(ingelogd):
    bezoeker = ingelogd(BEHEERDER)
    bezoeker.get("profiel.index", status=403)
    bezoeker.post("profiel.wijzigen", GOED, status=403)


@pytest.mark.parametrize("veld", ["toelichting", "lijst", "bijzonderheden"])
@pytest.mark.parametrize("opmaak", ["<a href='x'>hier</a>", "Zorg&nbsp;nu", "<b>Let op</b>"])
def test_markup_is_refused_next_to_the_field(ingelogd, organisaties, veld, opmaak):
    pagina = ingelogd(AFNEMER).post_pagina("profiel.wijzigen", {**GOED, veld: opmaak})
    assert "geen opmaakcode bevatten" in veldfout(pagina, veld)
    assert len(foutmeldingen(pagina)) == 1
    assert organisaties.organisatie(AFNEMER).profiel is None


def test_an_email_address_is_refused_as_a_link(ingelogd, organisaties):
    gegevens = {**GOED, "bijzonderheden": "Mail info@gemeente.nl"}
    pagina = ingelogd(AFNEMER).post_pagina("profiel.wijzigen", gegevens)
    assert veldfout(pagina, "bijzonderheden").startswith("Fout: De bijzonderheden mogen geen link bevatten")
    assert organisaties.organisatie(AFNEMER).profiel is None


def _voorbeeld(pagina) -> list[str]:
    kader = pagina.select_one(".voorbeeld__kader")
    return [e.get_text(" ", strip=True) for e in kader.find_all(["h3", "h4", "p"])] if kader else []


def test_the_profiel_page_shows_how_a_citizen_sees_it(ingelogd, organisaties):
    organisaties.wijzig_profiel(AFNEMER, Profiel(**GOED), actor_voor(AFNEMER))
    pagina = ingelogd(AFNEMER).get("profiel.index")
    titel = pagina.find(id="voorbeeld-titel").get_text()
    assert titel == "Voorbeeld: zo ziet een burger uw profiel op MijnOverheid"
    assert _voorbeeld(pagina) == [
        "Gemeente Voorbeeldstad",
        GOED["toelichting"],
        "Berichten die u kunt verwachten",
        GOED["lijst"],
        "Bijzonderheden",
        GOED["bijzonderheden"],
    ]


def test_voorbeeld_bekijken_shows_the_entered_text_and_saves_nothing(ingelogd, organisaties):
    nieuw = {**GOED, "lijst": "", "voorbeeld": "ja"}
    pagina = ingelogd(AFNEMER).post_pagina("profiel.wijzigen", nieuw)
    assert _voorbeeld(pagina) == [
        "Gemeente Voorbeeldstad",
        GOED["toelichting"],
        "Bijzonderheden",
        GOED["bijzonderheden"],
    ]
    assert "Nog niet opgeslagen" in pagina.select_one("main .melding--waarschuwing").get_text()
    assert pagina.find("textarea", id="toelichting").get_text().strip() == GOED["toelichting"]
    assert organisaties.organisatie(AFNEMER).profiel is None


def test_voorbeeld_bekijken_of_a_refused_text_shows_the_refusal_and_no_preview(ingelogd):
    nieuw = {**GOED, "toelichting": "Zie <a href='x'>hier</a>", "voorbeeld": "ja"}
    pagina = ingelogd(AFNEMER).post_pagina("profiel.wijzigen", nieuw)
    assert "geen opmaakcode bevatten" in veldfout(pagina, "toelichting")
    assert pagina.select_one(".voorbeeld") is None
