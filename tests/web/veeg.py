"""Sweeps over the whole portal, derived from the app itself: every route of `app.url_map` with the query
parameters the views read, and every field of every form, fed what a browser never sends.

Shared by the tests of web/invoer.py, web/formulier.py and web/vertalingen.py: each sweep also looks in
every page it gets for the English default messages of WTForms and Flask-WTF.
"""

import importlib
import inspect
import io
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import flask_wtf
import wtforms
from flask import Flask
from flask_wtf import FlaskForm
from werkzeug.datastructures import FileStorage
from werkzeug.routing import Rule
from werkzeug.test import TestResponse
from wtforms import FileField, SelectFieldBase, SelectMultipleField
from wtforms.fields.core import UnboundField

import web
from domain.waarden import BerichttypeCode, Oin
from service_layer.portaal import Portaal
from tests.bijlage_validatie import pdfs
from tests.conftest import AFNEMER, BEHEERDER, actor_voor
from tests.web.diensten_hulp import maak_berichttypes, maak_dienst
from web.tabbladen import OVERIGE_BLUEPRINTS, TABBLADEN

PDF = pdfs.bouw()

# Raw, as they appear in a URL (so percent-encoding can itself be broken).
EXTREEM: dict[str, str] = {
    "groot getal": "99999999999999999999",
    "negatief": "-1",
    "nul": "0",
    "nul-byte": "a%00b",
    "stuurteken": "a%01%1Fb",
    "10k tekens": "x" * 10_000,
    "ongeldige utf-8": "%ff%fe%fd",
    "kapotte procentcodering": "%zz%",
    "geen uuid": "geen-uuid",
    "unicode": "%C3%A9%F0%9F%98%80",
    "pad omhoog": "..%2F..%2Fetc",
}


# -- the data every route can reach ----------------------------------------------------------------------


def bouw_wereld(portaal: Portaal) -> dict[str, str]:
    """Berichttypes (one Nieuw with a bijlage), a dienst and a mededeling, on the registered cast; the
    answer is a valid value for each URL variable, so a sweep can vary one variable and keep the others."""
    maak_berichttypes(portaal, AFNEMER)
    door = actor_voor(AFNEMER)
    bijlage = portaal.voeg_bijlage_toe(AFNEMER, BerichttypeCode("NIEUW"), "a.pdf", PDF, door).id
    dienst = maak_dienst(portaal, AFNEMER, "Dienst A", koppel=("AANSLAG",))
    mededeling = portaal.plaats_mededeling("Titel", "Tekst", actor_voor(BEHEERDER)).id
    return {
        "code": "NIEUW",
        "naar": "actief",
        "richting": "omlaag",
        "bijlage_id": bijlage,
        "dienst_sleutel": str(dienst),
        "oin": AFNEMER.waarde,
        "bsn": "999999990",
        "mededeling_id": str(mededeling),
        "sleutel": "totalen",
        "filename": "portaal.css",
        "machtiging_id": "M-1",
        "batch_id": "00000000-0000-4000-8000-000000000002",
        "bericht_id": "00000000-0000-4000-8000-000000000001",
        "afnemer": AFNEMER.waarde,
    }


# -- routes and their query parameters -------------------------------------------------------------------

_VARIABELE = re.compile(r"<(?:[^:<>]+:)?(\w+)>")


def routes(app: Flask) -> list[Rule]:
    """Every rule; logging out last, so a sweep keeps its session as long as possible."""
    return sorted(app.url_map.iter_rules(), key=lambda r: (r.endpoint == "inloggen.uitloggen", r.rule))


def methoden(regel: Rule) -> list[str]:
    return sorted(regel.methods - {"HEAD", "OPTIONS"})


def pad(regel: Rule, waarden: dict[str, str]) -> str:
    return _VARIABELE.sub(lambda m: waarden[m.group(1)], regel.rule)


def formulieren() -> list[type[FlaskForm]]:
    """Every form class of the portal, once every tab's views are imported."""
    for module in [t.views for t in TABBLADEN if t.views] + list(OVERIGE_BLUEPRINTS):
        importlib.import_module(module)
    gevonden, open_ = [], [FlaskForm]
    while open_:
        for sub in open_.pop().__subclasses__():
            gevonden.append(sub)
            open_.append(sub)
    return gevonden


def veldnamen(formulier: type[FlaskForm]) -> list[str]:
    return [naam for naam, waarde in inspect.getmembers(formulier) if isinstance(waarde, UnboundField)]


def gelezen_queryparameters() -> set[str]:
    """The query parameters the views read, found in their source: `request.args`, the shared parsers of
    web/invoer.py, and the fields of forms filled from the query string."""
    namen: set[str] = set()
    per_naam = {f.__name__: f for f in formulieren()}
    for bron in Path(web.__file__).parent.rglob("*.py"):
        tekst = bron.read_text(encoding="utf-8")
        namen |= set(re.findall(r'request\.args\.get(?:list)?\(\s*"(\w+)"', tekst))
        namen |= set(re.findall(r'"(\w+)" in request\.args', tekst))
        namen |= set(re.findall(r'(?:zoektekst|paginanummer)\(\s*"(\w+)"', tekst))
        if "paginanummer()" in tekst:
            namen.add("pagina")
        for naam in re.findall(r"(\w+)\(request\.args\)", tekst):
            namen |= set(veldnamen(per_naam[naam]))
    return namen


# -- requests ------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Verzoek:
    methode: str
    url: str
    omschrijving: str


def verzoeken(app: Flask, geldig: dict[str, str]) -> Iterator[Verzoek]:
    """Per route and method: each URL variable in turn set to each extreme value, and every query parameter
    a view reads set to each extreme value at once."""
    parameters = sorted(gelezen_queryparameters())
    for regel, (soort, waarde) in itertools.product(routes(app), EXTREEM.items()):
        for methode in methoden(regel):
            for variabele in sorted(regel.arguments):
                url = pad(regel, {**geldig, variabele: waarde})
                yield Verzoek(methode, url, f"{regel.endpoint} {variabele}={soort}")
            query = "&".join(f"{p}={waarde}" for p in parameters)
            yield Verzoek(methode, f"{pad(regel, geldig)}?{query}", f"{regel.endpoint} query={soort}")


# -- the English the libraries would show -----------------------------------------------------------------


def _bibliotheekmeldingen() -> list[str]:
    """WTForms' message ids (its .pot) and Flask-WTF's messages (csrf.py raises them without gettext)."""
    pot = Path(wtforms.__file__).parent / "locale" / "wtforms.pot"
    ids = re.findall(r'^msgid(?:_plural)? "(.+)"$', pot.read_text(encoding="utf-8"), re.MULTILINE)
    flask_wtf_map = Path(flask_wtf.__file__).parent
    csrf = re.findall(
        r'ValidationError\("([^"]+)"\)', (flask_wtf_map / "csrf.py").read_text(encoding="utf-8")
    )
    bestand = re.findall(r'gettext\(\s*"([^"]+)"', (flask_wtf_map / "file.py").read_text(encoding="utf-8"))
    return [*ids, *csrf, *bestand]


BIBLIOTHEEKMELDINGEN = _bibliotheekmeldingen()


def _patroon(melding: str) -> re.Pattern:
    """A message with its placeholders (%(min)d, %s, {extensions}) matching any filled-in value."""
    stukken = re.split(r"%\(\w+\)[sd]|%s|\{\w+\}", melding.replace("\\'", "'"))
    return re.compile(".{0,200}?".join(re.escape(s) for s in stukken))


_PATRONEN = [(m, _patroon(m)) for m in BIBLIOTHEEKMELDINGEN]


def engelse_meldingen(html: str) -> list[str]:
    """The library defaults found in a page (HTML-escaped quotes unescaped first)."""
    tekst = html.replace("&#39;", "'").replace("&#x27;", "'")
    return [melding for melding, patroon in _PATRONEN if patroon.search(tekst)]


def controleer_antwoord(antwoord: TestResponse, omschrijving: str) -> None:
    """No 5xx, and no English default message in what the user sees."""
    assert antwoord.status_code < 500, f"{antwoord.status_code} bij {omschrijving}"
    if antwoord.mimetype == "text/html":
        engels = engelse_meldingen(antwoord.get_data(as_text=True))
        assert not engels, f"Engelse melding {engels} bij {omschrijving}"


# -- form values ------------------------------------------------------------------------------------------

_TELLER = itertools.count(1)


def bestand(naam: str = "a.pdf", inhoud: bytes = PDF) -> FileStorage:
    return FileStorage(io.BytesIO(inhoud), filename=naam, content_type="application/pdf")


def goede_waarde(veld, vaste: dict[str, object]) -> object:
    """A value the form would accept, so a refused variant shows that the variant, not the rest, was
    refused. Unique where the domain wants unique values."""
    if veld.short_name in vaste:
        return vaste[veld.short_name]
    n = next(_TELLER)
    bekend: dict[str, object] = {
        "code": f"V{n}",
        "dienst_id": f"Dienst {n}",
        "oin": Oin(f"{99000000 + n:020d}").waarde,
        "email": "vraag@gemeente.nl",
        "rol": "afnemer",
        "actie": "starten",
        "soort": "persoonlijk",
        "lijst": "",
    }
    if isinstance(veld, FileField):
        return bestand()
    if veld.short_name in bekend:
        return bekend[veld.short_name]
    keuzes = []
    if isinstance(veld, SelectFieldBase) and veld.choices:
        keuzes = [str(k.value) for k in veld.iter_choices() if k.value]
    if isinstance(veld, SelectMultipleField):
        return keuzes[:1] or ["AANSLAG"]
    if keuzes:
        return keuzes[0]
    return f"{veld.label.text} {n}"
