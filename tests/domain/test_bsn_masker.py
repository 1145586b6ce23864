"""`maskeer_bsn`: what `bevat_bsn` would find in a text, masked; everything else left exactly as it was."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.waarden import BSN_MASKER, bevat_bsn, elfproef, maskeer_bsn


@pytest.mark.parametrize(
    ("tekst", "verwacht"),
    [
        ("bericht voor 123456782 geweigerd", f"bericht voor {BSN_MASKER} geweigerd"),
        ("/api/v1/gebruikers/111222333/uitgeschakeld", f"/api/v1/gebruikers/{BSN_MASKER}/uitgeschakeld"),
        ("in groepen 1234.56.782", f"in groepen {BSN_MASKER}"),
        ("twee: 123456782,111222333", f"twee: {BSN_MASKER},{BSN_MASKER}"),
        ("breed １２３４５６７８２", f"breed {BSN_MASKER}"),
    ],
)
def test_a_number_passing_the_elfproef_is_masked(tekst, verwacht):
    assert maskeer_bsn(tekst) == verwacht


@pytest.mark.parametrize(
    "tekst",
    [
        "positie 123456789 van de log",  # nine digits failing the elfproef
        "OIN 00000099000000000101 en 00000001002220647000",
        "tijd 2026-01-05T09:00:00.123456+00:00",
        "bel 06 1234 5678 of 0612345678",
        "Geen nummer, wel ﬁ-ligatuur",  # NFKC would change it: a text without a BSN is left as it was
    ],
)
def test_other_numbers_and_texts_are_left_alone(tekst):
    assert maskeer_bsn(tekst) is tekst


def test_an_oin_next_to_a_bsn_keeps_its_digits():
    assert maskeer_bsn("00000099000000000101 123456782") == f"00000099000000000101 {BSN_MASKER}"


_STUKJES = st.one_of(
    st.text(alphabet="0123456789 .-/ab", max_size=12),
    st.integers(10**8, 10**9 - 1).map(str),
    st.integers(10**19, 10**20 - 1).map(str),
)


@given(st.lists(_STUKJES, max_size=6).map("".join))
def test_after_masking_no_bsn_is_left(tekst):
    assert not bevat_bsn(maskeer_bsn(tekst))


@given(st.integers(10**8, 10**9 - 1))
def test_a_nine_digit_number_is_masked_exactly_when_it_passes_the_elfproef(getal):
    tekst = f"nummer {getal}."
    assert (maskeer_bsn(tekst) == f"nummer {BSN_MASKER}.") is elfproef(str(getal))
    if not elfproef(str(getal)):
        assert maskeer_bsn(tekst) == tekst


@given(st.integers(10**19, 10**20 - 1))
def test_an_oin_is_never_mangled(getal):
    tekst = f"OIN {getal:020d} handelt"
    assert maskeer_bsn(tekst) == tekst
