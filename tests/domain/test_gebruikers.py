"""The users register's domain: the feed's file as it is read, and the delivery aggregate."""

import io
import uuid
from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.fouten import NietToegestaan, OngeldigeWaarde
from domain.gebruikers import Gebruikerslevering, dag_van, microseconden
from domain.gebruikersbestand import BestandGeweigerd, is_bsn, lees, tijdstip
from domain.waarden import Actor, Bsn, Oin

KOP = "bsn;actief_van;actief_tot;uitgeschakeld\n"
AFNEMER = "00000099000000000101"
ANDERE = "00000099000000000102"
FEED = Oin("00000099000000000301")
NU = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)


def delen(tekst: str, grootte: int = 10_000):
    return list(lees(io.StringIO(KOP + tekst), grootte))


def microseconden_van(tekst: str) -> int:
    return microseconden(datetime.fromisoformat(tekst))


@given(st.text(alphabet="0123456789", min_size=9, max_size=9))
def test_the_fast_bsn_check_agrees_with_the_bsn_value(cijfers):
    try:
        Bsn(cijfers)
        geldig = True
    except OngeldigeWaarde:
        geldig = False
    assert is_bsn(cijfers) is geldig


@pytest.mark.parametrize("tekst", ["12345678", "1234567890", "99999999a", "٩٩٩٩٩٩٩٩٠", " 99999999"])
def test_what_is_not_nine_ascii_digits_is_no_bsn(tekst):
    assert not is_bsn(tekst)


def test_a_row_gives_the_citizens_whole_state_in_columns():
    (deel,) = delen(
        f"999999990;2024-01-01;;\n123456782;2024-01-01T10:00:00Z;2024-06-01;{AFNEMER} {ANDERE}@2024-03-01\n"
    )
    assert deel.bsns == [999999990, 123456782]
    assert deel.van == [
        microseconden_van("2024-01-01T00:00:00+01:00"),
        microseconden_van("2024-01-01T10:00:00Z"),
    ]
    assert deel.tot == [None, microseconden_van("2024-06-01T00:00:00+02:00")]
    assert deel.uit == [
        (1, AFNEMER, microseconden_van("2024-01-01T10:00:00Z")),
        (1, ANDERE, microseconden_van("2024-03-01T00:00:00+01:00")),
    ]
    assert deel.fouten == []


def test_a_date_is_the_start_of_that_day_in_dutch_time_summer_and_winter():
    (deel,) = delen("999999990;2024-07-01;2024-12-01;\n")
    assert deel.van == [microseconden_van("2024-06-30T22:00:00Z")]
    assert deel.tot == [microseconden_van("2024-11-30T23:00:00Z")]


@pytest.mark.parametrize(
    ("regel", "melding"),
    [
        ("999999991;2024-01-01;;", "Het BSN is geen 9 cijfers die aan de elfproef voldoen."),
        ("999999990;;;", "Actief van ontbreekt."),
        ("999999990;1-1-2024;;", "Actief van is geen datum (JJJJ-MM-DD) of moment met tijdzone (ISO 8601)."),
        ("999999990;2024-01-01T10:00:00;;", "Actief van is geen datum"),
        ("999999990;2024-02-01;2024-01-01;", "Actief tot ligt niet na actief van."),
        ("999999990;2024-01-01;;123", "Een uitgeschakelde afnemer is geen OIN (20 cijfers)."),
        (f"999999990;2024-01-01;;{AFNEMER} {AFNEMER}", "Een afnemer staat twee keer bij uitgeschakeld."),
        (f"999999990;2024-01-01;;{AFNEMER}@gisteren", "Uitgeschakeld sinds is geen datum"),
        ("999999990;2024-01-01;;;extra", "Een regel heeft 4 velden"),
        ("999999990", "Een regel heeft 4 velden"),
    ],
)
def test_a_bad_row_is_reported_with_its_line_number_and_never_the_bsn(regel, melding):
    (deel,) = delen(f"123456782;2024-01-01;;\n{regel}\n111222333;2024-01-01;;\n")
    assert deel.bsns == [123456782, 111222333]
    (fout,) = deel.fouten
    assert fout.regel == 3  # the header is line 1
    assert fout.melding.startswith(melding)
    assert "999999990" not in str(fout) and "99999999" not in fout.melding


def test_the_file_comes_in_parts_with_the_refused_rows_of_each():
    rijen = [
        "999999990;2024-01-01;;",
        "123456782;2024-01-01;;",
        "999999991;2024-01-01;;",
        "111222333;2024-01-01;;",
    ]
    eerste, tweede = delen("\n".join(rijen) + "\n", grootte=2)
    assert eerste.bsns == [999999990, 123456782] and eerste.laatste_regel == 3
    assert tweede.bsns == [111222333] and [f.regel for f in tweede.fouten] == [4]


def test_empty_lines_are_passed_over_and_a_bom_or_capitals_in_the_header_are_fine():
    (deel,) = list(
        lees(io.StringIO("\ufeffBSN;Actief_van;actief_tot;uitgeschakeld\n\n999999990;2024-01-01;;\n"))
    )
    assert deel.bsns == [999999990] and deel.fouten == []


@pytest.mark.parametrize(
    "inhoud", ["", "bsn,actief_van,actief_tot,uitgeschakeld\n", "999999990;2024-01-01;;\n"]
)
def test_a_file_without_the_header_is_refused_before_any_part(inhoud):
    with pytest.raises(BestandGeweigerd):
        next(lees(io.StringIO(inhoud)))


def test_a_moment_given_to_the_api_follows_the_files_rules():
    assert tijdstip("2024-01-01", "actief_van", "Actief van") == datetime(2023, 12, 31, 23, 0, tzinfo=UTC)
    with pytest.raises(OngeldigeWaarde, match="Actief van is geen datum"):
        tijdstip("morgen", "actief_van", "Actief van")
    with pytest.raises(OngeldigeWaarde, match="ontbreekt"):
        tijdstip(None, "actief_van", "Actief van")


def test_the_day_of_a_moment_is_the_dutch_calendar_day():
    assert dag_van(microseconden_van("2024-06-30T22:30:00Z")) == datetime(2024, 7, 1).toordinal()
    assert dag_van(microseconden_van("2024-06-30T21:30:00Z")) == datetime(2024, 6, 30).toordinal()


def levering() -> Gebruikerslevering:
    return Gebruikerslevering.beginnen(uuid.uuid4(), "bestand", Actor(FEED, FEED), NU)


def test_a_delivery_counts_its_rows_and_completes_once():
    lev = levering()
    lev.leg_standen_vast([999999990, 123456782], [1, 2], [None, 3], [(1, AFNEMER, 2)], Actor(FEED, FEED), NU)
    lev.rond_af(1, Actor(FEED, FEED), NU)
    assert lev.aantal == 2 and lev.afgerond
    with pytest.raises(NietToegestaan):
        lev.leg_standen_vast([999999990], [1], [None], [], Actor(FEED, FEED), NU)


@pytest.mark.parametrize(
    ("bsns", "van", "tot", "uit"),
    [
        ([], [], [], []),
        ([999999990], [1, 2], [None], []),
        ([999999990], [1], [None], [(1, AFNEMER, 1)]),
        ([999999990] * 10_001, [1] * 10_001, [None] * 10_001, []),
    ],
)
def test_a_part_must_be_whole_and_bounded(bsns, van, tot, uit):
    with pytest.raises(OngeldigeWaarde):
        levering().leg_standen_vast(bsns, van, tot, uit, Actor(FEED, FEED), NU)


def test_a_single_change_must_be_a_known_kind():
    with pytest.raises(OngeldigeWaarde):
        levering().leg_vast([("weg", 999999990)], Actor(FEED, FEED), NU)
