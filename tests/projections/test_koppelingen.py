from projections import asof
from projections.handlers.koppelingen import DIENST_GEDEACTIVEERD, ONTKOPPELD
from tests.projections.conftest import net_na


def _moment(klok):
    return klok.nu


def test_a_link_interval_ends_by_unlinking(portaal, doe, klok):
    doe.berichttype("AB1")
    doe.dienst("D1")
    doe.koppel("D1", "AB1")
    van = klok.nu
    doe.ontkoppel("D1", "AB1")
    tot = klok.nu
    doe.bijwerken()
    (interval,) = asof.historie_van_dienst(portaal, doe.afnemer, "D1").regels
    assert (interval.code, interval.van, interval.tot, interval.einde) == ("AB1", van, tot, ONTKOPPELD)


def test_deactivation_ends_every_open_interval_of_the_dienst(portaal, doe, klok):
    for code in ["AB1", "AB2"]:
        doe.berichttype(code)
    doe.dienst("D1")
    doe.koppel("D1", "AB1")
    doe.koppel("D1", "AB2")
    doe.deactiveer("D1")
    einde = klok.nu
    doe.bijwerken()
    historie = asof.historie_van_dienst(portaal, doe.afnemer, "D1").regels
    assert [(k.code, k.tot, k.einde) for k in historie] == [
        ("AB2", einde, DIENST_GEDEACTIVEERD),
        ("AB1", einde, DIENST_GEDEACTIVEERD),
    ]


def test_a_relink_opens_a_new_interval_and_keeps_the_old_one(portaal, doe):
    doe.berichttype("AB1")
    doe.dienst("D1")
    doe.koppel("D1", "AB1")
    doe.ontkoppel("D1", "AB1")
    doe.koppel("D1", "AB1")
    doe.bijwerken()
    historie = asof.historie_van_berichttype(portaal, doe.afnemer, "AB1").regels
    assert [(k.dienst_id, k.einde, k.tot is None) for k in historie] == [
        ("D1", None, True),
        ("D1", ONTKOPPELD, False),
    ]


def test_intervals_are_half_open(portaal, doe, klok):
    doe.berichttype("AB1")
    doe.dienst("D1")
    voor = klok.nu
    doe.koppel("D1", "AB1")
    van = klok.nu
    doe.ontkoppel("D1", "AB1")
    tot = klok.nu
    doe.bijwerken()

    def gekoppeld(moment) -> bool:
        return "AB1" in asof.berichttypes_van_dienst_op(portaal, doe.afnemer, "D1", moment)

    assert not gekoppeld(voor)
    assert gekoppeld(van)
    assert gekoppeld(net_na(van))
    assert not gekoppeld(tot)
    assert not gekoppeld(net_na(tot))


def test_as_of_questions_per_afnemer_dienst_and_berichttype(portaal, doe, klok):
    for code in ["AB1", "AB2"]:
        doe.berichttype(code)
    doe.dienst("D1")
    doe.dienst("D2")
    doe.koppel("D1", "AB1")
    doe.koppel("D2", "AB1")
    doe.koppel("D1", "AB2")
    t1 = klok.nu
    doe.deactiveer("D1")
    t2 = klok.nu
    doe.bijwerken()
    assert [(k.dienst_id, k.code) for k in asof.koppelingen_op(portaal, doe.afnemer, t1)] == [
        ("D1", "AB1"),
        ("D1", "AB2"),
        ("D2", "AB1"),
    ]
    assert asof.berichttypes_van_dienst_op(portaal, doe.afnemer, "D1", t1) == ["AB1", "AB2"]
    assert asof.berichttypes_van_dienst_op(portaal, doe.afnemer, "D1", t2) == []
    assert asof.diensten_van_berichttype_op(portaal, doe.afnemer, "AB1", t1) == ["D1", "D2"]
    assert asof.diensten_van_berichttype_op(portaal, doe.afnemer, "AB1", t2) == ["D2"]


def test_dienst_ids_differing_in_case_or_trailing_space_have_their_own_history(portaal, doe, klok):
    doe.berichttype("AB1")
    for dienst_id in ["Zorg", "zorg", "Zorg "]:
        doe.dienst(dienst_id)
    doe.koppel("zorg", "AB1")
    doe.koppel("Zorg ", "AB1")
    doe.ontkoppel("Zorg ", "AB1")
    nu = klok.nu
    doe.bijwerken()
    assert asof.diensten_van_berichttype_op(portaal, doe.afnemer, "AB1", nu) == ["zorg"]
    assert [k.einde for k in asof.historie_van_dienst(portaal, doe.afnemer, "Zorg ").regels] == [ONTKOPPELD]
    assert asof.historie_van_dienst(portaal, doe.afnemer, "Zorg").regels == []


def test_reactivation_does_not_restore_links(portaal, doe, klok):
    doe.berichttype("AB1")
    doe.dienst("D1")
    doe.koppel("D1", "AB1")
    doe.deactiveer("D1")
    doe.activeer("D1")
    doe.bijwerken()
    assert asof.berichttypes_van_dienst_op(portaal, doe.afnemer, "D1", klok.nu) == []


def test_as_of_questions_use_an_index_not_a_scan(portaal, doe):
    from sqlalchemy import text

    doe.bijwerken()
    if portaal.engine.dialect.name != "sqlite":
        return
    with portaal.engine.connect() as connection:
        plan = connection.execute(
            text(
                "EXPLAIN QUERY PLAN SELECT van FROM koppelingen WHERE afnemer = 'a' AND dienst_id = 'd' "
                "AND code = 'c' AND van <= 5 AND (tot IS NULL OR tot > 5) LIMIT 1"
            )
        ).all()
    detail = " ".join(str(r[-1]) for r in plan)
    assert (
        "USING COVERING INDEX ix_koppelingen_dienst (afnemer=? AND dienst_id=? AND code=? AND van<?)"
        in detail
    )
    assert "TEMP B-TREE" not in detail


def test_the_history_comes_a_page_at_a_time_newest_first(portaal, doe, klok):
    doe.berichttype("AB1")
    doe.dienst("D1")
    momenten = []
    for _ in range(5):
        doe.koppel("D1", "AB1")
        momenten.append(klok.nu)
        doe.ontkoppel("D1", "AB1")
    doe.bijwerken()
    eerste = asof.historie_van_dienst(portaal, doe.afnemer, "D1", pagina=1, per_pagina=2)
    assert [k.van for k in eerste.regels] == momenten[::-1][:2] and eerste.heeft_volgende
    laatste = asof.historie_van_dienst(portaal, doe.afnemer, "D1", pagina=3, per_pagina=2)
    assert [k.van for k in laatste.regels] == momenten[:1] and not laatste.heeft_volgende
