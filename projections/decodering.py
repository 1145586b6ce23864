"""Decoding for the read side: the application's own format (same cipher, same compressor, same JSON),
with our value objects rebuilt without re-running their validation.

Every stored event passed that validation when its command ran; checking 20-digit OINs again with a regular
expression for each of a million events would only cost time during a rebuild.
"""

from eventsourcing.persistence import (
    DatetimeAsISO,
    DecimalAsStr,
    JSONTranscoder,
    Mapper,
    Transcoding,
    UUIDAsHex,
)

from domain.waarden import Actor, BerichttypeCode, DienstId, Oin
from events_store.transcodings import TRANSCODINGS


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


class _VertrouwdeTekst(Transcoding):
    def __init__(self) -> None:
        self._gedeeld = _Gedeeld(lambda data: _vertrouwd(self.type, waarde=data))

    def encode(self, obj) -> str:
        return obj.waarde

    def decode(self, data: str):
        return self._gedeeld(data)


class _Oin(_VertrouwdeTekst):
    type = Oin
    name = "oin"


class _Code(_VertrouwdeTekst):
    type = BerichttypeCode
    name = "berichttypecode"


class _DienstId(_VertrouwdeTekst):
    type = DienstId
    name = "dienst_id"


def _actor(data: tuple[str, str, str]) -> Actor:
    oin, namens, certificaat = data
    return _vertrouwd(
        Actor, oin=_vertrouwd(Oin, waarde=oin), namens=_vertrouwd(Oin, waarde=namens), certificaat=certificaat
    )


class _Actor(Transcoding):
    type = Actor
    name = "actor"

    def __init__(self) -> None:
        self._gedeeld = _Gedeeld(_actor)

    def encode(self, obj: Actor) -> list[str]:
        return [obj.oin.waarde, obj.namens.waarde, obj.certificaat]

    def decode(self, data: list[str]) -> Actor:
        return self._gedeeld(tuple(data))


_SNEL = {t.name: t for t in (_Oin, _Code, _DienstId, _Actor)}


def lees_mapper(portaal) -> Mapper:
    """A mapper for reading this portaal's events: its cipher and compressor, our fast transcodings."""
    transcoder = JSONTranscoder()
    for transcoding in (UUIDAsHex, DecimalAsStr, DatetimeAsISO):
        transcoder.register(transcoding())
    for transcoding in TRANSCODINGS:
        transcoder.register(_SNEL.get(transcoding.name, transcoding)())
    return Mapper(transcoder, compressor=portaal.mapper.compressor, cipher=portaal.mapper.cipher)
