"""Reading a delivered batch: what is not XML, not the koppelvlak's namespace or not valid against its XSD
is refused, with the line and a Dutch reason (and never a BSN in it)."""

import pytest
from lxml import etree

from domain.fouten import BatchGeweigerd
from koppelvlak.schema import NS
from tests.koppelvlak.batches import (
    BATCH_ID,
    BSN,
    batch_bytes,
    batch_xml,
    bericht,
    bericht_xml,
    berichten,
    kop_xml,
)
from tests.koppelvlak.lezing import lees, lees_stroom, weigering


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
