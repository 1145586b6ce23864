"""Events as earlier versions of the code stored them, written raw, for loading with today's code."""

import json
from datetime import datetime
from uuid import UUID

from eventsourcing.persistence import StoredEvent

from domain.identiteit import dienst_id
from domain.waarden import DienstId, Oin


def dienst_created_v1(afnemer: Oin, dienst: str, omschrijving: str, moment: datetime) -> bytes:
    """Dienst.Created before class_version 2: the Dienst ID under `dienst_id_`, no class_version. The layout
    is what that code's mapper wrote (keys in this order, no spaces)."""
    oin = {"_type_": "oin", "_data_": str(afnemer)}
    state = {
        "timestamp": {"_type_": "datetime_iso", "_data_": moment.isoformat()},
        "originator_topic": "domain.dienst:Dienst",
        "afnemer": oin,
        "dienst_id_": {"_type_": "dienst_id", "_data_": dienst},
        "omschrijving": omschrijving,
        "actor": {"_type_": "actor", "_data_": [str(afnemer), str(afnemer), "test"]},
    }
    return json.dumps(state, separators=(",", ":"), ensure_ascii=False).encode("utf8")


def bewaar_oude_dienst(portaal, afnemer: Oin, dienst: str, omschrijving: str, moment: datetime) -> UUID:
    """Store a version-1 Dienst.Created in the portaal's events table, encrypted when its store is."""
    state = dienst_created_v1(afnemer, dienst, omschrijving, moment)
    if portaal.mapper.cipher is not None:
        state = portaal.mapper.cipher.encrypt(state)
    aggregate_id = dienst_id(afnemer, DienstId(dienst))
    portaal.recorder.insert_events([StoredEvent(aggregate_id, 1, "domain.dienst:Dienst.Created", state)])
    return aggregate_id
