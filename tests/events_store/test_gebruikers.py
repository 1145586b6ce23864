"""The users register's write side: deliveries, their parts, and the actor on every event."""

import io
from datetime import UTC, datetime

import pytest

from domain.fouten import OngeldigeWaarde
from domain.gebruikersbestand import BestandGeweigerd
from domain.waarden import Actor, Bsn, Oin

FEED = Oin("00000099000000000301")
ACTOR = Actor(FEED, FEED, "test")


@pytest.fixture
def register(samenstelling):
    return samenstelling.gebruikers


def test_a_single_change_is_a_delivery_of_three_events_in_one_transaction(register):
    vastgelegd = register.register.zet_berichtenbox(
        Bsn("999999990"), datetime(2024, 1, 1, tzinfo=UTC), None, ACTOR
    )
    gelezen = register.log.recorder.select_notifications(1, 10)
    assert [n.topic.rsplit(".", 1)[1] for n in gelezen] == ["Started", "MutationsRecorded", "Completed"]
    assert vastgelegd.positie == gelezen[-1].id == 3
    assert {n.originator_id for n in gelezen} == {vastgelegd.id}


def test_a_file_is_recorded_as_one_delivery_that_knows_its_rows(register):
    regels = "bsn;actief_van;actief_tot;uitgeschakeld\n" + "".join(
        f"{b};2024-01-01;;\n" for b in ["999999990", "123456782", "111222333"]
    )
    gezien = []
    verslag = register.register.importeer_gebruikers(
        io.StringIO(regels), ACTOR, lambda vastgelegd, deel: gezien.append(len(deel))
    )
    assert verslag.vastgelegd == 3 and gezien == [3]
    levering = register.log.repository.get(verslag.levering)
    assert levering.aantal == 3 and levering.afgerond


def test_a_file_without_its_header_records_nothing(register):
    with pytest.raises(BestandGeweigerd):
        register.register.importeer_gebruikers(io.StringIO("999999990;2024-01-01;;\n"), ACTOR)
    assert register.log.recorder.max_notification_id() in (None, 0)


def test_a_box_cannot_end_before_it_starts(register):
    with pytest.raises(OngeldigeWaarde, match="Actief tot moet na actief van liggen."):
        register.register.zet_berichtenbox(
            Bsn("999999990"), datetime(2024, 2, 1, tzinfo=UTC), datetime(2024, 1, 1, tzinfo=UTC), ACTOR
        )
