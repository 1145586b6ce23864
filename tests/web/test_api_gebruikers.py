"""The MijnOverheid feed's API on the users register: only the feed's certificate gets in, a refusal never
names the BSN, and a change is in the register when the answer comes."""

import logging
from datetime import UTC, datetime
from urllib.parse import quote

import pytest

from domain.waarden import Notificatiekenmerk, Oin, Rol
from tests.conftest import AFNEMER, BEHEERDER, actor_voor
from tests.web.helpers import HEADER, PROXY, Bezoeker, foutmeldingen

FEED = Oin("00000099000000000301")
BSN = "999999990"


@pytest.fixture
def feed(organisaties):
    organisaties.registreer_organisatie(
        FEED,
        "MijnOverheid Gebruikersregister",
        Rol.MIJNOVERHEID,
        list(Notificatiekenmerk),
        actor_voor(BEHEERDER),
    )
    return FEED


class Machine:
    def __init__(self, app, pem: str | None) -> None:
        self.client = app.test_client()
        self.headers = {HEADER: quote(pem)} if pem else {}

    def __call__(self, methode: str, pad: str, json=None, status: int | None = None):
        antwoord = self.client.open(
            f"/api/v1/gebruikers/{pad}",
            method=methode,
            json=json,
            headers=self.headers,
            environ_base={"REMOTE_ADDR": PROXY},
        )
        if status is not None:
            assert antwoord.status_code == status, antwoord.get_data(as_text=True)
        return antwoord


@pytest.fixture
def mijnoverheid(app, pki, feed) -> Machine:
    return Machine(app, pki.pem(feed))


def ontvangers(app, afnemer: Oin = AFNEMER) -> set[str]:
    lezen = app.extensions["samenstelling"].lezen
    return lezen.berichtenbox_ontvangers([BSN], afnemer, datetime.now(UTC))


def test_the_feed_opens_a_box_and_the_register_shows_it_at_once(app, mijnoverheid):
    antwoord = mijnoverheid("PUT", BSN, {"actief_van": "2024-01-01", "actief_tot": None}, status=204)
    assert antwoord.get_data() == b""
    assert ontvangers(app) == {BSN}


def test_the_feed_closes_a_box(app, mijnoverheid):
    mijnoverheid("PUT", BSN, {"actief_van": "2024-01-01T09:00:00+01:00"}, status=204)
    mijnoverheid("DELETE", BSN, status=204)
    assert ontvangers(app) == set()


def test_a_citizen_switches_an_afnemer_off_and_on_again(app, mijnoverheid):
    mijnoverheid("PUT", BSN, {"actief_van": "2024-01-01"}, status=204)
    mijnoverheid("PUT", f"{BSN}/uitgeschakeld/{AFNEMER}", status=204)
    assert ontvangers(app) == set()
    assert ontvangers(app, Oin("00000099000000000102")) == {BSN}
    mijnoverheid("DELETE", f"{BSN}/uitgeschakeld/{AFNEMER}", status=204)
    assert ontvangers(app) == {BSN}


def test_without_a_certificate_the_answer_is_401_in_json(app, feed):
    antwoord = Machine(app, None)("PUT", BSN, {"actief_van": "2024-01-01"}, status=401)
    assert antwoord.is_json and antwoord.json["fout"] == "CertificaatGeweigerd"


@pytest.mark.parametrize("oin", [AFNEMER, BEHEERDER])
def test_an_afnemers_or_the_beheerders_certificate_gets_403(app, pki, feed, oin):
    machine = Machine(app, pki.pem(oin))
    for methode, pad in [("PUT", BSN), ("DELETE", BSN), ("PUT", f"{BSN}/uitgeschakeld/{AFNEMER}")]:
        antwoord = machine(
            methode, pad, {"actief_van": "2024-01-01"} if methode == "PUT" else None, status=403
        )
        assert antwoord.json["fout"] == "GeenToegang"
    assert ontvangers(app) == set()


def test_a_certificate_of_an_unknown_organisation_gets_403(app, pki, feed):
    antwoord = Machine(app, pki.pem("00000099000000009999"))("DELETE", BSN, status=403)
    assert antwoord.json["fout"] == "OnbekendeOin"


@pytest.mark.parametrize("bsn", ["999999991", "12345678", "1234567890", "abcdefghi"])
def test_a_bad_bsn_is_refused_with_400_without_repeating_it(mijnoverheid, bsn):
    antwoord = mijnoverheid("PUT", bsn, {"actief_van": "2024-01-01"}, status=400)
    assert antwoord.json == {
        "fout": "OngeldigBsn",
        "melding": "Het BSN in het pad is geen 9 cijfers die aan de elfproef voldoen.",
    }
    assert bsn not in antwoord.get_data(as_text=True)


@pytest.mark.parametrize(
    ("inhoud", "status", "melding"),
    [
        ({}, 422, "Actief van ontbreekt of is geen tekst."),
        (
            {"actief_van": "gisteren"},
            422,
            "Actief van is geen datum (JJJJ-MM-DD) of moment met tijdzone (ISO 8601).",
        ),
        ({"actief_van": "2024-01-01T10:00:00"}, 422, "Actief van is geen datum"),
        (
            {"actief_van": "2024-02-01", "actief_tot": "2024-01-01"},
            422,
            "Actief tot moet na actief van liggen.",
        ),
        ({"actief_van": "2024-01-01", "bsn": BSN}, 422, "Onbekende velden: bsn."),
        ([1, 2], 400, "De inhoud is geen JSON-object."),
    ],
)
def test_a_bad_body_is_refused_with_a_dutch_reason_and_nothing_recorded(
    app, mijnoverheid, inhoud, status, melding
):
    antwoord = mijnoverheid("PUT", BSN, inhoud, status=status)
    assert antwoord.json["melding"].startswith(melding)
    assert BSN not in antwoord.json["melding"]
    assert ontvangers(app) == set()


def test_a_body_that_is_not_json_gets_415(mijnoverheid, app):
    antwoord = mijnoverheid.client.put(
        f"/api/v1/gebruikers/{BSN}",
        data="actief_van=2024-01-01",
        headers=mijnoverheid.headers,
        environ_base={"REMOTE_ADDR": PROXY},
    )
    assert antwoord.status_code == 415 and antwoord.is_json


def test_a_bad_afnemer_oin_is_refused_with_400(mijnoverheid):
    antwoord = mijnoverheid("PUT", f"{BSN}/uitgeschakeld/123", status=400)
    assert antwoord.json["fout"] == "OngeldigeOin"


def test_the_feeds_certificate_cannot_log_in_to_the_portal(app, pki, feed):
    bezoeker = Bezoeker(app)
    antwoord = bezoeker.log_in(pki.pem(feed), status=403)
    pagina = antwoord.get_data(as_text=True)
    assert "niet om in te loggen op het Leveranciersportaal" in pagina
    assert bezoeker.client.get("/").status_code == 302  # still not logged in


def test_the_feed_is_registered_by_the_beheerder_with_its_own_role(ingelogd, feed):
    beheerder = ingelogd(BEHEERDER)
    pagina = beheerder.get("beheer.index")
    assert "MijnOverheid (gebruikersregister)" in pagina.get_text()
    formulier = beheerder.get("beheer.organisatie_registreren")
    assert "mijnoverheid" in [o["value"] for o in formulier.select("select#rol option")]
    assert foutmeldingen(formulier) == []


def test_no_bsn_reaches_the_log_not_even_when_a_request_fails(maak_app, organisaties_voor, pki, caplog):
    app = maak_app(PROPAGATE_EXCEPTIONS=False)
    organisaties_voor(app).registreer_organisatie(
        FEED, "MijnOverheid", Rol.MIJNOVERHEID, list(Notificatiekenmerk), actor_voor(BEHEERDER)
    )
    machine = Machine(app, pki.pem(FEED))
    # SQLAlchemy's statement log (off unless asked for) would show parameters; the portal's own logs and
    # those of Flask, werkzeug and the event store must not.
    caplog.set_level(logging.DEBUG)
    caplog.set_level(logging.WARNING, logger="sqlalchemy")
    machine("PUT", BSN, {"actief_van": "2024-01-01"}, status=204)
    machine("PUT", f"{BSN}/uitgeschakeld/{AFNEMER}", status=204)
    machine("PUT", "999999991", {"actief_van": "2024-01-01"}, status=400)

    def kapot(vastgelegd):
        raise RuntimeError("de projectie is stuk")

    app.extensions["samenstelling"].na_commando = kapot
    antwoord = machine("DELETE", BSN, status=500)
    assert antwoord.is_json and BSN not in antwoord.get_data(as_text=True)
    formaat = logging.Formatter("%(name)s %(message)s")
    tekst = "\n".join(formaat.format(r) for r in caplog.records)
    assert "Onverwachte fout" in tekst and "de projectie is stuk" in tekst  # the failure was logged
    assert BSN not in tekst and "999999991" not in tekst
