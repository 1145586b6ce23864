"""Hostile batches through the HTTP API: each refused with the koppelvlak's code, a Dutch reason and (where it
helps) the line, as JSON with a 4xx status; never a 500, never a trace, never a BSN in the answer, and
nothing recorded: no event, no stored contents."""

import io
import json

import pytest
from sqlalchemy import text
from werkzeug.test import create_environ

from tests.conftest import AFNEMER
from tests.koppelvlak.batches import BSN, batch_xml, bericht_xml, kop_xml
from tests.web.api.hulp import Leverancier
from tests.web.helpers import PROXY

XML_ONGELDIG = "XmlValidatieTegenXsdValtNegatiefUit"
LOL = '<!ENTITY lol "lol">' + "".join(
    f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10 if i > 1 else "&lol;" * 10}">' for i in range(1, 10)
)


def _geheim(tmp_path) -> str:
    bestand = tmp_path / "geheim.txt"
    bestand.write_text("GEHEIM-7f3a9c")
    return bestand.as_uri()


VIJANDIG = {
    "externe entiteit": lambda tmp: batch_xml(
        kop_xml() + bericht_xml(extra="&x;"),
        proloog=f'<!DOCTYPE Berichten [<!ENTITY x SYSTEM "{_geheim(tmp)}">]>\n',
    ),
    "billion laughs": lambda tmp: batch_xml(
        kop_xml() + bericht_xml(extra="&lol9;"), proloog=f"<!DOCTYPE Berichten [{LOL}]>\n"
    ),
    "DTD": lambda tmp: batch_xml(kop_xml() + bericht_xml(), proloog="<!DOCTYPE Berichten>\n"),
    "1001 berichten": lambda tmp: batch_xml(kop_xml() + "".join(bericht_xml() for _ in range(1001))),
    "geen XML": lambda tmp: b"BatchID;BerichtID\n1;2\n",
    "verkeerde namespace": lambda tmp: batch_xml(
        kop_xml() + bericht_xml(), wortel='Berichten xmlns="urn:iets-anders"'
    ),
    "ongeldige base64": lambda tmp: batch_xml(
        kop_xml()
        + bericht_xml(
            bijlagen="<Bijlagen><Bijlage><Inhoud>@@@ geen base64 @@@</Inhoud><BijlageType>Pdf</BijlageType>"
            "<Omschrijving>brief.pdf</Omschrijving><Volgorde>1</Volgorde></Bijlage></Bijlagen>"
        )
    ),
    "geen berichten": lambda tmp: batch_xml(kop_xml()),
    "GebruikerID geen negen cijfers": lambda tmp: batch_xml(
        kop_xml() + bericht_xml().replace(f"<GebruikerID>{BSN}", "<GebruikerID>12345678X")
    ),
}


@pytest.fixture
def leverancier(organisaties, app, pki):
    return Leverancier(app.test_client(), pki.pem(AFNEMER))


def _niets_vastgelegd(app) -> None:
    samenstelling = app.extensions["samenstelling"]
    with samenstelling.engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM verwerking_events")).scalar() == 0
        assert connection.execute(text("SELECT count(*) FROM bericht_inhoud")).scalar() == 0


@pytest.mark.parametrize("soort", sorted(VIJANDIG))
def test_a_hostile_batch_is_refused_clearly_and_nothing_is_recorded(soort, leverancier, app, tmp_path):
    antwoord = leverancier.lever(VIJANDIG[soort](tmp_path))
    assert antwoord.status_code == 400, antwoord.data[:300]
    fout = antwoord.get_json()
    assert fout["fout"] == XML_ONGELDIG
    assert fout["melding"] and "Traceback" not in fout["melding"]
    assert BSN not in antwoord.get_data(as_text=True)
    assert "GEHEIM" not in antwoord.get_data(as_text=True)
    _niets_vastgelegd(app)


def _stuur(app, leverancier, stroom, omgeving: dict) -> tuple[int, dict]:
    """A request whose body is a stream that is never in memory whole (the test client would buffer it)."""
    environ = create_environ(
        "/api/v1/batches",
        method="POST",
        headers={**leverancier.kop, "Content-Type": "application/xml"},
        environ_base={"REMOTE_ADDR": PROXY},
    )
    environ.pop("CONTENT_LENGTH", None)
    environ.update({"wsgi.input": stroom, **omgeving})
    antwoord = app.response_class.from_app(app, environ)
    return antwoord.status_code, json.loads(antwoord.get_data())


def test_a_batch_over_100_mb_is_refused_before_it_is_read(leverancier, app):
    """The declared length alone refuses it: the body is never read."""
    gelezen = []

    class Stroom(io.RawIOBase):
        def readable(self):
            return True

        def readinto(self, buffer):
            gelezen.append(len(buffer))
            buffer[: len(buffer)] = b" " * len(buffer)
            return len(buffer)

    status, fout = _stuur(app, leverancier, Stroom(), {"CONTENT_LENGTH": str(101 * 2**20)})
    assert status == 413
    assert fout["fout"] == "TeGroot"
    assert sum(gelezen) < 2**20
    _niets_vastgelegd(app)


def test_a_batch_over_100_mb_without_a_declared_length_is_refused_while_streaming(leverancier, app):
    """Chunked: no length up front; the reader counts and stops at the limit, holding little of it."""
    kop = batch_xml(kop_xml()).split(b"</Berichten>")[0]

    def stukken():
        yield kop
        blok = bericht_xml().encode() * 200
        while True:
            yield blok

    class Stroom(io.RawIOBase):
        def __init__(self):
            self.bron, self.rest = stukken(), b""

        def readable(self):
            return True

        def readinto(self, buffer):
            while len(self.rest) < len(buffer):
                self.rest += next(self.bron)
            n = len(buffer)
            buffer[:n], self.rest = self.rest[:n], self.rest[n:]
            return n

    status, fout = _stuur(
        app, leverancier, Stroom(), {"HTTP_TRANSFER_ENCODING": "chunked", "wsgi.input_terminated": True}
    )
    assert status in (400, 413)
    assert fout["fout"] in (XML_ONGELDIG, "TeGroot")
    _niets_vastgelegd(app)
