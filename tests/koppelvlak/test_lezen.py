import io
from datetime import UTC, date, datetime

import pytest
from lxml import etree

from domain.fouten import BatchGeweigerd
from domain.levering import MAX_PERSOONLIJKE_BIJLAGEN_BYTES, Bijlagelevering
from domain.verwerking import VerwerkingsCode
from koppelvlak.lezen import BLOK, lees_batch
from koppelvlak.schema import NS
from tests.koppelvlak.batches import (
    BATCH_ID,
    BSN,
    KOP,
    batch_bytes,
    batch_xml,
    bericht,
    bericht_xml,
    berichten,
    kop_xml,
)


def lees(data: bytes, **opties):
    with lees_batch(io.BytesIO(data), **opties) as lezing:
        return lezing.kop, list(lezing.berichten())


def weigering(data: bytes, **opties) -> BatchGeweigerd:
    with pytest.raises(BatchGeweigerd) as fout:
        lees(data, **opties)
    assert fout.value.code is VerwerkingsCode.XML_ONGELDIG
    return fout.value


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


# -- refusals ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "melding"),
    [
        (b"", "Dit is geen XML: de batch is leeg of begint niet met een XML-element."),
        (b"dit is geen xml", "Dit is geen XML: de batch is leeg of begint niet met een XML-element."),
        (b"\x00\x01\x02", "Dit is geen XML: de batch is leeg of begint niet met een XML-element."),
        (b"<Berichten", "Dit is geen volledig XML-document: het houdt halverwege op."),
        (batch_xml(kop_xml()).replace(b"</BatchID>", b"</Batch>"), "een begintag en eindtag horen niet bij"),
        (batch_xml(kop_xml() + bericht_xml()) + b"<x/>", "na het hoofdelement staat nog iets"),
        (batch_xml(kop_xml() + bericht_xml()).replace(b"Aanslag", b"Aan\xffslag"), "codering"),
    ],
    ids=["leeg", "tekst", "binair", "afgebroken", "tags", "na-de-wortel", "codering"],
)
def test_what_is_not_xml_is_refused_in_dutch(data, melding):
    fout = weigering(data)
    assert melding in fout.melding


def test_a_batch_in_another_namespace_is_refused():
    fout = weigering(batch_xml(kop_xml() + bericht_xml(), wortel='Berichten xmlns="urn:iets-anders"'))
    assert "namespace" in fout.melding
    assert fout.regel == 2


def test_a_batch_without_a_namespace_is_refused():
    fout = weigering(batch_xml(kop_xml() + bericht_xml(), wortel="Berichten"))
    assert "namespace" in fout.melding


def test_another_root_element_is_refused():
    fout = weigering(
        batch_xml("", wortel='Batch xmlns="http://schemas.rdw.nl/GEB/BerichtVerwerkService/Types/2009/01"')
    )
    assert "'Batch'" in fout.melding and "Berichten" in fout.melding


def test_a_bericht_failing_the_xsd_is_refused_with_its_line_and_the_reason_in_dutch():
    data = batch_bytes([bericht(0), bericht(1), bericht(2, onderwerp="x" * 51)])
    fout = weigering(data)
    assert fout.regel == 6  # declaration, Berichten, BatchInformatie, then one line per bericht
    assert fout.melding == (
        "De batch voldoet niet aan het XSD van het koppelvlak: "
        "Onderwerp is 51 tekens lang; het maximum is 50."
    )


def test_an_error_deep_in_a_large_batch_is_found_on_its_line():
    geschreven = berichten(1000)
    geschreven[899] = bericht(899, soort_gebruiker="Bedrijf")
    fout = weigering(batch_bytes(geschreven))
    assert fout.regel == 903
    assert "SoortGebruiker" in fout.melding and "Burger" in fout.melding


@pytest.mark.parametrize(
    ("inhoud", "in_melding"),
    [
        (kop_xml() + bericht_xml().replace("<Referentie>R</Referentie>", ""), None),  # optional: valid
        (kop_xml() + bericht_xml().replace("<BerichtType>AANSLAG</BerichtType>", ""), "BerichtType"),
        (kop_xml() + bericht_xml().replace("AANSLAG", "AANSLAG12"), "BerichtType is 9 tekens lang"),
        (
            kop_xml() + bericht_xml().replace("<Onderwerp>Aanslag</Onderwerp>", "<Onderwerp></Onderwerp>"),
            "minimum",
        ),
        (kop_xml() + bericht_xml() + "<Extra/>", "Extra"),
        (kop_xml() + "tekst\n" + bericht_xml(), "tekst"),
        (kop_xml() + kop_xml() + bericht_xml(), "BatchInformatie"),
        (bericht_xml() + kop_xml(), "BatchInformatie"),
        (kop_xml().replace("00000099000000000101", "0" * 26) + bericht_xml(), "BerichtLeverancierID"),
        (kop_xml().replace(BATCH_ID, "geen-guid") + bericht_xml(), "BatchID"),
        (kop_xml("1 december 2026") + bericht_xml(), "AanmaakDatum"),
    ],
)
def test_the_xsd_holds_for_every_part(inhoud, in_melding):
    data = batch_xml(inhoud)
    if in_melding is None:
        lees(data)
        return
    fout = weigering(data)
    assert fout.melding.startswith("De batch voldoet niet aan het XSD van het koppelvlak")
    assert in_melding in fout.melding
    assert fout.regel is not None


@pytest.mark.parametrize("gebruiker", [BSN[:8], BSN + "0", BSN[:4] + " " + BSN[4:], "12345678a"])
def test_a_wrong_gebruikerid_is_refused_without_its_value_in_the_reason(gebruiker):
    fout = weigering(batch_bytes([bericht(0, gebruiker=gebruiker)]))
    assert "GebruikerID" in fout.melding
    assert gebruiker not in fout.melding and "1234" not in fout.melding


def test_a_gebruikerid_failing_the_elfproef_is_left_to_processing():
    _, (gelezen,) = lees(batch_bytes([bericht(0, gebruiker="123456789")]))
    assert gelezen.gebruiker == "123456789"


def test_more_than_1000_berichten_are_refused_at_the_1001st():
    fout = weigering(batch_bytes(berichten(1001)))
    assert fout.melding.startswith("De batch bevat meer dan 1000 berichten")
    assert fout.regel == 1004  # declaration, Berichten, BatchInformatie, 1000 berichten


def test_more_than_1000_berichten_are_refused_before_the_rest_is_read():
    kop = batch_bytes([]).split(b"</Berichten>")[0]
    een = batch_bytes([bericht(0)]).split(b"</BatchInformatie>\n")[1].split(b"</Berichten>")[0]
    gelezen = []

    def stroom():
        yield kop
        while True:  # never ends: the reader must stop by itself
            gelezen.append(len(een))
            yield een

    with pytest.raises(BatchGeweigerd, match="meer dan 1000"):
        lees_stroom(stroom())
    assert len(gelezen) < 2000


def test_a_batch_without_berichten_is_refused():
    fout = weigering(batch_xml(kop_xml()))
    assert fout.melding.startswith("De batch bevat geen berichten")


def test_a_bericht_of_another_batch_is_refused():
    ander = "11111111-2222-4333-8444-555555555555"
    fout = weigering(batch_xml(kop_xml() + bericht_xml() + bericht_xml(batch_id=ander)))
    assert "BatchID" in fout.melding
    assert fout.regel == 5


def test_invalid_base64_is_refused():
    bijlage = (
        "<Bijlagen><Bijlage><Inhoud>JVBE$$$=</Inhoud><BijlageType>Pdf</BijlageType>"
        "<Omschrijving>a.pdf</Omschrijving><Volgorde>1</Volgorde></Bijlage></Bijlagen>"
    )
    fout = weigering(batch_xml(kop_xml() + bericht_xml(bijlagen=bijlage)))
    assert "Inhoud" in fout.melding
    assert fout.regel == 4


def test_three_bijlagen_are_refused():
    een = (
        "<Bijlage><Inhoud>JVBERi0xLjcK</Inhoud><BijlageType>Pdf</BijlageType><Omschrijving>a.pdf"
        "</Omschrijving><Volgorde>1</Volgorde></Bijlage>"
    )
    fout = weigering(batch_xml(kop_xml() + bericht_xml(bijlagen=f"<Bijlagen>{een * 3}</Bijlagen>")))
    assert "Bijlage" in fout.melding


def test_an_aanmaakdatum_python_cannot_hold_is_refused():
    fout = weigering(batch_xml(kop_xml("9999-12-31T23:59:59-14:00") + bericht_xml()))
    assert "AanmaakDatum" in fout.melding
    assert fout.regel == 3


# -- hostile input -----------------------------------------------------------------------------------------


def test_a_doctype_is_refused_even_without_entities():
    fout = weigering(batch_xml(kop_xml() + bericht_xml(), proloog="<!DOCTYPE Berichten>\n"))
    assert "DOCTYPE" in fout.melding


def test_billion_laughs_is_refused_without_expanding():
    entiteiten = '<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10 if i > 1 else "&lol;" * 10}">'
        for i in range(1, 10)
    )
    data = batch_xml(
        kop_xml() + bericht_xml(extra="&lol9;"), proloog=f"<!DOCTYPE Berichten [{entiteiten}]>\n"
    )
    voor = _rss_kb()
    fout = weigering(data)
    assert "DOCTYPE" in fout.melding
    assert "lol" not in fout.melding
    assert _rss_kb() - voor < 50_000


def test_an_external_entity_is_never_read(tmp_path):
    geheim = tmp_path / "geheim.txt"
    geheim.write_text("GEHEIM-7f3a9c")
    proloog = f'<!DOCTYPE Berichten [<!ENTITY x SYSTEM "{geheim.as_uri()}">]>\n'
    data = batch_xml(kop_xml() + bericht_xml(extra="&x;"), proloog=proloog)
    # The attack is real: a parser that resolves entities reads the file.
    onveilig = etree.fromstring(data, etree.XMLParser(resolve_entities=True, load_dtd=True))
    assert "GEHEIM-7f3a9c" in etree.tostring(onveilig, encoding="unicode")
    fout = weigering(data)
    assert "DOCTYPE" in fout.melding
    assert "GEHEIM" not in repr(fout.args) + fout.melding


def test_an_external_dtd_is_never_fetched(tmp_path):
    dtd = tmp_path / "b.dtd"
    dtd.write_text('<!ENTITY x "GEHEIM-DTD">')
    proloog = f'<!DOCTYPE Berichten SYSTEM "{dtd.as_uri()}">\n'
    fout = weigering(batch_xml(kop_xml() + bericht_xml(extra="&x;"), proloog=proloog))
    assert "GEHEIM" not in fout.melding


def test_an_entity_reference_without_a_doctype_is_refused():
    fout = weigering(batch_xml(kop_xml() + bericht_xml(extra="&x;")))
    assert "entiteit" in fout.melding


# -- size --------------------------------------------------------------------------------------------------


class Generatorstroom(io.RawIOBase):
    """A stream whose bytes are made only when read: what a client would send, never in memory whole."""

    def __init__(self, delen):
        self._delen = iter(delen)
        self._rest = b""
        self.geleverd = 0

    def readable(self):
        return True

    def readinto(self, buffer):
        while not self._rest:
            self._rest = next(self._delen, b"")
            if not self._rest:
                return 0
        n = min(len(buffer), len(self._rest))
        buffer[:n], self._rest = self._rest[:n], self._rest[n:]
        self.geleverd += n
        return n


def lees_stroom(delen, **opties):
    with lees_batch(Generatorstroom(delen), **opties) as lezing:
        return lezing.kop, list(lezing.berichten())


def _rss_kb() -> int:
    with open("/proc/self/status") as status:
        return next(int(regel.split()[1]) for regel in status if regel.startswith("VmRSS:"))


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
            metingen.append(_rss_kb())
            yield bericht_bytes

    stroom = Generatorstroom(delen())
    voor = _rss_kb()
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


def test_an_unknown_attribute_on_the_root_is_refused_but_xsi_schemalocation_is_fine():
    ns = f'xmlns="{NS}"'
    fout = weigering(batch_xml(kop_xml() + bericht_xml(), wortel=f'Berichten {ns} versie="2"'))
    assert fout.melding.endswith("element Berichten heeft een attribuut dat niet is toegestaan.")
    xsi = 'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="x berichten.xsd"'
    lees(batch_xml(kop_xml() + bericht_xml(), wortel=f"Berichten {ns} {xsi}"))


def test_an_empty_batch_after_a_schema_error_in_the_same_thread_is_still_called_empty():
    # lxml hands an empty document the thread's global error log, where an earlier schema error still stood.
    schema = etree.XMLSchema(
        etree.XML(
            b'<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">'
            b'<xs:element name="a" type="xs:int"/></xs:schema>'
        )
    )
    assert not schema.validate(etree.XML(b"<a>x</a>"))
    assert weigering(b"").melding == "Dit is geen XML: de batch is leeg of begint niet met een XML-element."
