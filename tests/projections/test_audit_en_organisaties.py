from domain.profiel import Profiel
from domain.waarden import BerichttypeCode, Notificatiekenmerk, Oin, Rol, Status
from projections import queries
from tests.conftest import BEHEERDER, INTERMEDIAIR, actor_voor


def test_audit_has_one_row_per_event_with_actor_and_namens(portaal, doe):
    doe.berichttype("AB1")
    portaal.wijzig_berichttype_status(
        doe.afnemer,
        BerichttypeCode("AB1"),
        Status.ACTIEF,
        actor_voor(Oin("00000099000000000201"), doe.afnemer),
    )
    doe.bijwerken()
    regels = queries.audit_trail(portaal, afnemer=doe.afnemer).regels
    assert [r.gebeurtenis for r in regels] == ["Activated", "Created", "Registered"]
    geactiveerd = regels[0]
    assert (geactiveerd.actor_oin, geactiveerd.namens) == ("00000099000000000201", str(doe.afnemer))
    assert geactiveerd.wijzigingen == {"status": {"voor": "Nieuw", "na": "Actief"}}
    assert (geactiveerd.soort, geactiveerd.sleutel) == ("Berichttype", f"{doe.afnemer}/AB1")


def test_audit_shows_before_and_after_of_an_edit(portaal, doe):
    doe.berichttype("AB1", omschrijving="Oud")
    portaal.wijzig_berichttype(
        doe.afnemer, BerichttypeCode("AB1"), "Nieuw", Notificatiekenmerk.VERNIEUWEN_NODIG, doe.actor
    )
    doe.bijwerken()
    (regel,) = queries.audit_trail(
        portaal, soort="Berichttype", sleutel=f"{doe.afnemer}/AB1", per_pagina=1
    ).regels
    assert regel.wijzigingen == {
        "kenmerk": {"voor": "Betalen", "na": "Vernieuwen nodig"},
        "omschrijving": {"voor": "Oud", "na": "Nieuw"},
    }


def test_audit_records_links_of_a_dienst(portaal, doe):
    doe.berichttype("AB1")
    doe.dienst("D1")
    doe.koppel("D1", "AB1")
    doe.deactiveer("D1")
    doe.bijwerken()
    regels = queries.audit_trail(portaal, soort="Dienst", sleutel=f"{doe.afnemer}/D1").regels
    assert [r.gebeurtenis for r in regels] == ["Deactivated", "Linked", "Created"]
    assert regels[0].wijzigingen == {"status": {"voor": "Actief", "na": "Inactief"}}
    assert regels[1].wijzigingen == {"koppeling": {"voor": None, "na": "AB1"}}


def test_organisaties_with_profiel(portaal, doe):
    portaal.wijzig_profiel(doe.afnemer, Profiel("Toelichting", "Lijst", "Bijzonder"), doe.actor)
    doe.bijwerken()
    (organisatie,) = queries.organisaties(portaal, rol=Rol.AFNEMER)
    assert (organisatie.oin, organisatie.naam, organisatie.profiel["lijst"]) == (
        str(doe.afnemer),
        "Gemeente Voorbeeldstad",
        "Lijst",
    )
    assert queries.organisatie(portaal, doe.afnemer).kenmerken == [k.value for k in Notificatiekenmerk]


def test_intermediair_relations_are_intervals(portaal, doe, klok):
    beheerder = actor_voor(BEHEERDER)
    portaal.registreer_organisatie(
        INTERMEDIAIR, "Leverancier BV", Rol.INTERMEDIAIR, [Notificatiekenmerk.BETALEN], beheerder
    )
    portaal.bedien_afnemer(INTERMEDIAIR, doe.afnemer, beheerder)
    tijdens = klok.nu
    portaal.stop_bedienen(INTERMEDIAIR, doe.afnemer, beheerder)
    doe.bijwerken()
    assert queries.bediende_afnemers(portaal, INTERMEDIAIR) == []
    assert [r.afnemer for r in queries.bediende_afnemers(portaal, INTERMEDIAIR, tijdens)] == [
        str(doe.afnemer)
    ]


def test_active_mededelingen_newest_first_without_withdrawn_ones(portaal, doe):
    beheerder = actor_voor(BEHEERDER)
    eerste = portaal.plaats_mededeling("Eerste", "Tekst", beheerder).id
    portaal.plaats_mededeling("Tweede", "Tekst", beheerder)
    portaal.plaats_mededeling("Derde", "Tekst", beheerder)
    portaal.trek_mededeling_in(eerste, beheerder)
    doe.bijwerken()
    assert [m.titel for m in queries.mededelingen(portaal)] == ["Derde", "Tweede"]
