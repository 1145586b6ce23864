"""The MijnOverheid feed's single changes to the Berichtenbox users register (docs/gebruikers-register.md):

- `PUT    /api/v1/gebruikers/{bsn}` with `{"actief_van": ..., "actief_tot": ... | null}`: the box is active
  from `actief_van` until `actief_tot` (null or left out: still active);
- `DELETE /api/v1/gebruikers/{bsn}`: the box is closed now;
- `PUT    /api/v1/gebruikers/{bsn}/uitgeschakeld/{oin}`: the citizen switched this afnemer off, now;
- `DELETE /api/v1/gebruikers/{bsn}/uitgeschakeld/{oin}`: the citizen switched it on again, now.

Only a certificate of an organisation the beheerder registered with the MijnOverheid role gets in. Each
answers 204 once recorded and the register shows it. A refusal names what is wrong, never the BSN.
"""

from flask import Blueprint, g, request

from domain.fouten import DomeinFout, OngeldigeWaarde
from domain.gebruikersbestand import tijdstip
from domain.waarden import Actor, Bsn, Oin, Rol
from web.api.fouten import ApiFout
from web.api.toegang import machine
from web.uitvoeren import portaal, samenstelling

bp = Blueprint("api_gebruikers", __name__, url_prefix="/api/v1/gebruikers")

_VELDEN = {"actief_van", "actief_tot"}


def _bsn(tekst: str) -> Bsn:
    try:
        return Bsn(tekst)
    except OngeldigeWaarde:
        melding = "Het BSN in het pad is geen 9 cijfers die aan de elfproef voldoen."
        raise ApiFout(400, melding, "OngeldigBsn") from None


def _oin(tekst: str) -> Oin:
    try:
        return Oin(tekst)
    except OngeldigeWaarde:
        raise ApiFout(400, "De afnemer in het pad is geen OIN (20 cijfers).", "OngeldigeOin") from None


def _actor() -> Actor:
    oin = g.machine.oin
    return Actor(oin, oin, g.certificaat.serienummer)


def _vastgelegd(commando) -> tuple[str, int]:
    """Run the use case, then wait for the register to show it (as a page does after a form)."""
    try:
        vastgelegd = commando()
    except DomeinFout as fout:
        raise ApiFout(422, fout.melding, "OngeldigeWaarde", veld=fout.veld) from None
    samenstelling().na_commando(vastgelegd)
    return "", 204


def _body() -> dict:
    if not request.is_json:
        raise ApiFout(415, "Stuur de gegevens als JSON (Content-Type: application/json).")
    inhoud = request.get_json(silent=True)
    if not isinstance(inhoud, dict):
        raise ApiFout(400, "De inhoud is geen JSON-object.")
    onbekend = sorted(set(inhoud) - _VELDEN)
    if onbekend:
        raise ApiFout(422, "Onbekende velden: " + ", ".join(onbekend) + ".", "OngeldigeWaarde")
    return inhoud


@bp.put("/<bsn>")
@machine(Rol.MIJNOVERHEID)
def zet_actief(bsn: str):
    burger = _bsn(bsn)
    inhoud = _body()
    try:
        van = tijdstip(inhoud.get("actief_van"), "actief_van", "Actief van")
        tot_tekst = inhoud.get("actief_tot")
        tot = None if tot_tekst is None else tijdstip(tot_tekst, "actief_tot", "Actief tot")
    except OngeldigeWaarde as fout:
        raise ApiFout(422, fout.melding, "OngeldigeWaarde", veld=fout.veld) from None
    return _vastgelegd(lambda: portaal().zet_berichtenbox(burger, van, tot, _actor()))


@bp.delete("/<bsn>")
@machine(Rol.MIJNOVERHEID)
def sluit(bsn: str):
    burger = _bsn(bsn)
    return _vastgelegd(lambda: portaal().sluit_berichtenbox(burger, _actor()))


@bp.put("/<bsn>/uitgeschakeld/<oin>")
@machine(Rol.MIJNOVERHEID)
def schakel_uit(bsn: str, oin: str):
    burger, afnemer = _bsn(bsn), _oin(oin)
    return _vastgelegd(lambda: portaal().schakel_afnemer_uit(burger, afnemer, _actor()))


@bp.delete("/<bsn>/uitgeschakeld/<oin>")
@machine(Rol.MIJNOVERHEID)
def schakel_in(bsn: str, oin: str):
    burger, afnemer = _bsn(bsn), _oin(oin)
    return _vastgelegd(lambda: portaal().schakel_afnemer_in(burger, afnemer, _actor()))
