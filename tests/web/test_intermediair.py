"""The intermediair's switch (manual chapter 3): only afnemers it serves now, checked on every request."""

from domain.profiel import Profiel
from tests.conftest import AFNEMER, ANDERE_AFNEMER, BEHEERDER, INTERMEDIAIR, actor_voor
from tests.web.conftest import DERDE_AFNEMER
from tests.web.test_profiel import GOED


def _wisselknoppen(pagina) -> dict[str, str]:
    formulier = pagina.find("form", class_="wissel__formulier")
    return {knop.get_text(strip=True): knop["value"] for knop in formulier.find_all("button")}


def test_the_intermediair_sees_its_account_left_of_the_chosen_afnemer(ingelogd):
    pagina = ingelogd(INTERMEDIAIR).get("home.index")
    account = pagina.find(class_="kop__account").get_text(" ", strip=True)
    assert account.index("Berichtenleverancier Test BV") < account.index("namens Gemeente Voorbeeldstad")


def test_the_switch_offers_only_the_afnemers_it_serves(ingelogd):
    pagina = ingelogd(INTERMEDIAIR).get("home.index")
    assert _wisselknoppen(pagina) == {"Dienst Toeslagen Test": ANDERE_AFNEMER.waarde}
    assert (
        pagina.find(class_="wissel__gekozen").get_text(" ", strip=True).startswith("Gemeente Voorbeeldstad")
    )


def test_switching_changes_the_afnemer_the_pages_show(ingelogd):
    bezoeker = ingelogd(INTERMEDIAIR)
    pagina = bezoeker.volg(bezoeker.post("home.wissel_afnemer", {"afnemer": ANDERE_AFNEMER.waarde}))
    assert "namens Dienst Toeslagen Test" in pagina.find(class_="kop__account").get_text(" ", strip=True)
    assert bezoeker.get("profiel.index").h1.get_text(strip=True) == "Profiel van Dienst Toeslagen Test"


def test_switching_to_an_afnemer_it_does_not_serve_is_refused(ingelogd):
    bezoeker = ingelogd(INTERMEDIAIR)
    bezoeker.post("home.wissel_afnemer", {"afnemer": DERDE_AFNEMER.waarde}, status=403)
    bezoeker.post("home.wissel_afnemer", {"afnemer": "geen-oin"}, status=403)
    assert bezoeker.get("profiel.index").h1.get_text(strip=True) == "Profiel van Gemeente Voorbeeldstad"


def test_only_an_intermediair_can_switch(ingelogd):
    ingelogd(AFNEMER).post("home.wissel_afnemer", {"afnemer": ANDERE_AFNEMER.waarde}, status=403)


def test_a_command_records_the_intermediair_acting_for_the_afnemer(ingelogd, organisaties):
    bezoeker = ingelogd(INTERMEDIAIR)
    bezoeker.post("home.wissel_afnemer", {"afnemer": ANDERE_AFNEMER.waarde})
    bezoeker.post("profiel.wijzigen", GOED)
    laatste = list(organisaties.events.get(organisaties.organisatie(ANDERE_AFNEMER).id))[-1]
    assert (laatste.actor.oin, laatste.actor.namens) == (INTERMEDIAIR, ANDERE_AFNEMER)
    assert organisaties.organisatie(AFNEMER).profiel is None


def test_an_ended_relation_takes_effect_at_the_next_request(ingelogd, organisaties):
    bezoeker = ingelogd(INTERMEDIAIR)
    organisaties.stop_bedienen(INTERMEDIAIR, AFNEMER, actor_voor(BEHEERDER))
    antwoord = bezoeker.post("profiel.wijzigen", GOED)
    assert antwoord.location.endswith(bezoeker.url("home.index"))
    pagina = bezoeker.volg(antwoord)
    assert "Kies eerst rechtsboven de afnemer" in pagina.get_text()
    assert organisaties.organisatie(AFNEMER).profiel is None
    assert _wisselknoppen(pagina) == {"Dienst Toeslagen Test": ANDERE_AFNEMER.waarde}


def test_an_intermediair_serving_nobody_reaches_no_afnemer_pages(ingelogd, organisaties):
    organisaties.stop_bedienen(INTERMEDIAIR, AFNEMER, actor_voor(BEHEERDER))
    organisaties.stop_bedienen(INTERMEDIAIR, ANDERE_AFNEMER, actor_voor(BEHEERDER))
    bezoeker = ingelogd(INTERMEDIAIR)
    assert "u bedient op dit moment geen afnemer" in bezoeker.get("home.index").get_text()
    bezoeker.get("profiel.index", status=302)


def test_an_intermediair_never_changes_an_afnemer_it_does_not_serve(ingelogd, organisaties):
    bezoeker = ingelogd(INTERMEDIAIR)
    with bezoeker.client.session_transaction() as sessie:
        sessie["afnemer"] = DERDE_AFNEMER.waarde  # a forged or stale choice
    bezoeker.post("profiel.wijzigen", GOED)
    assert organisaties.organisatie(DERDE_AFNEMER).profiel is None
    assert organisaties.organisatie(AFNEMER).profiel is None


def test_a_profiel_shown_to_the_intermediair_is_the_chosen_afnemers(ingelogd, organisaties):
    organisaties.wijzig_profiel(DERDE_AFNEMER, Profiel("Derde", "", "Geen"), actor_voor(DERDE_AFNEMER))
    assert "Derde" not in ingelogd(INTERMEDIAIR).get("profiel.index").find("main").get_text()
