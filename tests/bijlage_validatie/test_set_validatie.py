"""Een set bijlagen: elk bestand op zichzelf en de set tegen de grenzen van de soort."""

import pytest

from bijlage_validatie import valideer_set
from domain.pdf_validatie import Oordeel, Soort
from tests.bijlage_validatie.pdfs import bouw

KB = 1024


def opgevuld(grootte: int) -> bytes:
    """Een schone PDF/A-2a van precies `grootte` bytes: commentaar vóór %%EOF (erna mag in PDF/A niet)."""
    data = bouw(pdfa="2a")
    einde = data.rindex(b"%%EOF")
    opvulling = grootte - len(data) - 2
    return data[:einde] + b"%" + b" " * opvulling + b"\n" + data[einde:]


@pytest.mark.parametrize(
    ("soort", "aantal", "geaccepteerd"),
    [
        (Soort.STANDAARD, 3, True),
        (Soort.STANDAARD, 4, False),
        (Soort.PERSOONLIJK, 2, True),
        (Soort.PERSOONLIJK, 3, False),
    ],
)
def test_a_set_is_refused_when_it_has_too_many_files(pool, soort, aantal, geaccepteerd):
    # Persoonlijke bijlagen toetst het portaal tegen PDF/A-2a, zoals het koppelvlak vraagt.
    uitslag = valideer_set([(f"b{i}.pdf", bouw(pdfa="2a")) for i in range(aantal)], soort, pool)
    assert uitslag.geaccepteerd is geaccepteerd
    assert [u.oordeel for u in uitslag.uitslagen] == [Oordeel.VOLDOET] * aantal


@pytest.mark.parametrize(("extra", "geaccepteerd"), [(0, True), (1, False)])
def test_personal_attachments_are_together_at_most_500_kb(pool, extra, geaccepteerd):
    bestanden = [("a.pdf", opgevuld(250 * KB)), ("b.pdf", opgevuld(250 * KB + extra))]
    assert valideer_set(bestanden, Soort.PERSOONLIJK, pool).geaccepteerd is geaccepteerd


@pytest.mark.parametrize(("extra", "geaccepteerd"), [(0, True), (1, False)])
def test_standard_attachments_are_together_at_most_2_mb(pool, extra, geaccepteerd):
    bestanden = [("a.pdf", opgevuld(1024 * KB)), ("b.pdf", opgevuld(1024 * KB + extra))]
    assert valideer_set(bestanden, Soort.STANDAARD, pool).geaccepteerd is geaccepteerd


@pytest.mark.parametrize(("lengte", "geaccepteerd"), [(128, True), (129, False)])
def test_a_file_name_longer_than_128_characters_is_refused(pool, lengte, geaccepteerd):
    naam = "n" * (lengte - 4) + ".pdf"
    uitslag = valideer_set([(naam, bouw())], Soort.STANDAARD, pool)
    assert uitslag.geaccepteerd is geaccepteerd


def test_one_bad_file_refuses_the_set_but_not_the_other_file(pool):
    uitslag = valideer_set([("goed.pdf", bouw()), ("kapot.pdf", b"%PDF-1.7 kapot")], Soort.STANDAARD, pool)
    assert [u.oordeel for u in uitslag.uitslagen] == [Oordeel.VOLDOET, Oordeel.VOLDOET_NIET]
    assert not uitslag.geaccepteerd
