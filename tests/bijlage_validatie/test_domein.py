"""De regels zonder PDF: oordeel, JSON-vorm en de grenzen aan een set bijlagen."""

import pytest

from domain.bijlage import controleer_bestandsnaam
from domain.bijlage_limieten import (
    MAX_BESTANDSNAAM,
    MAX_PERSOONLIJK_TOTAAL_BYTES,
    MAX_PERSOONLIJKE_BIJLAGEN,
    MAX_STANDAARD_BIJLAGEN,
    MAX_STANDAARD_TOTAAL_BYTES,
    leesbare_grootte,
)
from domain.fouten import NietToegestaan, OngeldigeWaarde
from domain.pdf_clausules.clausule import Schending
from domain.pdf_regels import REGELS, Ernst
from domain.pdf_toets import Toetsing
from domain.pdf_validatie import (
    Oordeel,
    SetUitslag,
    Soort,
    Uitslag,
    bestandsnaam_bevindingen,
    bevinding,
    clausule_bevindingen,
    set_bevindingen,
)
from tests.domain.maak import DOOR, bijlage, met_bijlagen, moment

KB = 1024
MB = 1024 * 1024


def test_the_limits_are_those_of_the_manual():
    assert (MAX_STANDAARD_BIJLAGEN, MAX_STANDAARD_TOTAAL_BYTES) == (3, 2 * MB)
    assert (MAX_PERSOONLIJKE_BIJLAGEN, MAX_PERSOONLIJK_TOTAAL_BYTES) == (2, 500 * KB)
    assert MAX_BESTANDSNAAM == 128


@pytest.mark.parametrize(
    ("soort", "aantal", "te_veel"),
    [
        (Soort.STANDAARD, 3, False),
        (Soort.STANDAARD, 4, True),
        (Soort.PERSOONLIJK, 2, False),
        (Soort.PERSOONLIJK, 3, True),
    ],
)
def test_the_number_of_attachments_is_limited_per_kind(soort, aantal, te_veel):
    regels = [b.regel for b in set_bevindingen(soort, [1] * aantal)]
    assert ("te_veel_bijlagen" in regels) is te_veel


@pytest.mark.parametrize(
    ("soort", "groottes", "te_groot"),
    [
        (Soort.STANDAARD, [2 * MB], False),
        (Soort.STANDAARD, [2 * MB + 1], True),
        (Soort.STANDAARD, [MB, MB - 10, 10], False),
        (Soort.STANDAARD, [MB, MB - 10, 11], True),
        (Soort.PERSOONLIJK, [500 * KB], False),
        (Soort.PERSOONLIJK, [500 * KB + 1], True),
        (Soort.PERSOONLIJK, [250 * KB, 250 * KB + 1], True),
    ],
)
def test_the_total_size_is_limited_per_kind(soort, groottes, te_groot):
    regels = [b.regel for b in set_bevindingen(soort, groottes)]
    assert ("bijlagen_te_groot" in regels) is te_groot


@pytest.mark.parametrize(("lengte", "te_lang"), [(1, False), (128, False), (129, True)])
def test_a_file_name_is_at_most_128_characters(lengte, te_lang):
    assert bool(bestandsnaam_bevindingen("a" * lengte)) is te_lang


def test_the_messages_tell_the_limit_and_the_actual_value():
    [te_veel, te_groot] = set_bevindingen(Soort.PERSOONLIJK, [300 * KB] * 3)
    assert "3 persoonlijke bijlagen" in te_veel.melding and "maximaal 2" in te_veel.melding
    assert "900 kB" in te_groot.melding and "maximaal 500 kB" in te_groot.melding


@pytest.mark.parametrize(
    ("regels", "oordeel"),
    [
        ([], Oordeel.VOLDOET),
        (["geen_pdfa"], Oordeel.WAARSCHUWING),
        (["geen_pdfa", "javascript"], Oordeel.VOLDOET_NIET),
        (["onleesbaar"], Oordeel.VOLDOET_NIET),
    ],
)
def test_the_verdict_is_the_worst_severity(regels, oordeel):
    uitslag = Uitslag("a.pdf", Soort.STANDAARD, None, tuple(bevinding(r) for r in regels))
    assert uitslag.oordeel is oordeel
    assert uitslag.geaccepteerd is (oordeel is not Oordeel.VOLDOET_NIET)


def test_the_json_form_has_exactly_the_agreed_fields():
    uitslag = Uitslag("a.pdf", Soort.PERSOONLIJK, "1b", (bevinding("externe_link", 3, "object 7 0", "x"),))
    assert uitslag.to_json_dict() == {
        "bestand": "a.pdf",
        "soort": "persoonlijk",
        "oordeel": "waarschuwing",
        "pdfa": "1b",
        "bevindingen": [
            {
                "regel": "externe_link",
                "ernst": "waarschuwing",
                "melding": "De PDF bevat een link naar een website (x). Controleer of die klopt.",
                "pagina": 3,
                "object": "object 7 0",
            }
        ],
        "toetsing": {"pdfa": None, "pdfua": False, "conform_pdfa": None, "conform_pdfua": None},
        "clausules": [],
    }


def test_the_json_form_counts_the_broken_clauses_and_says_per_norm_whether_the_file_conforms():
    toetsing = Toetsing("2a", True)
    gevonden = clausule_bevindingen(
        toetsing, [Schending("lzw", 1, "object 4 0"), Schending("filter", 2, "object 5 0", "LZWDecode")]
    )
    uitslag = Uitslag("a.pdf", Soort.STANDAARD, "2a", tuple(gevonden), toetsing, (("pdfa2-6.1.7.2-1", 40),))
    document = uitslag.to_json_dict()
    assert document["toetsing"] == {"pdfa": "2a", "pdfua": True, "conform_pdfa": False, "conform_pdfua": True}
    assert document["clausules"] == [
        {"regel": "pdfa2-6.1.7.2-1", "norm": "pdfa2", "clausule": "6.1.7.2-1", "aantal": 40}
    ]
    assert document["bevindingen"][0]["melding"] == (
        "Een onderdeel (op pagina 2, object 5 0) gebruikt het filter LZWDecode; dat mag niet in PDF/A-2."
    )


def test_a_file_in_a_refused_set_is_refused_too():
    uitslag = Uitslag("a.pdf", Soort.STANDAARD, "2b", ())
    set_uitslag = SetUitslag((uitslag,) * 4, tuple(set_bevindingen(Soort.STANDAARD, [1] * 4)))
    assert uitslag.geaccepteerd
    assert not set_uitslag.geaccepteerd
    assert all(u.oordeel is Oordeel.VOLDOET_NIET for u in set_uitslag.per_bestand())


GRENSREGELS = {"te_veel_bijlagen", "bijlagen_te_groot", "bestandsnaam_te_lang"}
"""Their whole message comes from `bijlage_limieten`, the home of the limit."""


@pytest.mark.parametrize("regel", sorted(set(REGELS) - GRENSREGELS))
def test_every_rule_has_a_complete_dutch_message(regel):
    b = bevinding(regel, pagina=1, object="object 1 0", detail="x", grens="y")
    assert "{" not in b.melding and b.melding.endswith(".")
    assert b.ernst in Ernst


def test_the_limit_rules_say_what_the_domain_says_when_it_refuses():
    """One message per limit: the validator's finding is the berichttype's refusal, word for word."""
    naam = "n" * 125 + ".pdf"
    with pytest.raises(OngeldigeWaarde) as geweigerd:
        controleer_bestandsnaam(naam)
    assert [b.melding for b in bestandsnaam_bevindingen(naam)] == [str(geweigerd.value)]
    item = met_bijlagen(3, grootte=100)
    with pytest.raises(NietToegestaan) as te_veel:
        item.voeg_bijlage_toe(bijlage(grootte=100, nummer=4), DOOR, moment(4))
    assert [b.melding for b in set_bevindingen(Soort.STANDAARD, [100] * 4)] == [str(te_veel.value)]
    item = met_bijlagen(1, grootte=2 * MB)
    with pytest.raises(NietToegestaan) as te_groot:
        item.voeg_bijlage_toe(bijlage(grootte=1, nummer=4), DOOR, moment(4))
    assert [b.melding for b in set_bevindingen(Soort.STANDAARD, [2 * MB, 1])] == [str(te_groot.value)]


@pytest.mark.parametrize(
    ("aantal_bytes", "tekst"),
    [(2 * MB, "2 MB"), (2 * MB + 10 * KB, "2,01 MB"), (500 * KB, "500 kB"), (12 * KB + 512, "12,5 kB")],
)
def test_sizes_are_written_one_way_with_a_decimal_comma(aantal_bytes, tekst):
    assert leesbare_grootte(aantal_bytes) == tekst


def test_the_code_form_and_the_code_rule_read_one_maximum():
    from domain.waarden import MAX_CODE, BerichttypeCode
    from web.berichttypes import forms

    BerichttypeCode("A" * MAX_CODE)
    with pytest.raises(OngeldigeWaarde, match=f"1 tot en met {MAX_CODE} letters"):
        BerichttypeCode("A" * (MAX_CODE + 1))
    assert forms.ToevoegenForm.code.kwargs["render_kw"]["maxlength"] == MAX_CODE


def test_the_request_limit_page_names_the_limit_it_enforces():
    from web import foutpaginas
    from web.instellingen import MAX_VERZOEK

    assert f"maximaal {leesbare_grootte(MAX_VERZOEK)} per keer" in foutpaginas._PAGINAS[413][1]


def test_the_rules_page_in_docs_is_the_catalogue_itself():
    """docs/pdf-regels.md lists every rule with its clause, what it checks and what not; regenerate it with
    `python -m scripts.regeldocs` when the catalogue changes."""
    from scripts.regeldocs import PAD, markdown

    tekst = PAD.read_text(encoding="utf-8")
    assert tekst == markdown()
    assert all(f"`{regel}`" in tekst for regel in REGELS)
