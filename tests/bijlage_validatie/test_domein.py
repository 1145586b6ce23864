"""De regels zonder PDF: oordeel, JSON-vorm en de grenzen aan een set bijlagen."""

import pytest

from domain.bijlage_limieten import (
    MAX_BESTANDSNAAM,
    MAX_PERSOONLIJK_TOTAAL_BYTES,
    MAX_PERSOONLIJKE_BIJLAGEN,
    MAX_STANDAARD_BIJLAGEN,
    MAX_STANDAARD_TOTAAL_BYTES,
)
from domain.pdf_validatie import (
    REGELS,
    Ernst,
    Oordeel,
    SetUitslag,
    Soort,
    Uitslag,
    bestandsnaam_bevindingen,
    bevinding,
    set_bevindingen,
)

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
    assert "3 bijlagen" in te_veel.melding and "hoogstens 2" in te_veel.melding
    assert "500,0 kB" in te_groot.melding


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
            }
        ],
    }


def test_a_file_in_a_refused_set_is_refused_too():
    uitslag = Uitslag("a.pdf", Soort.STANDAARD, "2b", ())
    set_uitslag = SetUitslag((uitslag,) * 4, tuple(set_bevindingen(Soort.STANDAARD, [1] * 4)))
    assert uitslag.geaccepteerd
    assert not set_uitslag.geaccepteerd
    assert all(u.oordeel is Oordeel.VOLDOET_NIET for u in set_uitslag.per_bestand())


@pytest.mark.parametrize("regel", sorted(REGELS))
def test_every_rule_has_a_complete_dutch_message(regel):
    b = bevinding(regel, pagina=1, object="object 1 0", detail="x", grens="y")
    assert "{" not in b.melding and b.melding.endswith(".")
    assert b.ernst in Ernst
