"""Shared set-up for the Diensten tests: berichttypes of the afnemer in each status, and diensten."""

from uuid import UUID

from domain.identiteit import dienst_id
from domain.waarden import BerichttypeCode, DienstId, Notificatiekenmerk, Oin, Status
from service_layer.portaal import Portaal
from tests.conftest import actor_voor

# code -> the statuses it passes through after Nieuw
BERICHTTYPES = {
    "AANSLAG": [Status.ACTIEF],
    "WOZ": [Status.ACTIEF],
    "NIEUW": [],
    "OUD": [Status.ACTIEF, Status.ARCHIEF],
}


def maak_berichttypes(portaal: Portaal, afnemer: Oin, codes=BERICHTTYPES) -> None:
    door = actor_voor(afnemer)
    for code, statussen in codes.items():
        portaal.maak_berichttype(
            afnemer, BerichttypeCode(code), f"Omschrijving {code}", Notificatiekenmerk.BETALEN, door
        )
        for status in statussen:
            portaal.wijzig_berichttype_status(afnemer, BerichttypeCode(code), status, door)


def maak_dienst(portaal: Portaal, afnemer: Oin, waarde: str, koppel: tuple[str, ...] = ()) -> UUID:
    door = actor_voor(afnemer)
    portaal.maak_dienst(afnemer, DienstId(waarde), f"Omschrijving van {waarde}", door)
    if koppel:
        portaal.pas_koppelingen_toe(afnemer, DienstId(waarde), [BerichttypeCode(c) for c in koppel], [], door)
    return sleutel(afnemer, waarde)


def sleutel(afnemer: Oin, waarde: str) -> UUID:
    return dienst_id(afnemer, DienstId(waarde))


def gekoppeld(portaal: Portaal, afnemer: Oin, waarde: str) -> set[str]:
    return {c.waarde for c in portaal.dienst(afnemer, DienstId(waarde)).koppelingen}
