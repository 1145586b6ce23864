"""The processing read models are what the events say: equal to a replay into a scratch database (what
`portaal replay --verify-all` checks), also when the batches were processed later by a worker (the rows of a
batch written in two steps), and their counts equal plain counts over the events."""

from collections import Counter

from sqlalchemy import text

from domain.verwerking import kleur
from projections.vergelijk import verifieer_alles
from service_layer.samenstelling import bouw
from tests.bijlage_validatie import pdfs
from tests.conftest import AFNEMER
from tests.support.proefportaal import Proefportaal
from tests.verwerking.wereld import batch_stroom, gemengde_berichten, richt_in


def _lever(samenstelling, klok, aantal: int, start: int = 0) -> None:
    portaal = Proefportaal(samenstelling)
    pdf = pdfs.bouw(pdfa=None)
    for nummer in range(start, start + aantal):
        stroom = batch_stroom(nummer, gemengde_berichten(nummer, 12, pdf), klok.nu)
        samenstelling.na_commando(*portaal.lever_batch_aan(stroom, AFNEMER, "test").vastgelegd)


def _uit_events(samenstelling) -> Counter:
    """Counts per (batch, kleur, code) from the Processed events alone."""
    geteld = Counter()
    for g in samenstelling.motoren["verwerking"].bron.lees(0, 100_000):
        if g.naam == "Batch.Processed":
            for code, _stadium, waarschuwing, _reden in g.event.uitkomsten:
                geteld[(g.sleutel, kleur(code, waarschuwing).value, code)] += 1
    return geteld


def _uit_leesmodel(samenstelling) -> Counter:
    with samenstelling.engine.connect() as connection:
        rijen = connection.execute(text("SELECT batch_uuid, kleur, code, aantal FROM batch_redenen")).all()
    geteld = Counter()
    for batch, kleur_, code, aantal in rijen:
        geteld[(batch, kleur_, code)] += aantal
    return geteld


def test_inline_processing_read_models_equal_a_replay_and_the_events(samenstelling, klok):
    richt_in(Proefportaal(samenstelling), klok.nu)
    _lever(samenstelling, klok, 3)
    for motor in samenstelling.motoren.values():
        assert verifieer_alles(motor) == []
    assert _uit_leesmodel(samenstelling) == _uit_events(samenstelling)


def test_worker_processing_read_models_equal_a_replay_and_the_events(database_url, klok):
    samenstelling = bouw({}, url=database_url, klok=klok, werker=True)
    try:
        richt_in(Proefportaal(samenstelling), klok.nu)
        _lever(samenstelling, klok, 2)
        samenstelling.motoren["verwerking"].bijwerken()  # the receipts apart from their processing
        samenstelling.verwerker.verwerk_wachtende()
        _lever(samenstelling, klok, 1, start=2)
        samenstelling.verwerker.verwerk_wachtende()
        for motor in samenstelling.motoren.values():
            assert verifieer_alles(motor) == []
        assert _uit_leesmodel(samenstelling) == _uit_events(samenstelling)
        with samenstelling.engine.connect() as connection:
            assert connection.execute(text("SELECT count(*) FROM wachtende_berichten")).scalar() == 0
            bezorgd = connection.execute(text("SELECT count(*) FROM bezorgde_berichten")).scalar()
        verwerkt = sum(n for (_b, _k, code), n in _uit_events(samenstelling).items() if code == "Verwerkt")
        assert bezorgd == verwerkt > 0
    finally:
        samenstelling.sluit()
