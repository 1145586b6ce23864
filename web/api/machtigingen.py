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
from web.api.beschrijving import Antwoord, beschreven
from web.api.fouten import ApiFout, Fout
from web.api.toegang import machine
from web.api.toegang_modellen import (
    MACHTIGING_PAD,
    Beeindiging,
    Intrekking,
    Machtigingaanlevering,
    MachtigingVastgelegd,
    Vastgelegd,
)
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


TAGS = ("Machtigingenregister",)
GEEN_JSON = Antwoord("De inhoud is niet als JSON aangeboden (Content-Type).", Fout)
ONBEKEND = Antwoord("Deze machtiging staat niet in het register.", Fout)


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
@beschreven(
    "Machtigingen vastleggen",
    uitleg="Eén machtiging of een lijst (hoogstens 10.000), elk met haar hele stand uit DigiD Machtigen. "
    "Alles of niets: één geweigerde machtiging weigert het hele verzoek.",
    body=Machtigingaanlevering,
    antwoorden={
        201: Antwoord("Vastgelegd.", Vastgelegd),
        400: Antwoord("Een machtiging is ongeldig; veld en positie noemen welke (nooit het BSN).", Fout),
        422: Antwoord("Meer dan 10.000 machtigingen in één verzoek (TeVeel).", Fout),
        415: GEEN_JSON,
    },
    tags=TAGS,
)
def registreren():
    inhoud = _json()
    lijst = inhoud.get("machtigingen", [inhoud]) if "machtigingen" in inhoud else [inhoud]
    if not isinstance(lijst, list) or not lijst:
        raise ApiFout(400, "machtigingen: geef een lijst met ten minste één machtiging.")
    if len(lijst) > MAX_PER_VERZOEK:
        # A body that breaks the documented maxItems is invalid input, not an oversized request.
        raise ApiFout(422, f"Stuur hoogstens {MAX_PER_VERZOEK} machtigingen per verzoek.", "TeVeel")
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
@beschreven(
    "Een machtiging eerder beëindigen",
    padparameters={"machtiging_id": MACHTIGING_PAD},
    body=Beeindiging,
    antwoorden={
        200: Antwoord("Vastgelegd.", MachtigingVastgelegd),
        400: Antwoord("Ongeldig kenmerk of moment (met het veld).", Fout),
        404: ONBEKEND,
        415: GEEN_JSON,
    },
    tags=TAGS,
)
def beeindigen(machtiging_id: str):
    machtiging_id = _bekend(machtiging_id)
    _leg_vast([mt.beeindigd(machtiging_id, _moment("geldig_tot", verplicht=True))])
    return jsonify({"machtiging": machtiging_id, "vastgelegd": 1}), 200


@bp.post("/<machtiging_id>/intrekking")
@machine(Rol.MACHTIGINGEN)
@beschreven(
    "Een machtiging intrekken",
    padparameters={"machtiging_id": MACHTIGING_PAD},
    body=Intrekking,
    antwoorden={
        200: Antwoord("Vastgelegd.", MachtigingVastgelegd),
        400: Antwoord("Ongeldig kenmerk of moment (met het veld).", Fout),
        404: ONBEKEND,
        415: GEEN_JSON,
    },
    tags=TAGS,
)
def intrekken(machtiging_id: str):
    machtiging_id = _bekend(machtiging_id)
    _leg_vast([mt.ingetrokken(machtiging_id, _moment("ingetrokken_op", verplicht=False))])
    return jsonify({"machtiging": machtiging_id, "vastgelegd": 1}), 200
