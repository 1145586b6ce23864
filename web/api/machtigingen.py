"""The DigiD Machtigen feed keeps the machtigingen register current (manual chapter 6):

- `POST /api/v1/machtigingen`: one machtiging (a JSON object) or many (`{"machtigingen": [...]}`, at most
  `MAX_PER_VERZOEK`), each its whole state: `machtiging` (DigiD Machtigen's id), `belanghebbende`,
  `gemachtigde` (BSNs), `afnemer` (OIN), `dienst_id` (exactly as registered), `geldig_van`, optional
  `geldig_tot` and `ingetrokken_op` (ISO 8601). All or nothing: one refused machtiging refuses the call.
- `POST /api/v1/machtigingen/{id}/beeindiging` `{"geldig_tot": T}`: the machtiging ends early.
- `POST /api/v1/machtigingen/{id}/intrekking` `{"ingetrokken_op": T}` (default now): it was withdrawn.

Only a certificate whose OIN the beheerder registered with the role Machtigingen (the feed) is admitted,
never an afnemer. Refusals name the field and the position in the list, never a BSN.
"""

from flask import Blueprint, g, jsonify, request

from domain import machtigingen as mt
from domain.fouten import OngeldigeWaarde
from domain.waarden import Actor, Bsn, DienstId, Rol
from service_layer import toegangsvragen as vragen
from web.api.fouten import ApiFout
from web.api.toegang import machine
from web.lezen import lezen
from web.uitvoeren import portaal, samenstelling

bp = Blueprint("api_machtigingen", __name__, url_prefix="/api/v1/machtigingen")

MAX_PER_VERZOEK = 10_000
_VELDEN = frozenset(
    {
        "machtiging",
        "belanghebbende",
        "gemachtigde",
        "afnemer",
        "dienst_id",
        "geldig_van",
        "geldig_tot",
        "ingetrokken_op",
    }
)


def _json() -> dict:
    inhoud = request.get_json(silent=True)
    if not isinstance(inhoud, dict):
        raise ApiFout(
            415 if not request.is_json else 400, "Stuur een JSON-object (Content-Type: application/json)."
        )
    return inhoud


def _actor() -> Actor:
    return Actor(g.machine.oin, g.machine.oin, g.certificaat.serienummer)


def _tekst(velden: dict, naam: str) -> str | None:
    waarde = velden.get(naam)
    if waarde is not None and not isinstance(waarde, str):
        raise OngeldigeWaarde(f"{naam}: geef een tekst.", veld=naam)
    return waarde


def _stand(velden: object) -> mt.Mutatie:
    if not isinstance(velden, dict):
        raise OngeldigeWaarde("Een machtiging is een JSON-object.")
    onbekend = sorted(set(velden) - _VELDEN)
    if onbekend:
        raise OngeldigeWaarde(f"Onbekend veld: {onbekend[0]}.", veld=onbekend[0])
    try:
        dienst = DienstId(_tekst(velden, "dienst_id") or "")
    except OngeldigeWaarde as fout:
        raise OngeldigeWaarde(f"dienst_id: {fout.melding}", veld="dienst_id") from None
    van = _tekst(velden, "geldig_van")
    if not van:
        raise OngeldigeWaarde("geldig_van: vul een moment in.", veld="geldig_van")
    tot, ingetrokken = _tekst(velden, "geldig_tot"), _tekst(velden, "ingetrokken_op")
    return mt.stand(
        _tekst(velden, "machtiging") or "",
        Bsn(vragen.bsn(_tekst(velden, "belanghebbende"), "belanghebbende")),
        Bsn(vragen.bsn(_tekst(velden, "gemachtigde"), "gemachtigde")),
        vragen.oin(_tekst(velden, "afnemer")),
        dienst,
        vragen.moment(van, "geldig_van", None),
        vragen.moment(tot, "geldig_tot", None) if tot else None,
        vragen.moment(ingetrokken, "ingetrokken_op", None) if ingetrokken else None,
    )


def _leg_vast(mutaties: list) -> None:
    vastgelegd = portaal().leg_machtigingen_vast(mutaties, _actor())
    samenstelling().na_commando(vastgelegd)


@bp.post("")
@machine(Rol.MACHTIGINGEN)
def registreren():
    inhoud = _json()
    lijst = inhoud.get("machtigingen", [inhoud]) if "machtigingen" in inhoud else [inhoud]
    if not isinstance(lijst, list) or not lijst:
        raise ApiFout(400, "machtigingen: geef een lijst met ten minste één machtiging.")
    if len(lijst) > MAX_PER_VERZOEK:
        raise ApiFout(413, f"Stuur hoogstens {MAX_PER_VERZOEK} machtigingen per verzoek.")
    mutaties = []
    for positie, velden in enumerate(lijst):
        try:
            mutaties.append(_stand(velden))
        except OngeldigeWaarde as fout:
            raise ApiFout(400, fout.melding, veld=fout.veld, positie=positie) from None
    _leg_vast(mutaties)
    return jsonify({"vastgelegd": len(mutaties)}), 201


def _bekend(machtiging_id: str) -> str:
    try:
        machtiging_id = mt.machtiging_id(machtiging_id)
    except OngeldigeWaarde as fout:
        raise ApiFout(400, fout.melding) from None
    if not lezen().machtiging_bekend(machtiging_id):
        raise ApiFout(404, "Deze machtiging staat niet in het register.")
    return machtiging_id


def _moment(veld: str, verplicht: bool):
    waarde = _tekst_of_fout(_json(), veld)
    if verplicht and not waarde:
        raise ApiFout(400, f"{veld}: vul een moment in.", veld=veld)
    try:
        return vragen.moment(waarde, veld, samenstelling().klok())
    except OngeldigeWaarde as fout:
        raise ApiFout(400, fout.melding, veld=veld) from None


def _tekst_of_fout(velden: dict, veld: str) -> str | None:
    try:
        return _tekst(velden, veld)
    except OngeldigeWaarde as fout:
        raise ApiFout(400, fout.melding, veld=veld) from None


@bp.post("/<machtiging_id>/beeindiging")
@machine(Rol.MACHTIGINGEN)
def beeindigen(machtiging_id: str):
    machtiging_id = _bekend(machtiging_id)
    _leg_vast([mt.beeindigd(machtiging_id, _moment("geldig_tot", verplicht=True))])
    return jsonify({"machtiging": machtiging_id, "vastgelegd": 1}), 200


@bp.post("/<machtiging_id>/intrekking")
@machine(Rol.MACHTIGINGEN)
def intrekken(machtiging_id: str):
    machtiging_id = _bekend(machtiging_id)
    _leg_vast([mt.ingetrokken(machtiging_id, _moment("ingetrokken_op", verplicht=False))])
    return jsonify({"machtiging": machtiging_id, "vastgelegd": 1}), 200
