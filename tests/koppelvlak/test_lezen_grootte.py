"""Reading a delivered batch: the size limits hold as the bytes come, with flat memory, and a batch on one
line is still validated bericht by bericht."""

import io

import pytest

from domain.fouten import BatchGeweigerd
from domain.levering import Bijlagelevering
from koppelvlak.lezen import BLOK, lees_batch
from tests.koppelvlak.batches import batch_bytes, bericht, berichten
from tests.koppelvlak.lezing import Generatorstroom, lees, rss_kb, weigering


@pytest.mark.slow
def test_a_batch_over_100_mb_is_refused_after_100_mb_with_flat_memory():
    inhoud = b"%PDF" + bytes(range(256)) * 400  # ~100 kB, under the limit, so every bijlage is decoded
    een = batch_bytes([bericht(0, bijlagen=(Bijlagelevering("a.pdf", 1, 0, inhoud),) * 2)])
    kop, _, rest = een.partition(b"</BatchInformatie>\n")
    bericht_bytes = rest.split(b"</Berichten>")[0]
    metingen = []
    stroom = None

    def delen():
        yield kop + b"</BatchInformatie>\n"
        for _ in range(150 * 1024 * 1024 // len(bericht_bytes)):  # 150 MB, within 1000 berichten
            metingen.append(rss_kb())
            yield bericht_bytes

    stroom = Generatorstroom(delen())
    voor = rss_kb()
    with pytest.raises(BatchGeweigerd) as fout, lees_batch(stroom) as lezing:
        for _ in lezing.berichten():
            pass
    assert fout.value.melding == "De batch is groter dan 100 MB; de rest is niet gelezen."
    assert 100 * 1024 * 1024 < stroom.geleverd < 101 * 1024 * 1024
    assert max(metingen) - voor < 60_000  # kB: a few berichten at a time, never the batch


def test_the_size_limit_counts_bytes_as_they_come():
    data = batch_bytes(berichten(50))
    stroom = Generatorstroom([data])
    with pytest.raises(BatchGeweigerd, match="groter dan 1000 bytes"), lees_batch(stroom, max_bytes=1000):
        pass
    assert stroom.geleverd <= 1000 + BLOK
    lees(data, max_bytes=len(data))  # exactly the limit is fine


def test_a_text_node_over_10_mb_is_refused():
    groot = bericht(0, bijlagen=(Bijlagelevering("a.pdf", 1, 0, b"x" * 8_000_000),))
    fout = weigering(batch_bytes([groot]))
    assert "10 MB" in fout.melding


def test_a_batch_on_one_line_is_validated_bericht_by_bericht_before_any_is_handed_over():
    lang = "Geachte heer, mevrouw, " * 60  # ~1.4 kB a bericht: 1000 of them pass the first 1 MB block
    geschreven = [bericht(i, tekst=lang) for i in range(1000)]
    geschreven[1] = bericht(1, tekst=lang, soort_gebruiker="Bedrijf")
    data = batch_bytes(geschreven).replace(b"\n", b"")
    assert len(data) > BLOK
    overhandigd = []
    with pytest.raises(BatchGeweigerd) as fout, lees_batch(io.BytesIO(data)) as lezing:
        overhandigd.extend(b.bericht_id for b in lezing.berichten())
    assert "SoortGebruiker" in fout.value.melding
    assert fout.value.regel == 1
    assert overhandigd == []
