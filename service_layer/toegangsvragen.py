"""The three access questions of chapter 6 as the machine interface and the command line ask them: the
input read and checked once (BSNs, OIN, code, moments), who may ask what, and the answers as plain JSON-ready
dicts, so the API (web/api/toegang_vragen.py) and `portaal toegang` give the same answer.

Who may ask: the beheerder about everything, an afnemer about its own berichttypes and berichten. The
answers hold BSNs (they are the question's subject), so only callers entitled to them get them; nothing here
logs, and a refusal never repeats the BSN it was given.
"""

from dataclasses import dataclass
from datetime import UTC, datetime

from domain.fouten import NietGevonden, NietToegestaan, OngeldigeWaarde
from domain.toegang import Besluit, Dienstperiode, Koppelingsperiode, Machtigingsperiode
from domain.waarden import BerichttypeCode, Bsn, Oin, Rol
from projections.toegang import Bericht, Lezer, Zichtbaarheid
from service_layer.lezen import Lezen, Organisatie


def _tekst(waarde: object, veld: str) -> str | None:
    """A question's value as text: a JSON body may hold anything where a text belongs."""
    if waarde is not None and not isinstance(waarde, str):
        raise OngeldigeWaarde(f"{veld}: geef een tekst.", veld=veld)
    return waarde


def moment(waarde: str | None, veld: str, standaard: datetime) -> datetime:
    """ISO 8601; a moment without a zone is taken as UTC; empty gives `standaard`."""
    waarde = _tekst(waarde, veld)
    if waarde is None or not waarde.strip():
        return standaard
    try:
        gelezen = datetime.fromisoformat(waarde.strip().replace("Z", "+00:00"))
    except ValueError:
        raise OngeldigeWaarde(
            f"{veld}: geen moment in ISO 8601, bijvoorbeeld 2026-03-01T09:00:00Z.", veld=veld
        ) from None
    if not 2000 <= gelezen.year <= 2100:
        raise OngeldigeWaarde(f"{veld}: kies een moment tussen 2000 en 2100.", veld=veld)
    return gelezen.replace(tzinfo=UTC) if gelezen.tzinfo is None else gelezen.astimezone(UTC)


def bsn(waarde: str | None, veld: str) -> str:
    waarde = _tekst(waarde, veld)
    if not waarde:
        raise OngeldigeWaarde(f"{veld}: vul een BSN in.", veld=veld)
    try:
        return Bsn(waarde.strip()).waarde
    except OngeldigeWaarde:
        # The refusal names the field, never the number.
        raise OngeldigeWaarde(
            f"{veld}: geen geldig BSN (9 cijfers die aan de elfproef voldoen).", veld=veld
        ) from None


def oin(waarde: str | None, veld: str = "afnemer") -> Oin:
    waarde = _tekst(waarde, veld)
    try:
        return Oin((waarde or "").strip())
    except OngeldigeWaarde as fout:
        raise OngeldigeWaarde(f"{veld}: {fout.melding}", veld=veld) from None


def code(waarde: str | None) -> str:
    waarde = _tekst(waarde, "berichttype")
    try:
        return BerichttypeCode((waarde or "").strip()).waarde
    except OngeldigeWaarde as fout:
        raise OngeldigeWaarde(f"berichttype: {fout.melding}", veld="berichttype") from None


def mag_vragen(vrager: Organisatie | None, afnemer: Oin | str) -> None:
    """The beheerder may ask about every afnemer; an afnemer only about itself (None: the command line, run
    by whoever holds the database)."""
    if vrager is None or vrager.rol is Rol.BEHEERDER:
        return
    if vrager.rol is Rol.AFNEMER and vrager.oin.waarde == str(afnemer):
        return
    raise NietToegestaan(
        "U mag alleen vragen stellen over de berichttypes en berichten van uw eigen organisatie."
    )


# -- the answers ------------------------------------------------------------------------------------------


def _t(waarde: datetime | None) -> str | None:
    return None if waarde is None else waarde.isoformat()


def _machtiging(m: Machtigingsperiode) -> dict:
    return {
        "machtiging": m.machtiging_id,
        "dienst_id": m.dienst_id,
        "geldig_van": _t(m.van),
        "geldig_tot": _t(m.tot),
        "einde": m.einde,
    }


def _dienst(p: Dienstperiode) -> dict:
    return {"dienst_id": p.dienst_id, "actief_van": _t(p.van), "actief_tot": _t(p.tot)}


def _koppeling(k: Koppelingsperiode) -> dict:
    return {
        "dienst_id": k.dienst_id,
        "berichttype": k.code,
        "gekoppeld_van": _t(k.van),
        "gekoppeld_tot": _t(k.tot),
    }


def uitleg(besluit: Besluit) -> dict:
    """What grants access (each machtiging with its dienst's active period and its koppeling, with their
    intervals) or, on a refusal, the missing piece and the intervals that show it."""
    if besluit.toegang:
        return {
            "tekst": besluit.tekst,
            "gronden": [
                {
                    "machtiging": _machtiging(g.machtiging),
                    "dienst": _dienst(g.dienst),
                    "koppeling": _koppeling(g.koppeling),
                }
                for g in besluit.gronden
            ],
        }
    return {
        "tekst": besluit.tekst,
        "ontbreekt": besluit.reden,
        "machtigingen": [_machtiging(m) for m in besluit.machtigingen],
        "diensten": [_dienst(p) for p in besluit.dienstperioden],
        "koppelingen": [_koppeling(k) for k in besluit.koppelingen],
    }


@dataclass(frozen=True)
class Toegangsvraag:
    gemachtigde: str
    belanghebbende: str
    afnemer: Oin
    berichttype: str
    op: datetime


def lees_toegangsvraag(velden: dict, nu: datetime) -> Toegangsvraag:
    return Toegangsvraag(
        bsn(velden.get("gemachtigde"), "gemachtigde"),
        bsn(velden.get("belanghebbende"), "belanghebbende"),
        oin(velden.get("afnemer")),
        code(velden.get("berichttype")),
        moment(velden.get("op"), "op", nu),
    )


def toegang(lezen: Lezen, vraag: Toegangsvraag, vrager: Organisatie | None) -> dict:
    mag_vragen(vrager, vraag.afnemer)
    besluit = lezen.toegang(
        vraag.gemachtigde, vraag.belanghebbende, vraag.afnemer, vraag.berichttype, vraag.op
    )
    return {
        "gemachtigde": vraag.gemachtigde,
        "belanghebbende": vraag.belanghebbende,
        "afnemer": vraag.afnemer.waarde,
        "berichttype": vraag.berichttype,
        "op": _t(vraag.op),
        "toegang": besluit.toegang,
        "uitleg": uitleg(besluit),
    }


def _lezer(lezer: Lezer) -> dict:
    return {
        "gemachtigde": lezer.gemachtigde,
        "sinds": _t(lezer.sinds),
        "gronden": [
            {
                "machtiging": _machtiging(g.machtiging),
                "dienst": _dienst(g.dienst),
                "koppeling": _koppeling(g.koppeling),
            }
            for g in lezer.gronden
        ],
    }


def lezers(lezen: Lezen, bericht_id: str, op: datetime, vrager: Organisatie | None) -> dict:
    """Who could read the bericht at `op` and since when. A bericht of another afnemer does not exist for
    the asker (404, not 403), so BerichtIDs cannot be probed."""
    gevonden: Bericht | None = lezen.bezorgd_bericht(bericht_id.strip().lower())
    if gevonden is None:
        raise NietGevonden("Dit bericht is niet bezorgd, of niet van uw organisatie.")
    try:
        mag_vragen(vrager, gevonden.afnemer)
    except NietToegestaan:
        raise NietGevonden("Dit bericht is niet bezorgd, of niet van uw organisatie.") from None
    gevonden_lezers = lezen.lezers(gevonden, op)
    return {
        "bericht_id": gevonden.bericht_id,
        "afnemer": gevonden.afnemer,
        "berichttype": gevonden.berichttype,
        "belanghebbende": gevonden.belanghebbende,
        "geplaatst_op": _t(gevonden.geplaatst_op),
        "publicatie_op": _t(gevonden.publicatie_op),
        "op": _t(op),
        "aantal": len(gevonden_lezers),
        "lezers": [_lezer(lezer) for lezer in gevonden_lezers],
    }


def zichtbaarheid_json(z: Zichtbaarheid) -> dict:
    return {
        "van": _t(z.van),
        "tot": _t(z.tot),
        "diensten": [_koppeling(k) for k in z.koppelingen],
        "gemachtigden": z.gemachtigden,
        "gemachtigden_aan_begin": z.aan_begin,
        "gemachtigden_aan_einde": z.aan_einde,
        "verloop": [{"vanaf": _t(m), "gemachtigden": n} for m, n in z.verloop],
    }


def zichtbaarheid(
    lezen: Lezen, afnemer: Oin, berichttype: str, van: datetime, tot: datetime, vrager: Organisatie | None
) -> dict:
    mag_vragen(vrager, afnemer)
    if berichttype not in lezen.berichttypes_met_codes(afnemer, [berichttype]):
        raise NietGevonden(f"Berichttype {berichttype} bestaat niet bij deze afnemer.")
    if tot <= van:
        raise OngeldigeWaarde("tot: kies een moment na van.", veld="tot")
    return {
        "afnemer": afnemer.waarde,
        "berichttype": berichttype,
        **zichtbaarheid_json(lezen.zichtbaarheid(afnemer, berichttype, van, tot)),
    }
