"""Every field of every form, sent in another shape (a file, text, missing, twice), gets a 400 or the form
again with a Dutch message: never a 500, never a change made with a value the field cannot hold."""

import ast
from pathlib import Path

import pytest
from flask_wtf import FlaskForm
from wtforms import FileField, SelectMultipleField

import web
from domain.fouten import DomeinFout
from domain.waarden import Oin
from tests.conftest import AFNEMER, BEHEERDER, INTERMEDIAIR
from tests.web.helpers import Bezoeker, controleer_pagina, veldfout
from tests.web.veeg import bestand, bouw_wereld, controleer_antwoord, goede_waarde, methoden, pad, routes
from web.formulier import Formulier

ROLLEN = {"afnemer": AFNEMER, "beheerder": BEHEERDER, "intermediair": INTERMEDIAIR, "anoniem": None}
VORMFOUTEN = ("hoort een bestand", "hoort tekst", "meer dan één keer", "stuurteken")


@pytest.fixture
def wereld(organisaties):
    return bouw_wereld(organisaties)


@pytest.fixture
def gemaakte_formulieren(monkeypatch) -> list[FlaskForm]:
    """The forms a request builds, as the view builds them (with their choices set). A form built with
    `formdata=None` reads nothing of this request (it is shown here and posts to another route, which the
    sweep reaches on its own), so it is left out."""
    gemaakt: list[FlaskForm] = []
    origineel = Formulier.__init__

    def __init__(self, *args, **kwargs):
        origineel(self, *args, **kwargs)
        if not ("formdata" in kwargs and kwargs["formdata"] is None):
            gemaakt.append(self)

    monkeypatch.setattr(Formulier, "__init__", __init__)
    return gemaakt


def _bezoeker(app, ingelogd, rol: str) -> Bezoeker:
    return Bezoeker(app) if ROLLEN[rol] is None else ingelogd(ROLLEN[rol])


def _velden_van(app, ingelogd, gemaakte_formulieren, url: str, kan_get: bool):
    """The role that reaches this form and the form's fields; (None, []) when no role does."""
    for rol in ROLLEN:
        bezoeker = _bezoeker(app, ingelogd, rol)
        gemaakte_formulieren.clear()
        with bezoeker.client.open(url, method="GET" if kan_get else "POST"):
            pass
        velden = [v for f in gemaakte_formulieren for v in f if v.name != "csrf_token"]
        if gemaakte_formulieren:
            return rol, velden
    return None, []


def _varianten(veld, vaste: dict):
    """(name, the submitted value of this field or None when missing, whether the shape is wrong)."""
    meervoudig = isinstance(veld, SelectMultipleField) or type(veld).__name__ == "MultipleFileField"
    is_bestand = isinstance(veld, FileField)
    yield "als bestand", bestand("x.txt", b"tekst"), not is_bestand
    yield "als tekst", "tekst", is_bestand
    yield "ontbreekt", None, False
    goed = goede_waarde(veld, vaste)
    enkel = goed if not isinstance(goed, list) else (goed[0] if goed else "tekst")
    tweede = bestand() if is_bestand else enkel
    yield "twee keer", [bestand() if is_bestand else enkel, tweede], not meervoudig


def _vaste_waarden(rol: str, wereld: dict) -> dict:
    """Values only the world knows: the switch needs an afnemer this intermediair serves."""
    return {"afnemer": AFNEMER.waarde} if rol == "intermediair" else {}


def test_every_field_of_every_form_refuses_another_shape_in_dutch(
    app, ingelogd, wereld, gemaakte_formulieren
):
    bekeken = set()
    for regel in routes(app):
        if "POST" not in methoden(regel):
            continue
        url = pad(regel, wereld)
        rol, velden = _velden_van(app, ingelogd, gemaakte_formulieren, url, "GET" in methoden(regel))
        vaste = _vaste_waarden(rol, wereld) if rol else {}
        for veld in velden:
            for variant, waarde, verkeerd in _varianten(veld, vaste):
                data = {v.name: goede_waarde(v, vaste) for v in velden if v.name != veld.name}
                if waarde is not None:
                    data[veld.name] = waarde
                omschrijving = f"{regel.endpoint} {veld.name} {variant} als {rol}"
                with _bezoeker(app, ingelogd, rol).client.post(url, data=data) as antwoord:
                    controleer_antwoord(antwoord, omschrijving)
                    if verkeerd:
                        _controleer_weigering(antwoord, omschrijving)
                bekeken.add(regel.endpoint)
    # The sweep must have reached the forms with fields, or it proves nothing.
    assert {
        "bijlage_validatie.index",
        "beheer.organisatie_registreren",
        "berichttypes.toevoegen",
        "diensten.koppelen",
        "contact.index",
        "profiel.wijzigen",
        "home.wissel_afnemer",
        "beheer.relaties",
    } <= bekeken


def _controleer_weigering(antwoord, omschrijving: str) -> None:
    assert antwoord.status_code in (200, 400), f"{antwoord.status_code} bij {omschrijving}"
    if antwoord.status_code == 200:
        tekst = controleer_pagina(antwoord).get_text(" ")
        assert any(f in tekst for f in VORMFOUTEN), f"geen melding over de vorm bij {omschrijving}"


# -- the two cases of the issue, by name -------------------------------------------------------------------


def test_bijlage_validatie_with_the_files_sent_as_text_asks_for_a_file(ingelogd, organisaties):
    bezoeker = ingelogd(AFNEMER)
    pagina = bezoeker.post_pagina(
        "bijlage_validatie.index", {"bestanden": "geen bestand", "soort": "persoonlijk"}
    )
    assert veldfout(pagina, "bestanden") == "Fout: Bij Bestanden (PDF) hoort een bestand. Kies een bestand."


def test_an_oin_sent_as_a_file_is_refused_and_nothing_is_registered(ingelogd, organisaties):
    bezoeker = ingelogd(BEHEERDER)
    data = {
        "oin": bestand("oin.txt", b"00000099000000000999"),
        "naam": "X",
        "rol": "afnemer",
        "kenmerken": "Betalen",
    }
    pagina = bezoeker.post_pagina("beheer.organisatie_registreren", data)
    assert veldfout(pagina, "oin") == "Fout: Bij OIN hoort tekst, geen bestand."
    with pytest.raises(DomeinFout):
        organisaties.organisatie(Oin("00000099000000000999"))


def test_a_single_field_sent_twice_is_refused(ingelogd, organisaties):
    bezoeker = ingelogd(AFNEMER)
    data = {"onderwerp": ["Eerste", "Tweede"], "bericht": "Vraag", "email": "a@b.nl"}
    pagina = bezoeker.post_pagina("contact.index", data)
    assert (
        veldfout(pagina, "onderwerp")
        == "Fout: Onderwerp is meer dan één keer verstuurd. Vul het veld één keer in."
    )


def test_a_control_character_in_a_text_field_is_refused(ingelogd, organisaties):
    pagina = ingelogd(AFNEMER).post_pagina(
        "contact.index", {"onderwerp": "a\x00b", "bericht": "V", "email": "a@b.nl"}
    )
    assert "stuurteken" in veldfout(pagina, "onderwerp")


def test_a_json_body_is_not_read_as_a_form(ingelogd, organisaties):
    bezoeker = ingelogd(BEHEERDER)
    antwoord = bezoeker.client.post(
        bezoeker.url("beheer.organisatie_registreren"),
        json={"oin": 5, "naam": ["X"], "rol": {"a": 1}, "kenmerken": [None]},
    )
    assert antwoord.status_code == 200
    assert "OIN is verplicht." in controleer_pagina(antwoord).get_text()


# -- every form is built on the shared base ---------------------------------------------------------------


def test_every_form_of_the_portal_is_a_formulier():
    """The shape rules and the Dutch messages live in `web.formulier.Formulier`; a form built straight on
    FlaskForm would miss both."""
    rechtstreeks = []
    for bron in Path(web.__file__).parent.rglob("*.py"):
        for knoop in ast.walk(ast.parse(bron.read_text(encoding="utf-8"))):
            if isinstance(knoop, ast.ClassDef) and any(
                getattr(b, "id", getattr(b, "attr", None)) == "FlaskForm" for b in knoop.bases
            ):
                rechtstreeks.append(f"{bron.name}:{knoop.name}")
    assert rechtstreeks == ["formulier.py:Formulier"]
