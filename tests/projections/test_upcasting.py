"""The read models take Dienst.Created events stored before the field `dienst_id_` became `dienst_id`."""

from datetime import UTC, datetime

from projections import asof, queries
from projections.replay import koppelingen_uit_events
from tests.projections.test_decodering import _vergelijk
from tests.support.oude_events import bewaar_oude_dienst

OUD = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)


def test_old_and_new_dienst_created_events_fill_the_read_models(portaal, doe, klok):
    doe.berichttype("AB1")
    bewaar_oude_dienst(portaal, doe.afnemer, "Oud ", "Van voor de hernoeming", OUD)
    doe.dienst("Nieuw")
    doe.koppel("Oud ", "AB1")
    doe.koppel("Nieuw", "AB1")
    doe.bijwerken()

    regels = queries.dienst_overzicht(portaal, doe.afnemer).regels
    assert sorted((r.dienst_id, r.omschrijving) for r in regels) == [
        ("Nieuw", "Een dienst"),
        ("Oud ", "Van voor de hernoeming"),
    ]
    gekoppeld = {(k.dienst_id, k.code) for k in asof.koppelingen_op(portaal, doe.afnemer, klok.nu)}
    assert gekoppeld == {("Oud ", "AB1"), ("Nieuw", "AB1")}
    audit = queries.audit_trail(portaal, soort="Dienst", sleutel=f"{doe.afnemer}/Oud ").regels
    assert audit and all(r.sleutel == f"{doe.afnemer}/Oud " for r in audit)
    uit_events = koppelingen_uit_events(doe.motor.bron, klok.nu, doe.afnemer)
    assert {(d, c) for _, d, c, _ in uit_events} == gekoppeld


def test_the_fast_decoder_gives_old_events_as_the_mapper_upcasts_them(portaal, doe):
    bewaar_oude_dienst(portaal, doe.afnemer, "Oud", "Van voor de hernoeming", OUD)
    doe.dienst("Nieuw")
    assert len(_vergelijk(portaal)) == 3
