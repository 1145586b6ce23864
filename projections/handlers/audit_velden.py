"""What each event changes, as the fields an auditor reads: the new field values after the event.

`VELDEN[naam](event, oud)` returns the aggregate's fields after the event; the audit row stores only the
fields that differ, each as {"voor": ..., "na": ...}. `RELATIES` describe links made or ended. Fields are
plain JSON values; never a BSN.
"""

from collections.abc import Callable


def _organisatie_registered(e, oud: dict) -> dict:
    return {
        "oin": str(e.oin),
        "naam": e.naam,
        "rol": e.rol.value,
        "kenmerken": [k.value for k in e.kenmerken],
    }


def _organisatie_details(e, oud: dict) -> dict:
    return {**oud, "naam": e.naam, "kenmerken": [k.value for k in e.kenmerken]}


def _profiel(e, oud: dict) -> dict:
    p = e.profiel
    return {
        **oud,
        "profiel": {"toelichting": p.toelichting, "lijst": p.lijst, "bijzonderheden": p.bijzonderheden},
    }


def _berichttype_created(e, oud: dict) -> dict:
    return {
        "code": str(e.code),
        "omschrijving": e.omschrijving,
        "kenmerk": e.kenmerk.value,
        "status": "Nieuw",
        "bijlagen": [],
    }


def _berichttype_details(e, oud: dict) -> dict:
    return {**oud, "omschrijving": e.omschrijving, "kenmerk": e.kenmerk.value}


def _status(status: str) -> Callable[[object, dict], dict]:
    return lambda e, oud: {**oud, "status": status}


def _bijlage_added(e, oud: dict) -> dict:
    return {
        **oud,
        "bijlagen": [*oud.get("bijlagen", []), {"id": e.bijlage.bijlage_id, "naam": e.bijlage.naam}],
    }


def _bijlage_removed(e, oud: dict) -> dict:
    return {**oud, "bijlagen": [b for b in oud.get("bijlagen", []) if b["id"] != e.bijlage_id]}


def _bijlage_moved(e, oud: dict) -> dict:
    bijlagen = oud.get("bijlagen", [])
    bijlage = next(b for b in bijlagen if b["id"] == e.bijlage_id)
    rest = [b for b in bijlagen if b["id"] != e.bijlage_id]
    return {**oud, "bijlagen": [*rest[: e.positie], bijlage, *rest[e.positie :]]}


def _dienst_created(e, oud: dict) -> dict:
    return {
        "dienst_id": e.dienst_id.waarde,
        "omschrijving": e.omschrijving,
        "status": "Actief",
        "koppelingen": [],
    }


def _omschrijving(e, oud: dict) -> dict:
    return {**oud, "omschrijving": e.omschrijving}


def _dienst_deactivated(e, oud: dict) -> dict:
    # The links it ends are in the koppeling history, each with einde "dienst gedeactiveerd".
    return {**oud, "status": "Inactief"}


def _mededeling_posted(e, oud: dict) -> dict:
    return {"titel": e.titel, "inhoud": e.inhoud, "ingetrokken": False}


VELDEN: dict[str, Callable[[object, dict], dict]] = {
    "Organisatie.Registered": _organisatie_registered,
    "Organisatie.DetailsChanged": _organisatie_details,
    "Organisatie.ProfileChanged": _profiel,
    "Berichttype.Created": _berichttype_created,
    "Berichttype.DetailsChanged": _berichttype_details,
    "Berichttype.Activated": _status("Actief"),
    "Berichttype.Deactivated": _status("Inactief"),
    "Berichttype.Archived": _status("Archief"),
    "Berichttype.AttachmentAdded": _bijlage_added,
    "Berichttype.AttachmentRemoved": _bijlage_removed,
    "Berichttype.AttachmentMoved": _bijlage_moved,
    "Dienst.Created": _dienst_created,
    "Dienst.DescriptionChanged": _omschrijving,
    "Dienst.Deactivated": _dienst_deactivated,
    "Dienst.Reactivated": _status("Actief"),
    "Mededeling.Posted": _mededeling_posted,
    "Mededeling.Withdrawn": lambda e, oud: {**oud, "ingetrokken": True},
}


# Events that change a relation rather than a field: their change is described by the event alone, so the
# audit keeps no list of links per dienst (a dienst with forty links would be rewritten on every link).
# Per event: (the field, the event's attribute naming the other side, True when the link is made).
RELATIES: dict[str, tuple[str, str, bool]] = {
    "Organisatie.RepresentationStarted": ("bediende_afnemer", "afnemer", True),
    "Organisatie.RepresentationEnded": ("bediende_afnemer", "afnemer", False),
    "Dienst.Linked": ("koppeling", "code", True),
    "Dienst.Unlinked": ("koppeling", "code", False),
}


def relatie(naam: str, waarde: str) -> dict:
    """What a relation event changes, e.g. {"koppeling": {"voor": None, "na": "AB1"}}."""
    veld, _, gemaakt = RELATIES[naam]
    return {veld: {"voor": None, "na": waarde} if gemaakt else {"voor": waarde, "na": None}}


def relatie_waarde(naam: str, e) -> str:
    return str(getattr(e, RELATIES[naam][1]))


def sleutel(naam: str, e) -> tuple[str, str | None] | None:
    """(sleutel, afnemer) for an aggregate's first event; None for every later event."""
    if naam == "Organisatie.Registered":
        return str(e.oin), str(e.oin)
    if naam == "Berichttype.Created":
        return f"{e.afnemer}/{e.code}", str(e.afnemer)
    if naam == "Dienst.Created":
        return f"{e.afnemer}/{e.dienst_id.waarde}", str(e.afnemer)
    if naam == "Mededeling.Posted":
        return str(e.originator_id), None
    return None


def verschil(oud: dict, nieuw: dict) -> dict:
    return {
        veld: {"voor": oud.get(veld), "na": nieuw.get(veld)}
        for veld in sorted(set(oud) | set(nieuw))
        if oud.get(veld) != nieuw.get(veld)
    }
