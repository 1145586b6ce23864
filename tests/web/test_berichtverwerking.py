"""The Berichtverwerking tab (manual chapter 7): the morning's batches per berichtleverancier and per batch,
the reasons behind the red and orange numbers, a batch's berichten, the CSV downloads, and who sees what."""

import csv
import io
from datetime import UTC, datetime

import pytest

from tests.conftest import AFNEMER, ANDERE_AFNEMER, BEHEERDER, INTERMEDIAIR, actor_voor
from tests.support.batches import (
    GROEN,
    ORANJE,
    PDF_FOUT,
    PDF_WAARSCHUWING,
    ROOD,
    ROOD_PDF,
    ROOD_TYPE,
    lever,
)
from tests.web.conftest import DERDE_AFNEMER
from tests.web.helpers import controleer_pagina, foutmeldingen, tekst

# The test clock starts on Monday 5 January 2026, 10:00 Dutch time; last night is Sunday evening.
GISTERAVOND = datetime(2026, 1, 4, 21, 0, tzinfo=UTC)  # 22:00 Dutch time
VANNACHT = datetime(2026, 1, 5, 1, 30, tzinfo=UTC)
NU = datetime(2026, 1, 5, 9, 30, tzinfo=UTC)


@pytest.fixture
def batches(app, organisaties):
    """Last night: two batches of the afnemer by itself, two by the intermediair (one still waiting), and
    one of another afnemer that must never show."""
    s = app.extensions["samenstelling"]
    gemengd = lever(s, AFNEMER, AFNEMER, [GROEN] * 5 + [ORANJE] * 2 + [ROOD] * 3 + [ROOD_PDF], GISTERAVOND,
                    VANNACHT)  # fmt: skip
    schoon = lever(s, AFNEMER, AFNEMER, [GROEN] * 4, GISTERAVOND.replace(minute=30), VANNACHT)
    via = lever(s, AFNEMER, INTERMEDIAIR, [GROEN, ROOD_TYPE], VANNACHT, VANNACHT.replace(hour=2))
    wacht = lever(s, AFNEMER, INTERMEDIAIR, [GROEN] * 3, VANNACHT.replace(hour=3))
    ander = lever(s, ANDERE_AFNEMER, ANDERE_AFNEMER, [ROOD] * 7, GISTERAVOND, VANNACHT)
    s.klok.nu = NU
    return {"gemengd": gemengd, "schoon": schoon, "via": via, "wacht": wacht, "ander": ander}


def _rijen(pagina, caption_id: str) -> list[list[str]]:
    tabel = pagina.find(id=caption_id).find_parent("table")
    return [
        [c.get_text(" ", strip=True) for c in tr.find_all(["th", "td"])] for tr in tabel.tbody.find_all("tr")
    ]


def test_the_morning_overview_shows_each_berichtleverancier_and_batch_with_their_numbers(ingelogd, batches):
    pagina = ingelogd(AFNEMER).get("berichtverwerking.index")
    per_leverancier = _rijen(pagina, "per-leverancier-tabel")
    assert [r[1:] for r in per_leverancier] == [
        [
            "2",
            "15 ontvangen",
            "9 verwerkt",
            "2 verwerkt met waarschuwing: bekijk de waarschuwingen",
            "4 niet verwerkt: bekijk de redenen",
        ],
        [
            "2",
            "5 ontvangen",
            "1 verwerkt",
            "0 verwerkt met waarschuwing",
            "1 niet verwerkt: bekijk de redenen",
        ],
    ]
    batch_ids = [r[0] for r in _rijen(pagina, "batches-tabel")]
    assert batch_ids == [batches[n] for n in ("wacht", "via", "schoon", "gemengd")]
    assert "Nog niet verwerkt" in _rijen(pagina, "batches-tabel")[0]
    assert "24 uur" in tekst(pagina)


def test_each_coloured_number_says_what_it_is_in_words(ingelogd, batches):
    pagina = ingelogd(AFNEMER).get("berichtverwerking.index")
    for getal in pagina.select(".getal"):
        woorden = getal.select_one(".visueel-verborgen").get_text(strip=True)
        assert woorden.split(":")[0].split(" in ")[0] in {
            "ontvangen", "verwerkt", "verwerkt met waarschuwing", "niet verwerkt",
        }  # fmt: skip


def test_the_red_number_of_a_batch_opens_its_reasons_explained_in_dutch(ingelogd, batches):
    bezoeker = ingelogd(AFNEMER)
    pagina = bezoeker.get("berichtverwerking.index")
    rij = next(
        tr for tr in pagina.find(id="batches-tabel").find_parent("table").tbody.find_all("tr")
        if tr.th.get_text(strip=True) == batches["gemengd"]
    )  # fmt: skip
    link = rij.select_one(".getal--niet_verwerkt a")["href"]
    rijen = _rijen(_get(bezoeker, link), "redenen-tabel")
    assert [(r[0], r[-1]) for r in rijen] == [
        ("NietActiefOfGeabonneerd", "3 niet verwerkt"),
        (f"TechnischProbleem {PDF_FOUT}", "1 niet verwerkt"),
    ]
    assert "geen actieve Berichtenbox" in rijen[0][1]
    assert "De PDF-bijlage is geweigerd" in rijen[1][1]


def _get(bezoeker, url: str, status: int = 200):
    """A page by its URL, as a link on a page gives it."""
    antwoord = bezoeker.client.get(url)
    assert antwoord.status_code == status, antwoord.status_code
    return controleer_pagina(antwoord) if status == 200 else antwoord


def test_the_orange_number_of_a_leverancier_opens_the_pdf_warnings(ingelogd, batches):
    bezoeker = ingelogd(AFNEMER)
    pagina = bezoeker.get("berichtverwerking.index")
    tabel = pagina.find(id="per-leverancier-tabel").find_parent("table")
    rijen = _rijen(_get(bezoeker, tabel.select_one(".getal--waarschuwing a")["href"]), "redenen-tabel")
    assert [(r[0], r[-1]) for r in rijen] == [(f"Verwerkt {PDF_WAARSCHUWING}", "2 verwerkt met waarschuwing")]
    assert "geplaatst, met een waarschuwing" in rijen[0][1]


def test_clicking_a_leverancier_shows_only_its_batches(ingelogd, batches):
    bezoeker = ingelogd(AFNEMER)
    pagina = bezoeker.get("berichtverwerking.index")
    links = pagina.find(id="per-leverancier-tabel").find_parent("table").select("tbody th a")
    via = next(a["href"] for a in links if INTERMEDIAIR.waarde in a.get_text())
    assert [r[0] for r in _rijen(_get(bezoeker, via), "batches-tabel")] == [batches["wacht"], batches["via"]]


def test_the_batch_details_show_every_bericht_without_a_bsn(ingelogd, batches):
    pagina = ingelogd(AFNEMER).get("berichtverwerking.batch", batch_id=batches["gemengd"])
    rijen = _rijen(pagina, "berichten-tabel")
    assert len(rijen) == 11
    assert [r[3] for r in rijen] == ["NA"] * 7 + ["ValidateGebruiker"] * 3 + ["StoreMessage"]
    assert rijen[5][4] == "Verwerkt (met waarschuwing)" and rijen[5][5] == PDF_WAARSCHUWING
    assert "111222333" not in str(pagina)
    assert all(r[6] for r in rijen), "elk verwerkt bericht heeft het proceskenmerk"


def test_the_batch_details_are_paged(ingelogd, app, organisaties):
    batch_id = lever(app.extensions["samenstelling"], AFNEMER, AFNEMER, [GROEN] * 250, GISTERAVOND, VANNACHT)
    bezoeker = ingelogd(AFNEMER)
    derde = bezoeker.get("berichtverwerking.batch", batch_id=batch_id, pagina=3)
    assert [r[0] for r in _rijen(derde, "berichten-tabel")][:2] == ["201", "202"]
    assert len(_rijen(derde, "berichten-tabel")) == 50


def _csv(antwoord) -> list[dict]:
    assert antwoord.status_code == 200
    assert antwoord.mimetype == "text/csv" and "attachment" in antwoord.headers["Content-Disposition"]
    tekst_ = antwoord.get_data().decode("utf-8")
    assert tekst_.startswith("\ufeff"), "Excel herkent UTF-8 aan de BOM"
    return list(csv.DictReader(io.StringIO(tekst_.removeprefix("\ufeff")), delimiter=";"))


def test_a_batch_downloads_as_csv_with_dutch_headers(ingelogd, batches):
    bezoeker = ingelogd(AFNEMER)
    regels = _csv(
        bezoeker.client.get(bezoeker.url("berichtverwerking.batch_csv", batch_id=batches["gemengd"]))
    )
    assert list(regels[0]) == [
        "Batch ID", "Berichtleverancier", "Ontvangen op", "Verwerkt op", "Volgnummer", "Bericht ID",
        "Berichttype", "Stadium", "VerwerkingsCode", "Uitkomst", "Reden", "Uitleg", "Proceskenmerk",
    ]  # fmt: skip
    assert [r["Uitkomst"] for r in regels] == ["Verwerkt"] * 5 + ["Verwerkt met waarschuwing"] * 2 + [
        "Niet verwerkt"
    ] * 4
    assert regels[0]["Ontvangen op"] == "4-1-2026 22:00:00"
    assert not any("111222333" in v for r in regels for v in r.values())


def test_the_failures_of_the_period_download_as_csv(ingelogd, batches):
    bezoeker = ingelogd(AFNEMER)
    pagina = bezoeker.get("berichtverwerking.index")
    link = pagina.find("a", string="Download de niet verwerkte berichten (CSV)")["href"]
    regels = _csv(bezoeker.client.get(link))
    assert sorted(r["VerwerkingsCode"] for r in regels) == [
        "BerichtTypeNietOndersteund", "NietActiefOfGeabonneerd", "NietActiefOfGeabonneerd",
        "NietActiefOfGeabonneerd", "TechnischProbleem",
    ]  # fmt: skip
    assert {r["Batch ID"] for r in regels} == {batches["gemengd"], batches["via"]}


@pytest.mark.parametrize(
    ("filters", "verwacht"),
    [
        ({"afgerond": "nee"}, ["wacht"]),
        ({"afgerond": "ja"}, ["via", "schoon", "gemengd"]),
        ({"status": "niet_verwerkt"}, ["via", "gemengd"]),
        ({"status": "waarschuwing"}, ["gemengd"]),
        ({"status": "verwerkt"}, ["schoon"]),
        ({"datumsoort": "verwerking"}, ["via", "schoon", "gemengd"]),
        ({"van": "2026-01-04T22:15", "tot": "2026-01-05T00:00"}, ["schoon"]),
    ],
)
def test_the_filters_choose_the_batches(ingelogd, batches, filters, verwacht):
    bezoeker = ingelogd(AFNEMER)
    # By URL: the helper's `get` takes `status` for the HTTP status.
    pagina = _get(bezoeker, bezoeker.url("berichtverwerking.index", **filters))
    assert [r[0] for r in _rijen(pagina, "batches-tabel")] == [batches[n] for n in verwacht]


def test_a_batch_id_is_found_whatever_the_period(ingelogd, batches):
    pagina = ingelogd(AFNEMER).get(
        "berichtverwerking.index",
        batch_id=batches["gemengd"].upper(),
        van="2020-01-01T00:00",
        tot="2020-01-02T00:00",
    )
    assert [r[0] for r in _rijen(pagina, "batches-tabel")] == [batches["gemengd"]]


@pytest.mark.parametrize(
    ("filters", "fout"),
    [
        ({"van": "2026-01-05T10:00", "tot": "2026-01-05T09:00"}, "moet na Datum/tijd vanaf liggen"),
        ({"van": "gisteren"}, "Vul een datum en tijd in"),
        ({"batch_id": "geen-guid"}, "Een Batch ID is een GUID"),
        ({"datumsoort": "morgen"}, "Kies een van de aangeboden mogelijkheden."),
    ],
)
def test_a_wrong_question_is_answered_in_dutch(ingelogd, batches, filters, fout):
    pagina = ingelogd(AFNEMER).get("berichtverwerking.index", **filters)
    assert fout in " ".join(foutmeldingen(pagina)) and pagina.find(id="batches-tabel") is None


def test_an_afnemer_never_sees_another_afnemers_batches(ingelogd, batches):
    bezoeker = ingelogd(AFNEMER)
    ander = batches["ander"]
    pagina = bezoeker.get("berichtverwerking.index", afnemer=ANDERE_AFNEMER.waarde)
    assert ander not in str(pagina) and ANDERE_AFNEMER.waarde not in tekst(pagina)
    assert bezoeker.get("berichtverwerking.index", batch_id=ander).find(id="batches-tabel") is None
    bezoeker.get("berichtverwerking.batch", batch_id=ander, status=404)
    assert bezoeker.client.get(bezoeker.url("berichtverwerking.batch_csv", batch_id=ander)).status_code == 404
    redenen = bezoeker.get("berichtverwerking.redenen", kleur="rood", batch_id=ander)
    assert redenen.find(id="redenen-tabel") is None
    regels = _csv(bezoeker.client.get(bezoeker.url("berichtverwerking.niet_verwerkt_csv", batch_id=ander)))
    assert regels == []


def test_the_intermediair_sees_the_afnemer_it_chose(ingelogd, batches):
    bezoeker = ingelogd(INTERMEDIAIR)
    bezoeker.post("home.wissel_afnemer", {"afnemer": ANDERE_AFNEMER.waarde})
    pagina = bezoeker.get("berichtverwerking.index")
    assert [r[0] for r in _rijen(pagina, "batches-tabel")] == [batches["ander"]]
    bezoeker.get("berichtverwerking.batch", batch_id=batches["gemengd"], status=404)


def test_an_intermediair_without_an_afnemer_is_sent_to_choose_one(ingelogd, batches, organisaties):
    organisaties.stop_bedienen(INTERMEDIAIR, AFNEMER, actor_voor(BEHEERDER))
    organisaties.stop_bedienen(INTERMEDIAIR, ANDERE_AFNEMER, actor_voor(BEHEERDER))
    bezoeker = ingelogd(INTERMEDIAIR)
    for endpoint, waarden in ROUTES(batches):
        assert bezoeker.client.get(bezoeker.url(endpoint, **waarden)).status_code == 302, endpoint


def test_the_beheerder_chooses_the_afnemer_in_the_filter(ingelogd, batches):
    bezoeker = ingelogd(BEHEERDER)
    zonder = bezoeker.get("berichtverwerking.index")
    assert "Kies een afnemer" in tekst(zonder) and zonder.find(id="batches-tabel") is None
    opties = [o["value"] for o in zonder.select("select[name=afnemer] option") if o["value"]]
    assert set(opties) == {AFNEMER.waarde, ANDERE_AFNEMER.waarde, DERDE_AFNEMER.waarde}
    pagina = bezoeker.get("berichtverwerking.index", afnemer=ANDERE_AFNEMER.waarde)
    assert [r[0] for r in _rijen(pagina, "batches-tabel")] == [batches["ander"]]
    assert bezoeker.get("berichtverwerking.batch", batch_id=batches["gemengd"]).h1
    onbekend = bezoeker.get("berichtverwerking.index", afnemer="00000099000000009999")
    assert "Deze afnemer bestaat niet" in " ".join(foutmeldingen(onbekend))


def ROUTES(batches) -> list[tuple[str, dict]]:  # noqa: N802
    return [
        ("berichtverwerking.index", {}),
        ("berichtverwerking.redenen", {"kleur": "rood"}),
        ("berichtverwerking.batch", {"batch_id": batches["gemengd"]}),
        ("berichtverwerking.batch_csv", {"batch_id": batches["gemengd"]}),
        ("berichtverwerking.niet_verwerkt_csv", {}),
        ("totalen.index", {}),
    ]


def test_the_report_routes_take_no_post(ingelogd, batches):
    for oin in (AFNEMER, ANDERE_AFNEMER, INTERMEDIAIR, BEHEERDER):
        bezoeker = ingelogd(oin)
        for endpoint, waarden in ROUTES(batches):
            assert bezoeker.client.post(bezoeker.url(endpoint, **waarden)).status_code == 405, endpoint


def test_anonymous_visitors_are_sent_to_log_in(bezoeker, batches):
    for endpoint, waarden in ROUTES(batches):
        antwoord = bezoeker.client.get(bezoeker.url(endpoint, **waarden))
        assert antwoord.status_code == 302 and "/inloggen" in antwoord.location, endpoint
