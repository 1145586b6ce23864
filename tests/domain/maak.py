"""Small builders for domain tests: no database, fixed moments."""

from datetime import UTC, datetime, timedelta

from domain.berichttype import Berichttype
from domain.bijlage import BijlageRef
from domain.dienst import Dienst
from domain.waarden import Actor, BerichttypeCode, DienstId, Notificatiekenmerk, Oin, Status

AFNEMER = Oin("00000099000000000101")
DOOR = Actor(AFNEMER, AFNEMER, "test")
T0 = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
ALLE_KENMERKEN = tuple(Notificatiekenmerk)


def moment(seconden: int = 0) -> datetime:
    return T0 + timedelta(seconds=seconden)


def berichttype(code: str = "AB1", status: Status = Status.NIEUW) -> Berichttype:
    nieuw = Berichttype.aanmaken(
        AFNEMER, BerichttypeCode(code), "Aanslag", Notificatiekenmerk.BETALEN, ALLE_KENMERKEN, DOOR, moment()
    )
    pad = {
        Status.NIEUW: [],
        Status.ACTIEF: [Status.ACTIEF],
        Status.INACTIEF: [Status.ACTIEF, Status.INACTIEF],
        Status.ARCHIEF: [Status.ACTIEF, Status.ARCHIEF],
    }[status]
    for stap in pad:
        nieuw.wijzig_status(stap, DOOR, moment(1))
    return nieuw


def bijlage(naam: str | None = None, grootte: int = 1000, nummer: int = 1) -> BijlageRef:
    """A distinct file name per number: one berichttype refuses the same name twice."""
    return BijlageRef(f"bijlage-{nummer}", naam or f"brochure-{nummer}.pdf", grootte, f"{nummer:064x}")


def dienst(dienst_id: str = "Toeslagen") -> Dienst:
    return Dienst.aanmaken(AFNEMER, DienstId(dienst_id), "Omschrijving", DOOR, moment())


def met_bijlagen(aantal: int, grootte: int = 1000) -> Berichttype:
    item = berichttype()
    for n in range(aantal):
        item.voeg_bijlage_toe(bijlage(grootte=grootte, nummer=n), DOOR, moment(n))
    return item
