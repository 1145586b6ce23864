"""Echte PDF's van een gangbare maker (Ghostscript, zie `echt/maak.sh`) als regressieset: wat de maker PDF/A
noemt, keuren we goed; wat hij zelf geen PDF/A noemt, keuren we met de clausules af die veraPDF ook noemt."""

from pathlib import Path

import pytest

from bijlage_validatie.inspecteer import inspecteer
from domain.pdf_clausules.catalogus import CLAUSULES
from domain.pdf_toets import Norm, Toets
from domain.pdf_validatie import Soort

ECHT = Path(__file__).parent / "echt"


def clausules(naam: str, toets: Toets) -> set[str]:
    uitslag = inspecteer(naam, (ECHT / naam).read_bytes(), Soort.STANDAARD, toets)
    return {b.regel for b in uitslag.bevindingen if b.regel in CLAUSULES}


@pytest.mark.parametrize(("naam", "profiel"), [("gs-pdfa1b.pdf", "1b"), ("gs-pdfa2b.pdf", "2b")])
def test_ghostscripts_pdfa_output_conforms_to_the_profile_it_claims(naam, profiel):
    uitslag = inspecteer(naam, (ECHT / naam).read_bytes(), Soort.STANDAARD, Toets())
    assert uitslag.pdfa == profiel
    assert uitslag.conform(Norm.PDFA1 if profiel == "1b" else Norm.PDFA2) is True
    assert uitslag.geaccepteerd


def test_an_aborted_pdfa_conversion_lacks_the_output_intent_its_colours_need():
    assert clausules("gs-pdfa2b-zonder-profiel.pdf", Toets()) == {"pdfa2-6.2.4.3-2", "pdfa2-6.2.4.3-4"}


def test_a_plain_pdf_checked_as_pdfa_misses_the_claim_colour_profile_and_font():
    assert clausules("gs-gewoon.pdf", Toets("1b")) == {
        "pdfa1-6.7.11-1",
        "pdfa1-6.2.3.3-1",
        "pdfa1-6.2.3.3-3",
        "pdfa1-6.3.4-1",
    }


def test_level_a_asks_for_what_level_b_output_does_not_have():
    assert clausules("gs-pdfa2b.pdf", Toets("2a")) == {"pdfa2-6.7.2-1", "pdfa2-6.7.3-1", "pdfa2-6.6.4-3"}
