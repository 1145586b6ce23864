"""Reading a delivered batch: what was written reads back as the same values, dates and times as the
koppelvlak means them, and bijlagen decoded within their limit."""

import io
from datetime import UTC, date, datetime

import pytest

from domain.levering import MAX_PERSOONLIJKE_BIJLAGEN_BYTES, Bijlagelevering
from koppelvlak.lezen import lees_batch
from tests.koppelvlak.batches import (
    BATCH_ID,
    KOP,
    batch_bytes,
    batch_xml,
    bericht,
    bericht_xml,
    berichten,
    kop_xml,
)
from tests.koppelvlak.lezing import lees


def test_a_written_batch_reads_back_as_the_same_values():
    geschreven = [
        bericht(0),
        bericht(
            1,
            publicatiedatum=datetime(2026, 12, 5, 7, tzinfo=UTC),
            einddatum_handelingstermijn=date(2027, 1, 1),
        ),
        bericht(2, bijlagen=(Bijlagelevering("aanslag.pdf", 1, 9, b"%PDF-1.7\n"),)),
    ]
    kop, gelezen = lees(batch_bytes(geschreven))
    assert kop == KOP
    assert gelezen == geschreven


def test_a_full_batch_of_1000_berichten_is_read():
    kop, gelezen = lees(batch_bytes(berichten(1000)))
    assert len(gelezen) == 1000
    assert len({b.bericht_id for b in gelezen}) == 1000


def test_the_kop_is_known_before_any_bericht_is_read():
    with lees_batch(io.BytesIO(batch_bytes(berichten(2)))) as lezing:
        assert lezing.kop.batch_id == BATCH_ID
        assert lezing.kop.leverancier == "00000099000000000101"


def test_guids_are_read_in_lower_case():
    data = batch_xml(
        kop_xml(batch_id=BATCH_ID.upper())
        + bericht_xml(BATCH_ID.upper(), "A" * 8 + "-AAAA-4AAA-8AAA-" + "A" * 12)
    )
    kop, (gelezen,) = lees(data)
    assert kop.batch_id == BATCH_ID
    assert gelezen.bericht_id == "aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa"


def test_a_time_without_a_zone_is_dutch_time_kept_in_utc():
    kop, _ = lees(batch_xml(kop_xml("2026-07-01T10:30:00") + bericht_xml()))
    assert kop.aanmaakdatum == datetime(2026, 7, 1, 8, 30, tzinfo=UTC)  # summer: UTC+2
    kop, _ = lees(batch_xml(kop_xml("2026-12-01T10:30:00") + bericht_xml()))
    assert kop.aanmaakdatum == datetime(2026, 12, 1, 9, 30, tzinfo=UTC)


def test_a_time_with_a_zone_keeps_its_zone():
    kop, _ = lees(batch_xml(kop_xml("2026-12-01T10:30:00-05:00") + bericht_xml()))
    assert kop.aanmaakdatum == datetime(2026, 12, 1, 15, 30, tzinfo=UTC)


def _met_datums(publicatie: str | None, eind: str | None = None) -> str:
    velden = ""
    if publicatie is not None:
        velden += f"<PublicatieDatum>{publicatie}</PublicatieDatum>"
    if eind is not None:
        velden += f"<EindDatumHandelingsTermijn>{eind}</EindDatumHandelingsTermijn>"
    return bericht_xml().replace("<Onderwerp>", velden + "<Onderwerp>")


@pytest.mark.parametrize(
    ("publicatie", "verwacht"),
    [
        (None, None),
        ("", None),
        ("2026-12-10", datetime(2026, 12, 9, 23, 0, tzinfo=UTC)),  # the start of the Dutch day
        ("2026-12-10T12:00:00Z", datetime(2026, 12, 10, 12, 0, tzinfo=UTC)),
    ],
)
def test_a_publicatiedatum_may_be_absent_empty_a_date_or_a_moment(publicatie, verwacht):
    _, (gelezen,) = lees(batch_xml(kop_xml() + _met_datums(publicatie)))
    assert gelezen.publicatiedatum == verwacht


def test_an_einddatum_given_as_a_date_stays_a_date():
    _, (gelezen,) = lees(batch_xml(kop_xml() + _met_datums(None, "2027-01-31")))
    assert gelezen.einddatum_handelingstermijn == date(2027, 1, 31)


def test_a_bijlage_whose_text_shows_it_is_too_large_is_not_decoded():
    groot = bericht(
        0, bijlagen=(Bijlagelevering("groot.pdf", 1, 0, b"x" * (MAX_PERSOONLIJKE_BIJLAGEN_BYTES + 1)),)
    )
    _, (gelezen,) = lees(batch_bytes([groot]))
    (bijlage,) = gelezen.bijlagen
    assert bijlage.inhoud is None
    assert bijlage.grootte == MAX_PERSOONLIJKE_BIJLAGEN_BYTES + 1


def test_a_bijlage_of_exactly_the_limit_is_decoded():
    precies = b"y" * MAX_PERSOONLIJKE_BIJLAGEN_BYTES
    _, (gelezen,) = lees(batch_bytes([bericht(0, bijlagen=(Bijlagelevering("a.pdf", 1, 0, precies),))]))
    assert gelezen.bijlagen[0].inhoud == precies


def test_base64_split_over_lines_is_read():
    bijlage = (
        "<Bijlagen><Bijlage><Inhoud>JVBE\n  Ri0x\nLjcK</Inhoud><BijlageType>Pdf</BijlageType>"
        "<Omschrijving>a.pdf</Omschrijving><Volgorde>1</Volgorde></Bijlage></Bijlagen>"
    )
    _, (gelezen,) = lees(batch_xml(kop_xml() + bericht_xml(bijlagen=bijlage)))
    assert gelezen.bijlagen[0].inhoud == b"%PDF-1.7\n"
