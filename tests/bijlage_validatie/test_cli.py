"""`portaal valideer-pdf`: afsluitcodes en de vorm van het JSON-document."""

import json

import pytest
from click.testing import CliRunner

from scripts.valideer_pdf import valideer_pdf
from tests.bijlage_validatie.pdfs import bouw
from tests.bijlage_validatie.wijzigingen import actie, link_met


@pytest.fixture
def schrijf(tmp_path):
    def schrijf(naam: str, data: bytes) -> str:
        pad = tmp_path / naam
        pad.write_bytes(data)
        return str(pad)

    return schrijf


def roep(*argumenten: str):
    return CliRunner().invoke(valideer_pdf, list(argumenten))


def test_accepted_files_exit_zero_with_a_dutch_report(schrijf):
    resultaat = roep(
        schrijf("schoon.pdf", bouw()),
        schrijf("link.pdf", bouw(link_met(actie("URI", URI="https://x.nl")))),
        "--soort",
        "standaard",
    )
    assert resultaat.exit_code == 0, resultaat.output
    assert "schoon.pdf (standaard, PDF/A-2b): voldoet" in resultaat.output
    assert "link.pdf (standaard, PDF/A-2b): voldoet, met waarschuwingen" in resultaat.output


def test_a_refused_file_exits_one(schrijf):
    resultaat = roep(
        schrijf("script.pdf", bouw(link_met(actie("JavaScript", JS="x")), pdfa="2a")),
        "--soort",
        "persoonlijk",
    )
    assert resultaat.exit_code == 1
    assert "voldoet niet" in resultaat.output and "[javascript]" in resultaat.output


def test_too_many_files_for_the_kind_exits_one(schrijf):
    paden = [schrijf(f"b{i}.pdf", bouw()) for i in range(3)]
    assert roep(*paden, "--soort", "standaard").exit_code == 0
    assert roep(*paden, "--soort", "persoonlijk").exit_code == 1


@pytest.mark.parametrize(
    "argumenten",
    [
        ["--soort", "standaard"],
        ["bestaat-niet.pdf", "--soort", "standaard"],
        ["{pdf}"],
        ["{pdf}", "--soort", "anders"],
    ],
    ids=["geen-bestand", "onbekend-bestand", "geen-soort", "verkeerde-soort"],
)
def test_a_usage_error_exits_two(schrijf, argumenten):
    pdf = schrijf("a.pdf", bouw())
    assert roep(*[a.format(pdf=pdf) for a in argumenten]).exit_code == 2


def test_json_output_is_a_list_with_one_object_per_file(schrijf):
    resultaat = roep(
        schrijf("goed.pdf", bouw()), schrijf("kapot.pdf", b"geen pdf"), "--soort", "standaard", "--json"
    )
    document = json.loads(resultaat.output)
    assert resultaat.exit_code == 1
    velden = {"bestand", "soort", "oordeel", "pdfa", "bevindingen", "toetsing", "clausules"}
    assert [set(o) for o in document] == [velden] * 2
    assert [(o["bestand"], o["soort"], o["oordeel"], o["pdfa"]) for o in document] == [
        ("goed.pdf", "standaard", "voldoet", "2b"),
        ("kapot.pdf", "standaard", "voldoet_niet", None),
    ]
    [bevinding] = document[1]["bevindingen"]
    assert set(bevinding) == {"regel", "ernst", "melding", "pagina", "object"}
    assert (bevinding["regel"], bevinding["ernst"], bevinding["pagina"]) == ("onleesbaar", "fout", None)


def test_a_chosen_profile_is_checked_clause_by_clause(schrijf):
    """A PDF/A-2b file checked as PDF/A-2a and PDF/UA-1: the clauses it breaks, with their numbers."""
    resultaat = roep(
        schrijf("b.pdf", bouw(pdfa="2b")), "--soort", "standaard", "--pdfa", "2a", "--pdfua", "--json"
    )
    [document] = json.loads(resultaat.output)
    assert resultaat.exit_code == 1
    assert document["toetsing"] == {
        "pdfa": "2a",
        "pdfua": True,
        "conform_pdfa": False,
        "conform_pdfua": False,
    }
    assert {c["clausule"] for c in document["clausules"]} >= {"6.6.4-3", "5-1"}


def test_personal_attachments_are_checked_as_the_koppelvlak_asks(schrijf):
    tweede_b, tweede_a = schrijf("b.pdf", bouw(pdfa="2b")), schrijf("a.pdf", bouw(pdfa="2a"))
    assert roep(tweede_a, "--soort", "persoonlijk").exit_code == 0
    geweigerd = roep(tweede_b, "--soort", "persoonlijk")
    assert geweigerd.exit_code == 1
    assert "PDF/A-2a: voldoet niet" in geweigerd.output
    assert "[pdfa2-6.6.4-3]" in geweigerd.output


def test_an_unknown_profile_is_a_usage_error(schrijf):
    assert roep(schrijf("a.pdf", bouw()), "--soort", "standaard", "--pdfa", "3b").exit_code == 2
