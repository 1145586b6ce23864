"""Property: Home's user figures (the last twelve months at each month's end) equal a plain count over the
register's events, for random histories of Berichtenboxen opened, closed and switched off for an afnemer.

Examples share one database and the count of active boxes is over everyone, so each example compares what
its own history added to the figures before it."""

import itertools
from datetime import UTC, date, datetime, time, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from domain.waarden import Bsn, Oin
from koppelvlak.voorbeeld import voorbeeld_bsns
from projections.tijd import NEDERLAND
from tests.conftest import BEHEERDER, actor_voor
from tests.support.proefportaal import open_proefportaal

VANDAAG = date(2026, 3, 10)
BEGIN = date(2025, 4, 1)
_AFNEMERS = itertools.count(500)
_BSNS = iter(voorbeeld_bsns(100_000, seed=11))


@pytest.fixture
def proef(database_url):
    portaal = open_proefportaal(database_url)
    yield portaal
    portaal.close()


def _middag(dag: date) -> datetime:
    """Noon, Dutch time: far from the midnight the day's figures are taken at."""
    return datetime.combine(dag, time(12), NEDERLAND).astimezone(UTC)


dagen = st.integers(min_value=0, max_value=(VANDAAG - BEGIN).days)
box = st.tuples(dagen, st.one_of(st.none(), st.integers(1, 200)), st.one_of(st.none(), st.integers(0, 200)))


@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(boxen=st.lists(box, min_size=1, max_size=10))
def test_the_monthly_user_figures_equal_a_plain_count(proef, boxen):
    lezen, s = proef.samenstelling.lezen, proef.samenstelling
    afnemer = Oin(f"00000099{next(_AFNEMERS):012d}")
    voor = {m.maand: m for m in lezen.gebruikers_per_maand(afnemer, VANDAAG)}
    door = actor_voor(BEHEERDER)
    model = []  # (open from, closed from or None, switched off from or None), as days
    for open_, duur, uit in boxen:
        bsn = Bsn(next(_BSNS))
        van = BEGIN + timedelta(days=open_)
        tot = van + timedelta(days=duur) if duur else None
        s.na_commando(proef.zet_berichtenbox(bsn, _middag(van), _middag(tot) if tot else None, door))
        uitgezet = van + timedelta(days=uit) if uit is not None and tot is None else None
        if uitgezet is not None:
            s.na_commando(proef.schakel_afnemer_uit(bsn, afnemer, door, _middag(uitgezet)))
        model.append((van, tot, uitgezet))
    for stand in lezen.gebruikers_per_maand(afnemer, VANDAAG):
        dag = stand.dag
        actief = sum(1 for van, tot, _ in model if van <= dag and (tot is None or dag < tot))
        uit = sum(1 for van, tot, u in model if u is not None and u <= dag and (tot is None or dag < tot))
        eerder = voor[stand.maand]
        assert stand.actief - eerder.actief == actief, stand
        assert (stand.actief - stand.ontvangend) - (eerder.actief - eerder.ontvangend) == uit, stand
