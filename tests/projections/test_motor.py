"""The Projectiemotor holds what a process knows; two motors on one database are two processes."""

import threading

from sqlalchemy import select

from projections import herbouw, tracking
from projections.handlers import PROJECTIES
from projections.motor import Projectiemotor
from projections.vergelijk import verifieer_alles


def _versie_en_positie(portaal, naam: str) -> tuple[int, int]:
    p = tracking.posities.c
    with portaal.engine.connect() as connection:
        return tuple(connection.execute(select(p.versie, p.positie).where(p.projectie == naam)).one())


def test_two_motors_on_one_database_share_no_state(portaal, doe, motor, monkeypatch):
    doe.berichttype("AB1")
    assert motor.start() == []
    assert motor.bijwerken() == motor.hoogste()
    # New code, and a process started with it: on the same log (even the same engine) it starts afresh.
    monkeypatch.setattr(type(PROJECTIES["audit"]), "versie", PROJECTIES["audit"].versie + 1)
    doe.dienst("D1")
    nieuw = Projectiemotor(portaal)
    assert nieuw.positie() == motor.positie()  # both read the one database ...
    assert [v.naam for v in nieuw.start()] == ["audit"]  # ... but `motor` having started is not `nieuw`'s
    # The other motor's catch-up lock and background stop are its own: closing it leaves `nieuw` working.
    motor.sluit()
    doe.koppel("D1", "AB1")
    assert nieuw.bijwerken() == nieuw.hoogste()
    assert _versie_en_positie(portaal, "audit") == (PROJECTIES["audit"].versie, nieuw.hoogste())
    assert verifieer_alles(nieuw) == []


def test_herbouw_takes_the_lock_of_the_automatic_rebuild(portaal, doe, motor):
    doe.berichttype("AB1")
    motor.bijwerken()
    klaar = threading.Event()
    draad = threading.Thread(target=lambda: (motor.herbouw(["audit"]), klaar.set()))
    with herbouw.een_tegelijk(portaal.engine):
        draad.start()
        assert not klaar.wait(0.5)  # another process's rebuild holds it
    draad.join(30)
    assert klaar.is_set()
