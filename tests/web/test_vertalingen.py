"""Every message a user can see is Dutch, WTForms' and Flask-WTF's built-in defaults included.

The sweeps of test_invoer.py and test_formulier.py look for the libraries' English in every page they get;
these tests check the translations themselves and the pages the issue names.
"""

import re
from pathlib import Path

import flask_wtf
import pytest
import wtforms
from wtforms import IntegerField, SelectChoice, SelectField, SelectMultipleField, StringField
from wtforms.validators import (
    URL,
    UUID,
    AnyOf,
    DataRequired,
    EqualTo,
    InputRequired,
    Length,
    NoneOf,
    NumberRange,
    Optional,
    Regexp,
)

from tests.conftest import AFNEMER
from tests.web.helpers import controleer_pagina
from tests.web.veeg import BIBLIOTHEEKMELDINGEN, engelse_meldingen
from web.formulier import Formulier
from web.vertalingen import CSRF, ENKELVOUD, MEERVOUD


def _pot() -> tuple[set[str], set[tuple[str, str]]]:
    tekst = (Path(wtforms.__file__).parent / "locale" / "wtforms.pot").read_text(encoding="utf-8")
    meervoud = set(re.findall(r'^msgid "(.+)"\nmsgid_plural "(.+)"$', tekst, re.MULTILINE))
    enkelvoud = set(re.findall(r'^msgid "(.+)"\nmsgstr', tekst, re.MULTILINE))
    return {m.replace("\\'", "'") for m in enkelvoud}, meervoud


def test_every_wtforms_message_has_dutch():
    enkelvoud, meervoud = _pot()
    assert enkelvoud - ENKELVOUD.keys() == set()
    assert meervoud - MEERVOUD.keys() == set()


def test_every_flask_wtf_message_has_dutch():
    bron = Path(flask_wtf.__file__).parent
    csrf = set(re.findall(r'ValidationError\("([^"]+)"\)', (bron / "csrf.py").read_text(encoding="utf-8")))
    bestand = set(re.findall(r'gettext\(\s*"([^"]+)"', (bron / "file.py").read_text(encoding="utf-8")))
    assert csrf and csrf <= CSRF.keys()
    assert bestand and bestand <= ENKELVOUD.keys()


def test_no_translation_is_itself_one_of_the_english_messages():
    vertaald = [*ENKELVOUD.values(), *CSRF.values(), *(t for paar in MEERVOUD.values() for t in paar)]
    assert not [v for v in vertaald if engelse_meldingen(v)]
    assert len(BIBLIOTHEEKMELDINGEN) > 40


class Alles(Formulier):
    """Every built-in validator without a message of its own, as a future form might use them."""

    class Meta:
        csrf = False

    verplicht = StringField("Verplicht", [DataRequired()])
    invoer = StringField("Invoer", [InputRequired()])
    lengte = StringField("Lengte", [Length(min=3, max=4)])
    kort = StringField("Kort", [Length(max=2)])
    lang = StringField("Lang", [Length(min=5)])
    getal = IntegerField("Getal", [NumberRange(min=1, max=9)])
    geen_getal = IntegerField("Geen getal", [Optional()])
    keuze = SelectField("Keuze", choices=[SelectChoice("a", "A")])
    keuzes = SelectMultipleField("Keuzes", choices=[SelectChoice("a", "A")])
    url = StringField("Url", [URL()])
    uuid = StringField("Uuid", [UUID()])
    patroon = StringField("Patroon", [Regexp("^a$")])
    een_van = StringField("Een van", [AnyOf(["a"])])
    geen_van = StringField("Geen van", [NoneOf(["b"])])
    gelijk = StringField("Gelijk", [EqualTo("verplicht")])


def test_the_built_in_validators_speak_dutch(app):
    slecht = {
        "lengte": "ab",
        "kort": "abc",
        "lang": "ab",
        "getal": "12",
        "geen_getal": "twaalf",
        "keuze": "z",
        "keuzes": ["y", "z"],
        "url": "geen url",
        "uuid": "geen-uuid",
        "patroon": "b",
        "een_van": "b",
        "geen_van": "b",
        "gelijk": "anders",
    }
    with app.test_request_context(method="POST", data=slecht):
        formulier = Alles()
        assert not formulier.validate()
        assert len(formulier.errors) == len(formulier._fields), "every field has its error"
        fouten = [f for lijst in formulier.errors.values() for f in lijst]
    assert not [f for f in fouten if engelse_meldingen(f)], fouten
    assert "Vul een geheel getal in." in formulier.geen_getal.errors
    assert formulier.keuzes.errors[0].endswith("zijn geen aangeboden mogelijkheden.")


@pytest.mark.parametrize("token", [None, "vervalst"])
def test_a_missing_or_forged_csrf_token_is_refused_in_dutch(app, token):
    data = {} if token is None else {"csrf_token": token}
    with app.test_request_context(method="POST", data=data):
        formulier = Formulier(meta={"csrf": True})
        assert not formulier.validate()
        assert formulier.form_errors and not engelse_meldingen(" ".join(formulier.form_errors))


@pytest.mark.parametrize(("filter_", "waarde"), [("status", "Bestaat niet"), ("kenmerk", "<b>x</b>")])
def test_an_invalid_filter_value_is_explained_in_dutch(ingelogd, filter_, waarde):
    bezoeker = ingelogd(AFNEMER)
    antwoord = bezoeker.client.get(bezoeker.url("berichttypes.index", **{filter_: waarde}))
    pagina = controleer_pagina(antwoord)
    assert pagina.find(id=f"{filter_}-fout").get_text(" ", strip=True) == (
        "Fout: Kies een van de aangeboden mogelijkheden."
    )
    assert not engelse_meldingen(antwoord.get_data(as_text=True))
