import re
import uuid
from datetime import UTC, datetime

import pytest
from lxml import etree

from domain.verslag import Berichtuitkomst, Verwerkingsverslag
from domain.verwerking import Stadium, VerwerkingsCode
from koppelvlak.schema import NS, verslag_xsd
from koppelvlak.verslag import verslag_json, verslag_xml

BSN = "123456782"
ONTVANGEN = datetime(2026, 12, 1, 13, 58, 2, tzinfo=UTC)
VERWERKT = datetime(2026, 12, 1, 14, 0, 10, tzinfo=UTC)


def uitkomst(code: VerwerkingsCode, stadium: Stadium = Stadium.NA, **extra) -> Berichtuitkomst:
    return Berichtuitkomst(str(uuid.uuid4()), "AANSLAG", code, stadium, **extra)


def verslag(uitkomsten=(), verwerkt=VERWERKT) -> Verwerkingsverslag:
    return Verwerkingsverslag(
        "00000099000000000201", "00000099000000000101", str(uuid.uuid4()), ONTVANGEN,
        len(uitkomsten) or 3, verwerkt, "pk-1" if verwerkt else None, tuple(uitkomsten),
    )  # fmt: skip


ELK = [
    uitkomst(VerwerkingsCode.VERWERKT),
    uitkomst(VerwerkingsCode.VERWERKT, waarschuwing="Geen PDF/A-kenmerk"),
    uitkomst(VerwerkingsCode.NIET_ACTIEF_OF_GEABONNEERD, Stadium.VALIDATE_GEBRUIKER),
    uitkomst(VerwerkingsCode.BERICHTTYPE_NIET_ONDERSTEUND, Stadium.VALIDATE_BERICHTTYPE),
    uitkomst(VerwerkingsCode.PUBLICATIEDATUM_TE_VER, Stadium.STORE_MESSAGE),
    uitkomst(VerwerkingsCode.AANMAAKDATUM_TE_VER, Stadium.STORE_MESSAGE),
    uitkomst(VerwerkingsCode.BERICHT_BESTAAT_AL, Stadium.STORE_MESSAGE),
    uitkomst(VerwerkingsCode.BIJLAGE_TE_GROOT, Stadium.STORE_MESSAGE, reden=f"Bijlage van {BSN} te groot"),
    uitkomst(VerwerkingsCode.TECHNISCH_PROBLEEM, Stadium.STORE_MESSAGE),
]


def test_the_xml_report_validates_against_the_response_xsd():
    document = etree.fromstring(verslag_xml(verslag(ELK)))
    assert verslag_xsd().validate(document), verslag_xsd().error_log


def test_a_report_still_waiting_validates_without_datumverwerkt():
    xml = verslag_xml(verslag(verwerkt=None))
    assert verslag_xsd().validate(etree.fromstring(xml))
    assert b"DatumVerwerkt" not in xml


def test_the_xml_report_has_the_counters_in_the_koppelvlak_order_then_the_berichten():
    document = etree.fromstring(verslag_xml(verslag(ELK)))
    namen = [etree.QName(kind).localname for kind in document]
    assert namen[:11] == [
        "BerichtLeverancierCode", "BatchID", "TotaalAantalOntvangenBerichten",
        "AantalBerichtenSuccesvolVerwerkt",
        "AantalBerichtenGeenActieveBoxOfGeabonneertOpLeverancier", "AantalBerichtenMetTechnischProbleem",
        "AantalBerichtenBerichtTypeNietCorrect", "AantalBerichtenPublicatieDatumNietCorrect",
        "AantalBerichtenAanmaakDatumNietCorrect", "DatumOntvangen", "DatumVerwerkt",
    ]  # fmt: skip
    assert namen[11:] == ["Bericht"] * len(ELK)
    assert document.findtext(f"{{{NS}}}AantalBerichtenSuccesvolVerwerkt") == "2"
    assert document.findtext(f"{{{NS}}}AantalBerichtenMetTechnischProbleem") == "3"
    eerste = document.find(f"{{{NS}}}Bericht")
    assert [kind.text for kind in eerste] == [ELK[0].bericht_id, "AANSLAG", "Verwerkt", "NA"]


def test_a_berichttype_with_markup_characters_is_escaped():
    vreemd = Berichtuitkomst(str(uuid.uuid4()), "A<&>", VerwerkingsCode.VERWERKT, Stadium.NA)
    xml = verslag_xml(verslag([vreemd]))
    assert etree.fromstring(xml).findtext(f".//{{{NS}}}BerichtType") == "A<&>"


@pytest.mark.parametrize("vorm", ["xml", "json"])
def test_no_bsn_is_ever_in_a_report(vorm):
    inhoud = verslag_xml(verslag(ELK)).decode() if vorm == "xml" else str(verslag_json(verslag(ELK)))
    assert BSN not in inhoud
    assert not re.search(r"(?<![0-9a-f-])[0-9]{9}(?![0-9])", inhoud)


def test_the_json_report_uses_the_same_names_and_explains_each_code_in_dutch():
    json = verslag_json(verslag(ELK))
    assert json["TotaalAantalOntvangenBerichten"] == 9
    assert json["DatumVerwerkt"] == "2026-12-01T14:00:10+00:00"
    assert json["Proceskenmerk"] == "pk-1"
    tweede, *_, groot, _ = json["Berichten"][1:]
    assert tweede["waarschuwing"] == "Geen PDF/A-kenmerk"
    assert tweede["uitleg"] == "Het bericht is verwerkt en in de Berichtenbox geplaatst."
    assert groot["reden"] == "Bijlage van ********* te groot"
    assert "reden" not in tweede and "waarschuwing" not in groot
