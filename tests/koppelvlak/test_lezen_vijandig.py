"""Reading a delivered batch: hostile XML (a DOCTYPE, entity expansion, external entities and DTDs) is
refused without being expanded or fetched."""

from lxml import etree

from tests.koppelvlak.batches import batch_xml, bericht_xml, kop_xml
from tests.koppelvlak.lezing import rss_kb, weigering


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
    voor = rss_kb()
    fout = weigering(data)
    assert "DOCTYPE" in fout.melding
    assert "lol" not in fout.melding
    assert rss_kb() - voor < 50_000


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
