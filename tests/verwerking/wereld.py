"""The world a batch is processed in, for the processing tests: the demo cast, an afnemer with active and
inactive berichttypes, and citizens with a Berichtenbox (one switched the afnemer off)."""

import io
import uuid
from datetime import datetime, timedelta

from domain.levering import Batchkop
from domain.waarden import BerichttypeCode, Bsn, Notificatiekenmerk, Oin, Status
from koppelvlak.schrijven import schrijf_batch
from tests.conftest import AFNEMER, actor_voor
from tests.web.api.hulp import MET_BOX, bericht, bijlage
from tests.web.conftest import registreer_cast

FEED = Oin("00000099000000000301")


def richt_in(portaal, nu: datetime):
    registreer_cast(portaal)
    door = actor_voor(AFNEMER)
    for code in ("AANSLAG", "OUD"):
        portaal.maak_berichttype(AFNEMER, BerichttypeCode(code), code, Notificatiekenmerk.BETALEN, door)
        portaal.wijzig_berichttype_status(AFNEMER, BerichttypeCode(code), Status.ACTIEF, door)
    portaal.wijzig_berichttype_status(AFNEMER, BerichttypeCode("OUD"), Status.INACTIEF, door)
    feed = actor_voor(FEED)
    for bsn in MET_BOX:
        portaal.zet_berichtenbox(Bsn(bsn), nu - timedelta(days=400), None, feed)
    portaal.schakel_afnemer_uit(Bsn(MET_BOX[2]), AFNEMER, feed, nu - timedelta(days=1))
    portaal.bijwerken()
    return portaal


def gemengde_berichten(nummer: int, aantal: int, pdf: bytes | None = None) -> list:
    """`aantal` berichten of batch `nummer` with a mix of outcomes; with `pdf`, a bijlage on every third."""
    berichten = []
    for i in range(aantal):
        n = nummer * 10_000 + i
        soort = ("AANSLAG", "AANSLAG", "AANSLAG", "OUD", "ONBEKEND")[i % 5]
        gebruiker = MET_BOX[i % 3] if i % 7 else "192837465"
        bijlagen = (bijlage(pdf),) if pdf and i % 3 == 0 else ()
        berichten.append(bericht(n, berichttype=soort, gebruiker=gebruiker, bijlagen=bijlagen))
    if aantal > 2:
        berichten[-1] = bericht(nummer * 10_000, referentie="tweede keer")  # BerichtBestaatAl
    return berichten


def batch_stroom(nummer: int, berichten, nu: datetime, leverancier: Oin = AFNEMER) -> io.BytesIO:
    uit = io.BytesIO()
    kop = Batchkop(str(uuid.UUID(int=nummer + 1, version=4)), nu, leverancier.waarde)
    schrijf_batch(uit, kop, berichten)
    uit.seek(0)
    return uit
