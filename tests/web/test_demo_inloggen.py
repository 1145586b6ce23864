"""Demo mode: the login page lists the demo PKI's certificates; the chosen one gets the same checks."""

import io

import pytest
from werkzeug.datastructures import FileStorage

from tests.conftest import AFNEMER
from tests.web.helpers import Bezoeker, controleer_pagina, foutmeldingen, meldingen
from web.pki.demo_certificaten import demo_certificaten
from web.pki.demo_pki import bestaat, maak_demo_pki
from web.pki.instellingen import PkiInstellingen


@pytest.fixture(scope="session")
def demo_var(tmp_path_factory):
    var = tmp_path_factory.mktemp("demo-var")
    maak_demo_pki(var / "pki")
    return var


@pytest.fixture
def demo(maak_app, organisaties_voor, demo_var) -> Bezoeker:
    app = maak_app(
        PORTAAL_DEMO=True,
        PORTAAL_VAR=demo_var,
        PKI_INSTELLINGEN=PkiInstellingen.demo(demo_var),
        PKI_DEMO_MAP=demo_var / "pki",
        PKI_KLOK=None,
    )
    organisaties_voor(app)
    return Bezoeker(app)


def test_the_login_page_lists_every_demo_certificate(demo, demo_var):
    pagina = demo.get("inloggen.index")
    labels = [label.get_text(strip=True) for label in pagina.select("fieldset label")]
    assert labels == [c.label for c in demo_certificaten(demo_var / "pki")]
    assert "demomodus" in pagina.get_text()


def test_a_valid_demo_certificate_logs_in(demo):
    antwoord = demo.post("inloggen.met_democertificaat", {"certificaat": "gemeente-voorbeeldstad"})
    assert "U bent ingelogd als Gemeente Voorbeeldstad." in meldingen(demo.volg(antwoord))[0]
    with demo.client.session_transaction() as sessie:
        assert sessie["oin"] == AFNEMER.waarde


@pytest.mark.parametrize(
    ("certificaat", "begin"),
    [
        ("verlopen", "Uw certificaat is verlopen op"),
        ("nog-niet-geldig", "Uw certificaat is pas geldig vanaf"),
        ("ingetrokken", "Uw certificaat is ingetrokken."),
        ("niet-vertrouwd", "Uw certificaat is niet uitgegeven door een vertrouwde"),
        ("geen-oin", "Uw certificaat bevat geen geldig OIN."),
        ("onbekend", "Kies een van de democertificaten uit de lijst."),
        ("../../etc/passwd", "Kies een van de democertificaten uit de lijst."),
    ],
)
def test_a_refused_demo_certificate_shows_its_reason(demo, certificaat, begin):
    antwoord = demo.client.post(demo.url("inloggen.met_democertificaat"), data={"certificaat": certificaat})
    assert antwoord.status_code in (400, 403)
    pagina = controleer_pagina(antwoord)
    assert foutmeldingen(pagina)[0].startswith(begin)
    assert pagina.find(id="certificaat-fout").get_text(" ", strip=True).startswith("Fout: " + begin)
    with demo.client.session_transaction() as sessie:
        assert "oin" not in sessie


def test_choosing_nothing_is_refused(demo):
    pagina = demo.post_pagina("inloggen.met_democertificaat", {}, status=400)
    assert foutmeldingen(pagina) == ["Kies een democertificaat."]


def test_demo_mode_makes_the_demo_pki_when_it_is_missing(maak_app, tmp_path):
    var = tmp_path / "lege-var"
    maak_app(
        PORTAAL_DEMO=True,
        PORTAAL_VAR=var,
        PKI_INSTELLINGEN=PkiInstellingen.demo(var),
        PKI_DEMO_MAP=var / "pki",
    )
    assert bestaat(var / "pki")


@pytest.mark.parametrize(
    ("waarde", "melding"),
    [
        (lambda: FileStorage(io.BytesIO(b"pem"), "c.pem"), "hoort tekst, geen bestand"),
        (lambda: ["gemeente-voorbeeldstad"] * 2, "meer dan één keer verstuurd"),
    ],
)
def test_a_demo_choice_in_another_shape_is_refused_in_dutch(demo, waarde, melding):
    pagina = demo.post_pagina("inloggen.met_democertificaat", {"certificaat": waarde()}, status=400)
    assert melding in foutmeldingen(pagina)[0]
    with demo.client.session_transaction() as sessie:
        assert "oin" not in sessie
