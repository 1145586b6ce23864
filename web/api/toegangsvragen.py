"""The access questions of chapter 6 for afnemers and the beheerder (service_layer/toegangsvragen.py):

- `GET /api/v1/toegang?gemachtigde=&belanghebbende=&afnemer=&berichttype=&op=T` (op: default now), or the
  same fields as a JSON object in `POST /api/v1/toegang`, which keeps the BSNs out of URLs that proxies log:
  `{"toegang": true|false, "uitleg": ...}`.
- `GET /api/v1/berichten/{bericht_id}/lezers?op=T`: who could read this bericht at T, and since when.
- `GET /api/v1/berichttypes/{afnemer}/{code}/zichtbaarheid?van=&tot=`: the diensten it was linked to, the
  number of gemachtigden who could read it, and how that number changed (default: the last 30 days).

The caller is a machine with a PKIoverheid certificate: an afnemer (about its own berichttypes and berichten)
or the beheerder (about all; its certificate's OIN registered with the role Beheerder).
"""

from datetime import timedelta

from flask import Blueprint, g, jsonify, request

from domain.fouten import NietGevonden, NietToegestaan, OngeldigeWaarde
from domain.waarden import Rol
from service_layer import toegangsvragen as vragen
from web.api.beschrijving import Antwoord, beschreven
from web.api.fouten import ApiFout, Fout
from web.api.toegang import machine
from web.api.toegang_modellen import (
    Lezers,
    Momentparameter,
    Periodeparameters,
    Toegangsantwoord,
    Toegangsvraag,
    Zichtbaarheid,
)
from web.lezen import lezen
from web.uitvoeren import samenstelling

bp = Blueprint("api_toegang", __name__, url_prefix="/api/v1")

VRAGERS = (Rol.AFNEMER, Rol.BEHEERDER)
STANDAARD_PERIODE = timedelta(days=30)
TAGS = ("Toegangsvragen",)
ONGELDIG = Antwoord("Een veld is ongeldig (met het veld; nooit het BSN).", Fout)
NIET_EIGEN = Antwoord("Een afnemer vraagt alleen naar zijn eigen berichttypes en berichten.", Fout)
TOEGANG = {
    200: Antwoord("Het antwoord, met de uitleg.", Toegangsantwoord),
    400: ONGELDIG,
    403: NIET_EIGEN,
}


def _beantwoord(vraag):
    try:
        return jsonify(vraag())
    except OngeldigeWaarde as fout:
        raise ApiFout(400, fout.melding, veld=fout.veld) from None
    except NietToegestaan as fout:
        raise ApiFout(403, fout.melding) from None
    except NietGevonden as fout:
        raise ApiFout(404, fout.melding) from None


@bp.route("/toegang", methods=["GET", "POST"])
@machine(*VRAGERS)
@beschreven(
    "Heeft deze gemachtigde toegang?",
    uitleg="Of de gemachtigde op het moment op berichten van dit berichttype van de belanghebbende kan "
    "lezen, "
    "met de gronden of wat ontbreekt. POST met dezelfde velden als JSON houdt de BSN's uit URL's die "
    "proxy's loggen.",
    query=Toegangsvraag,
    antwoorden=TOEGANG,
    tags=TAGS,
    methode="GET",
)
@beschreven(
    "Heeft deze gemachtigde toegang? (vraag als JSON)",
    uitleg="Als GET, met de vraag als JSON-object: de BSN's staan dan niet in de URL.",
    body=Toegangsvraag,
    antwoorden=TOEGANG,
    tags=TAGS,
    methode="POST",
)
def toegang():
    velden = request.args if request.method == "GET" else request.get_json(silent=True)
    if not hasattr(velden, "get"):
        raise ApiFout(400, "Stuur de vraag als JSON-object (Content-Type: application/json).")
    nu = samenstelling().klok()
    return _beantwoord(lambda: vragen.toegang(lezen(), vragen.lees_toegangsvraag(velden, nu), g.machine))


@bp.get("/berichten/<bericht_id>/lezers")
@machine(*VRAGERS)
@beschreven(
    "Wie kon dit bericht lezen?",
    uitleg="De gemachtigden die het bericht op het moment op konden lezen, sinds wanneer en op welke "
    "gronden.",
    padparameters={"bericht_id": {"type": "string", "description": "De BerichtID (een GUID)."}},
    query=Momentparameter,
    antwoorden={
        200: Antwoord("De lezers.", Lezers),
        400: ONGELDIG,
        404: Antwoord("Dit bericht is niet bezorgd, of niet van uw organisatie.", Fout),
    },
    tags=TAGS,
)
def lezers(bericht_id: str):
    def vraag():
        op = vragen.moment(request.args.get("op"), "op", samenstelling().klok())
        return vragen.lezers(lezen(), bericht_id, op, g.machine)

    return _beantwoord(vraag)


@bp.get("/berichttypes/<afnemer>/<code>/zichtbaarheid")
@machine(*VRAGERS)
@beschreven(
    "Voor hoeveel gemachtigden is dit berichttype zichtbaar?",
    uitleg="De diensten waaraan het berichttype in de periode gekoppeld was, het aantal gemachtigden dat "
    "het kon lezen en hoe dat aantal veranderde (standaard de laatste 30 dagen).",
    padparameters={
        "afnemer": {"type": "string", "description": "Het OIN van de afnemer (20 cijfers)."},
        "code": {"type": "string", "description": "De code van het berichttype."},
    },
    query=Periodeparameters,
    antwoorden={
        200: Antwoord("De zichtbaarheid.", Zichtbaarheid),
        400: ONGELDIG,
        403: NIET_EIGEN,
        404: Antwoord("Dit berichttype bestaat niet bij deze afnemer.", Fout),
    },
    tags=TAGS,
)
def zichtbaarheid(afnemer: str, code: str):
    def vraag():
        gevraagd = vragen.oin(afnemer)
        vragen.mag_vragen(g.machine, gevraagd)
        tot = vragen.moment(request.args.get("tot"), "tot", samenstelling().klok())
        van = vragen.moment(request.args.get("van"), "van", tot - STANDAARD_PERIODE)
        return vragen.zichtbaarheid(lezen(), gevraagd, vragen.code(code), van, tot, g.machine)

    return _beantwoord(vraag)
