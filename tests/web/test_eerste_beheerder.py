"""`portaal eerste-beheerder`: the first beheerder of an empty database, who then logs in by certificate."""

import pytest
from click.testing import CliRunner

from domain.waarden import Actor, Notificatiekenmerk, Oin, Rol
from projections import sloten
from scripts.cli import main
from service_layer.eerste_beheerder import SLOT
from service_layer.samenstelling import bouw
from tests.conftest import AFNEMER, BEHEERDER, actor_voor
from tests.support.werkers import Werker
from tests.web.helpers import meldingen

NAAM = "Logius Beheer"


@pytest.fixture
def eerste_beheerder(database_url):
    def aanroep(*argumenten: str):
        return CliRunner().invoke(main, ["eerste-beheerder", *argumenten], env={"DATABASE_URL": database_url})

    return aanroep


def gebeurtenissen(database_url) -> int:
    samenstelling = bouw({}, url=database_url)
    try:
        return samenstelling.motor.hoogste()
    finally:
        samenstelling.sluit()


def test_the_first_beheerder_is_registered_acting_for_itself_from_the_command_line(eerste_beheerder, portaal):
    resultaat = eerste_beheerder("--oin", BEHEERDER.waarde, "--naam", NAAM)
    assert resultaat.exit_code == 0, resultaat.output
    assert f"{NAAM} (OIN {BEHEERDER}) is geregistreerd als beheerder" in resultaat.stdout
    (notificatie,) = portaal.recorder.select_notifications(start=None, limit=10)
    event = portaal.mapper.to_domain_event(notificatie)
    assert type(event).__qualname__ == "Organisatie.Registered"
    assert (event.oin, event.naam, event.rol) == (BEHEERDER, NAAM, Rol.BEHEERDER)
    assert event.actor == Actor(BEHEERDER, BEHEERDER, "cli")


def test_the_command_brings_the_read_models_up_to_the_registration(eerste_beheerder, database_url):
    assert eerste_beheerder("--oin", BEHEERDER.waarde, "--naam", NAAM).exit_code == 0
    # A process that only reads (a web process whose projection worker is behind) finds it without
    # catching up itself.
    samenstelling = bouw({}, url=database_url)
    try:
        assert samenstelling.motor.positie() == samenstelling.motor.hoogste() == 1
    finally:
        samenstelling.sluit()


def test_a_certificate_with_the_oin_then_logs_in_as_beheerder(eerste_beheerder, bezoeker, pki):
    assert eerste_beheerder("--oin", BEHEERDER.waarde, "--naam", NAAM).exit_code == 0
    pagina = bezoeker.volg(bezoeker.log_in(pki.pem(BEHEERDER)))
    account = pagina.find(class_="kop__account").get_text(" ", strip=True)
    assert NAAM in account and "beheerder" in account
    assert f"U bent ingelogd als {NAAM}." in " ".join(meldingen(pagina))
    assert bezoeker.get("beheer.index")


def test_a_second_run_is_refused_and_records_nothing(eerste_beheerder, database_url):
    assert eerste_beheerder("--oin", BEHEERDER.waarde, "--naam", NAAM).exit_code == 0
    resultaat = eerste_beheerder("--oin", "00000099000000000002", "--naam", "Tweede Beheer")
    assert resultaat.exit_code == 1
    assert f"Er is al een beheerder: {NAAM} ({BEHEERDER})." in resultaat.stderr
    assert "in het portaal (tabblad Beheer)" in resultaat.stderr
    assert gebeurtenissen(database_url) == 1


def test_a_beheerder_registered_in_the_portal_also_counts(eerste_beheerder, portaal, database_url):
    portaal.registreer_organisatie(
        BEHEERDER, NAAM, Rol.BEHEERDER, list(Notificatiekenmerk), actor_voor(BEHEERDER)
    )
    resultaat = eerste_beheerder("--oin", "00000099000000000002", "--naam", "Tweede Beheer")
    assert resultaat.exit_code == 1
    assert "Er is al een beheerder" in resultaat.stderr
    assert gebeurtenissen(database_url) == 1


def test_a_run_that_starts_while_another_registers_waits_for_it_and_then_refuses(
    portaal, samenstelling, database_url
):
    with sloten.alleen(samenstelling.engine, SLOT):
        tweede = Werker(database_url, "eerste-beheerder", "--oin", "00000099000000000002", "--naam", "Tweede")
        tweede.wacht_op_regel("Een ander registreert op dit moment een eerste beheerder; dit commando wacht")
        portaal.registreer_organisatie(
            BEHEERDER, NAAM, Rol.BEHEERDER, list(Notificatiekenmerk), actor_voor(BEHEERDER)
        )
    assert tweede.einde() == 1
    assert f"Er is al een beheerder: {NAAM} ({BEHEERDER})." in "\n".join(tweede.regels)
    assert gebeurtenissen(database_url) == 1


def test_an_oin_registered_with_another_role_is_refused(eerste_beheerder, portaal, database_url):
    portaal.registreer_organisatie(
        AFNEMER, "Gemeente Voorbeeldstad", Rol.AFNEMER, list(Notificatiekenmerk), actor_voor(BEHEERDER)
    )
    resultaat = eerste_beheerder("--oin", AFNEMER.waarde, "--naam", NAAM)
    assert resultaat.exit_code == 1
    assert f"Er is al een organisatie met OIN {AFNEMER}." in resultaat.stderr
    assert gebeurtenissen(database_url) == 1


@pytest.mark.parametrize("oin", ["0000009900000000001", "000000990000000000011", "0000009900000000000A", ""])
def test_an_oin_that_is_not_20_digits_is_refused_before_the_database_is_touched(
    eerste_beheerder, database_url, oin
):
    resultaat = eerste_beheerder("--oin", oin, "--naam", NAAM)
    assert resultaat.exit_code == 2
    assert "Een OIN bestaat uit precies 20 cijfers." in resultaat.stderr
    assert gebeurtenissen(database_url) == 0


@pytest.mark.parametrize(
    ("naam", "melding"),
    [("  ", "De naam is verplicht."), ("x" * 101, "De naam mag maximaal 100 tekens hebben")],
)
def test_a_bad_name_is_refused_with_the_domain_message(eerste_beheerder, database_url, naam, melding):
    resultaat = eerste_beheerder("--oin", BEHEERDER.waarde, "--naam", naam)
    assert resultaat.exit_code == 1
    assert melding in resultaat.stderr
    assert gebeurtenissen(database_url) == 0


def test_the_oin_is_stored_as_the_domain_value(eerste_beheerder, portaal):
    assert eerste_beheerder("--oin", f" {BEHEERDER.waarde} ", "--naam", NAAM).exit_code == 0
    assert portaal.organisatie(Oin(BEHEERDER.waarde)).rol is Rol.BEHEERDER
