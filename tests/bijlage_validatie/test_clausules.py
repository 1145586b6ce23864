"""The clean attachment conforms to every profile, and the clause numbers are veraPDF's. The clauses
one by one are tested per family in `test_clausules_*.py`."""

from __future__ import annotations

from pathlib import Path

import pikepdf
import pytest

from bijlage_validatie.inspecteer import inspecteer
from domain.pdf_clausules.catalogus import CLAUSULES
from domain.pdf_toets import Norm, Toets
from domain.pdf_validatie import Soort
from tests.bijlage_validatie.pdfs import bouw


@pytest.mark.parametrize("profiel", ["1b", "1a", "2b", "2u", "2a"])
@pytest.mark.parametrize("ua", [False, True], ids=["", "ua"])
def test_the_clean_attachment_conforms_to_every_profile(profiel, ua):
    uitslag = inspecteer("bijlage.pdf", bouw(pdfa=profiel, ua=ua), Soort.STANDAARD, Toets(profiel, ua))
    assert uitslag.bevindingen == ()
    assert uitslag.conform(Norm.PDFA1 if profiel[0] == "1" else Norm.PDFA2) is True
    assert uitslag.conform(Norm.PDFUA1) is (True if ua else None)


def test_every_clause_number_is_a_verapdf_rule():
    """The numbering is veraPDF's: every PDF/A-1 and PDF/A-2 clause of level b we check is in veraPDF's
    catalogue as pikepdf ships it (levels a and u, and PDF/UA, are not in that catalogue)."""
    catalogus = Path(pikepdf.__file__).parent / "pdfa" / "data" / "verapdf_rules.json"
    import json

    regels = json.loads(catalogus.read_text())["rules"]
    for clausule in CLAUSULES.values():
        if clausule.norm is Norm.PDFUA1 or "b" not in clausule.niveaus:
            continue
        spec = "ISO_19005_1" if clausule.norm is Norm.PDFA1 else "ISO_19005_2"
        assert f"{spec}:{clausule.nummer}" in regels, clausule.id
