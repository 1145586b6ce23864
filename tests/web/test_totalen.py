"""The Totalen tab (manual chapter 8): per berichtleverancier the batches, berichten, verwerkt and niet
verwerkt of a period, on either date, exact at the period's edges, and linked to the Berichtverwerking tab."""

from datetime import UTC, datetime

import pytest

from tests.conftest import AFNEMER, ANDERE_AFNEMER, BEHEERDER, INTERMEDIAIR
from tests.support.batches import GROEN, ORANJE, ROOD, lever
from tests.web.helpers import controleer_pagina, tekst


def utc(dag: int, uur: int, minuut: int = 0) -> datetime:
    return datetime(2026, 1, dag, uur, minuut, tzinfo=UTC)


@pytest.fixture
def batches(app, organisaties):
    s = app.extensions["samenstelling"]
    lever(s, AFNEMER, AFNEMER, [GROEN] * 3 + [ROOD], utc(2, 8, 10), utc(2, 8, 50))
    lever(s, AFNEMER, AFNEMER, [GROEN, ORANJE], utc(3, 23, 40), utc(4, 0, 20))
    lever(s, AFNEMER, INTERMEDIAIR, [ROOD] * 2 + [GROEN], utc(4, 12, 5), utc(5, 1, 0))
    lever(s, AFNEMER, INTERMEDIAIR, [GROEN] * 5, utc(5, 8, 0))
    lever(s, ANDERE_AFNEMER, ANDERE_AFNEMER, [ROOD] * 9, utc(3, 10, 0), utc(3, 11, 0))
    s.klok.nu = utc(5, 9, 0)


def _cijfers(pagina) -> list[list[str]]:
    """Per row the numbers only, as a sighted reader sees them."""
    tabel = pagina.find(id="totalen-tabel").find_parent("table")
    uit = []
    for tr in tabel.select("tbody tr, tfoot tr"):
        cellen = tr.find_all("td")
        uit.append([c.get_text(" ", strip=True).split(" ")[0] for c in cellen])
    return uit


def test_the_month_so_far_per_berichtleverancier(ingelogd, batches):
    pagina = ingelogd(AFNEMER).get("totalen.index")
    namen = [tr.th.get_text(" ", strip=True) for tr in pagina.select("#totalen-tabel ~ tbody tr")]
    assert namen[0].startswith("Gemeente Voorbeeldstad") and namen[1].startswith(
        "Berichtenleverancier Test BV"
    )
    # Batches, berichten, verwerkt (with the warnings), waarvan met waarschuwing, niet verwerkt, nog niet.
    assert _cijfers(pagina) == [
        ["2", "6", "5", "1", "1", "0"],
        ["2", "8", "1", "0", "2", "5"],
        ["4", "14", "6", "1", "3", "5"],
    ]


@pytest.mark.parametrize(
    ("soort", "van", "tot", "verwacht"),
    [
        # Edges inside hours: only the batch received at 09:10 Dutch time on the 2nd.
        ("ontvangst", "2026-01-02T09:05", "2026-01-02T09:15", [["1", "4", "3", "0", "1", "0"]]),
        ("ontvangst", "2026-01-02T09:11", "2026-01-04T00:40", []),
        ("ontvangst", "2026-01-02T09:11", "2026-01-04T00:41", [["1", "2", "2", "1", "0", "0"]]),
        # On the verwerkingsdatum the batch of the 3rd counts on the 4th (01:20 Dutch time).
        ("verwerking", "2026-01-04T00:00", "2026-01-04T01:20", []),
        ("verwerking", "2026-01-04T00:00", "2026-01-04T01:21", [["1", "2", "2", "1", "0"]]),
        ("verwerking", "2026-01-01T00:00", "2026-02-01T00:00", None),
    ],
)
def test_a_period_is_answered_exactly_at_its_edges(ingelogd, batches, soort, van, tot, verwacht):
    pagina = ingelogd(AFNEMER).get("totalen.index", datumsoort=soort, van=van, tot=tot)
    if verwacht is None:
        assert [r[0] for r in _cijfers(pagina)] == ["2", "1", "3"]
    elif not verwacht:
        assert pagina.find(id="totalen-tabel") is None and "Er zijn geen berichten" in tekst(pagina)
    else:
        assert _cijfers(pagina)[: len(verwacht)] == verwacht


def test_totaal_batches_and_niet_verwerkt_open_the_berichtverwerking_tab(ingelogd, batches):
    bezoeker = ingelogd(AFNEMER)
    pagina = bezoeker.get("totalen.index", van="2026-01-01T00:00", tot="2026-01-03T00:00")
    rij = pagina.select_one("#totalen-tabel ~ tbody tr")
    batches_link, rood_link = rij.select("td a")[0]["href"], rij.select_one(".getal--niet_verwerkt a")["href"]
    lijst = controleer_pagina(bezoeker.client.get(batches_link))
    assert len(lijst.select("#batches-tabel ~ tbody tr")) == 1
    redenen = controleer_pagina(bezoeker.client.get(rood_link))
    assert "NietActiefOfGeabonneerd" in tekst(redenen)


def test_another_afnemers_numbers_never_show(ingelogd, batches):
    pagina = ingelogd(AFNEMER).get(
        "totalen.index", afnemer=ANDERE_AFNEMER.waarde, van="2026-01-01T00:00", tot="2026-01-06T00:00"
    )
    assert ANDERE_AFNEMER.waarde not in str(pagina)
    assert _cijfers(pagina)[-1][:2] == ["4", "14"]


def test_the_beheerder_chooses_an_afnemer(ingelogd, batches):
    bezoeker = ingelogd(BEHEERDER)
    assert "Kies een afnemer" in tekst(bezoeker.get("totalen.index"))
    pagina = bezoeker.get("totalen.index", afnemer=ANDERE_AFNEMER.waarde)
    assert _cijfers(pagina) == [["1", "9", "0", "0", "9", "0"]]


def test_a_reversed_period_is_refused_in_dutch(ingelogd, batches):
    pagina = ingelogd(AFNEMER).get("totalen.index", van="2026-01-05T00:00", tot="2026-01-01T00:00")
    assert "Datum/tijd tot moet na Datum/tijd vanaf liggen." in tekst(pagina)
