"""`portaal gebruikers import FILE.csv` on the configured store."""

from datetime import UTC, datetime

import pytest
from click.testing import CliRunner

from domain.waarden import Notificatiekenmerk, Oin, Rol
from scripts.gebruikers import gebruikers
from tests.conftest import AFNEMER, ANDERE_AFNEMER, BEHEERDER, actor_voor

FEED = Oin("00000099000000000301")
KOP = "bsn;actief_van;actief_tot;uitgeschakeld\n"
GOED = ["999999990;2024-01-01;;\n", f"123456782;2024-01-01;;{AFNEMER}\n"]
FOUT = "999999991;2024-01-01;;\n"


@pytest.fixture
def feed(portaal):
    portaal.registreer_organisatie(
        FEED, "MijnOverheid", Rol.MIJNOVERHEID, list(Notificatiekenmerk), actor_voor(BEHEERDER)
    )
    return FEED


@pytest.fixture
def importeer(database_url, tmp_path):
    def aanroep(inhoud: str, *opties: str):
        pad = tmp_path / "gebruikers.csv"
        pad.write_text(inhoud, encoding="utf-8")
        return CliRunner().invoke(
            gebruikers, ["import", str(pad), *opties], env={"DATABASE_URL": database_url}
        )

    return aanroep


def ontvangers(samenstelling, afnemer: Oin = ANDERE_AFNEMER) -> set[str]:
    return samenstelling.lezen.berichtenbox_ontvangers(["999999990", "123456782"], afnemer, datetime.now(UTC))


def gebeurtenissen(samenstelling) -> int:
    return samenstelling.motoren["gebruikers"].hoogste()


def test_a_file_is_imported_and_a_bad_line_is_skipped_and_reported_without_the_bsn(
    importeer, feed, samenstelling
):
    resultaat = importeer(KOP + GOED[0] + FOUT + GOED[1])
    assert resultaat.exit_code == 1, resultaat.output
    assert "2 regels vastgelegd, 1 overgeslagen." in resultaat.stdout
    assert "regel 3: Het BSN is geen 9 cijfers die aan de elfproef voldoen." in resultaat.stderr
    assert "999999991" not in resultaat.output
    assert ontvangers(samenstelling) == {"999999990", "123456782"}
    assert ontvangers(samenstelling, AFNEMER) == {"999999990"}


def test_a_good_file_exits_0(importeer, feed, samenstelling):
    resultaat = importeer(KOP + "".join(GOED))
    assert resultaat.exit_code == 0, resultaat.output
    assert "2 regels vastgelegd, 0 overgeslagen." in resultaat.stdout


def test_all_or_nothing_records_nothing_when_a_line_is_bad(importeer, feed, samenstelling):
    resultaat = importeer(KOP + GOED[0] + FOUT, "--alles-of-niets")
    assert resultaat.exit_code == 1
    assert "Niets vastgelegd: 1 regels zijn fout." in resultaat.stderr
    assert "regel 3:" in resultaat.stderr
    assert gebeurtenissen(samenstelling) == 0


def test_all_or_nothing_imports_a_good_file(importeer, feed, samenstelling):
    assert importeer(KOP + "".join(GOED), "--alles-of-niets").exit_code == 0
    assert ontvangers(samenstelling) == {"999999990", "123456782"}


def test_a_file_without_the_header_is_refused_and_nothing_recorded(importeer, feed, samenstelling):
    resultaat = importeer("".join(GOED))
    assert resultaat.exit_code == 1
    assert (
        "De eerste regel moet de kopregel zijn: bsn;actief_van;actief_tot;uitgeschakeld" in resultaat.output
    )
    assert gebeurtenissen(samenstelling) == 0


def test_without_a_registered_feed_the_import_asks_for_one(importeer, samenstelling):
    resultaat = importeer(KOP + "".join(GOED))
    assert resultaat.exit_code == 2
    assert "Geef met --bron de OIN van de MijnOverheid-koppeling" in resultaat.output


def test_an_afnemer_is_no_feed(importeer, portaal, feed):
    portaal.registreer_organisatie(
        AFNEMER, "Gemeente", Rol.AFNEMER, list(Notificatiekenmerk), actor_voor(BEHEERDER)
    )
    resultaat = importeer(KOP + "".join(GOED), "--bron", AFNEMER.waarde)
    assert resultaat.exit_code == 2
    assert "is niet geregistreerd als MijnOverheid-koppeling" in resultaat.output


def test_the_events_name_the_feed_as_actor(importeer, feed, samenstelling):
    importeer(KOP + "".join(GOED))
    gelezen = samenstelling.motoren["gebruikers"].bron.lees(0, 100)
    assert [g.naam.split(".")[1] for g in gelezen] == ["Started", "StatesRecorded", "Completed"]
    assert {g.event.actor.oin for g in gelezen} == {FEED}
