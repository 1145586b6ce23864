"""Decoding for the read side: the application's own format (same cipher, same compressor, same JSON),
with our value objects rebuilt without re-running their validation.

Every stored event passed that validation when its command ran; checking 20-digit OINs again with a regular
expression for each of a million events would only cost time during a rebuild.
"""

import json
from datetime import datetime
from uuid import UUID

from eventsourcing.persistence import (
    DatetimeAsISO,
    DecimalAsStr,
    JSONTranscoder,
    Mapper,
    StoredEvent,
    UUIDAsHex,
)
from eventsourcing.utils import resolve_topic

from domain.waarden import Actor, Oin
from events_store.transcodings import (
    TRANSCODINGS,
    ActorAlsLijst,
    CodeAlsTekst,
    DienstIdAlsTekst,
    OinAlsTekst,
)


def _vertrouwd(cls, **velden):
    # Frozen dataclasses refuse setattr; filling __dict__ directly is what their own __init__ amounts to.
    obj = object.__new__(cls)
    obj.__dict__.update(velden)
    return obj


class _Gedeeld:
    """Value objects are immutable, so one instance per distinct value can be shared by every event:
    a history names the same few hundred afnemers a million times."""

    MAX = 200_000

    def __init__(self, maak) -> None:
        self.maak = maak
        self.gezien: dict = {}

    def __call__(self, data):
        obj = self.gezien.get(data)
        if obj is None:
            if len(self.gezien) >= self.MAX:
                self.gezien.clear()
            obj = self.gezien[data] = self.maak(data)
        return obj


class _VertrouwdeTekst:
    """Decoding only: the encoding, type and name come from the write side's transcoding it is mixed into."""

    def __init__(self) -> None:
        self._gedeeld = _Gedeeld(lambda data: _vertrouwd(self.type, waarde=data))

    def decode(self, data: str):
        return self._gedeeld(data)


class _Oin(_VertrouwdeTekst, OinAlsTekst):
    pass


class _Code(_VertrouwdeTekst, CodeAlsTekst):
    pass


class _DienstId(_VertrouwdeTekst, DienstIdAlsTekst):
    pass


def _actor(data: tuple[str, str, str]) -> Actor:
    oin, namens, certificaat = data
    return _vertrouwd(
        Actor, oin=_vertrouwd(Oin, waarde=oin), namens=_vertrouwd(Oin, waarde=namens), certificaat=certificaat
    )


class _Actor(ActorAlsLijst):
    def __init__(self) -> None:
        self._gedeeld = _Gedeeld(_actor)

    def decode(self, data: list[str]) -> Actor:
        return self._gedeeld(tuple(data))


_SNEL = {t.name: t for t in (_Oin, _Code, _DienstId, _Actor)}


def lees_mapper(log) -> Mapper:
    """A mapper for reading this log's events: its cipher and compressor, our fast transcodings."""
    transcoder = JSONTranscoder()
    for transcoding in (UUIDAsHex, DecimalAsStr, DatetimeAsISO):
        transcoder.register(transcoding())
    for transcoding in TRANSCODINGS:
        transcoder.register(_SNEL.get(transcoding.name, transcoding)())
    return Mapper(transcoder, compressor=log.mapper.compressor, cipher=log.mapper.cipher)


class SnelleDecoder:
    """`Mapper.to_domain_event` without its per-event overhead, for events stored as plain JSON (no cipher,
    no compressor) of a class at version 1: one JSON decode with a lean hook for our transcodings, the
    event class looked up once per topic, and each aggregate's id made once (a history names 25,000
    aggregates a million times). Anything else goes through the mapper itself, which also reports errors.
    """

    MAX_IDS = 200_000

    def __init__(self, mapper: Mapper) -> None:
        self.mapper = mapper
        self.direct = mapper.cipher is None and mapper.compressor is None
        self.decoders = {
            # Our shared value objects without the transcoding's own method in between.
            naam: t._gedeeld if isinstance(t, _VertrouwdeTekst) else t.decode
            for naam, t in mapper.transcoder.names.items()
        }
        if isinstance(mapper.transcoder.names.get("datetime_iso"), DatetimeAsISO):
            self.decoders["datetime_iso"] = datetime.fromisoformat  # what DatetimeAsISO does, one call less
        # The C scanner itself: JSONDecoder.decode adds two regular-expression matches for whitespace
        # our JSON never has (a trailing rest makes us fall back to the mapper).
        self.scan = json.JSONDecoder(object_hook=self._object).scan_once
        self.klassen: dict[str, type | None] = {}
        self.ids: dict[bytes, tuple[UUID, str]] = {}

    def _object(self, d: dict):
        if len(d) == 2:
            naam = d.get("_type_")
            if naam is not None and "_data_" in d:
                return self.decoders[naam](d["_data_"])
        return d

    def id(self, ruw) -> tuple[UUID, str]:
        """The aggregate id as a UUID and as text, from what the driver returned (bytes or a UUID)."""
        bekend = self.ids.get(ruw)
        if bekend is None:
            if len(self.ids) >= self.MAX_IDS:
                self.ids.clear()
            oid = ruw if isinstance(ruw, UUID) else UUID(bytes=bytes(ruw))
            bekend = self.ids[ruw] = (oid, str(oid))
        return bekend

    def _klasse(self, topic: str) -> type | None:
        if topic not in self.klassen:
            cls = resolve_topic(topic)
            self.klassen[topic] = cls if getattr(cls, "class_version", 1) == 1 else None
        return self.klassen[topic]

    def event(self, oid: UUID, versie: int, topic: str, state: bytes):
        if not isinstance(state, bytes):
            state = bytes(state)
        cls = self._klasse(topic) if self.direct else None
        if cls is not None:
            try:
                tekst = state.decode("utf8")
                velden, einde = self.scan(tekst, 0)
            except (KeyError, ValueError, StopIteration):  # UnicodeDecodeError is a ValueError
                tekst, velden, einde = "", None, -1  # the mapper decodes it again and says what is wrong
            if einde != len(tekst) or type(velden) is not dict:
                velden = None
            if velden is not None and "class_version" not in velden:
                velden["originator_id"] = oid
                velden["originator_version"] = versie
                event = object.__new__(cls)
                object.__setattr__(event, "__dict__", velden)
                return event
        return self.mapper.to_domain_event(StoredEvent(oid, versie, topic, state))
