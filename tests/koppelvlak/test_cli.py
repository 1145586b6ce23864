"""`portaal batch voorbeeld`: a batch the koppelvlak reads back, for the demo's berichttypes."""

import io

from click.testing import CliRunner

from bijlage_validatie import Werkerpool
from domain.pdf_validatie import Soort
from koppelvlak.lezen import lees_batch
from scripts.batch import DEMO_BERICHTTYPES, batch
from scripts.voorbeeld_pdf import voorbeeld_pdf


def roep(*argumenten: str):
    return CliRunner().invoke(batch, ["voorbeeld", *argumenten])


def test_the_demo_berichttypes_are_the_gemeentes_active_ones():
    assert DEMO_BERICHTTYPES == ("AANSLAG", "WOZ", "PASPOORT", "KWIJT", "wmo")


def test_voorbeeld_writes_a_batch_to_a_file(tmp_path):
    pad = tmp_path / "batch.xml"
    resultaat = roep("--berichten", "25", "--bijlagen", "--berichttype", "WOZ", "--uit", str(pad))
    assert resultaat.exit_code == 0, resultaat.output
    with pad.open("rb") as bestand, lees_batch(bestand) as lezing:
        assert lezing.kop.leverancier == "00000099000000000101"
        berichten = list(lezing.berichten())
    assert len(berichten) == 25
    assert {b.berichttype for b in berichten} == {"WOZ"}
    assert sum(bool(b.bijlagen) for b in berichten) == 9


def test_voorbeeld_writes_to_stdout_for_another_leverancier():
    resultaat = roep("--berichten", "3", "--leverancier", "00000099000000000201", "--fouten")
    assert resultaat.exit_code == 0
    with lees_batch(io.BytesIO(resultaat.stdout_bytes)) as lezing:
        assert lezing.kop.leverancier == "00000099000000000201"
        assert len(list(lezing.berichten())) == 3


def test_voorbeeld_refuses_a_wrong_oin_and_too_many_berichten_in_dutch():
    fout = roep("--leverancier", "123")
    assert fout.exit_code == 2 and "Een OIN bestaat uit precies 20 cijfers." in fout.output
    assert roep("--berichten", "1001").exit_code == 2


def test_the_example_pdf_passes_the_portals_validator_and_the_large_one_is_over_the_limit():
    with Werkerpool() as pool:
        uitslag = pool.valideer("bijlage.pdf", voorbeeld_pdf(), Soort.PERSOONLIJK)
    assert uitslag.geaccepteerd, uitslag.to_json_dict()
    assert len(voorbeeld_pdf(600 * 1024)) > 600 * 1024
