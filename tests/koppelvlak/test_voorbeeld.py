import io
import itertools
from datetime import UTC, datetime, timedelta

from domain.levering import MAX_PERSOONLIJKE_BIJLAGEN_BYTES
from domain.waarden import Bsn
from koppelvlak.lezen import lees_batch
from koppelvlak.schrijven import schrijf_batch
from koppelvlak.voorbeeld import ONBEKEND_BERICHTTYPE, voorbeeld_berichten, voorbeeld_bsns, voorbeeld_kop

NU = datetime(2026, 12, 1, 14, 0, tzinfo=UTC)
TYPES = ("AANSLAG", "WOZ", "PASPOORT")


def elfproef(bsn: str) -> bool:
    try:
        Bsn(bsn)
    except Exception:
        return False
    return True


def test_example_bsns_pass_the_elfproef_and_never_repeat():
    bsns = list(voorbeeld_bsns(20_000, seed=3))
    assert all(elfproef(b) for b in bsns)
    assert len(set(bsns)) == 20_000


def test_the_same_seed_gives_the_same_citizens_and_another_seed_others():
    assert list(voorbeeld_bsns(50, seed=1)) == list(voorbeeld_bsns(50, seed=1))
    assert set(voorbeeld_bsns(50, seed=1)).isdisjoint(voorbeeld_bsns(50, seed=2))


def test_example_berichten_go_to_the_example_citizens_with_the_berichttypes_in_turn():
    berichten = list(voorbeeld_berichten(30, TYPES, seed=4, nu=NU))
    assert [b.gebruiker for b in berichten] == list(voorbeeld_bsns(30, seed=4))
    assert [b.berichttype for b in berichten[:4]] == ["AANSLAG", "WOZ", "PASPOORT", "AANSLAG"]
    assert all(len(b.onderwerp) <= 50 and len(b.referentie) <= 25 for b in berichten)
    assert berichten[0].onderwerp == "Aanslag gemeentelijke belastingen 2026"
    assert len({b.bericht_id for b in berichten}) == 30


def test_without_fouten_every_example_bericht_is_deliverable():
    for b in voorbeeld_berichten(100, TYPES, nu=NU):
        assert elfproef(b.gebruiker)
        assert b.berichttype in TYPES
        assert b.publicatiedatum is None or b.publicatiedatum <= NU + timedelta(days=13)


def test_with_fouten_each_kind_of_refusal_is_in_the_mix():
    groot = b"x" * (MAX_PERSOONLIJKE_BIJLAGEN_BYTES + 1)
    berichten = list(voorbeeld_berichten(10, TYPES, fouten=True, grote_bijlage=groot, nu=NU))
    assert sum(b.berichttype == ONBEKEND_BERICHTTYPE for b in berichten) == 1
    assert sum(not elfproef(b.gebruiker) for b in berichten) == 1
    te_ver = NU + timedelta(days=13)
    assert sum(b.publicatiedatum is not None and b.publicatiedatum > te_ver for b in berichten) == 1
    assert len({b.bericht_id for b in berichten}) == 9
    assert sum(any(x.grootte > MAX_PERSOONLIJKE_BIJLAGEN_BYTES for x in b.bijlagen) for b in berichten) == 1


def test_an_example_batch_reads_back_through_the_koppelvlak():
    kop = voorbeeld_kop("00000099000000000101", seed=5, nu=NU)
    berichten = list(voorbeeld_berichten(1000, TYPES, seed=5, fouten=True, bijlage=b"%PDF-1.7 klein", nu=NU))
    uit = io.BytesIO()
    schrijf_batch(uit, kop, berichten)
    with lees_batch(io.BytesIO(uit.getvalue())) as lezing:
        assert lezing.kop == kop
        assert list(lezing.berichten()) == berichten


def test_the_same_seed_gives_the_same_batch():
    een = list(itertools.islice(voorbeeld_berichten(5, TYPES, seed=9, nu=NU), 5))
    assert een == list(voorbeeld_berichten(5, TYPES, seed=9, nu=NU))
    assert voorbeeld_kop("x", seed=9, nu=NU) == voorbeeld_kop("x", seed=9, nu=NU)
