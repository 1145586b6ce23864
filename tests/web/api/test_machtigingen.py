"""The machtigingen register and the access questions through the HTTP API: the DigiD Machtigen feed
registers, ends and withdraws machtigingen; afnemers and the beheerder ask who could read what, with berichten
really delivered. On SQLite and PostgreSQL (`database_url`)."""

import json
from datetime import timedelta

import pytest

from domain.waarden import BerichttypeCode, Bsn, DienstId, Notificatiekenmerk, Oin, Rol, Status
from tests.conftest import AFNEMER, ANDERE_AFNEMER, BEHEERDER, actor_voor
from tests.web.api.hulp import MET_BOX, Leverancier, batch_xml, bericht, dagen

MIJNOVERHEID = Oin("00000099000000000301")
DIGID_MACHTIGEN = Oin("00000099000000000302")
BELANGHEBBENDE, GEMACHTIGDE, DERDE = MET_BOX[0], MET_BOX[1], MET_BOX[2]


class Client(Leverancier):
    def post_json(self, pad: str, inhoud):
        return self.client.post(pad, json=inhoud, headers=self.kop, environ_base=self._omgeving())

    def vraag(self, pad: str, **query):
        return self.client.get(pad, query_string=query, headers=self.kop, environ_base=self._omgeving())


@pytest.fixture
def wereld(organisaties, klok):
    """AANSLAG linked to dienst Toeslagen, Berichtenboxen for the citizens, the feed registered."""
    portaal = organisaties
    beheer, door = actor_voor(BEHEERDER), actor_voor(AFNEMER)
    portaal.registreer_organisatie(
        DIGID_MACHTIGEN, "DigiD Machtigen", Rol.MACHTIGINGEN, list(Notificatiekenmerk), beheer
    )
    for code in ("AANSLAG", "ANDERS"):
        portaal.maak_berichttype(
            AFNEMER, BerichttypeCode(code), code, Notificatiekenmerk.INFORMATIE_KRIJGEN, door
        )
        portaal.wijzig_berichttype_status(AFNEMER, BerichttypeCode(code), Status.ACTIEF, door)
    portaal.maak_dienst(AFNEMER, DienstId("Toeslagen"), "Toeslagen", door)
    portaal.koppel(AFNEMER, DienstId("Toeslagen"), BerichttypeCode("AANSLAG"), door)
    for bsn in MET_BOX:
        portaal.zet_berichtenbox(Bsn(bsn), dagen(klok.nu, -400), None, actor_voor(MIJNOVERHEID))
    portaal.bijwerken()
    return portaal


@pytest.fixture
def feed(app, pki):
    return Client(app.test_client(), pki.pem(DIGID_MACHTIGEN))


@pytest.fixture
def afnemer(app, pki):
    return Client(app.test_client(), pki.pem(AFNEMER))


def machtiging(id_="M-1", belanghebbende=BELANGHEBBENDE, gemachtigde=GEMACHTIGDE, **extra) -> dict:
    return {
        "machtiging": id_,
        "belanghebbende": belanghebbende,
        "gemachtigde": gemachtigde,
        "afnemer": AFNEMER.waarde,
        "dienst_id": "Toeslagen",
        "geldig_van": "2025-01-01T00:00:00Z",
        **extra,
    }


def _toegang(client, **query):
    basis = {"gemachtigde": GEMACHTIGDE, "belanghebbende": BELANGHEBBENDE, "afnemer": AFNEMER.waarde}
    return client.vraag("/api/v1/toegang", **{**basis, "berichttype": "AANSLAG", **query})


def test_the_feed_registers_a_machtiging_and_access_follows(wereld, feed, afnemer):
    assert feed.post_json("/api/v1/machtigingen", machtiging()).status_code == 201
    antwoord = _toegang(afnemer)
    assert antwoord.status_code == 200
    inhoud = antwoord.get_json()
    assert inhoud["toegang"] is True
    (grond,) = inhoud["uitleg"]["gronden"]
    assert grond["machtiging"]["machtiging"] == "M-1"
    assert grond["koppeling"]["dienst_id"] == "Toeslagen" and grond["koppeling"]["gekoppeld_tot"] is None


def test_a_type_not_linked_is_refused_with_the_missing_piece(wereld, feed, afnemer):
    feed.post_json("/api/v1/machtigingen", machtiging())
    inhoud = _toegang(afnemer, berichttype="ANDERS").get_json()
    assert inhoud["toegang"] is False
    assert inhoud["uitleg"]["ontbreekt"] == "niet_gekoppeld"


def test_ending_and_withdrawing_through_the_feed(wereld, feed, afnemer, klok):
    feed.post_json("/api/v1/machtigingen", {"machtigingen": [machtiging("M-1"), machtiging("M-2", DERDE)]})
    einde = (klok.nu - timedelta(days=1)).isoformat()
    assert feed.post_json("/api/v1/machtigingen/M-1/beeindiging", {"geldig_tot": einde}).status_code == 200
    inhoud = _toegang(afnemer).get_json()
    assert inhoud["toegang"] is False and inhoud["uitleg"]["ontbreekt"] == "machtiging_niet_geldig"
    assert feed.post_json("/api/v1/machtigingen/M-2/intrekking", {}).status_code == 200
    assert _toegang(afnemer, belanghebbende=DERDE).get_json()["toegang"] is False
    assert feed.post_json("/api/v1/machtigingen/ONBEKEND/intrekking", {}).status_code == 404


def test_a_refused_machtiging_refuses_the_whole_call_without_repeating_a_bsn(wereld, feed, afnemer):
    fout = machtiging("M-2", belanghebbende="123456789")
    antwoord = feed.post_json("/api/v1/machtigingen", {"machtigingen": [machtiging("M-1"), fout]})
    assert antwoord.status_code == 400
    assert antwoord.get_json()["positie"] == 1 and antwoord.get_json()["veld"] == "belanghebbende"
    assert "123456789" not in antwoord.get_data(as_text=True)
    assert _toegang(afnemer).get_json()["uitleg"]["ontbreekt"] == "geen_machtiging"


def test_an_afnemer_cannot_feed_machtigingen(wereld, afnemer):
    antwoord = afnemer.post_json("/api/v1/machtigingen", machtiging())
    assert antwoord.status_code == 403


def test_the_feed_cannot_ask_questions(wereld, feed):
    assert _toegang(feed).status_code == 403


def test_an_afnemer_asks_only_about_itself_and_the_beheerder_about_all(wereld, app, pki, feed):
    feed.post_json("/api/v1/machtigingen", machtiging())
    ander = Client(app.test_client(), pki.pem(ANDERE_AFNEMER))
    antwoord = _toegang(ander)
    assert antwoord.status_code == 403
    assert BELANGHEBBENDE not in antwoord.get_data(as_text=True)
    beheerder = Client(app.test_client(), pki.pem(BEHEERDER))
    assert _toegang(beheerder).get_json()["toegang"] is True


def test_the_question_as_a_post_keeps_bsns_out_of_the_url(wereld, feed, afnemer):
    feed.post_json("/api/v1/machtigingen", machtiging())
    vraag = {
        "gemachtigde": GEMACHTIGDE,
        "belanghebbende": BELANGHEBBENDE,
        "afnemer": AFNEMER.waarde,
        "berichttype": "AANSLAG",
    }
    assert afnemer.post_json("/api/v1/toegang", vraag).get_json()["toegang"] is True


@pytest.mark.parametrize(
    ("veld", "waarde"), [("gemachtigde", "123456789"), ("op", "gisteren"), ("berichttype", "TE-LANG-9")]
)
def test_a_bad_question_is_a_400_naming_the_field(wereld, afnemer, veld, waarde):
    antwoord = _toegang(afnemer, **{veld: waarde})
    assert antwoord.status_code == 400
    assert antwoord.get_json()["veld"] == veld
    assert "123456789" not in antwoord.get_data(as_text=True)


def _lever(wereld, app, pki, klok, berichten):
    leverancier = Leverancier(app.test_client(), pki.pem(AFNEMER))
    antwoord = leverancier.lever(batch_xml(AFNEMER, berichten, klok.nu))
    assert antwoord.status_code == 202, antwoord.get_json()


def test_the_readers_of_a_delivered_bericht_and_since_when(wereld, app, pki, klok, feed, afnemer):
    feed.post_json("/api/v1/machtigingen", machtiging())
    _lever(wereld, app, pki, klok, [bericht(0), bericht(2, berichttype="ANDERS")])
    gelezen = afnemer.vraag(f"/api/v1/berichten/{bericht(0).bericht_id}/lezers").get_json()
    assert gelezen["belanghebbende"] == BELANGHEBBENDE
    assert [lezer["gemachtigde"] for lezer in gelezen["lezers"]] == [GEMACHTIGDE]
    assert gelezen["lezers"][0]["sinds"] is not None
    anders = afnemer.vraag(f"/api/v1/berichten/{bericht(2).bericht_id}/lezers").get_json()
    assert anders["lezers"] == []


def test_another_afnemers_bericht_does_not_exist_for_the_asker(wereld, app, pki, klok, feed):
    _lever(wereld, app, pki, klok, [bericht(0)])
    ander = Client(app.test_client(), pki.pem(ANDERE_AFNEMER))
    antwoord = ander.vraag(f"/api/v1/berichten/{bericht(0).bericht_id}/lezers")
    assert antwoord.status_code == 404
    assert BELANGHEBBENDE not in antwoord.get_data(as_text=True)


def test_zichtbaarheid_counts_gemachtigden_over_a_period(wereld, feed, afnemer, klok):
    feed.post_json("/api/v1/machtigingen", {"machtigingen": [machtiging("M-1"), machtiging("M-2", DERDE)]})
    pad = f"/api/v1/berichttypes/{AFNEMER.waarde}/AANSLAG/zichtbaarheid"
    inhoud = afnemer.vraag(pad, tot=(klok.nu + timedelta(hours=1)).isoformat()).get_json()
    assert inhoud["gemachtigden"] == 1  # one gemachtigde, for two belanghebbenden
    assert [d["dienst_id"] for d in inhoud["diensten"]] == ["Toeslagen"]
    assert inhoud["gemachtigden_aan_einde"] == 1
    assert json.dumps(inhoud).count(GEMACHTIGDE) == 0
    assert afnemer.vraag(f"/api/v1/berichttypes/{AFNEMER.waarde}/ONBEKEND/zichtbaarheid").status_code == 404
