"""De controle in werkprocessen: zelfde oordeel als in het eigen proces, en een oordeel als het misgaat.

Elke test laat precies één grens afgaan: de andere grenzen staan zo ruim dat ze onder elke belasting van de
machine buiten bereik blijven. Zo hangt de uitkomst niet af van hoeveel rekentijd het werkproces krijgt.
Tijd meten we als rekentijd van de werkprocessen, niet als wandkloktijd: die groeit met de belasting.
"""

import os

import pytest

from bijlage_validatie import Grenzen, Werkerpool
from bijlage_validatie.inspecteer import inspecteer
from domain.pdf_validatie import Oordeel, Soort
from tests.bijlage_validatie import vijandig, vijandig_werk
from tests.bijlage_validatie.pdfs import bouw, bouw_gecodeerd
from tests.bijlage_validatie.wijzigingen import actie, link_met


@pytest.mark.parametrize(
    "data",
    [bouw(), bouw(link_met(actie("JavaScript", JS="x()"))), bouw(pdfa=None), b"geen pdf"],
    ids=["schoon", "javascript", "geen-pdfa", "onleesbaar"],
)
def test_the_isolated_verdict_equals_the_in_process_verdict(pool, data):
    assert pool.valideer("b.pdf", data, Soort.STANDAARD) == inspecteer("b.pdf", data, Soort.STANDAARD)


def regels(uitslag):
    return [b.regel for b in uitslag.bevindingen]


def test_a_crashing_worker_gives_a_verdict_and_is_replaced():
    with Werkerpool(aantal=1, werk=vijandig_werk.stort_neer) as pool:
        kapot = pool.valideer("kapot.pdf", b"crash", Soort.STANDAARD)
        daarna = pool.valideer("goed.pdf", bouw(), Soort.STANDAARD)
    assert (kapot.oordeel, regels(kapot)) == (Oordeel.VOLDOET_NIET, ["onleesbaar"])
    assert daarna.oordeel is Oordeel.VOLDOET


# Ruim boven wat een test op een volle machine kost, zodat alleen de grens onder test kan afgaan.
RUIME_WANDKLOK = 300.0
RUIME_REKENTIJD = 300


def rekentijd(pool) -> float:
    """De rekentijd (user + system, in seconden) van de levende werkprocessen van de pool, uit /proc."""
    totaal = 0
    for pid in pool.procesnummers():
        with open(f"/proc/{pid}/stat") as stat:
            velden = stat.read().rsplit(")", 1)[1].split()
        totaal += int(velden[11]) + int(velden[12])
    return totaal / os.sysconf("SC_CLK_TCK")


@pytest.fixture(scope="module")
def ruime_pool():
    """Een pool met de gewone rekentijd- en geheugengrens, maar een wandklok die niet eerst kan afgaan."""
    with Werkerpool(aantal=2, grenzen=Grenzen(wandklok_seconden=RUIME_WANDKLOK)) as werkerpool:
        yield werkerpool


def test_endless_computation_is_stopped_by_the_cpu_limit():
    # Alleen de rekentijd kan afgaan; "rekentijd" in de melding betekent: het werkproces stierf aan SIGXCPU.
    grenzen = Grenzen(cpu_seconden=1, wandklok_seconden=RUIME_WANDKLOK)
    with Werkerpool(aantal=1, grenzen=grenzen, werk=vijandig_werk.rekent_eindeloos) as pool:
        uitslag = pool.valideer("traag.pdf", bouw(), Soort.STANDAARD)
    assert regels(uitslag) == ["te_complex"]
    assert "rekentijd" in uitslag.bevindingen[0].melding


def test_a_hanging_worker_is_stopped_by_the_wall_clock():
    grenzen = Grenzen(wandklok_seconden=0.5, cpu_seconden=RUIME_REKENTIJD)
    with Werkerpool(aantal=1, grenzen=grenzen, werk=vijandig_werk.blijft_hangen) as pool:
        uitslag = pool.valideer("hangt.pdf", bouw(), Soort.STANDAARD)
    assert regels(uitslag) == ["te_complex"]
    assert "duurde te lang" in uitslag.bevindingen[0].melding


def test_a_memory_blow_up_is_stopped_by_the_memory_limit():
    grenzen = Grenzen(
        geheugen_bytes=384 * 1024 * 1024, cpu_seconden=RUIME_REKENTIJD, wandklok_seconden=RUIME_WANDKLOK
    )
    with Werkerpool(aantal=1, grenzen=grenzen, werk=vijandig_werk.slurpt_geheugen) as pool:
        uitslag = pool.valideer("groot.pdf", bouw(), Soort.STANDAARD)
    assert regels(uitslag) == ["te_complex"]
    assert "geheugen" in uitslag.bevindingen[0].melding


def test_a_too_long_file_name_is_reported_even_when_the_worker_crashes():
    with Werkerpool(aantal=1, werk=vijandig_werk.stort_neer) as pool:
        uitslag = pool.valideer("x" * 129, b"crash", Soort.STANDAARD)
    assert regels(uitslag) == ["onleesbaar", "bestandsnaam_te_lang"]


@pytest.mark.parametrize(
    ("maak", "verwacht"),
    [
        # Uitgepakt groter dan de geheugengrens: "te_complex" zou betekenen dat we de bom toch uitpakten.
        pytest.param(
            lambda: bouw_gecodeerd(vijandig.decompressiebom_in_inhoud),
            Oordeel.VOLDOET_NIET,
            id="bom-in-inhoud",
        ),
        pytest.param(
            lambda: bouw_gecodeerd(vijandig.decompressiebom_in_metadata),
            Oordeel.VOLDOET_NIET,
            id="bom-in-metadata",
        ),
        pytest.param(lambda: bouw(vijandig.kringverwijzing), Oordeel.VOLDOET, id="kringverwijzing"),
        pytest.param(lambda: bouw(vijandig.diep_genest(400)), Oordeel.VOLDOET_NIET, id="diep-genest"),
        pytest.param(lambda: vijandig.lege_paginas(6000), Oordeel.VOLDOET_NIET, id="veel-paginas"),
    ],
)
def test_a_hostile_file_gets_a_verdict_in_bounded_time(ruime_pool, maak, verwacht):
    data = maak()
    ruime_pool.valideer("opwarmen.pdf", bouw(), Soort.STANDAARD)
    voor = rekentijd(ruime_pool)
    uitslag = ruime_pool.valideer("vijandig.pdf", data, Soort.STANDAARD)
    # Rekentijd, geen wandklok: op een volle machine duurt dezelfde controle langer, maar kost ze niet meer.
    assert rekentijd(ruime_pool) - voor < 5
    assert uitslag.oordeel is verwacht


@pytest.mark.parametrize(
    "maak",
    [lambda: bouw(vijandig.diep_genest(400)), lambda: vijandig.lege_paginas(6000)],
    ids=["diep-genest", "veel-paginas"],
)
def test_an_overly_complex_file_is_refused_as_too_complex(pool, maak):
    assert regels(pool.valideer("complex.pdf", maak(), Soort.STANDAARD)) == ["te_complex"]


@pytest.mark.parametrize(
    "wijziging",
    [
        vijandig.decompressiebom_in_inhoud,
        vijandig.decompressiebom_in_metadata,
        vijandig.decompressiebom_in_formulier,
    ],
    ids=["inhoud", "metadata", "formulier"],
)
def test_a_decompression_bomb_is_refused_as_such_not_as_too_complex(pool, wijziging):
    uitslag = pool.valideer("bom.pdf", bouw_gecodeerd(wijziging), Soort.STANDAARD)
    assert "decompressiebom" in regels(uitslag)
    assert "te_complex" not in regels(uitslag)


def test_the_file_name_is_judged_once_outside_the_worker(pool):
    """The worker judges the contents only; the pool adds the name rule once, whatever the worker says."""
    naam = "x" * 125 + ".pdf"
    assert regels(inspecteer(naam, bouw(), Soort.STANDAARD)) == []
    assert regels(pool.valideer(naam, bouw(), Soort.STANDAARD)) == ["bestandsnaam_te_lang"]
