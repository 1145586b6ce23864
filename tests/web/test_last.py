"""`portaal bench load`'s load tool against a real `portaal serve` process on SQLite: a few seconds of the
mix, so a change that breaks a request of the load (or the way it logs in behind the proxy) shows in the
suite, not only in a bench run."""

import pytest
from click.testing import CliRunner

from scripts.bench import bench
from scripts.bench.last import last, sqlite_opstelling

SOORTEN = {
    "pagina home",
    "pagina berichttypes",
    "pagina berichttype",
    "pagina diensten",
    "pagina berichtverwerking",
    "commando berichttype toevoegen",
    "commando berichttype wijzigen",
    "api batch aanleveren",
    "api toegangsvraag",
}


@pytest.mark.slow
def test_a_short_mixed_load_exercises_every_request_kind_without_errors(tmp_path):
    with sqlite_opstelling(tmp_path) as (opstelling, _, hosts):
        uitslag = last(opstelling, hosts, duur=5, gebruikers=4, opwarmen=2)
    assert uitslag["fouten"] == 0, uitslag["foutmeldingen"]
    assert {soort for soort, cijfers in uitslag["per_soort"].items() if cijfers["aantal"] > 0} == SOORTEN
    assert uitslag["per_s"] > 0


def test_an_unknown_benchmark_is_refused_with_the_names_there_are(tmp_path):
    uitkomst = CliRunner().invoke(bench, ["lading", "--output", str(tmp_path / "bench.json")])
    assert uitkomst.exit_code == 2
    assert "onbekende benchmark lading" in uitkomst.output
    assert "load" in uitkomst.output
    assert not (tmp_path / "bench.json").exists()
