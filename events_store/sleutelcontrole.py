"""At start-up: can this process read the events with the key it was given (PORTAAL_CIPHER_KEY)?

A store whose events were written with another key, or encrypted while the key is now missing, or written in
plain text while a key is now set, would otherwise fail on the first read model catch-up with a traceback
deep in the library. The first and the newest event of every log are decoded once, before anything else
reads them, and an operator gets a Dutch sentence naming what does not match.
"""

from collections.abc import Iterable

from eventsourcing.persistence import StoredEvent
from sqlalchemy import select

from events_store.basis import Logboek


class Sleutelfout(RuntimeError):
    """The events cannot be decoded with this process's key; the message is for the operator."""


def controleer(logs: Iterable[Logboek]) -> None:
    """Raise Sleutelfout when the first or the newest event of a log cannot be decoded."""
    for log in logs:
        for stored in _eerste_en_laatste(log):
            try:
                log.mapper.to_domain_event(stored)
            except Exception as fout:
                raise Sleutelfout(_waarom(log, stored)) from fout


def _eerste_en_laatste(log: Logboek) -> list[StoredEvent]:
    tabel = log.recorder.events_record_cls.__table__
    c = tabel.c
    kolommen = (c.originator_id, c.originator_version, c.topic, c.state)
    with log.engine.connect() as connection:
        rijen = [
            connection.execute(select(*kolommen).order_by(volgorde).limit(1)).first()
            for volgorde in (c.id.asc(), c.id.desc())
        ]
    return [
        StoredEvent(oid, versie, topic, bytes(state)) for oid, versie, topic, state in filter(None, rijen)
    ]


def _waarom(log: Logboek, stored: StoredEvent) -> str:
    leesbaar = stored.state[:1] in (b"{", b"[")
    if log.mapper.cipher is None:
        if leesbaar:
            return (
                f"Een event van eventlog {log.name} is niet te lezen (onderwerp {stored.topic}). Is deze "
                "versie van het portaal ouder dan de database?"
            )
        return (
            f"De events van eventlog {log.name} zijn versleuteld, maar PORTAAL_CIPHER_KEY is niet gezet. Zet "
            "de sleutel waarmee ze zijn vastgelegd (zie docs/deploy.md)."
        )
    if leesbaar:
        return (
            f"PORTAAL_CIPHER_KEY is gezet, maar de events van eventlog {log.name} zijn niet versleuteld: "
            "deze database is zonder sleutel vastgelegd. Start zonder PORTAAL_CIPHER_KEY."
        )
    return (
        f"PORTAAL_CIPHER_KEY past niet bij de events van eventlog {log.name}: ze zijn met een andere sleutel "
        "vastgelegd. Zet de sleutel waarmee ze zijn vastgelegd (zie docs/deploy.md)."
    )
