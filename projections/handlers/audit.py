"""Audit trail: one row per event, with who (actor oin, namens), when, which aggregate, and what changed."""

import json
from collections.abc import Sequence

from projections.geheugen import afgeleid_voor, geheugen_voor
from projections.handlers.audit_velden import RELATIES, VELDEN, relatie, relatie_waarde, sleutel, verschil
from projections.handlers.basis import uuid
from projections.kolommen import naar_microseconden
from projections.schrijven import voeg_tupels_toe
from projections.tabellen import Tabellen
from projections.werkset import Werkset


def _stand(standen: Werkset, naam: str, g) -> dict:
    e = g.event
    gevonden = standen.get((uuid(g),))
    if gevonden is not None:
        return gevonden
    sleutel_afnemer = sleutel(naam, e) or (uuid(g), None)
    # An event of a kind this projection does not know yet still gets its row; its fields stay empty.
    return {
        "aggregate_uuid": uuid(g),
        "soort": naam.split(".")[0],
        "sleutel": sleutel_afnemer[0],
        "afnemer": sleutel_afnemer[1],
        "stand": "{}",
    }


KOLOMMEN = (
    "positie",
    "moment",
    "actor_oin",
    "namens",
    "afnemer",
    "soort",
    "sleutel",
    "gebeurtenis",
    "wijzigingen",
)
_GEEN_ACTOR = ("", "")


def _json(wijzigingen: dict) -> str:
    return json.dumps(wijzigingen, ensure_ascii=False)


MAX_RELATIE_JSON = 200_000


def _relatie_json(gemaakt: dict[tuple[str, str], str], naam: str, e) -> str:
    """The JSON of a relation event's change, made once per (event name, other side) and run: most of a
    history's events are links, and the same few thousand codes are linked over and over."""
    sleutel = (naam, relatie_waarde(naam, e))
    tekst = gemaakt.get(sleutel)
    if tekst is None:
        if len(gemaakt) >= MAX_RELATIE_JSON:
            gemaakt.clear()
        tekst = gemaakt[sleutel] = _json(relatie(*sleutel))
    return tekst


def _rij(positie: int, naam: str, e, stand: dict, wijzigingen: str) -> tuple:
    """One audit row as a tuple in KOLOMMEN order: a million of these are written in a rebuild."""
    actor = getattr(e, "actor", None)
    oin, namens = (actor.oin.waarde, actor.namens.waarde) if actor else _GEEN_ACTOR
    return (
        positie,
        naar_microseconden(e.timestamp),
        oin,
        namens,
        stand["afnemer"],
        stand["soort"],
        stand["sleutel"],
        naam.partition(".")[2],
        wijzigingen,
    )


class AuditProjectie:
    naam = "audit"
    versie = 1
    gebeurtenissen = None  # one row for every event
    per_aggregaat = True  # an aggregate's rows follow from its own events (projections.deel)

    def verwerk(self, connection, tabellen: Tabellen, gebeurtenissen: Sequence, geheugen=None) -> None:
        if not gebeurtenissen:
            return
        standen = Werkset(connection, tabellen["audit_stand"], geheugen)
        standen.laad((uuid(g),) for g in gebeurtenissen)
        # Each aggregate's fields are parsed once (per run when there is a memory) and written once per batch.
        velden: dict[str, tuple[dict, dict]] = geheugen_voor(geheugen, "audit:velden")
        relatie_json = afgeleid_voor(geheugen, "audit:relatie_json")
        geraakt: set[str] = set()
        rijen = []
        for g in gebeurtenissen:
            sleutel = uuid(g)
            if sleutel not in velden:
                stand = _stand(standen, g.naam, g)
                velden[sleutel] = (stand, json.loads(stand["stand"]))
            stand, oud = velden[sleutel]
            if g.naam in RELATIES:
                wijziging = _relatie_json(relatie_json, g.naam, g.event)
                rijen.append(_rij(g.positie, g.naam, g.event, stand, wijziging))
                continue
            nieuw = VELDEN.get(g.naam, _ongewijzigd)(g.event, oud)
            rijen.append(_rij(g.positie, g.naam, g.event, stand, _json(verschil(oud, nieuw))))
            if nieuw != oud or standen.get((sleutel,)) is None:
                velden[sleutel] = (stand, nieuw)
                geraakt.add(sleutel)
        for sleutel in geraakt:
            stand, nieuw = velden[sleutel]
            standen.zet({**stand, "stand": json.dumps(nieuw, ensure_ascii=False)})
        standen.schrijf()
        voeg_tupels_toe(connection, tabellen["audit_trail"], KOLOMMEN, rijen)


def _ongewijzigd(e, oud: dict) -> dict:
    return oud
