"""The portaal application on the store the environment names (SQLite file, or PostgreSQL by DATABASE_URL)."""

import pytest

from domain.fouten import BestaatAl, NietGevonden, NietToegestaan, OngeldigeWaarde
from domain.profiel import Profiel
from domain.waarden import BerichttypeCode, DienstId, Notificatiekenmerk, Oin, Rol, Status
from tests.conftest import ANDERE_AFNEMER, BEHEERDER, INTERMEDIAIR, actor_voor
from tests.support.proefportaal import open_proefportaal

AB1 = BerichttypeCode("AB1")
PDF = b"%PDF-1.7\n% een kleine test\n"


def maak(portaal, afnemer, code=AB1, kenmerk=Notificatiekenmerk.BETALEN):
    portaal.maak_berichttype(afnemer, code, "Aanslag", kenmerk, actor_voor(afnemer))


def test_every_event_records_the_actor_and_the_clock_moment(portaal, afnemer, klok):
    maak(portaal, afnemer)
    portaal.wijzig_berichttype_status(afnemer, AB1, Status.ACTIEF, actor_voor(afnemer))
    laatste = portaal.repository.get(portaal.berichttype(afnemer, AB1).id)
    notificatie = portaal.recorder.select_notifications(start=None, limit=100)[-1]
    event = portaal.mapper.to_domain_event(notificatie)
    assert type(event).__qualname__ == "Berichttype.Activated"
    assert event.actor == actor_voor(afnemer) and event.timestamp == klok.nu == laatste.modified_on


def test_a_second_berichttype_with_the_same_code_is_refused(portaal, afnemer):
    maak(portaal, afnemer)
    with pytest.raises(BestaatAl, match="bestaat al") as fout:
        maak(portaal, afnemer)
    assert fout.value.veld == "code"


def test_codes_differing_in_case_are_two_berichttypes(portaal, afnemer):
    maak(portaal, afnemer, BerichttypeCode("AB1"))
    maak(portaal, afnemer, BerichttypeCode("ab1"))
    assert portaal.berichttype(afnemer, BerichttypeCode("ab1")).code.waarde == "ab1"


def test_the_same_code_at_two_afnemers_is_two_berichttypes(portaal, afnemer):
    portaal.registreer_organisatie(
        ANDERE_AFNEMER, "Toeslagen", Rol.AFNEMER, list(Notificatiekenmerk), actor_voor(BEHEERDER)
    )
    maak(portaal, afnemer)
    maak(portaal, ANDERE_AFNEMER)
    assert portaal.berichttype(ANDERE_AFNEMER, AB1).afnemer == ANDERE_AFNEMER


def test_a_kenmerk_outside_the_afnemers_list_is_refused(portaal):
    portaal.registreer_organisatie(
        ANDERE_AFNEMER, "Waterschap", Rol.AFNEMER, [Notificatiekenmerk.BETALEN], actor_voor(BEHEERDER)
    )
    with pytest.raises(OngeldigeWaarde, match="niet beschikbaar"):
        maak(portaal, ANDERE_AFNEMER, kenmerk=Notificatiekenmerk.VERNIEUWEN_NODIG)


def test_a_command_for_another_afnemer_than_the_actor_acts_for_is_refused(portaal, afnemer):
    with pytest.raises(NietToegestaan, match="namens"):
        portaal.maak_berichttype(afnemer, AB1, "x", Notificatiekenmerk.BETALEN, actor_voor(ANDERE_AFNEMER))


def test_berichttypes_only_exist_for_registered_afnemers(portaal):
    with pytest.raises(NietGevonden, match="geen organisatie"):
        maak(portaal, Oin("00000099000000000999"))


def test_an_unknown_berichttype_is_a_dutch_not_found(portaal, afnemer):
    with pytest.raises(NietGevonden, match="bestaat niet"):
        portaal.wijzig_berichttype_status(afnemer, AB1, Status.ACTIEF, actor_voor(afnemer))


def test_attachment_bytes_are_stored_once_by_hash_and_read_back(portaal, afnemer):
    maak(portaal, afnemer)
    eerste = portaal.voeg_bijlage_toe(afnemer, AB1, "a.pdf", PDF, actor_voor(afnemer)).id
    tweede = portaal.voeg_bijlage_toe(afnemer, AB1, "b.pdf", PDF, actor_voor(afnemer)).id
    assert portaal.bijlage_inhoud(afnemer, AB1, tweede) == ("b.pdf", PDF)
    refs = portaal.berichttype(afnemer, AB1).bijlagen
    assert [r.bijlage_id for r in refs] == [eerste, tweede] and refs[0].sha256 == refs[1].sha256
    with portaal.engine.connect() as verbinding:
        assert verbinding.exec_driver_sql("select count(*) from bijlage_inhoud").scalar() == 1


def test_no_pdf_bytes_enter_the_events(portaal, afnemer):
    maak(portaal, afnemer)
    portaal.voeg_bijlage_toe(afnemer, AB1, "a.pdf", PDF + b"UNIEKE-INHOUD", actor_voor(afnemer))
    states = [n.state for n in portaal.recorder.select_notifications(start=None, limit=100)]
    assert not any(b"UNIEKE-INHOUD" in state for state in states)


def test_a_file_that_is_not_a_pdf_is_refused_before_anything_is_stored(portaal, afnemer):
    maak(portaal, afnemer)
    with pytest.raises(OngeldigeWaarde, match="geen PDF"):
        portaal.voeg_bijlage_toe(afnemer, AB1, "a.pdf", b"MZ\x90\x00", actor_voor(afnemer))
    with portaal.engine.connect() as verbinding:
        assert verbinding.exec_driver_sql("select count(*) from bijlage_inhoud").scalar() == 0


def test_linking_needs_an_existing_unarchived_berichttype_of_the_same_afnemer(portaal, afnemer):
    door = actor_voor(afnemer)
    portaal.maak_dienst(afnemer, DienstId("Toeslagen"), "Toeslagen", door)
    with pytest.raises(NietGevonden):
        portaal.koppel(afnemer, DienstId("Toeslagen"), AB1, door)
    maak(portaal, afnemer)
    for status in (Status.ACTIEF, Status.ARCHIEF):
        portaal.wijzig_berichttype_status(afnemer, AB1, status, door)
    with pytest.raises(NietToegestaan, match="gearchiveerd"):
        portaal.koppel(afnemer, DienstId("Toeslagen"), AB1, door)


def test_toepassen_applies_all_links_or_none(portaal, afnemer):
    door = actor_voor(afnemer)
    maak(portaal, afnemer, BerichttypeCode("A"))
    maak(portaal, afnemer, BerichttypeCode("B"))
    portaal.maak_dienst(afnemer, DienstId("D"), "D", door)
    codes = [BerichttypeCode("A"), BerichttypeCode("B"), BerichttypeCode("ONBEKEND")]
    with pytest.raises(NietGevonden):
        portaal.pas_koppelingen_toe(afnemer, DienstId("D"), codes, [], door)
    assert portaal.dienst(afnemer, DienstId("D")).koppelingen == {}
    portaal.pas_koppelingen_toe(afnemer, DienstId("D"), codes[:2], [], door)
    assert set(portaal.dienst(afnemer, DienstId("D")).koppelingen) == set(codes[:2])


@pytest.mark.parametrize("andere", ["toeslagen", "Toeslagen ", " Toeslagen"])
def test_dienst_ids_differing_in_case_or_spaces_are_separate_diensten(portaal, afnemer, andere):
    door = actor_voor(afnemer)
    portaal.maak_dienst(afnemer, DienstId("Toeslagen"), "eerste", door)
    portaal.maak_dienst(afnemer, DienstId(andere), "tweede", door)
    assert portaal.dienst(afnemer, DienstId(andere)).dienst_id.waarde == andere
    assert portaal.dienst(afnemer, DienstId("Toeslagen")).omschrijving == "eerste"


def test_a_second_dienst_with_the_same_dienst_id_is_refused(portaal, afnemer):
    portaal.maak_dienst(afnemer, DienstId("Toeslagen"), "eerste", actor_voor(afnemer))
    with pytest.raises(BestaatAl) as fout:
        portaal.maak_dienst(afnemer, DienstId("Toeslagen"), "tweede", actor_voor(afnemer))
    assert fout.value.veld == "dienst_id"


def test_an_intermediair_acts_for_the_afnemer_and_both_are_recorded(portaal, afnemer):
    beheer = actor_voor(BEHEERDER)
    portaal.registreer_organisatie(
        INTERMEDIAIR, "Leverancier", Rol.INTERMEDIAIR, list(Notificatiekenmerk), beheer
    )
    portaal.bedien_afnemer(INTERMEDIAIR, afnemer, beheer)
    door = actor_voor(INTERMEDIAIR, namens=afnemer)
    portaal.maak_berichttype(afnemer, AB1, "Via intermediair", Notificatiekenmerk.BETALEN, door)
    event = portaal.mapper.to_domain_event(portaal.recorder.select_notifications(start=None, limit=100)[-1])
    assert (event.actor.oin, event.actor.namens) == (INTERMEDIAIR, afnemer)
    assert afnemer in portaal.organisatie(INTERMEDIAIR).bediende_afnemers


def test_a_profiel_is_stored_and_read_back(portaal, afnemer):
    profiel = Profiel.controleer("Wij sturen de aanslag digitaal.", "Aanslag", "Geen bijzonderheden.")
    portaal.wijzig_profiel(afnemer, profiel, actor_voor(afnemer))
    assert portaal.organisatie(afnemer).profiel == profiel


def test_events_can_be_encrypted_at_rest(database_url):
    from eventsourcing.cryptography import AESCipher

    omgeving = {"PORTAAL_CIPHER_KEY": AESCipher.create_key(32)}
    versleuteld = open_proefportaal(database_url, environ=omgeving)
    try:
        versleuteld.registreer_organisatie(
            BEHEERDER, "Logius Beheer", Rol.BEHEERDER, [Notificatiekenmerk.BETALEN], actor_voor(BEHEERDER)
        )
        state = versleuteld.recorder.select_notifications(start=None, limit=1)[0].state
        assert b"Logius" not in state
        assert versleuteld.organisatie(BEHEERDER).naam == "Logius Beheer"
    finally:
        versleuteld.close()
        versleuteld.engine.dispose()
