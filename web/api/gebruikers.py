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
from web.api.beschrijving import Antwoord, beschreven
from web.api.fouten import ApiFout, Fout
from web.api.gebruiker_modellen import BSN_PAD, OIN_PAD, Berichtenboxperiode
from web.api.toegang import machine
from web.uitvoeren import portaal, samenstelling

bp = Blueprint("api_gebruikers", __name__, url_prefix="/api/v1/gebruikers")

_VELDEN = {"actief_van", "actief_tot"}
TAGS = ("Gebruikersregister",)
VASTGELEGD = Antwoord("Vastgelegd; het register toont het.")
ONGELDIG_BSN = Antwoord("Het BSN in het pad voldoet niet aan de elfproef (OngeldigBsn).", Fout)
ONGELDIG_PAD = Antwoord("Het BSN (OngeldigBsn) of de OIN (OngeldigeOin) in het pad is ongeldig.", Fout)
NIET_VASTGELEGD = Antwoord("De wijziging past niet bij het register (OngeldigeWaarde, met het veld).", Fout)


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
@beschreven(
    "Een Berichtenbox actief zetten",
    uitleg="De Berichtenbox van deze burger is actief vanaf actief_van tot actief_tot (null of weggelaten: "
    "nog actief). De hele periode wordt opnieuw gezet.",
    padparameters={"bsn": BSN_PAD},
    body=Berichtenboxperiode,
    antwoorden={
        204: VASTGELEGD,
        400: Antwoord("Het BSN in het pad is ongeldig (OngeldigBsn), of de inhoud is geen object.", Fout),
        415: Antwoord("De inhoud is niet als JSON aangeboden (Content-Type).", Fout),
        422: Antwoord("Een onbekend veld of een ongeldig moment (OngeldigeWaarde, met het veld).", Fout),
    },
    tags=TAGS,
)
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
@beschreven(
    "Een Berichtenbox sluiten",
    uitleg="De Berichtenbox van deze burger is vanaf nu niet meer actief.",
    padparameters={"bsn": BSN_PAD},
    antwoorden={204: VASTGELEGD, 400: ONGELDIG_BSN, 422: NIET_VASTGELEGD},
    tags=TAGS,
)
def sluit(bsn: str):
    burger = _bsn(bsn)
    return _vastgelegd(lambda: portaal().sluit_berichtenbox(burger, _actor()))


@bp.put("/<bsn>/uitgeschakeld/<oin>")
@machine(Rol.MIJNOVERHEID)
@beschreven(
    "Een afnemer uitschakelen",
    uitleg="De burger wil vanaf nu geen berichten meer van deze afnemer (NietActiefOfGeabonneerd).",
    padparameters={"bsn": BSN_PAD, "oin": OIN_PAD},
    antwoorden={204: VASTGELEGD, 400: ONGELDIG_PAD, 422: NIET_VASTGELEGD},
    tags=TAGS,
)
def schakel_uit(bsn: str, oin: str):
    burger, afnemer = _bsn(bsn), _oin(oin)
    return _vastgelegd(lambda: portaal().schakel_afnemer_uit(burger, afnemer, _actor()))


@bp.delete("/<bsn>/uitgeschakeld/<oin>")
@machine(Rol.MIJNOVERHEID)
@beschreven(
    "Een afnemer weer inschakelen",
    uitleg="De burger wil vanaf nu weer berichten van deze afnemer.",
    padparameters={"bsn": BSN_PAD, "oin": OIN_PAD},
    antwoorden={204: VASTGELEGD, 400: ONGELDIG_PAD, 422: NIET_VASTGELEGD},
    tags=TAGS,
)
def schakel_in(bsn: str, oin: str):
    burger, afnemer = _bsn(bsn), _oin(oin)
    return _vastgelegd(lambda: portaal().schakel_afnemer_in(burger, afnemer, _actor()))
