"""How our value types are stored inside events; registered in one place (`TRANSCODINGS`)."""

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
)
