"""Batch intake and its reports (REFERENCE.md, "Delivery of messages"):

- `POST /api/v1/batches[?afnemer=OIN]` takes a batch in the koppelvlak's XML from the berichtleverancier whose
  certificate the proxy hands over; 202 with the BatchID and where to follow it. An intermediair names the
  afnemer it delivers for; an afnemer delivers for itself.
- `GET /api/v1/batches/{batch_id}`: the status (received, processed, the counters).
- `GET /api/v1/batches/{batch_id}/verslag`: the report, `BerichtVerwerkResponse` in XML, or JSON on
  `Accept: application/json`. Never a BSN.

Only the leverancier that delivered a batch and the afnemer it was for can see it; to anyone else it does
not exist (404), so BatchIDs cannot be probed.
"""

from flask import Blueprint, Response, g, jsonify, request, url_for

from domain.fouten import BatchGeweigerd, BestaatAl, NietToegestaan, OngeldigeWaarde
from domain.levering import MAX_BATCH_BYTES
from domain.verwerking import VerwerkingsCode
from domain.waarden import Oin, Rol
from koppelvlak.verslag import verslag_json, verslag_xml
from web.api.batch_modellen import (
    VOORBEELD_BATCH,
    VOORBEELD_BATCH_ID,
    Aanlevering,
    Aanleverparameters,
    Batchstatus,
    Verslag,
)
from web.api.beschrijving import Antwoord, Inhoud, beschreven
from web.api.fouten import ApiFout, Fout
from web.api.toegang import machine
from web.lezen import lezen
from web.uitvoeren import portaal, samenstelling

bp = Blueprint("api_batches", __name__, url_prefix="/api/v1/batches")

LEVERANCIERS = (Rol.AFNEMER, Rol.INTERMEDIAIR)
XML_TYPES = {"application/xml", "text/xml"}
TAGS = ("Batches",)
XML = {"type": "string", "contentMediaType": "application/xml"}
BATCH_ID = {
    "type": "string",
    "description": "De BatchID uit de batch (een GUID).",
    "examples": [VOORBEELD_BATCH_ID],
}
NIET_GEVONDEN = Antwoord("Deze batch bestaat niet, of is niet van of voor uw organisatie.", Fout)


def _afnemer() -> Oin | None:
    waarde = request.args.get("afnemer")
    if waarde is None:
        return None
    try:
        return Oin(waarde)
    except OngeldigeWaarde as fout:
        raise ApiFout(400, f"afnemer: {fout.melding}") from None


def _status(regel) -> dict:
    return {
        "batch_id": regel.batch_id,
        "leverancier": regel.leverancier,
        "afnemer": regel.afnemer,
        "ontvangen_op": regel.ontvangen_op.isoformat(),
        "aantal_berichten": regel.aantal,
        "afgerond": regel.verwerkt_op is not None,
        "verwerkt_op": regel.verwerkt_op.isoformat() if regel.verwerkt_op else None,
        "proceskenmerk": regel.proceskenmerk,
        "verwerkt": regel.verwerkt,
        "verwerkt_met_waarschuwing": regel.waarschuwing,
        "niet_verwerkt": regel.niet_verwerkt,
        "status_url": url_for("api_batches.status", batch_id=regel.batch_id),
        "verslag_url": url_for("api_batches.verslag", batch_id=regel.batch_id),
    }


@bp.post("")
@machine(*LEVERANCIERS)
@beschreven(
    "Een batch aanleveren",
    uitleg="Een batch in de XML van het koppelvlak (koppelvlak/berichten.xsd, 1 tot 1000 berichten, "
    "hoogstens 100 MB). De BerichtLeverancierID moet het OIN van het certificaat zijn. Dezelfde BatchID "
    "opnieuw aanleveren legt niets opnieuw vast en geeft hetzelfde antwoord (met nieuw=false).",
    query=Aanleverparameters,
    body=Inhoud(
        ("application/xml", "text/xml"),
        XML,
        VOORBEELD_BATCH,
    ),
    body_uitleg="Een `Berichten`-document in de namespace van het koppelvlak.",
    antwoorden={
        202: Antwoord(
            "Ontvangen; de verwerking loopt of is al klaar. Location wijst naar de status.",
            Aanlevering,
            {"Location": "De URL van de status van de batch."},
        ),
        400: Antwoord(
            "De batch is als geheel geweigerd: geen geldige XML volgens het XSD "
            "(XmlValidatieTegenXsdValtNegatiefUit, met de regel), of een ongeldige parameter afnemer.",
            Fout,
        ),
        403: Antwoord(
            "Het certificaat past niet bij de batch (OinInCPAKomtNietOvereenMetOinInBericht), de organisatie "
            "is niet aangesloten of mag niet voor deze afnemer aanleveren.",
            Fout,
        ),
        409: Antwoord("Deze BatchID is al gebruikt door een andere berichtleverancier.", Fout),
        413: Antwoord("De batch is groter dan 100 MB.", Fout),
        415: Antwoord("De batch is niet als XML aangeboden (Content-Type).", Fout),
    },
    tags=TAGS,
)
def aanleveren():
    if request.mimetype not in XML_TYPES:
        raise ApiFout(415, "Lever de batch aan als XML (Content-Type: application/xml).")
    request.max_content_length = MAX_BATCH_BYTES
    try:
        aanlevering = portaal().lever_batch_aan(
            request.stream, g.machine.oin, g.certificaat.serienummer, _afnemer()
        )
    except BatchGeweigerd as fout:
        status = 403 if fout.code is VerwerkingsCode.OIN_KOMT_NIET_OVEREEN else 400
        extra = {"regel": fout.regel} if fout.regel is not None else {}
        raise ApiFout(status, fout.melding, fout.code.value, **extra) from None
    except NietToegestaan as fout:
        raise ApiFout(403, fout.melding) from None
    except BestaatAl as fout:
        raise ApiFout(409, fout.melding) from None
    samenstelling().na_commando(*aanlevering.vastgelegd)
    antwoord = jsonify({**_status(lezen().batch(aanlevering.batch_id)), "nieuw": aanlevering.nieuw})
    antwoord.status_code = 202
    antwoord.headers["Location"] = url_for("api_batches.status", batch_id=aanlevering.batch_id)
    return antwoord


def _zichtbaar(batch_id: str):
    regel = lezen().batch(batch_id)
    if regel is None or g.machine.oin.waarde not in (regel.leverancier, regel.afnemer):
        raise ApiFout(404, "Deze batch bestaat niet, of is niet van of voor uw organisatie.")
    return regel


@bp.get("/<batch_id>")
@machine(*LEVERANCIERS)
@beschreven(
    "De status van een batch",
    uitleg="Voor de berichtleverancier die de batch aanleverde en de afnemer voor wie hij was.",
    padparameters={"batch_id": BATCH_ID},
    antwoorden={200: Antwoord("De status.", Batchstatus), 404: NIET_GEVONDEN},
    tags=TAGS,
)
def status(batch_id: str):
    # The batch as read for the access check is the one shown: one read, not two.
    return jsonify(_status(_zichtbaar(batch_id)))


@bp.get("/<batch_id>/verslag")
@machine(*LEVERANCIERS)
@beschreven(
    "Het verwerkingsverslag van een batch",
    uitleg="`BerichtVerwerkResponse` van het koppelvlak (koppelvlak/verslag.xsd) in XML, of in JSON met "
    "`Accept: application/json`. Zolang de batch wacht op verwerking ontbreekt DatumVerwerkt. Nooit een BSN.",
    padparameters={"batch_id": BATCH_ID},
    antwoorden={
        200: Antwoord(
            "Het verslag.",
            (Inhoud(("application/xml",), XML), Verslag),
        ),
        404: NIET_GEVONDEN,
    },
    tags=TAGS,
)
def verslag(batch_id: str):
    _zichtbaar(batch_id)
    inhoud = lezen().verslag(batch_id)
    gewenst = request.accept_mimetypes.best_match(["application/xml", "application/json"], "application/xml")
    if gewenst == "application/json":
        return jsonify(verslag_json(inhoud))
    return Response(verslag_xml(inhoud), mimetype="application/xml")
