"""Property: for random histories of batches on random clocks (across the change to summer time), every
figure of the Totalen and Berichtverwerking tabs equals a plain count over the batches' events, for random
periods on both date kinds. Every example uses an afnemer of its own, so examples share one database."""

import itertools
import uuid
from collections import Counter
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from domain.batch import OntvangenBericht
from domain.levering import Batchkop
from domain.verslag import Berichtuitkomst
from domain.waarden import Actor, Oin
from projections import rapportage_queries as rq
from tests.support.batches import GROEN, ORANJE, ROOD, ROOD_PDF, ROOD_TYPE
from tests.support.proefportaal import open_proefportaal

_AFNEMERS = itertools.count(1)
BEGIN = datetime(2026, 3, 28, 20, 0, tzinfo=UTC)  # the night of the change to summer time follows
UITKOMSTEN = [GROEN, ORANJE, ROOD, ROOD_PDF, ROOD_TYPE]


class StilleKlok:
    def __init__(self) -> None:
        self.nu = BEGIN

    def __call__(self) -> datetime:
        return self.nu


@pytest.fixture
def klok():
    return StilleKlok()


@pytest.fixture
def proef(database_url, klok):
    portaal = open_proefportaal(database_url, klok=klok)
    yield portaal.samenstelling
    portaal.close()


minuten = st.integers(min_value=0, max_value=4 * 24 * 60)
batch = st.tuples(
    st.integers(0, 1),  # which leverancier
    st.lists(st.sampled_from(range(len(UITKOMSTEN))), min_size=1, max_size=6),
    minuten,  # received, minutes after BEGIN
    st.one_of(st.none(), st.integers(0, 36 * 60)),  # processed that many minutes later, or not yet
)
periode = st.tuples(st.sampled_from(rq.DATUMSOORTEN), minuten, minuten, st.integers(0, 59))


def _lever(s, klok, afnemer: Oin, leverancier: Oin, keuzes, ontvangen, vertraging) -> str:
    uitkomsten = [UITKOMSTEN[k] for k in keuzes]
    batch_id = str(uuid.uuid4())
    berichten = [OntvangenBericht(str(uuid.uuid4()), "A", "111222333", "0" * 64, None) for _ in uitkomsten]
    klok.nu = BEGIN + timedelta(minutes=ontvangen, seconds=ontvangen % 7)
    batches = s.verwerking.batches
    kop = Batchkop(batch_id, klok.nu, leverancier.waarde)
    s.na_commando(batches.ontvang_batch(kop, afnemer, berichten, Actor(leverancier, afnemer, "t")))
    if vertraging is not None:
        klok.nu += timedelta(minutes=vertraging)
        gekozen = [
            Berichtuitkomst(b.bericht_id, b.berichttype, u.code, u.stadium, u.waarschuwing, u.reden)
            for b, u in zip(berichten, uitkomsten, strict=True)
        ]
        s.na_commando(batches.verwerk_batch(batches.batch(batch_id).id, "k", lambda b, m: gekozen))
    return batch_id


def _geteld(s, afnemer: Oin, ids: list[str], p: rq.Periode) -> list[rq.Telling]:
    """The plain count: each batch as its events left the aggregate."""
    per: dict[str, Counter] = {}
    for batch_id in ids:
        b = s.verwerking.batches.batch(batch_id)
        moment = b.ontvangen_op if p.soort == "ontvangst" else b.verwerkt_op
        if moment is None or not p.van <= moment < p.tot:
            continue
        c = per.setdefault(str(b.leverancier), Counter())
        c["batches"] += 1
        c["ontvangen"] += len(b.berichten)
        for code, _stadium, waarschuwing, _reden in b.uitkomsten:
            soort = "verwerkt" if code == "Verwerkt" and not waarschuwing else "waarschuwing"
            c[soort if code == "Verwerkt" else "niet_verwerkt"] += 1
    return [rq.Telling(lev, **c) for lev, c in sorted(per.items())]


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(historie=st.lists(batch, min_size=1, max_size=8), perioden=st.lists(periode, min_size=1, max_size=6))
def test_every_figure_equals_a_plain_count_over_the_events(proef, klok, historie, perioden):
    afnemer = Oin(f"00000099{next(_AFNEMERS):012d}")
    leveranciers = [afnemer, Oin("00000099000000000201")]
    ids = []
    for wie, keuzes, ontvangen, vertraging in historie:
        ids.append(_lever(proef, klok, afnemer, leveranciers[wie], keuzes, ontvangen, vertraging))
    _controleer(proef, afnemer, ids, perioden)
    # Rebuilt, a batch's two events mostly arrive in one call: the same figures.
    proef.motoren["verwerking"].herbouw(["batches"])
    _controleer(proef, afnemer, ids, perioden)


def _controleer(proef, afnemer: Oin, ids: list[str], perioden) -> None:
    for soort, a, b, seconden in perioden:
        van = BEGIN + timedelta(minutes=min(a, b), seconds=seconden)
        tot = BEGIN + timedelta(minutes=max(a, b) + 1)
        p = rq.Periode(soort, van, tot)
        verwacht = _geteld(proef, afnemer, ids, p)
        assert rq.totalen(proef.engine, afnemer.waarde, p) == verwacht
        assert rq.per_leverancier(proef.engine, afnemer.waarde, rq.Batchfilter(p)) == verwacht
        rood = sum(r.aantal for r in rq.redenen(proef.engine, afnemer.waarde, rq.Batchfilter(p), "rood"))
        assert rood == sum(t.niet_verwerkt for t in verwacht)
        for batch_id in ids:
            regels = list(
                rq.berichten_van_batch(
                    proef.engine, rq.batch_van_afnemer(proef.engine, afnemer.waarde, batch_id)
                )
            )
            batch = proef.verwerking.batches.batch(batch_id)
            assert [r.bericht_id for r in regels] == [b[0] for b in batch.berichten]
            assert [r.code for r in regels] == [u[0] for u in batch.uitkomsten] or not batch.uitkomsten
