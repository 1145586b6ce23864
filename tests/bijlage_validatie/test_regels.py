"""Per regel een bestand dat hem breekt en een bestand dat hem houdt."""

from __future__ import annotations

import base64
import zlib
from collections.abc import Callable
from importlib import import_module
from pathlib import Path

import pikepdf
import pytest
from pikepdf import Array, Dictionary, Name

from bijlage_validatie.inspecteer import inspecteer
from domain.pdf_regels import REGELS, Ernst
from domain.pdf_validatie import Oordeel, Soort
from tests.bijlage_validatie import pdfs, vijandig, wijzigingen
from tests.bijlage_validatie.pdfs import bouw, bouw_gecodeerd
from tests.bijlage_validatie.wijzigingen import actie, link_met

FLATE = Name.FlateDecode

EIGENAAR = pikepdf.Encryption(owner="eigenaar", user="", metadata=False)
MET_WACHTWOORD = pikepdf.Encryption(owner="eigenaar", user="geheim")


def zet(sleutel: str, maak: Callable[[pikepdf.Pdf], object]) -> pdfs.Wijziging:
    def wijzig(pdf: pikepdf.Pdf) -> None:
        pdf.Root[sleutel] = maak(pdf)

    return wijzig


def op_pagina(sleutel: str, maak: Callable[[pikepdf.Pdf], object]) -> pdfs.Wijziging:
    def wijzig(pdf: pikepdf.Pdf) -> None:
        wijzigingen.pagina(pdf)[sleutel] = maak(pdf)

    return wijzig


def js() -> Dictionary:
    return actie("JavaScript", JS="app.alert('hallo')")


def ga_naar(pdf: pikepdf.Pdf) -> Dictionary:
    return actie("GoTo", D=Array([wijzigingen.pagina(pdf), Name.Fit]))


def veilige_keten(pdf: pikepdf.Pdf) -> None:
    wijzigingen.annotatie(
        pdf,
        Subtype=Name.Link,
        A=actie("GoTo", D=Array([wijzigingen.pagina(pdf), Name.Fit]), Next=ga_naar(pdf)),
    )


def zonder_profiel(pdf: pikepdf.Pdf) -> None:
    del pdf.Root.OutputIntents[0].DestOutputProfile


def met_info_titel(pdf: pikepdf.Pdf) -> None:
    pdf.docinfo.Title = "Brochure"


def geval(regel: str, id: str, breek: Callable[[], bytes], houd: Callable[[], bytes] = bouw):
    return pytest.param(regel, breek, houd, id=f"{regel}-{id}")


ONGELDIGE_XML = b"<x:xmpmeta><pdfaid:part>1</pdfaid:part><pdfaid:conformance>B</pdfaid:conf"

GEVALLEN = [
    geval("onleesbaar", "geen-pdf", lambda: b"Dit is een tekstbestand."),
    geval("onleesbaar", "leeg", lambda: b""),
    geval("onleesbaar", "afgekapt", lambda: bouw()[:300]),
    geval("versleuteld", "eigenaarswachtwoord", lambda: bouw(encryptie=EIGENAAR)),
    geval("versleuteld", "openingswachtwoord", lambda: bouw(encryptie=MET_WACHTWOORD)),
    geval(
        "javascript",
        "openaction",
        lambda: bouw(zet("/OpenAction", lambda p: js())),
        lambda: bouw(zet("/OpenAction", ga_naar)),
    ),
    geval(
        "javascript",
        "names",
        lambda: bouw(wijzigingen.javascript_in_names),
        lambda: bouw(zet("/Names", lambda p: Dictionary(Dests=Dictionary(Names=Array())))),
    ),
    geval(
        "javascript",
        "document-aa",
        lambda: bouw(zet("/AA", lambda p: Dictionary(WC=js()))),
        lambda: bouw(zet("/AA", lambda p: Dictionary(WC=ga_naar(p)))),
    ),
    geval(
        "javascript",
        "pagina-aa",
        lambda: bouw(op_pagina("/AA", lambda p: Dictionary(O=js()))),
        lambda: bouw(op_pagina("/AA", lambda p: Dictionary(O=ga_naar(p)))),
    ),
    geval(
        "javascript", "link", lambda: bouw(link_met(js())), lambda: bouw(lambda p: link_met(ga_naar(p))(p))
    ),
    geval(
        "javascript",
        "annotatie-aa",
        lambda: bouw(lambda p: wijzigingen.annotatie(p, Subtype=Name.Text, AA=Dictionary(E=js()))),
        lambda: bouw(lambda p: wijzigingen.annotatie(p, Subtype=Name.Text, AA=Dictionary(E=ga_naar(p)))),
    ),
    geval(
        "javascript",
        "formulierveld",
        lambda: bouw(wijzigingen.formulierveld(AA=Dictionary(K=js()))),
        lambda: bouw(wijzigingen.formulierveld()),
    ),
    geval(
        "javascript",
        "next-keten",
        lambda: bouw(wijzigingen.javascript_in_next_keten),
        lambda: bouw(veilige_keten),
    ),
    geval("javascript", "rendition-js", lambda: bouw(link_met(actie("Rendition", JS="x()")))),
    geval(
        "launch_actie",
        "link",
        lambda: bouw(link_met(actie("Launch", F="calc.exe"))),
        lambda: bouw(lambda p: link_met(ga_naar(p))(p)),
    ),
    geval("importdata_actie", "link", lambda: bouw(link_met(actie("ImportData", F="gegevens.fdf")))),
    geval(
        "submitform_actie",
        "link",
        lambda: bouw(link_met(actie("SubmitForm", F="https://example.org"))),
        lambda: bouw(link_met(actie("ResetForm"))),
    ),
    geval("ingesloten_bestand", "embeddedfiles", lambda: bouw(wijzigingen.met_bijlage, pdfa="3b")),
    geval(
        "bestandsbijlage_annotatie",
        "annotatie",
        lambda: bouw(wijzigingen.annotatie_van_soort("FileAttachment")),
        lambda: bouw(wijzigingen.annotatie_van_soort("Text")),
    ),
    *[
        geval(
            "multimedia",
            soort.lower(),
            lambda soort=soort: bouw(wijzigingen.annotatie_van_soort(soort)),
            lambda: bouw(wijzigingen.annotatie_van_soort("Text")),
        )
        for soort in ("Movie", "Sound", "Screen", "RichMedia", "3D")
    ],
    geval("multimedia", "rendition-actie", lambda: bouw(link_met(actie("Rendition", OP=0)))),
    geval(
        "xfa_formulier",
        "acroform",
        lambda: bouw(zet("/AcroForm", lambda p: Dictionary(Fields=Array(), XFA=p.make_stream(b"<xdp/>")))),
        lambda: bouw(zet("/AcroForm", lambda p: Dictionary(Fields=Array()))),
    ),
    geval(
        "pdfa2-6.2.11.4.1-1",
        "pagina",
        lambda: bouw(wijzigingen.met_lettertype_op_pagina(wijzigingen.niet_ingesloten_lettertype)),
        lambda: bouw(wijzigingen.met_lettertype_op_pagina(pdfs.ingesloten_lettertype)),
    ),
    geval(
        "pdfa2-6.2.11.4.1-1",
        "genest-formulier",
        lambda: bouw(wijzigingen.lettertype_in_formulier(wijzigingen.niet_ingesloten_lettertype, diepte=3)),
        lambda: bouw(wijzigingen.lettertype_in_formulier(pdfs.ingesloten_lettertype, diepte=3)),
    ),
    geval(
        "pdfa2-6.2.11.4.1-1",
        "annotatieweergave",
        lambda: bouw(wijzigingen.lettertype_in_weergave(wijzigingen.niet_ingesloten_lettertype)),
        lambda: bouw(wijzigingen.lettertype_in_weergave(pdfs.ingesloten_lettertype)),
    ),
    geval(
        "pdfa2-6.2.11.4.1-1",
        "type0",
        lambda: bouw(
            wijzigingen.met_lettertype_op_pagina(wijzigingen.type0(wijzigingen.niet_ingesloten_lettertype))
        ),
        lambda: bouw(wijzigingen.met_lettertype_op_pagina(wijzigingen.type0(pdfs.ingesloten_lettertype))),
    ),
    geval(
        "pdfa2-6.2.11.4.1-1",
        "type3-vrijgesteld",
        lambda: bouw(wijzigingen.met_lettertype_op_pagina(wijzigingen.niet_ingesloten_lettertype)),
        lambda: bouw(wijzigingen.met_lettertype_op_pagina(wijzigingen.type3)),
    ),
    geval(
        "lettertype_niet_ingesloten",
        "zonder-pdfa-claim",
        lambda: bouw(wijzigingen.met_lettertype_op_pagina(wijzigingen.niet_ingesloten_lettertype), pdfa=None),
        lambda: bouw(wijzigingen.met_lettertype_op_pagina(wijzigingen.niet_ingesloten_lettertype), pdfa="2b"),
    ),
    geval("geen_pdfa", "geen-claim", lambda: bouw(pdfa=None)),
    geval("pdfa_claim_ongeldig", "deel-7", lambda: bouw(pdfa="7b")),
    geval(
        "inhoud_niet_getoetst",
        "20-mb",
        lambda: bouw_gecodeerd(vijandig.ruime_inhoud(20)),
        lambda: bouw_gecodeerd(vijandig.ruime_inhoud(1)),
    ),
    geval("pdfa_niet_getoetst", "deel-3", lambda: bouw(pdfa="3b"), lambda: bouw(pdfa="2b")),
    geval("pdfa_claim_ongeldig", "conformiteit-x", lambda: bouw(pdfa="2x")),
    geval("pdfa2-6.2.4.3-4", "zonder-outputintent", lambda: bouw(wijzigingen.zonder("/OutputIntents"))),
    geval("pdfa2-6.2.4.3-4", "outputintent-zonder-profiel", lambda: bouw(zonder_profiel)),
    geval(
        "pdfa2-6.1.7.2-1",
        "filter",
        lambda: bouw(wijzigingen.extra_stream(Filter=Name.LZWDecode)),
        lambda: bouw(wijzigingen.extra_stream(Filter=Name.LZWDecode), pdfa=None),
    ),
    geval(
        "pdfa2-6.1.7.2-1",
        "filterketen",
        lambda: bouw(wijzigingen.extra_stream(Filter=Array([Name.LZWDecode]))),
    ),
    *[
        geval(regel, naam, lambda w=w: bouw(w, pdfa="1b"), lambda w=w: bouw(w, pdfa="2b"))
        for regel, naam, w in (
            ("pdfa1-6.4-1", "smask-extgstate", wijzigingen.transparante_extgstate),
            ("pdfa1-6.4-3", "groep", wijzigingen.transparante_groep),
            ("pdfa1-6.4-6", "dekking", wijzigingen.halfdoorzichtig),
            ("pdfa1-6.4-2", "smask-afbeelding", wijzigingen.afbeelding_met_masker),
        )
    ],
    geval(
        "pdfa1-6.4-6",
        "dekkend",
        lambda: bouw(wijzigingen.halfdoorzichtig, pdfa="1b"),
        lambda: bouw(wijzigingen.dekkende_extgstate, pdfa="1b"),
    ),
    # Reals compared as PDF/A validators do: 0.9999999 is 1.0; 0.999 is a visible (if tiny) transparency.
    geval(
        "pdfa1-6.4-6",
        "afgerond-dekkend",
        lambda: bouw(wijzigingen.met_dekking("0.999"), pdfa="1b"),
        lambda: bouw(wijzigingen.met_dekking("0.9999999"), pdfa="1b"),
    ),
    geval("pdfa1-6.7.9-1", "kapotte-xml", lambda: bouw(wijzigingen.met_metadata(ONGELDIGE_XML))),
    geval(
        "pdfa2-6.1.3-2",
        "claim",
        lambda: bouw(encryptie=EIGENAAR),
        lambda: bouw(pdfa=None, encryptie=EIGENAAR),
    ),
    geval(
        "pdfa2-6.8-5",
        "deel-2",
        lambda: bouw(wijzigingen.met_bijlage, pdfa="2b"),
        lambda: bouw(wijzigingen.met_bijlage, pdfa="3b"),
    ),
    geval("pdfa1-6.1.11-1", "deel-1", lambda: bouw(wijzigingen.met_bijlage, pdfa="1a")),
    geval("pdfua_niet_gemarkeerd", "ontbreekt", lambda: bouw(wijzigingen.zonder("/MarkInfo"))),
    geval(
        "pdfua_niet_gemarkeerd", "false", lambda: bouw(zet("/MarkInfo", lambda p: Dictionary(Marked=False)))
    ),
    geval("pdfua_geen_structuur", "ontbreekt", lambda: bouw(wijzigingen.zonder("/StructTreeRoot"))),
    geval("pdfua_geen_taal", "ontbreekt", lambda: bouw(wijzigingen.zonder("/Lang"))),
    geval(
        "pdfua_geen_titel",
        "ontbreekt",
        lambda: bouw(wijzigingen.met_metadata(pdfs.xmp("2b", titel=False))),
        lambda: bouw(wijzigingen.met_metadata(pdfs.xmp("2b", titel=False)), met_info_titel),
    ),
    geval(
        "pdfua_titel_niet_getoond",
        "ontbreekt",
        lambda: bouw(wijzigingen.zonder("/ViewerPreferences")),
        lambda: bouw(zet("/ViewerPreferences", lambda p: Dictionary(DisplayDocTitle=True))),
    ),
    geval("externe_link", "uri", lambda: bouw(link_met(actie("URI", URI="https://example.org/brochure")))),
    geval(
        "te_complex",
        "diep-genest",
        lambda: bouw(vijandig.diep_genest(60)),
        lambda: bouw(vijandig.diep_genest(10)),
    ),
    geval(
        "te_complex",
        "vijf-lagen-flate",
        lambda: bouw_gecodeerd(vijandig.extra_inhoud(vijandig.gestapelde_bom(5), Array([FLATE] * 5))),
        lambda: bouw_gecodeerd(
            vijandig.extra_inhoud(zlib.compress(zlib.compress(pdfs.TEKST)), Array([FLATE] * 2))
        ),
    ),
    geval(
        "decompressiebom",
        "inhoud",
        lambda: bouw_gecodeerd(vijandig.decompressiebom_in_inhoud),
        lambda: bouw(vijandig.ruime_inhoud(20)),
    ),
    geval("decompressiebom", "formulier", lambda: bouw_gecodeerd(vijandig.decompressiebom_in_formulier)),
    geval("decompressiebom", "metadata", lambda: bouw_gecodeerd(vijandig.decompressiebom_in_metadata)),
    geval(
        "decompressiebom",
        "flate-over-flate",
        lambda: bouw_gecodeerd(vijandig.extra_inhoud(vijandig.gestapelde_bom(2), Array([FLATE, FLATE]))),
        lambda: bouw_gecodeerd(vijandig.ruime_inhoud(20)),
    ),
    geval(
        "decompressiebom",
        "ascii85-dan-flate",
        lambda: bouw_gecodeerd(
            vijandig.extra_inhoud(
                base64.a85encode(vijandig.nullen_gecomprimeerd(vijandig.BOM_MEGABYTES)) + b"~>",
                Array([Name.ASCII85Decode, FLATE]),
            )
        ),
    ),
    geval(
        "afbeelding_te_groot",
        "afmetingen",
        lambda: bouw(vijandig.afbeelding(20_000, 20_000)),
        lambda: bouw(vijandig.afbeelding(4_000, 3_000)),
    ),
    geval(
        "afbeelding_te_groot",
        "iccbased-cmyk",
        lambda: bouw(vijandig.afbeelding(8_000, 7_000, icc_kanalen=4)),
        lambda: bouw(vijandig.afbeelding(8_000, 7_000, ColorSpace=Name.DeviceGray)),
    ),
]

REGELS_VAN_EEN_SET = {"te_veel_bijlagen", "bijlagen_te_groot", "bestandsnaam_te_lang"}


def regels(data: bytes) -> dict[str, Ernst]:
    uitslag = inspecteer("bijlage.pdf", data, Soort.STANDAARD)
    return {b.regel: b.ernst for b in uitslag.bevindingen}


def test_the_clean_attachment_passes_every_rule():
    uitslag = inspecteer("bijlage.pdf", bouw(), Soort.PERSOONLIJK)
    assert uitslag.bevindingen == ()
    assert uitslag.oordeel is Oordeel.VOLDOET
    assert uitslag.pdfa == "2b"


@pytest.mark.parametrize(("regel", "breek", "houd"), GEVALLEN)
def test_a_file_that_breaks_the_rule_gets_its_finding(regel, breek, houd):
    gevonden = regels(breek())
    assert gevonden.get(regel) is REGELS[regel].ernst


@pytest.mark.parametrize(("regel", "breek", "houd"), GEVALLEN)
def test_a_file_that_keeps_the_rule_gets_no_finding(regel, breek, houd):
    assert regel not in regels(houd())


@pytest.mark.parametrize(("regel", "breek", "houd"), GEVALLEN)
def test_the_verdict_follows_the_severity_of_the_broken_rule(regel, breek, houd):
    uitslag = inspecteer("bijlage.pdf", breek(), Soort.STANDAARD)
    verwacht = Oordeel.VOLDOET_NIET if REGELS[regel].ernst is Ernst.FOUT else Oordeel.WAARSCHUWING
    assert uitslag.oordeel is verwacht


def test_every_rule_of_a_single_file_has_a_breaking_and_a_keeping_case():
    """The portal's own rules here, the PDF/A and PDF/UA clauses in `test_clausules_*`: together, all."""
    families = [
        import_module(f"tests.bijlage_validatie.{pad.stem}")
        for pad in sorted(Path(__file__).parent.glob("test_clausules_*.py"))
    ]
    clausulegevallen = [p for familie in families for p in familie.GEVALLEN]

    regels = {p.values[0] for p in GEVALLEN} | {p.values[0] for p in clausulegevallen}
    assert all(len(p.values) == 3 and callable(p.values[2]) for p in GEVALLEN)
    assert all(p.values[2] is not None and p.values[3] is not None for p in clausulegevallen)
    assert regels == set(REGELS) - REGELS_VAN_EEN_SET


@pytest.mark.parametrize(
    "wijziging",
    [
        link_met(js()),
        wijzigingen.met_lettertype_op_pagina(wijzigingen.niet_ingesloten_lettertype),
        link_met(actie("URI", URI="https://example.org")),
    ],
    ids=["javascript", "lettertype", "link"],
)
def test_a_finding_on_a_page_names_that_page(wijziging):
    data = bouw(wijziging, lambda pdf: pdf.add_blank_page(), lambda pdf: pdf.pages.reverse())
    uitslag = inspecteer("bijlage.pdf", data, Soort.STANDAARD)
    assert uitslag.bevindingen and {b.pagina for b in uitslag.bevindingen} == {2}


def test_a_missing_font_is_named_in_the_message():
    uitslag = inspecteer(
        "b.pdf",
        bouw(wijzigingen.met_lettertype_op_pagina(wijzigingen.niet_ingesloten_lettertype)),
        Soort.STANDAARD,
    )
    assert "Helvetica" in uitslag.bevindingen[0].melding


def test_the_pdfa_claim_is_read_from_xmp_attributes_too():
    xmp = pdfs.xmp(None).replace(b'rdf:about=""', b'rdf:about="" pdfaid:part="1" pdfaid:conformance="A"')
    uitslag = inspecteer("b.pdf", bouw(wijzigingen.met_metadata(xmp)), Soort.STANDAARD)
    assert uitslag.pdfa == "1a"


def test_a_thousand_links_give_a_bounded_number_of_findings():
    def veel_links(pdf: pikepdf.Pdf) -> None:
        for nummer in range(1000):
            wijzigingen.annotatie(pdf, Subtype=Name.Link, A=actie("URI", URI=f"https://example.org/{nummer}"))

    uitslag = inspecteer("b.pdf", bouw(veel_links), Soort.STANDAARD)
    assert 1 <= len(uitslag.bevindingen) <= 20


@pytest.mark.parametrize(("pdfa", "oordeel"), [(None, Oordeel.WAARSCHUWING), ("1b", Oordeel.VOLDOET_NIET)])
def test_a_missing_font_is_refused_only_in_a_file_that_claims_pdfa(pdfa, oordeel):
    """The manual asks for PDF/A "bij voorkeur": a plain PDF with a non-embedded standard font passes."""
    data = bouw(wijzigingen.met_lettertype_op_pagina(wijzigingen.niet_ingesloten_lettertype), pdfa=pdfa)
    assert inspecteer("brief.pdf", data, Soort.STANDAARD).oordeel is oordeel


def test_one_embedded_file_is_reported_once():
    """Found through its file specification and through its stream: still one file, one finding."""
    uitslag = inspecteer("bijlage.pdf", bouw(wijzigingen.met_bijlage, pdfa="3b"), Soort.STANDAARD)
    assert [b.regel for b in uitslag.bevindingen].count("ingesloten_bestand") == 1
