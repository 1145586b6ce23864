"""How our value types are stored inside events and snapshots; registered in one place (`TRANSCODINGS`)."""

from eventsourcing.persistence import Transcoding

from domain.bijlage import BijlageRef
from domain.profiel import Profiel
from domain.waarden import Actor, BerichttypeCode, DienstId, Notificatiekenmerk, Oin, Rol, Status


class _AlsTekst(Transcoding):
    def encode(self, obj) -> str:
        return obj.waarde

    def decode(self, data: str):
        return self.type(data)


class OinAlsTekst(_AlsTekst):
    type = Oin
    name = "oin"


class CodeAlsTekst(_AlsTekst):
    type = BerichttypeCode
    name = "berichttypecode"


class DienstIdAlsTekst(_AlsTekst):
    type = DienstId
    name = "dienst_id"

    def decode(self, data: str) -> DienstId:
        # Stored Dienst IDs passed the rules of their day; a rule added later holds for new input only.
        return DienstId.bestaand(data)


class _EnumAlsWaarde(Transcoding):
    def encode(self, obj) -> str:
        return obj.value

    def decode(self, data: str):
        return self.type(data)


class KenmerkAlsTekst(_EnumAlsWaarde):
    type = Notificatiekenmerk
    name = "notificatiekenmerk"


class StatusAlsTekst(_EnumAlsWaarde):
    type = Status
    name = "status"


class RolAlsTekst(_EnumAlsWaarde):
    type = Rol
    name = "rol"


class ActorAlsLijst(Transcoding):
    type = Actor
    name = "actor"

    def encode(self, obj: Actor) -> list[str]:
        return [obj.oin.waarde, obj.namens.waarde, obj.certificaat]

    def decode(self, data: list[str]) -> Actor:
        oin, namens, certificaat = data
        return Actor(Oin(oin), Oin(namens), certificaat)


class BijlageAlsDict(Transcoding):
    type = BijlageRef
    name = "bijlage"

    def encode(self, obj: BijlageRef) -> dict:
        return {"id": obj.bijlage_id, "naam": obj.naam, "grootte": obj.grootte, "sha256": obj.sha256}

    def decode(self, data: dict) -> BijlageRef:
        return BijlageRef(data["id"], data["naam"], data["grootte"], data["sha256"])


class ProfielAlsDict(Transcoding):
    type = Profiel
    name = "profiel"

    def encode(self, obj: Profiel) -> dict:
        return {"toelichting": obj.toelichting, "lijst": obj.lijst, "bijzonderheden": obj.bijzonderheden}

    def decode(self, data: dict) -> Profiel:
        return Profiel(data["toelichting"], data["lijst"], data["bijzonderheden"])


# -- containers in a snapshot's state ---------------------------------------------------------------------
# JSON has no tuple, no set and only text keys. Events never hold these (their tuples are stored as lists
# on purpose: the read side reads them so), but an aggregate's state does: `Organisatie.kenmerken` is a
# tuple and `Dienst.koppelingen` is keyed by BerichttypeCode. A snapshot wraps them (see
# events_store/snapshots.py) so that they come back as what they were.


class Paren:
    """A dict whose keys are not text, to be stored as a list of [key, value] pairs. Not a dict subclass:
    the JSON encoder would write that as a plain object without asking its transcoding."""

    __slots__ = ("dict",)

    def __init__(self, waarde: dict) -> None:
        self.dict = waarde

    def items(self):
        return self.dict.items()


class Rij:
    """A tuple, to be stored so that it does not come back as a list (not a tuple subclass, as above)."""

    __slots__ = ("tuple",)

    def __init__(self, waarde: tuple) -> None:
        self.tuple = waarde


class ParenAlsLijst(Transcoding):
    type = Paren
    name = "paren"

    def encode(self, obj: Paren) -> list[list]:
        return [[sleutel, waarde] for sleutel, waarde in obj.items()]

    def decode(self, data: list[list]) -> dict:
        # Keys and values were decoded first (the JSON decoder works inside out), so they are objects again.
        return {sleutel: waarde for sleutel, waarde in data}


class RijAlsLijst(Transcoding):
    type = Rij
    name = "rij"

    def encode(self, obj: Rij) -> list:
        return list(obj.tuple)

    def decode(self, data: list) -> tuple:
        return tuple(data)


class SetAlsLijst(Transcoding):
    type = set
    name = "set"

    def encode(self, obj: set) -> list:
        return list(obj)

    def decode(self, data: list) -> set:
        return set(data)


class FrozensetAlsLijst(Transcoding):
    type = frozenset
    name = "frozenset"

    def encode(self, obj: frozenset) -> list:
        return list(obj)

    def decode(self, data: list) -> frozenset:
        return frozenset(data)


TRANSCODINGS: tuple[type[Transcoding], ...] = (
    OinAlsTekst,
    CodeAlsTekst,
    DienstIdAlsTekst,
    KenmerkAlsTekst,
    StatusAlsTekst,
    RolAlsTekst,
    ActorAlsLijst,
    BijlageAlsDict,
    ProfielAlsDict,
    ParenAlsLijst,
    RijAlsLijst,
    SetAlsLijst,
    FrozensetAlsLijst,
)
