"""De decompressiebom gemeten: begrensd in geheugen en rekentijd, en zonder gewone PDF's te weigeren."""

from __future__ import annotations

import io
import time
import tracemalloc
import zlib

import pikepdf
import pytest
from pikepdf import Array, Dictionary, Name

from bijlage_validatie.doorlopen import Knoop
from bijlage_validatie.inspecteer import inspecteer
from bijlage_validatie.uitpakken import Uitpakmeter, rastergrootte
from domain.pdf_clausules.catalogus import CLAUSULES
from domain.pdf_validatie import MAX_UITGEPAKT_BESTAND, MB, Oordeel, Soort
from tests.bijlage_validatie import pdfs, vijandig
from tests.bijlage_validatie.pdfs import bouw, bouw_gecodeerd

FLATE = Name.FlateDecode
EIGENAAR = pikepdf.new()
"""De streams hieronder horen bij een PDF die blijft bestaan; anders valt hun inhoud niet te lezen."""


def knoop(stream: pikepdf.Object) -> Knoop:
    return Knoop(stream, None, "object 1 0")


def flate_stream(data: bytes, filter: object = FLATE, **velden: object) -> pikepdf.Object:
    return pikepdf.Stream(EIGENAAR, data, Filter=filter, **velden)


def regels(data: bytes) -> list[str]:
    return [b.regel for b in inspecteer("b.pdf", data, Soort.STANDAARD).bevindingen]


def test_the_meter_counts_the_real_decoded_size():
    meter = Uitpakmeter()
    assert meter.bevindingen(knoop(flate_stream(vijandig.nullen_gecomprimeerd(20)))) == []
    assert meter.totaal == 20 * MB


def test_a_bomb_is_measured_without_holding_the_decoded_data():
    stream = flate_stream(vijandig.nullen_gecomprimeerd(vijandig.BOM_MEGABYTES))
    tracemalloc.start()
    try:
        gevonden = Uitpakmeter().bevindingen(knoop(stream))
        _, piek = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert [b.regel for b in gevonden] == ["decompressiebom"]
    assert piek < 8 * MB


def test_the_budget_per_file_adds_up_streams_that_each_stay_below_their_own():
    data = bouw_gecodeerd(
        *[vijandig.extra_inhoud(vijandig.nullen_gecomprimeerd(90), FLATE) for _ in range(3)]
    )
    begin = time.process_time()
    uitslag = inspecteer("b.pdf", data, Soort.STANDAARD)
    assert time.process_time() - begin < 2
    bommen = [b for b in uitslag.bevindingen if b.regel == "decompressiebom"]
    assert len(bommen) == 1
    assert "samen met de andere onderdelen" in bommen[0].melding
    assert f"{MAX_UITGEPAKT_BESTAND // MB} MB" in bommen[0].melding


def test_many_bombs_stop_being_measured_once_the_file_budget_is_spent():
    data = bouw_gecodeerd(
        *[vijandig.extra_inhoud(vijandig.nullen_gecomprimeerd(200), FLATE) for _ in range(10)]
    )
    begin = time.process_time()
    uitslag = inspecteer("b.pdf", data, Soort.STANDAARD)
    assert time.process_time() - begin < 2
    assert uitslag.oordeel is Oordeel.VOLDOET_NIET
    assert 1 <= [b.regel for b in uitslag.bevindingen].count("decompressiebom") <= 3


def test_a_bomb_in_the_page_content_names_the_page_and_the_message_is_plain_dutch():
    uitslag = inspecteer("b.pdf", bouw_gecodeerd(vijandig.decompressiebom_in_inhoud), Soort.STANDAARD)
    (bom,) = uitslag.bevindingen
    assert (bom.regel, bom.pagina) == ("decompressiebom", 1)
    assert bom.melding.startswith("Een onderdeel van de PDF (op pagina 1) wordt bij het openen extreem groot")
    assert "meer dan 100 MB" in bom.melding
    assert "vastlopen" in bom.melding


@pytest.mark.parametrize(
    "wijziging",
    [
        vijandig.ruime_inhoud(20),
        vijandig.extra_inhoud(zlib.compress(pdfs.TEKST), Array([FLATE])),
        vijandig.extra_inhoud(
            zlib.compress(pdfs.TEKST).hex().encode() + b">", Array([Name.ASCIIHexDecode, FLATE])
        ),
        vijandig.extra_inhoud(b"dit is geen zlib", FLATE),
        vijandig.extra_inhoud(zlib.compress(pdfs.TEKST)[:-6], FLATE),
        vijandig.extra_inhoud(zlib.compress(pdfs.TEKST) + b"\x00" * 5000, FLATE),
        vijandig.afbeelding(2_480, 3_508),
    ],
    ids=["20-mb", "filterlijst", "asciihex", "geen-zlib", "afgekapt", "rommel-erachter", "a4-scan-300dpi"],
)
def test_ordinary_or_merely_broken_compression_is_not_a_bomb(wijziging):
    # Kapotte compressie kan wel een PDF/A-clausule breken (een afgekapte inhoud eindigt midden in een
    # operator); hier gaat het alleen om de grenzen van het portaal.
    gevonden = [r for r in regels(bouw_gecodeerd(wijziging)) if r not in CLAUSULES]
    assert gevonden in ([], ["inhoud_niet_getoetst"])


def test_the_normal_compressed_attachment_still_passes():
    data = bouw(vijandig.ruime_inhoud(1))
    pdf = pikepdf.open(io.BytesIO(data))
    # qpdf laat alleen de XMP-metadata ongecomprimeerd, zodat andere programma's die kunnen lezen.
    streams = [s for s in pdf.objects if isinstance(s, pikepdf.Stream) and s.get("/Type") != Name.Metadata]
    assert len(streams) >= 4
    assert all(s.get("/Filter") == FLATE for s in streams)
    assert regels(data) == []


def test_a_flate_image_may_decode_up_to_the_image_limit():
    beeld = flate_stream(
        vijandig.nullen_gecomprimeerd(150),
        Type=Name.XObject,
        Subtype=Name.Image,
        Width=7_000,
        Height=7_500,
        ColorSpace=Name.DeviceRGB,
        BitsPerComponent=8,
    )
    assert Uitpakmeter().bevindingen(knoop(beeld)) == []


def beeld(**velden: object) -> pikepdf.Object:
    return pikepdf.Stream(EIGENAAR, b"", Type=Name.XObject, Subtype=Name.Image, **velden)


@pytest.mark.parametrize(
    ("velden", "verwacht"),
    [
        ({"Width": 100, "Height": 10, "ColorSpace": Name.DeviceRGB, "BitsPerComponent": 8}, 3000),
        ({"Width": 100, "Height": 10, "ColorSpace": Name.DeviceCMYK, "BitsPerComponent": 16}, 8000),
        ({"Width": 100, "Height": 10, "ImageMask": True}, 125),
        ({"Width": 100, "Height": 10, "ColorSpace": Array([Name.Indexed, Name.DeviceRGB, 1, b"ab"])}, 1000),
        ({"Width": 100, "Height": 10, "ColorSpace": Array([Name.DeviceN, Array([Name.A, Name.B])])}, 2000),
        ({"Width": 100, "Height": 10}, 4000),
        ({"Width": 100, "Height": "tien"}, None),
        ({"Width": 100, "Height": 10, "BitsPerComponent": 1_000_000}, 100 * 10 * 4 * 2),
    ],
    ids=["rgb", "cmyk-16", "masker", "indexed", "devicen", "onbekend", "geen-getal", "bits-begrensd"],
)
def test_the_raster_size_comes_from_the_dictionary_alone(velden, verwacht):
    uitkomst = rastergrootte(beeld(**velden))
    assert (uitkomst[2] if uitkomst else None) == verwacht


def test_a_stream_that_is_not_an_image_has_no_raster_size():
    assert rastergrootte(flate_stream(b"", Subtype=Name.Form, Width=10**9, Height=10**9)) is None


def test_the_meter_ignores_dictionaries():
    assert Uitpakmeter().bevindingen(knoop(Dictionary(Filter=FLATE))) == []
