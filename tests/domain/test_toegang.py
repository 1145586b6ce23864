from datetime import UTC, datetime, timedelta

import pytest

from domain import toegang as t
from domain.toegang import Dienstperiode, Koppelingsperiode, Machtigingsperiode, Periode

A, B, G = "00000099000000000101", "999999990", "999999989"
T0 = datetime(2026, 1, 1, tzinfo=UTC)


def uur(n: int) -> datetime:
    return T0 + timedelta(hours=n)


def machtiging(van=0, tot=None, dienst="D1", id_="M1", einde=None, gemachtigde=G):
    return Machtigingsperiode(
        id_, B, gemachtigde, A, dienst, uur(van), None if tot is None else uur(tot), einde
    )


def actief(van=0, tot=None, dienst="D1"):
    return Dienstperiode(A, dienst, uur(van), None if tot is None else uur(tot))


def gekoppeld(van=0, tot=None, dienst="D1", code="BT1"):
    return Koppelingsperiode(A, dienst, code, uur(van), None if tot is None else uur(tot))


def beslis(op, machtigingen=(), perioden=(), koppelingen=(), code="BT1"):
    return t.beslis(G, B, A, code, uur(op), machtigingen, perioden, koppelingen)


def test_access_when_machtiging_valid_dienst_active_and_type_linked():
    besluit = beslis(5, [machtiging()], [actief()], [gekoppeld(2)])
    assert besluit.toegang
    (grond,) = besluit.gronden
    assert grond.koppeling.van == uur(2)
    assert "M1" in besluit.tekst


def test_no_machtiging_is_the_missing_piece():
    besluit = beslis(5, [], [actief()], [gekoppeld()])
    assert (besluit.toegang, besluit.reden) == (False, t.GEEN_MACHTIGING)


def test_a_machtiging_of_another_gemachtigde_does_not_count():
    besluit = beslis(5, [machtiging(gemachtigde="999999977")], [actief()], [gekoppeld()])
    assert besluit.reden == t.GEEN_MACHTIGING


@pytest.mark.parametrize(
    ("einde", "woord"), [(None, "verlopen"), (t.INGETROKKEN, "ingetrokken"), (t.BEEINDIGD, "beëindigd")]
)
def test_an_ended_machtiging_names_when_and_how_it_ended(einde, woord):
    besluit = beslis(5, [machtiging(0, 4, einde=einde)], [actief()], [gekoppeld()])
    assert besluit.reden == t.MACHTIGING_NIET_GELDIG
    assert woord in besluit.tekst and uur(4).isoformat() in besluit.tekst
    assert besluit.machtigingen == (machtiging(0, 4, einde=einde),)


def test_the_interval_is_half_open():
    m = machtiging(1, 4)
    assert beslis(1, [m], [actief()], [gekoppeld()]).toegang
    assert not beslis(4, [m], [actief()], [gekoppeld()]).toegang


def test_a_machtiging_not_yet_begun_names_its_start():
    besluit = beslis(5, [machtiging(8)], [actief()], [gekoppeld()])
    assert besluit.reden == t.MACHTIGING_NIET_GELDIG and uur(8).isoformat() in besluit.tekst


def test_an_inactive_dienst_names_since_when():
    besluit = beslis(5, [machtiging()], [actief(0, 3)], [gekoppeld(0, 3)])
    assert besluit.reden == t.DIENST_INACTIEF
    assert uur(3).isoformat() in besluit.tekst
    assert besluit.dienstperioden == (actief(0, 3),)


def test_a_type_not_linked_at_the_moment_is_refused_even_if_linked_before():
    besluit = beslis(5, [machtiging()], [actief()], [gekoppeld(0, 2)])
    assert besluit.reden == t.NIET_GEKOPPELD
    assert besluit.koppelingen == (gekoppeld(0, 2),)


def test_links_at_the_moment_of_reading_decide_not_those_at_delivery():
    # Linked only after the bericht could have been delivered at hour 1: at hour 5 the link counts.
    assert beslis(5, [machtiging()], [actief()], [gekoppeld(4)]).toegang


def test_a_type_linked_to_another_dienst_than_the_machtiging_is_refused():
    besluit = beslis(5, [machtiging()], [actief(), actief(dienst="D2")], [gekoppeld(dienst="D2")])
    assert besluit.reden == t.NIET_GEKOPPELD


def test_dienst_ids_compare_exactly():
    besluit = beslis(5, [machtiging(dienst="Zorg")], [actief(dienst="zorg ")], [gekoppeld(dienst="zorg ")])
    assert not besluit.toegang


def test_two_machtigingen_give_two_grounds():
    m1, m2 = machtiging(id_="M1"), machtiging(id_="M2", dienst="D2")
    besluit = beslis(5, [m1, m2], [actief(), actief(dienst="D2")], [gekoppeld(), gekoppeld(dienst="D2")])
    assert {g.machtiging.machtiging_id for g in besluit.gronden} == {"M1", "M2"}


def test_access_periods_merge_where_they_touch_and_since_finds_the_start():
    m1, m2 = machtiging(0, 5, id_="M1"), machtiging(5, 9, id_="M2")
    perioden = t.toegangsperioden([m1, m2], [actief()], [gekoppeld(2)], "BT1")
    assert perioden == [Periode(uur(2), uur(9))]
    assert t.sinds(perioden, uur(7)) == uur(2)
    assert t.sinds(perioden, uur(9)) is None


def test_a_machtiging_repr_holds_no_bsn():
    assert B not in repr(machtiging()) and G not in repr(machtiging())
