"""The functional administrator's morning round (manual chapters 7 and 8), in a real browser with axe-core on
every page: last night's batches with every outcome, the red number and its reasons, the batch, its CSV, and
the month's Totalen."""

import csv
import io
from collections.abc import Iterator
from pathlib import Path

import pytest

from domain.waarden import Oin
from scripts.seed import AFNEMERS, INTERMEDIAIR
from tests.browser.conftest import demo_app, geserveerd
from tests.browser.test_portaal import Bezoek
from tests.support.batches import GROEN, ORANJE, ROOD, ROOD_PDF, ROOD_TYPE, lever

pytestmark = pytest.mark.browser

GEMEENTE = AFNEMERS[0]
NACHT = "5b7e0c11-0000-4000-8000-00000000aaaa"


@pytest.fixture(scope="module")
def ochtend_url(tmp_path_factory) -> Iterator[str]:
    app = demo_app(tmp_path_factory.mktemp("ochtend"))
    s, gemeente = app.extensions["samenstelling"], Oin(GEMEENTE.oin)
    lever(s, gemeente, gemeente, [GROEN] * 20 + [ORANJE] * 3 + [ROOD] * 4 + [ROOD_PDF, ROOD_TYPE], None, True,
          batch_id=NACHT)  # fmt: skip
    lever(s, gemeente, Oin(INTERMEDIAIR.oin), [GROEN] * 10, None, True)
    lever(s, gemeente, gemeente, [GROEN] * 5, None)
    with geserveerd(app) as url:
        yield url


def test_the_morning_round_from_last_nights_batches_to_the_month(pagina, ochtend_url):
    bezoek = Bezoek(pagina, ochtend_url)
    bezoek.log_in(GEMEENTE.naam)
    bezoek.tab("Berichtverwerking")
    tekst = bezoek.hoofdinhoud()
    assert "3 batches gevonden" in tekst and "24 uur" in tekst

    rij = pagina.get_by_role("row").filter(has_text=NACHT)
    bezoek.klik(rij.get_by_role("link", name="6 niet verwerkt in deze batch: bekijk de redenen"))
    redenen = bezoek.hoofdinhoud()
    assert "NietActiefOfGeabonneerd" in redenen and "geen actieve Berichtenbox" in redenen
    assert "BerichtTypeNietOndersteund" in redenen and "De PDF-bijlage is geweigerd" in redenen

    bezoek.link("Bekijk de berichten van deze batch")
    assert pagina.get_by_role("heading", level=1).inner_text() == f"Batch {NACHT}"
    assert pagina.locator("#berichten-tabel ~ tbody tr").count() == 29

    with pagina.expect_download() as download:
        pagina.get_by_role(
            "link", name="Download de uitkomst van alle berichten van deze batch (CSV)"
        ).click()
    inhoud = Path(download.value.path()).read_text(encoding="utf-8-sig")
    regels = list(csv.DictReader(io.StringIO(inhoud), delimiter=";"))
    assert len(regels) == 29 and regels[0]["Batch ID"] == NACHT
    assert {"Bericht ID", "Stadium", "VerwerkingsCode", "Uitleg", "Proceskenmerk"} <= set(regels[0])
    assert [r["Uitkomst"] for r in regels].count("Niet verwerkt") == 6

    bezoek.tab("Totalen")
    totalen = bezoek.hoofdinhoud()
    assert "Totaal batches" in totalen and "Niet verwerkt" in totalen
    rij = " ".join(pagina.get_by_role("row").filter(has_text=GEMEENTE.naam).text_content().split())
    assert "34 ontvangen" in rij and "6 niet verwerkt" in rij
