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
from web.api.fouten import ApiFout
from web.api.toegang import machine
from web.lezen import lezen
from web.uitvoeren import samenstelling

bp = Blueprint("api_toegang", __name__, url_prefix="/api/v1")

VRAGERS = (Rol.AFNEMER, Rol.BEHEERDER)
STANDAARD_PERIODE = timedelta(days=30)


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
def toegang():
    velden = request.args if request.method == "GET" else request.get_json(silent=True)
    if not hasattr(velden, "get"):
        raise ApiFout(400, "Stuur de vraag als JSON-object (Content-Type: application/json).")
    nu = samenstelling().klok()
    return _beantwoord(lambda: vragen.toegang(lezen(), vragen.lees_toegangsvraag(velden, nu), g.machine))


@bp.get("/berichten/<bericht_id>/lezers")
@machine(*VRAGERS)
def lezers(bericht_id: str):
    def vraag():
        op = vragen.moment(request.args.get("op"), "op", samenstelling().klok())
        return vragen.lezers(lezen(), bericht_id, op, g.machine)

    return _beantwoord(vraag)


@bp.get("/berichttypes/<afnemer>/<code>/zichtbaarheid")
@machine(*VRAGERS)
def zichtbaarheid(afnemer: str, code: str):
    def vraag():
        gevraagd = vragen.oin(afnemer)
        vragen.mag_vragen(g.machine, gevraagd)
        tot = vragen.moment(request.args.get("tot"), "tot", samenstelling().klok())
        van = vragen.moment(request.args.get("van"), "van", tot - STANDAARD_PERIODE)
        return vragen.zichtbaarheid(lezen(), gevraagd, vragen.code(code), van, tot, g.machine)

    return _beantwoord(vraag)
