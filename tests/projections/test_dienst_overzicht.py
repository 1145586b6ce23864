from domain.waarden import DienstId
from projections import queries
from tests.conftest import actor_voor
from tests.projections.conftest import dienst_regel


def test_dienst_ids_differing_only_in_case_or_a_trailing_space_are_separate_rows(portaal, doe):
    for dienst_id in ["Zorg", "zorg", "Zorg "]:
        doe.dienst(dienst_id, omschrijving=f"<{dienst_id}>")
    doe.bijwerken()
    regels = queries.dienst_overzicht(portaal, doe.afnemer).regels
    assert sorted((r.dienst_id, r.omschrijving) for r in regels) == [
        ("Zorg", "<Zorg>"),
        ("Zorg ", "<Zorg >"),
        ("zorg", "<zorg>"),
    ]
    assert dienst_regel(portaal, doe.afnemer, "Zorg ").omschrijving == "<Zorg >"
    assert dienst_regel(portaal, doe.afnemer, "ZORG") is None


def test_deactivation_shows_the_date_and_ends_the_links(portaal, doe, klok):
    doe.berichttype("AB1")
    doe.dienst("D1")
    doe.koppel("D1", "AB1")
    doe.bijwerken()
    assert dienst_regel(portaal, doe.afnemer, "D1").berichttypes == ["AB1"]
    doe.deactiveer("D1")
    doe.bijwerken()
    regel = dienst_regel(portaal, doe.afnemer, "D1")
    assert (regel.status, regel.gedeactiveerd_op, regel.berichttypes) == ("Inactief", klok.nu, [])


def test_reactivation_clears_the_date_and_restores_no_links(portaal, doe):
    doe.berichttype("AB1")
    doe.dienst("D1")
    doe.koppel("D1", "AB1")
    doe.deactiveer("D1")
    doe.activeer("D1")
    doe.bijwerken()
    regel = dienst_regel(portaal, doe.afnemer, "D1")
    assert (regel.status, regel.gedeactiveerd_op, regel.berichttypes) == ("Actief", None, [])


def test_dienst_overzicht_is_sorted_and_paginated(portaal, doe):
    for n in range(5):
        doe.dienst(f"D{4 - n}")
    doe.bijwerken()
    pagina = queries.dienst_overzicht(portaal, doe.afnemer, pagina=2, per_pagina=2)
    assert [r.dienst_id for r in pagina.regels] == ["D2", "D3"]
    assert pagina.totaal == 5


def test_near_duplicates_are_the_afnemers_dienst_ids_that_read_the_same(portaal, doe, andere_afnemer):
    for waarde in ["Zorg", "zorg ", "Z org", "Zorgen", "Toeslagen", "\uff3aorg"]:
        doe.dienst(waarde)
    portaal.maak_dienst(andere_afnemer, DienstId("ZORG"), "Andere afnemer", actor_voor(andere_afnemer))
    doe.bijwerken()
    gevonden = queries.bijna_gelijke_dienst_ids(portaal, doe.afnemer, DienstId("ZORG"))
    assert gevonden == sorted(["Zorg", "zorg ", "Z org", "\uff3aorg"])
    # The exact Dienst ID is no near-duplicate of itself: adding it again is refused as a duplicate.
    assert "Zorg" not in queries.bijna_gelijke_dienst_ids(portaal, doe.afnemer, DienstId("Zorg"))
    assert queries.bijna_gelijke_dienst_ids(portaal, andere_afnemer, DienstId("Toeslagen ")) == []
