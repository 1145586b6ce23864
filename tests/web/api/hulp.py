"""Batches delivered through the HTTP API as a berichtleverancier does: its certificate handed over by the
proxy, the koppelvlak's XML in the body."""

import io
import uuid
from dataclasses import replace
from datetime import datetime, timedelta
from urllib.parse import quote

from domain.levering import Batchkop, Berichtlevering, Bijlagelevering
from domain.waarden import Oin
from koppelvlak.schrijven import schrijf_batch
from tests.web.helpers import PROXY

HEADER = "X-SSL-Client-Cert"
# Citizens with a Berichtenbox in these tests (they pass the elfproef), and one without.
MET_BOX = ("111222333", "123456782", "999999990")
ZONDER_BOX = "192837465"
GEEN_ELFPROEF = "123456789"


def bericht(nummer: int, berichttype: str = "AANSLAG", **wijzigingen) -> Berichtlevering:
    basis = Berichtlevering(
        bericht_id=str(uuid.UUID(int=nummer + 1, version=4)),
        berichttype=berichttype,
        onderwerp=f"Bericht {nummer}",
        tekst="Geachte heer, mevrouw, hierbij ontvangt u uw aanslag.",
        referentie=f"REF-{nummer}",
        gebruiker=MET_BOX[nummer % 2],  # MET_BOX[2] is kept for switching an afnemer off
        soort_gebruiker="Burger",
    )
    return replace(basis, **wijzigingen)


def bijlage(inhoud: bytes, naam: str = "aanslag.pdf") -> Bijlagelevering:
    return Bijlagelevering(naam, 1, len(inhoud), inhoud)


def batch_xml(leverancier: Oin, berichten, aanmaakdatum: datetime, batch_id: str | None = None) -> bytes:
    uit = io.BytesIO()
    kop = Batchkop(batch_id or str(uuid.uuid4()), aanmaakdatum, leverancier.waarde)
    schrijf_batch(uit, kop, berichten)
    return uit.getvalue()


def dagen(moment: datetime, aantal: int) -> datetime:
    return moment + timedelta(days=aantal)


class Leverancier:
    """A client of the API with one organisation's certificate."""

    def __init__(self, client, pem: str | None) -> None:
        self.client = client
        # As nginx hands it over ($ssl_client_escaped_cert): URL-escaped PEM.
        self.kop = {HEADER: quote(pem)} if pem else {}

    def _omgeving(self) -> dict:
        return {"REMOTE_ADDR": PROXY}

    def lever(self, xml: bytes, afnemer: Oin | None = None, soort: str = "application/xml"):
        query = {"afnemer": afnemer.waarde} if afnemer else {}
        return self.client.post(
            "/api/v1/batches",
            data=xml,
            query_string=query,
            headers={**self.kop, "Content-Type": soort},
            environ_base=self._omgeving(),
        )

    def get(self, pad: str, accept: str = "application/json"):
        return self.client.get(pad, headers={**self.kop, "Accept": accept}, environ_base=self._omgeving())
