from datetime import timedelta

import pytest
from click.testing import CliRunner

from scripts.projecties import projections
from scripts.replay import replay


@pytest.fixture
def cli(database_url):
    def aanroep(command, *args):
        return CliRunner().invoke(command, list(args), env={"DATABASE_URL": database_url})

    return aanroep


@pytest.fixture
def geschiedenis(portaal, doe, klok):
    for code in ["AB1", "AB2"]:
        doe.berichttype(code)
    doe.dienst("D1")
    doe.dienst("d1 ")
    doe.koppel("D1", "AB1")
    doe.koppel("d1 ", "AB2")
    midden = klok.nu
    doe.deactiveer("D1")
    doe.bijwerken()
    return midden


def test_replay_as_of_agrees_with_the_projection_and_exits_0(cli, geschiedenis):
    resultaat = cli(replay, "--as-of", geschiedenis.isoformat())
    assert resultaat.exit_code == 0, resultaat.output
    assert "'D1'  AB1" in resultaat.output
    assert "'d1 '  AB2" in resultaat.output
    assert "hetzelfde antwoord" in resultaat.output


def test_replay_for_one_afnemer(cli, geschiedenis, doe, andere_afnemer):
    resultaat = cli(replay, "--as-of", geschiedenis.isoformat(), "--afnemer", str(andere_afnemer))
    assert resultaat.exit_code == 0, resultaat.output
    assert "(0)" in resultaat.output


def test_replay_reports_a_tampered_projection_and_exits_1(cli, geschiedenis, portaal):
    with portaal.engine.begin() as connection:
        connection.exec_driver_sql("UPDATE koppelingen SET van = van + 3600000000 WHERE code = 'AB1'")
    resultaat = cli(replay, "--as-of", geschiedenis.isoformat())
    assert resultaat.exit_code == 1, resultaat.output
    assert "alleen in de replay" in resultaat.output
    assert "'D1', 'AB1'" in resultaat.output


def test_verify_all_exits_0_then_1_after_tampering(cli, geschiedenis, portaal):
    assert cli(replay, "--verify-all").exit_code == 0
    with portaal.engine.begin() as connection:
        connection.exec_driver_sql(
            "UPDATE audit_trail SET actor_oin = '00000099000000000999' WHERE positie = 2"
        )
    resultaat = cli(replay, "--verify-all")
    assert resultaat.exit_code == 1, resultaat.output
    assert "audit_trail" in resultaat.output
    assert "00000099000000000999" in resultaat.output


def test_replay_needs_a_moment_or_verify_all(cli, geschiedenis):
    assert cli(replay).exit_code == 2


def test_as_of_before_anything_happened_is_empty_and_agrees(cli, geschiedenis):
    resultaat = cli(replay, "--as-of", (geschiedenis - timedelta(days=1)).isoformat())
    assert resultaat.exit_code == 0
    assert "(0)" in resultaat.output


def test_rebuild_command_rebuilds_and_then_verify_all_agrees(cli, geschiedenis, portaal):
    with portaal.engine.begin() as connection:
        connection.exec_driver_sql("UPDATE dienst_overzicht SET omschrijving = 'geknoeid'")
    resultaat = cli(projections, "rebuild", "diensten")
    assert resultaat.exit_code == 0, resultaat.output
    assert "Opnieuw opgebouwd" in resultaat.output
    assert cli(replay, "--verify-all").exit_code == 0
