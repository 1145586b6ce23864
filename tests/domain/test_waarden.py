import pytest

from domain.fouten import OngeldigeWaarde
from domain.identiteit import berichttype_id, dienst_id
from domain.waarden import BerichttypeCode, Bsn, DienstId, Notificatiekenmerk, Oin, bevat_bsn

AFNEMER = Oin("00000001002220647000")


@pytest.mark.parametrize("waarde", ["00000001002220647000", "00000099000000000101"])
def test_an_oin_of_twenty_digits_is_accepted(waarde):
    assert str(Oin(waarde)) == waarde


@pytest.mark.parametrize(
    "waarde", ["0000000100222064700", "000000010022206470001", "0000000100222064700A", ""]
)
def test_an_oin_of_another_length_or_with_letters_is_refused(waarde):
    with pytest.raises(OngeldigeWaarde, match="20 cijfers"):
        Oin(waarde)


def test_a_test_oin_is_recognised_by_its_prefix():
    assert Oin("00000099000000000101").is_test_oin
    assert not AFNEMER.is_test_oin


@pytest.mark.parametrize("waarde", ["111222333", "123456782"])
def test_a_bsn_passing_the_elfproef_is_accepted(waarde):
    Bsn(waarde)


@pytest.mark.parametrize("waarde", ["111222334", "000000000", "12345678", "1234567890", "12345678a"])
def test_a_bsn_failing_the_elfproef_or_format_is_refused(waarde):
    with pytest.raises(OngeldigeWaarde, match="BSN"):
        Bsn(waarde)


def test_a_bsn_never_shows_its_digits_in_repr_or_str():
    bsn = Bsn("111222333")
    assert "111222333" not in repr(bsn) and "111222333" not in str(bsn)


@pytest.mark.parametrize("code", ["A", "AB1", "12345678", "abcdEFGH"])
def test_a_code_of_one_to_eight_letters_or_digits_is_accepted(code):
    assert BerichttypeCode(code).waarde == code


@pytest.mark.parametrize("code", ["", "123456789", "AB 1", "AB-1", "ÀB1", "AB1\n"])
def test_a_code_that_is_empty_too_long_or_has_other_characters_is_refused(code):
    with pytest.raises(OngeldigeWaarde) as fout:
        BerichttypeCode(code)
    assert fout.value.veld == "code"


def test_codes_differing_only_in_case_are_different_berichttypes():
    assert BerichttypeCode("AB1") != BerichttypeCode("ab1")
    assert berichttype_id(AFNEMER, BerichttypeCode("AB1")) != berichttype_id(AFNEMER, BerichttypeCode("ab1"))


@pytest.mark.parametrize("lengte", [1, 40])
def test_a_dienst_id_of_one_to_forty_positions_is_accepted(lengte):
    assert len(DienstId("x" * lengte).waarde) == lengte


@pytest.mark.parametrize("waarde", ["", "x" * 41, "Toe\nslagen", "Toe\tslagen"])
def test_a_dienst_id_that_is_empty_too_long_or_has_control_characters_is_refused(waarde):
    with pytest.raises(OngeldigeWaarde) as fout:
        DienstId(waarde)
    assert fout.value.veld == "dienst_id"


@pytest.mark.parametrize("andere", ["toeslagen", "Toeslagen ", " Toeslagen", "TOESLAGEN"])
def test_dienst_ids_differing_only_in_case_or_spaces_are_different_diensten(andere):
    assert DienstId(andere) != DienstId("Toeslagen")
    assert dienst_id(AFNEMER, DienstId(andere)) != dienst_id(AFNEMER, DienstId("Toeslagen"))


def test_a_dienst_id_keeps_its_spaces_exactly_as_typed():
    assert DienstId("  Toeslagen  ").waarde == "  Toeslagen  "


@pytest.mark.parametrize("tekst", ["Betalen", "BETALEN", "Informatie geven", "VERNIEUWEN_NODIG"])
def test_a_notificatiekenmerk_is_found_by_its_label_or_name(tekst):
    assert Notificatiekenmerk.uit_tekst(tekst) in Notificatiekenmerk


def test_an_unknown_notificatiekenmerk_is_refused():
    with pytest.raises(OngeldigeWaarde, match="notificatiekenmerken"):
        Notificatiekenmerk.uit_tekst("Spam")


@pytest.mark.parametrize(
    "waarde",
    [
        " ",
        "   ",
        "\u00a0\u00a0",  # non-breaking spaces
        "\u2003\u3000\u202f",  # em space, ideographic space, narrow no-break space
        "\u200b",  # zero-width space
        "\u200c\u200d\u2060\ufeff",  # joiners, word joiner, byte order mark
        "\u00ad",  # soft hyphen
        "\u200e\u202e",  # direction marks
        "\u3164\u2800",  # Hangul filler, blank Braille pattern
        " \u0301",  # a combining accent without a letter
    ],
)
def test_a_dienst_id_that_looks_empty_is_refused(waarde):
    with pytest.raises(OngeldigeWaarde, match="alleen uit spaties of andere onzichtbare tekens") as fout:
        DienstId(waarde)
    assert fout.value.veld == "dienst_id"


@pytest.mark.parametrize("waarde", ["Toe\x85slagen", "Toe\u2028slagen", "Toe\x9bslagen", "\x7f"])
def test_other_line_ends_and_control_characters_are_refused_too(waarde):
    with pytest.raises(OngeldigeWaarde, match="regeleinden, tabs of andere stuurtekens"):
        DienstId(waarde)


@pytest.mark.parametrize("waarde", [" Zorg ", "\u00a0Zorg", "Zorg\u200b", "é", "_", "."])
def test_a_dienst_id_with_something_visible_is_accepted_as_typed(waarde):
    assert DienstId(waarde).waarde == waarde


def test_a_stored_dienst_id_is_rebuilt_without_the_rules_for_new_input():
    oud = DienstId.bestaand("   ")
    assert (oud.waarde, oud) == ("   ", DienstId.bestaand("   "))
    assert dienst_id(AFNEMER, oud) == dienst_id(AFNEMER, DienstId.bestaand("   "))


@pytest.mark.parametrize(
    "andere",
    ["zorg", "ZORG", " Zorg", "Zorg  ", "Zo rg", "Zorg\u00a0", "Zorg\u200b", "\uff3a\uff4f\uff52\uff47"],
)
def test_dienst_ids_differing_only_in_case_spaces_or_unicode_spelling_read_the_same(andere):
    assert DienstId.bestaand(andere).leesvorm == DienstId("Zorg").leesvorm
    assert DienstId.bestaand(andere) != DienstId("Zorg")


@pytest.mark.parametrize("andere", ["Zorg1", "Zorgen", "Zörg", "Zor-g"])
def test_dienst_ids_with_another_visible_character_read_differently(andere):
    assert DienstId(andere).leesvorm != DienstId("Zorg").leesvorm


@pytest.mark.parametrize(
    "tekst",
    [
        "Mijn BSN is 111222333.",
        "BSN: 1112.22.333",
        "nummer 111 22 2333 klopt niet",
        "111-22-2333",
        "kamer 3 111222333",
        "\uff11\uff11\uff11\uff12\uff12\uff12\uff13\uff13\uff13",  # full-width digits
    ],
)
def test_a_text_holding_a_number_that_passes_the_elfproef_is_recognised(tekst):
    assert bevat_bsn(tekst)


@pytest.mark.parametrize(
    "tekst",
    [
        "Geen nummer",
        "111222334",  # fails the elfproef
        "000000000",
        "OIN 00000001002220647000",
        "bel 06 1234 5678 of 0612345678",
        "1111222333",  # ten digits: no BSN
        "NL91ABNA0417164300",
    ],
)
def test_other_numbers_are_no_bsn(tekst):
    assert not bevat_bsn(tekst)
