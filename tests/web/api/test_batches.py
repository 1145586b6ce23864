"""Batch intake end to end through the HTTP API: a real batch for every VerwerkingsCode, with its report in
XML and JSON; resends; who may deliver and read what. On SQLite and PostgreSQL (`database_url`)."""

import json

import pytest
from lxml import etree
from pikepdf import Dictionary, Name, String

from domain.waarden import BerichttypeCode, Bsn, Notificatiekenmerk, Oin, Status
from koppelvlak.schema import NS
from tests.bijlage_validatie import pdfs, wijzigingen
from tests.conftest import AFNEMER, ANDERE_AFNEMER, INTERMEDIAIR, actor_voor
from tests.web.api.hulp import (
    GEEN_ELFPROEF,
    MET_BOX,
    ZONDER_BOX,
    Leverancier,
    batch_xml,
    bericht,
    bijlage,
    dagen,
)
from tests.web.conftest import DERDE_AFNEMER

FEED = Oin("00000099000000000301")


@pytest.fixture
def wereld(organisaties, klok):
    """The afnemer's berichttypes (AANSLAG active, OUD deactivated, NIEUW never activated) and the citizens'
    Berichtenboxen (one of them switched off for this afnemer)."""
    portaal = organisaties
    door = actor_voor(AFNEMER)
    for code in ("AANSLAG", "OUD", "NIEUW"):
        portaal.maak_berichttype(
            AFNEMER, BerichttypeCode(code), code, Notificatiekenmerk.INFORMATIE_KRIJGEN, door
        )
    for code in ("AANSLAG", "OUD"):
        portaal.wijzig_berichttype_status(AFNEMER, BerichttypeCode(code), Status.ACTIEF, door)
    portaal.wijzig_berichttype_status(AFNEMER, BerichttypeCode("OUD"), Status.INACTIEF, door)
    feed = actor_voor(FEED)
    for bsn in MET_BOX:
        portaal.zet_berichtenbox(Bsn(bsn), dagen(klok.nu, -400), None, feed)
    portaal.schakel_afnemer_uit(Bsn(MET_BOX[2]), AFNEMER, feed, dagen(klok.nu, -1))
    portaal.bijwerken()
    return portaal


@pytest.fixture
def afnemer(app, pki):
    return Leverancier(app.test_client(), pki.pem(AFNEMER))


def _verslag_json(leverancier, batch_id):
    antwoord = leverancier.get(f"/api/v1/batches/{batch_id}/verslag")
    assert antwoord.status_code == 200
    return antwoord.get_json()


def _codes(verslag) -> dict[str, tuple[str, str]]:
    return {b["BerichtID"]: (b["VerwerkingsCode"], b["Stadium"]) for b in verslag["Berichten"]}


def test_a_batch_with_every_per_bericht_outcome_is_processed_and_reported(wereld, afnemer, klok):
    nu = klok.nu
    # PDF/A-2a, as the koppelvlak asks, with a link to a website: delivered, with a warning.
    met_link = pdfs.bouw(
        wijzigingen.link_met(Dictionary(S=Name.URI, URI=String("https://www.example.nl"))), pdfa="2a"
    )
    met_script = pdfs.bouw(wijzigingen.javascript_in_names)
    berichten = [
        bericht(0),  # Verwerkt
        bericht(1, bijlagen=(bijlage(met_link),)),  # Verwerkt with a warning: a link to a website
        bericht(2, berichttype="ONBEKEND"),  # BerichtTypeNietOndersteund: does not exist
        bericht(3, berichttype="OUD"),  # BerichtTypeNietOndersteund: inactive
        bericht(4, berichttype="NIEUW"),  # BerichtTypeNietOndersteund: never activated
        bericht(5, gebruiker=ZONDER_BOX),  # NietActiefOfGeabonneerd: no Berichtenbox
        bericht(6, gebruiker=GEEN_ELFPROEF),  # NietActiefOfGeabonneerd: not a BSN
        bericht(7, gebruiker=MET_BOX[2]),  # NietActiefOfGeabonneerd: switched this afnemer off
        bericht(8, publicatiedatum=dagen(nu, 14)),  # PublicatieDatumLigtTeVerInDeToekomst
        bericht(9, bijlagen=(bijlage(b"%PDF-1.7 " + b"0" * 600 * 1024),)),  # BijlageTeGroot
        bericht(0, referentie="nogmaals"),  # BerichtBestaatAl: the same BerichtID earlier in this batch
        bericht(10, bijlagen=(bijlage(b"geen pdf"),)),  # TechnischProbleem: the bijlage is no PDF
        bericht(11, publicatiedatum=dagen(nu, 12)),  # Verwerkt: 12 days ahead is allowed
        bericht(12, bijlagen=(bijlage(met_script),)),  # TechnischProbleem: the PDF holds JavaScript
        bericht(13, bijlagen=(bijlage(pdfs.bouw(pdfa=None)),)),  # TechnischProbleem: not PDF/A
    ]
    antwoord = afnemer.lever(batch_xml(AFNEMER, berichten, nu))
    assert antwoord.status_code == 202, antwoord.get_json()
    status = antwoord.get_json()
    assert status["afgerond"] is True and status["nieuw"] is True
    assert antwoord.headers["Location"] == status["status_url"]
    verslag = _verslag_json(afnemer, status["batch_id"])
    uitkomsten = [(b["VerwerkingsCode"], b["Stadium"]) for b in verslag["Berichten"]]
    assert uitkomsten == [
        ("Verwerkt", "NA"),
        ("Verwerkt", "NA"),
        ("BerichtTypeNietOndersteund", "ValidateBerichtType"),
        ("BerichtTypeNietOndersteund", "ValidateBerichtType"),
        ("BerichtTypeNietOndersteund", "ValidateBerichtType"),
        ("NietActiefOfGeabonneerd", "ValidateGebruiker"),
        ("NietActiefOfGeabonneerd", "ValidateGebruiker"),
        ("NietActiefOfGeabonneerd", "ValidateGebruiker"),
        ("PublicatieDatumLigtTeVerInDeToekomst", "StoreMessage"),
        ("BijlageTeGroot", "StoreMessage"),
        ("BerichtBestaatAl", "StoreMessage"),
        ("TechnischProbleem", "StoreMessage"),
        ("Verwerkt", "NA"),
        ("TechnischProbleem", "StoreMessage"),
        ("TechnischProbleem", "StoreMessage"),
    ]
    assert verslag["Berichten"][1]["waarschuwing"] == "externe_link"
    assert verslag["Berichten"][13]["reden"] == "javascript"
    assert verslag["Berichten"][14]["reden"].startswith("pdfa2-")
    assert verslag["TotaalAantalOntvangenBerichten"] == len(berichten)
    assert verslag["AantalBerichtenSuccesvolVerwerkt"] == 3
    assert verslag["AantalBerichtenBerichtTypeNietCorrect"] == 3
    assert verslag["AantalBerichtenGeenActieveBoxOfGeabonneertOpLeverancier"] == 3
    assert verslag["AantalBerichtenPublicatieDatumNietCorrect"] == 1
    assert status["verwerkt"] == 2 and status["verwerkt_met_waarschuwing"] == 1
    # The report never names a citizen.
    tekst = json.dumps(verslag)
    assert not any(bsn in tekst for bsn in (*MET_BOX, ZONDER_BOX, GEEN_ELFPROEF))


def test_the_report_in_the_koppelvlak_xml(wereld, afnemer, klok):
    antwoord = afnemer.lever(batch_xml(AFNEMER, [bericht(0), bericht(1, berichttype="ONBEKEND")], klok.nu))
    batch_id = antwoord.get_json()["batch_id"]
    xml = afnemer.get(f"/api/v1/batches/{batch_id}/verslag", accept="application/xml")
    assert xml.mimetype == "application/xml"
    wortel = etree.fromstring(xml.data)
    assert wortel.tag == f"{{{NS}}}BerichtVerwerkResponse"
    assert wortel.findtext(f".//{{{NS}}}BatchID") == batch_id
    assert [e.text for e in wortel.iter(f"{{{NS}}}VerwerkingsCode")] == [
        "Verwerkt",
        "BerichtTypeNietOndersteund",
    ]
    assert not any(bsn.encode() in xml.data for bsn in MET_BOX)


def test_an_aanmaakdatum_more_than_13_days_back_refuses_every_bericht(wereld, afnemer, klok):
    antwoord = afnemer.lever(batch_xml(AFNEMER, [bericht(0), bericht(1)], dagen(klok.nu, -14)))
    verslag = _verslag_json(afnemer, antwoord.get_json()["batch_id"])
    assert set(_codes(verslag).values()) == {("AanmaakDatumLigtTeVerInHetVerleden", "StoreMessage")}
    assert verslag["AantalBerichtenAanmaakDatumNietCorrect"] == 2


def test_a_bericht_id_delivered_in_an_earlier_batch_exists_already_but_a_refused_one_may_come_again(
    wereld, afnemer, klok
):
    eerste = afnemer.lever(batch_xml(AFNEMER, [bericht(0), bericht(1, berichttype="ONBEKEND")], klok.nu))
    assert eerste.status_code == 202
    tweede = afnemer.lever(batch_xml(AFNEMER, [bericht(0), bericht(1)], klok.nu))
    codes = _codes(_verslag_json(afnemer, tweede.get_json()["batch_id"]))
    assert codes[bericht(0).bericht_id] == ("BerichtBestaatAl", "StoreMessage")
    # The first delivery refused bericht 1, so it was never delivered: corrected, it goes through.
    assert codes[bericht(1).bericht_id] == ("Verwerkt", "NA")


def test_sending_a_batch_again_stores_nothing_twice_and_gives_the_same_report(wereld, afnemer, klok, app):
    xml = batch_xml(AFNEMER, [bericht(0), bericht(1)], klok.nu)
    eerste = afnemer.lever(xml)
    log = app.extensions["samenstelling"].verwerking.log
    positie = log.recorder.max_notification_id()
    tweede = afnemer.lever(xml)
    assert tweede.status_code == 202
    assert tweede.get_json()["nieuw"] is False
    assert tweede.get_json()["batch_id"] == eerste.get_json()["batch_id"]
    assert log.recorder.max_notification_id() == positie
    batch_id = eerste.get_json()["batch_id"]
    assert _verslag_json(afnemer, batch_id)["Berichten"] == _verslag_json(afnemer, batch_id)["Berichten"]


def test_the_certificate_must_be_the_leverancier_named_in_the_batch(wereld, app, pki, klok):
    ander = Leverancier(app.test_client(), pki.pem(ANDERE_AFNEMER))
    antwoord = ander.lever(batch_xml(AFNEMER, [bericht(0)], klok.nu))
    assert antwoord.status_code == 403
    assert antwoord.get_json()["fout"] == "OinInCPAKomtNietOvereenMetOinInBericht"


def test_an_intermediair_delivers_for_an_afnemer_it_serves_and_names(wereld, app, pki, klok):
    intermediair = Leverancier(app.test_client(), pki.pem(INTERMEDIAIR))
    zonder = intermediair.lever(batch_xml(INTERMEDIAIR, [bericht(0)], klok.nu))
    assert zonder.status_code == 403 and "afnemer" in zonder.get_json()["melding"]
    niet_bediend = intermediair.lever(batch_xml(INTERMEDIAIR, [bericht(0)], klok.nu), afnemer=DERDE_AFNEMER)
    assert niet_bediend.status_code == 403
    antwoord = intermediair.lever(batch_xml(INTERMEDIAIR, [bericht(0)], klok.nu), afnemer=AFNEMER)
    assert antwoord.status_code == 202
    status = antwoord.get_json()
    assert (status["leverancier"], status["afnemer"]) == (INTERMEDIAIR.waarde, AFNEMER.waarde)
    assert status["verwerkt"] == 1
    # The afnemer sees the batch delivered for it too; another afnemer does not.
    eigen = Leverancier(app.test_client(), pki.pem(AFNEMER)).get(status["status_url"])
    assert eigen.status_code == 200
    vreemd = Leverancier(app.test_client(), pki.pem(ANDERE_AFNEMER)).get(status["status_url"])
    assert vreemd.status_code == 404


def test_another_leveranciers_batch_id_is_a_conflict(wereld, app, pki, afnemer, klok):
    xml = batch_xml(AFNEMER, [bericht(0)], klok.nu, batch_id="6e1076fe-5b4d-4a2a-8a05-b16e45c39dc6")
    assert afnemer.lever(xml).status_code == 202
    intermediair = Leverancier(app.test_client(), pki.pem(INTERMEDIAIR))
    xml = batch_xml(INTERMEDIAIR, [bericht(5)], klok.nu, batch_id="6e1076fe-5b4d-4a2a-8a05-b16e45c39dc6")
    antwoord = intermediair.lever(xml, afnemer=AFNEMER)
    assert antwoord.status_code == 409


@pytest.mark.parametrize(
    ("pem", "status"),
    [(None, 401), ("onzin", 401)],
)
def test_without_a_valid_certificate_nothing_is_received(wereld, app, klok, pem, status):
    antwoord = Leverancier(app.test_client(), pem).lever(batch_xml(AFNEMER, [bericht(0)], klok.nu))
    assert antwoord.status_code == status
    assert antwoord.get_json()["melding"]


def test_only_xml_is_accepted(wereld, afnemer, klok):
    antwoord = afnemer.lever(b'{"batch": 1}', soort="application/json")
    assert antwoord.status_code == 415
    assert antwoord.get_json()["melding"].startswith("Lever de batch aan als XML")


def test_an_unknown_batch_is_not_found(wereld, afnemer):
    antwoord = afnemer.get("/api/v1/batches/6e1076fe-5b4d-4a2a-8a05-b16e45c39dc6")
    assert antwoord.status_code == 404
    assert antwoord.get_json()["fout"] == "NietGevonden"
