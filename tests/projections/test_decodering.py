"""Contract: the read side's decoder (behind the Projectiemotor) gives every kind of event exactly as the
application's own mapper does, on a plain store (its fast path) and on an encrypted one (the mapper path)."""

import importlib
import inspect
import pkgutil

import pytest
from eventsourcing.cryptography import AESCipher
from eventsourcing.domain import Aggregate

import domain
from domain.profiel import Profiel
from domain.waarden import BerichttypeCode, Bsn, DienstId, Notificatiekenmerk, Rol, Status
from projections.motor import Projectiemotor
from scripts.bench.geschiedenis import Omvang, genereer
from tests.conftest import AFNEMER, ANDERE_AFNEMER, BEHEERDER, INTERMEDIAIR, actor_voor
from tests.projections.test_berichttype_overzicht import PDF
from tests.support.proefportaal import Proefportaal, open_proefportaal
from tests.verwerking.wereld import batch_stroom
from tests.web.api.hulp import MET_BOX, bericht


def _alle_eventklassen() -> set[type]:
    """Every event class an aggregate of the domain records, found in the code rather than listed by hand.
    An aggregate that names its creation event (Registered, Posted, Sent) never records the library's
    default `Created`, which it still has."""
    klassen: set[type] = set()
    for module in pkgutil.iter_modules(domain.__path__):
        naam = f"domain.{module.name}"
        for _, aggregaat in inspect.getmembers(importlib.import_module(naam), inspect.isclass):
            if not issubclass(aggregaat, Aggregate) or aggregaat.__module__ != naam:
                continue
            soorten = {
                k
                for k in vars(aggregaat).values()
                if inspect.isclass(k) and issubclass(k, aggregaat.Event) and k is not aggregaat.Event
            }
            if len({k for k in soorten if issubclass(k, Aggregate.Created)}) > 1:
                soorten.discard(aggregaat.Created)
            klassen |= soorten
    return klassen


@pytest.fixture(params=["onversleuteld", "versleuteld"])
def log(request, database_url, klok):
    environ = {"PORTAAL_CIPHER_KEY": AESCipher.create_key(16)} if request.param == "versleuteld" else {}
    app = open_proefportaal(database_url, klok=klok, environ=environ)
    yield app
    app.close()


def _elke_soort(log: Proefportaal) -> None:
    """A history with every kind of event the domain knows."""
    beheer, afnemer, code = actor_voor(BEHEERDER), actor_voor(AFNEMER), BerichttypeCode("AB1")
    kenmerken = list(Notificatiekenmerk)
    log.registreer_organisatie(AFNEMER, "Gemeente Voorbeeldstad", Rol.AFNEMER, kenmerken, beheer)
    log.registreer_organisatie(ANDERE_AFNEMER, "Gemeente Anderstad", Rol.AFNEMER, kenmerken, beheer)
    log.registreer_organisatie(INTERMEDIAIR, "Leverancier", Rol.INTERMEDIAIR, kenmerken, beheer)
    log.wijzig_organisatie(ANDERE_AFNEMER, "Gemeente Anderstad (nieuw)", kenmerken[:1], beheer)
    log.wijzig_profiel(AFNEMER, Profiel("Toelichting", "Lijst", "Bijzonder"), afnemer)
    log.bedien_afnemer(INTERMEDIAIR, AFNEMER, beheer)
    log.stop_bedienen(INTERMEDIAIR, AFNEMER, beheer)
    log.maak_berichttype(AFNEMER, code, "Omschrijving", Notificatiekenmerk.BETALEN, afnemer)
    log.wijzig_berichttype(AFNEMER, code, "Andere omschrijving", Notificatiekenmerk.BETALEN, afnemer)
    pdfs = [(f"{n}.pdf", PDF + bytes([n])) for n in range(3)]
    toegevoegd = [log.voeg_bijlage_toe(AFNEMER, code, naam, pdf, afnemer) for naam, pdf in pdfs]
    bijlagen = [v.id for v in toegevoegd]
    log.verplaats_bijlage(AFNEMER, code, bijlagen[2], -1, afnemer)
    log.verwijder_bijlage(AFNEMER, code, bijlagen[0], afnemer)
    for status in (Status.ACTIEF, Status.INACTIEF, Status.ARCHIEF):
        log.wijzig_berichttype_status(AFNEMER, code, status, afnemer)
    log.maak_berichttype(AFNEMER, BerichttypeCode("AB2"), "Tweede", Notificatiekenmerk.BETALEN, afnemer)
    log.wijzig_berichttype_status(AFNEMER, BerichttypeCode("AB2"), Status.ACTIEF, afnemer)
    log.maak_dienst(AFNEMER, DienstId("D1"), "Een dienst", afnemer)
    log.wijzig_dienst(AFNEMER, DienstId("D1"), "Een andere dienst", afnemer)
    log.koppel(AFNEMER, DienstId("D1"), BerichttypeCode("AB2"), afnemer)
    log.ontkoppel(AFNEMER, DienstId("D1"), BerichttypeCode("AB2"), afnemer)
    log.deactiveer_dienst(AFNEMER, DienstId("D1"), afnemer)
    log.activeer_dienst(AFNEMER, DienstId("D1"), afnemer)
    mededeling = log.plaats_mededeling("Titel", "Tekst", beheer).id
    log.trek_mededeling_in(mededeling, beheer)
    log.verstuur_contactbericht("Onderwerp", "Bericht", "a@b.nl", afnemer)
    # The Berichtenbox users register and message processing, each a log of its own.
    feed, nu = actor_voor(BEHEERDER), log.klok()
    log.importeer_gebruikers(["bsn;actief_van;actief_tot;uitgeschakeld", f"{MET_BOX[0]};2025-01-01;;"], feed)
    log.zet_berichtenbox(Bsn(MET_BOX[1]), nu, None, feed)
    log.schakel_afnemer_uit(Bsn(MET_BOX[1]), AFNEMER, feed)
    log.schakel_afnemer_in(Bsn(MET_BOX[1]), AFNEMER, feed)
    log.sluit_berichtenbox(Bsn(MET_BOX[1]), feed)
    kop = "machtiging;belanghebbende;gemachtigde;afnemer;dienst_id;geldig_van;geldig_tot;ingetrokken_op"
    log.importeer_machtigingen([kop, f"M1;{MET_BOX[0]};{MET_BOX[1]};{AFNEMER};D1;2025-01-01;;"], feed)
    log.bijwerken()
    berichten = [bericht(0, berichttype="AB2"), bericht(1, berichttype="AB2", gebruiker=MET_BOX[1])]
    log.lever_batch_aan(batch_stroom(0, berichten, log.klok()), AFNEMER, "test")


def _vergelijk(portaal) -> list:
    """Every event of every log as the motors' fast decoder reads it, checked against the library's mapper."""
    s = portaal.samenstelling
    return [
        g
        for log in (s.configuratie.log, s.verwerking.log, s.gebruikers.log, s.machtigingen.log)
        for g in _vergelijk_log(log)
    ]


def _vergelijk_log(log) -> list:
    notificaties = log.recorder.select_notifications(1, 100_000)
    gelezen = Projectiemotor(log).bron.lees(0, 100_000)
    assert [g.positie for g in gelezen] == [n.id for n in notificaties]
    for g, n in zip(gelezen, notificaties, strict=True):
        verwacht = log.mapper.to_domain_event(n)
        assert type(g.event) is type(verwacht)
        assert g.event.__dict__ == verwacht.__dict__, g.naam
        assert g.naam == type(verwacht).__qualname__
        assert g.sleutel == str(verwacht.originator_id)
    return gelezen


def test_every_kind_of_event_decodes_as_the_mapper_decodes_it(log):
    _elke_soort(log)
    genereer(log, omvang=Omvang(afnemers=3, berichttypes=30, diensten=10, events=600))
    gelezen = _vergelijk(log)
    assert {type(g.event) for g in gelezen} == _alle_eventklassen()
    assert len(gelezen) > 600


def test_an_encrypted_store_is_read_through_the_mapper_with_its_cipher(log):
    _elke_soort(log)
    versleuteld = log.mapper.cipher is not None
    motor = Projectiemotor(log)
    # The fast path reads plain JSON only; an encrypted store's events go through the mapper and its cipher.
    assert motor.bron.decoder.direct is not versleuteld
    opgeslagen = log.recorder.select_notifications(1, 1)[0].state
    assert (b"Gemeente Voorbeeldstad" in opgeslagen) is not versleuteld
    assert motor.bijwerken() == motor.hoogste()


def test_the_list_of_event_kinds_is_complete():
    # The check above compares with this list: it must hold the events of every aggregate.
    namen = {k.__qualname__ for k in _alle_eventklassen()}
    soorten = {
        "Batch",
        "Berichttype",
        "Contactbericht",
        "Dienst",
        "Gebruikerslevering",
        "Machtigingenlevering",
        "Mededeling",
        "Organisatie",
    }
    assert {n.split(".")[0] for n in namen} == soorten
    assert {"Dienst.Linked", "Organisatie.RepresentationEnded", "Contactbericht.Sent"} <= namen
    assert not {"Organisatie.Created", "Mededeling.Created", "Contactbericht.Created"} & namen
    assert len(namen) >= 22
