import pytest

from domain.waarden import Notificatiekenmerk, Oin, Rol
from projections import queries
from tests.conftest import AFNEMER, ANDERE_AFNEMER, BEHEERDER, INTERMEDIAIR, actor_voor
from tests.web.conftest import DERDE_AFNEMER
from tests.web.helpers import foutmeldingen, meldingen, veldfout


def geregistreerd(portaal):
    portaal.bijwerken()
    return queries.organisaties(portaal)


def actieve_mededelingen(portaal):
    portaal.bijwerken()
    return queries.mededelingen(portaal)

NIEUW = Oin("00000099000000000104")
REGISTRATIE = {"oin": NIEUW.waarde, "naam": "Provincie Proefland", "rol": "afnemer", "kenmerken": ["Betalen"]}


@pytest.fixture
def beheerder(ingelogd):
    return ingelogd(BEHEERDER)


def test_the_overview_lists_the_organisaties(beheerder):
    rijen = beheerder.get("beheer.index").select("table.tabel tbody tr")
    assert [r.td.get_text(strip=True) for r in rijen] == [
        "Berichtenleverancier Test BV", "Dienst Toeslagen Test", "Gemeente Voorbeeldstad", "Logius Beheer",
        "Waterschap Testland",
    ]  # fmt: skip


def test_an_organisatie_is_registered(beheerder, organisaties):
    pagina = beheerder.volg(beheerder.post("beheer.organisatie_registreren", REGISTRATIE))
    assert "Provincie Proefland is geregistreerd." in " ".join(meldingen(pagina))
    organisatie = organisaties.organisatie(NIEUW)
    assert (organisatie.naam, organisatie.rol) == ("Provincie Proefland", Rol.AFNEMER)
    assert list(organisatie.kenmerken) == [Notificatiekenmerk.BETALEN]


def test_the_registration_form_labels_every_checkbox(beheerder):
    pagina = beheerder.get("beheer.organisatie_registreren")
    assert len(pagina.select('input[type="checkbox"]')) == len(Notificatiekenmerk)
    assert pagina.select_one("fieldset legend").get_text(" ", strip=True).startswith("Toegestane")


@pytest.mark.parametrize(
    ("wijziging", "veld", "melding"),
    [
        ({"oin": "123"}, "oin", "Een OIN bestaat uit precies 20 cijfers."),
        ({"oin": AFNEMER.waarde}, "oin", f"Er is al een organisatie met OIN {AFNEMER}."),
        ({"naam": "x" * 101}, "naam", "De naam mag maximaal 100 tekens hebben (nu 101)."),
        ({"rol": "koning"}, "rol", "Kies een rol: afnemer, intermediair, beheerder of MijnOverheid."),
        ({"rol": ""}, "rol", "Kies een rol."),
        ({"kenmerken": []}, "kenmerken", "Kies ten minste één notificatiekenmerk."),
        ({"kenmerken": ["Vals"]}, "kenmerken", "Kies een van de notificatiekenmerken uit de lijst."),
    ],
)
def test_a_registration_is_refused_with_the_reason_at_the_field(
    beheerder, organisaties, wijziging, veld, melding
):
    pagina = beheerder.post_pagina("beheer.organisatie_registreren", {**REGISTRATIE, **wijziging})
    assert foutmeldingen(pagina) == [melding]
    assert melding in veldfout(pagina, veld)
    assert NIEUW.waarde not in [o.oin for o in geregistreerd(organisaties)]


def test_naam_and_kenmerken_are_changed(beheerder, organisaties):
    beheerder.get("beheer.organisatie_wijzigen", oin=AFNEMER.waarde)
    beheerder.post(
        "beheer.organisatie_wijzigen",
        {"naam": "Gemeente Nieuwstad", "kenmerken": ["Betalen"]},
        oin=AFNEMER.waarde,
    )
    organisatie = organisaties.organisatie(AFNEMER)
    assert (organisatie.naam, list(organisatie.kenmerken)) == (
        "Gemeente Nieuwstad",
        [Notificatiekenmerk.BETALEN],
    )


def test_changing_an_unknown_organisatie_is_not_found(beheerder):
    beheerder.get("beheer.organisatie_wijzigen", oin="00000099000000009999", status=404)
    beheerder.get("beheer.organisatie_wijzigen", oin="geen-oin", status=404)


def test_the_beheerder_starts_and_stops_a_relation(beheerder, organisaties):
    relatie = {"intermediair": INTERMEDIAIR.waarde, "afnemer": DERDE_AFNEMER.waarde}
    beheerder.post("beheer.relaties", {**relatie, "actie": "starten"})
    assert DERDE_AFNEMER in organisaties.organisatie(INTERMEDIAIR).bediende_afnemers
    assert (
        "Waterschap Testland" in beheerder.get("beheer.relaties").select_one("table.tabel tbody").get_text()
    )
    beheerder.post("beheer.relaties", {**relatie, "actie": "stoppen"})
    assert DERDE_AFNEMER not in organisaties.organisatie(INTERMEDIAIR).bediende_afnemers


@pytest.mark.parametrize(
    ("relatie", "melding"),
    [
        (
            {"intermediair": INTERMEDIAIR.waarde, "afnemer": AFNEMER.waarde, "actie": "starten"},
            "al door deze",
        ),
        (
            {"intermediair": INTERMEDIAIR.waarde, "afnemer": DERDE_AFNEMER.waarde, "actie": "stoppen"},
            "niet door",
        ),
        (
            {"intermediair": AFNEMER.waarde, "afnemer": ANDERE_AFNEMER.waarde, "actie": "starten"},
            "Alleen een",
        ),
        ({"intermediair": "", "afnemer": AFNEMER.waarde, "actie": "starten"}, "Kies een intermediair."),
    ],
)
def test_a_relation_the_domain_refuses_is_explained(beheerder, relatie, melding):
    pagina = beheerder.post_pagina("beheer.relaties", relatie)
    assert melding in " ".join(foutmeldingen(pagina))


def test_a_mededeling_is_posted_and_withdrawn(beheerder, organisaties, ingelogd):
    beheerder.post("beheer.mededelingen", {"titel": "Onderhoud", "tekst": "Zaterdag niet bereikbaar."})
    [mededeling] = actieve_mededelingen(organisaties)
    assert "Onderhoud" in ingelogd(AFNEMER).get("home.index").select_one(".mededeling").get_text()
    beheerder.post("beheer.mededeling_intrekken", mededeling_id=mededeling.mededeling_id)
    assert actieve_mededelingen(organisaties) == []
    assert "(ingetrokken)" in beheerder.get("beheer.mededelingen").select_one(".mededeling h3").get_text()


def test_withdrawing_twice_is_explained(beheerder, organisaties):
    mededeling_id = organisaties.plaats_mededeling("Oud", "Tekst", actor_voor(BEHEERDER)).id
    organisaties.trek_mededeling_in(mededeling_id, actor_voor(BEHEERDER))
    pagina = beheerder.volg(beheerder.post("beheer.mededeling_intrekken", mededeling_id=mededeling_id))
    assert "Deze mededeling is al ingetrokken." in " ".join(meldingen(pagina))


@pytest.mark.parametrize(
    ("veld", "waarde", "melding"),
    [("titel", "", "Titel is verplicht."), ("titel", "x" * 101, "maximaal 100")],
)
def test_a_mededeling_keeps_its_rules(beheerder, organisaties, veld, waarde, melding):
    pagina = beheerder.post_pagina("beheer.mededelingen", {"titel": "T", "tekst": "Tekst", veld: waarde})
    assert melding in veldfout(pagina, veld)
    assert actieve_mededelingen(organisaties) == []


@pytest.mark.parametrize("oin", [AFNEMER, INTERMEDIAIR])
def test_beheer_is_refused_to_afnemers_and_intermediairs(ingelogd, oin, organisaties):
    bezoeker = ingelogd(oin)
    for endpoint in (
        "beheer.index",
        "beheer.organisatie_registreren",
        "beheer.relaties",
        "beheer.mededelingen",
    ):
        bezoeker.get(endpoint, status=403)
    bezoeker.get("beheer.organisatie_wijzigen", oin=AFNEMER.waarde, status=403)
    bezoeker.post("beheer.organisatie_registreren", REGISTRATIE, status=403)
    bezoeker.post(
        "beheer.relaties", {"intermediair": INTERMEDIAIR.waarde, "afnemer": DERDE_AFNEMER.waarde}, status=403
    )
    assert DERDE_AFNEMER not in organisaties.organisatie(INTERMEDIAIR).bediende_afnemers
    assert NIEUW.waarde not in [o.oin for o in geregistreerd(organisaties)]
