"""Snapshots: a snapshot-restored aggregate equals the replayed one, on every store, encrypted too, and a
command's work stays the same however long the aggregate's history is."""

from datetime import timedelta

import pytest
import sqlalchemy
from eventsourcing.application import project_aggregate
from eventsourcing.cryptography import AESCipher
from eventsourcing.persistence import IntegrityError, OperationalError
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from domain.berichttype import Berichttype
from domain.dienst import Dienst
from domain.fouten import DomeinFout
from domain.organisatie import Organisatie
from domain.profiel import Profiel
from domain.waarden import BerichttypeCode, DienstId, Notificatiekenmerk, Rol, Status
from events_store.basis import Logboek
from events_store.snapshots import INTERVAL, SNAPSHOT_INTERVALLEN, Momentopname
from tests.conftest import AFNEMER, ANDERE_AFNEMER, BEHEERDER, INTERMEDIAIR, actor_voor
from tests.domain.maak import ALLE_KENMERKEN, DOOR, bijlage, moment
from tests.support.proefportaal import open_proefportaal

SLEUTEL = AESCipher.create_key(32)


def toestand(aggregate) -> dict:
    """Every attribute with its type: a tuple that came back as a list must not pass as equal."""
    return {k: (type(v), v) for k, v in vars(aggregate).items() if k != "_pending_events"}


def replay(app, aggregate_id, version=None):
    """The aggregate from its events alone, as it was before snapshots existed."""
    return project_aggregate(None, app.events.get(aggregate_id, lte=version))


class _Geheugen(Logboek):
    """The portal's mapper and snapshot settings on in-memory stores, so Hypothesis can run many histories."""


def _geheugen(versleuteld: bool) -> _Geheugen:
    env = {"PERSISTENCE_MODULE": "eventsourcing.popo"}
    if versleuteld:
        env |= {"CIPHER_TOPIC": "eventsourcing.cryptography:AESCipher", "CIPHER_KEY": SLEUTEL}
    return _Geheugen(env)


# -- command sequences per aggregate type ------------------------------------------------------------------

CODES = [BerichttypeCode(c) for c in ("A", "a", "C1")]
AFNEMERS = {
    oin: Organisatie.registreren(
        oin, f"Gemeente {n}", Rol.AFNEMER, [Notificatiekenmerk.BETALEN], DOOR, moment()
    )
    for n, oin in enumerate((AFNEMER, ANDERE_AFNEMER))
}
KENMERKEN = st.lists(st.sampled_from(list(Notificatiekenmerk)), min_size=1, max_size=3)
PROFIELEN = st.builds(
    Profiel, st.sampled_from(["Wij", "Zij"]), st.sampled_from(["", "Lijst"]), st.just("Geen")
)


def _dienst_opdracht(item: Dienst, opdracht, t):
    soort, waarde = opdracht
    if soort == "koppel":
        item.koppel(waarde, Status.ACTIEF, DOOR, t)
    elif soort == "ontkoppel":
        item.ontkoppel(waarde, DOOR, t)
    elif soort == "status":
        (item.activeer if waarde else item.deactiveer)(DOOR, t)
    else:
        item.wijzig_omschrijving(waarde, DOOR, t)


DIENST_OPDRACHTEN = st.one_of(
    st.tuples(st.sampled_from(["koppel", "ontkoppel"]), st.sampled_from(CODES)),
    st.tuples(st.just("status"), st.booleans()),
    st.tuples(st.just("omschrijving"), st.sampled_from(["Een", "Twee"])),
)


def _organisatie_opdracht(item: Organisatie, opdracht, t):
    soort, waarde = opdracht
    if soort == "bedien":
        item.bedien_afnemer(AFNEMERS[waarde], DOOR, t)
    elif soort == "stop":
        item.stop_bedienen(waarde, DOOR, t)
    elif soort == "profiel":
        item.wijzig_profiel(waarde, DOOR, t)
    else:
        item.wijzig_gegevens(item.naam, waarde, DOOR, t)


ORGANISATIE_OPDRACHTEN = st.one_of(
    st.tuples(st.sampled_from(["bedien", "stop"]), st.sampled_from(sorted(AFNEMERS))),
    st.tuples(st.just("profiel"), PROFIELEN),
    st.tuples(st.just("kenmerken"), KENMERKEN),
)


def _berichttype_opdracht(item: Berichttype, opdracht, t):
    soort, waarde = opdracht
    if soort == "status":
        item.wijzig_status(waarde, DOOR, t)
    elif soort == "bijlage":
        item.voeg_bijlage_toe(bijlage(nummer=len(item.bijlagen) + t.second), DOOR, t)
    elif soort == "verplaats" and item.bijlagen:
        item.verplaats_bijlage(item.bijlagen[-1].bijlage_id, waarde, DOOR, t)
    elif soort == "verwijder" and item.bijlagen:
        item.verwijder_bijlage(item.bijlagen[0].bijlage_id, DOOR, t)
    elif soort == "details":
        item.wijzig_details("Omschrijving", waarde, ALLE_KENMERKEN, DOOR, t)


BERICHTTYPE_OPDRACHTEN = st.one_of(
    # Inactief and Actief more often than Archief, so that histories grow past the interval.
    st.tuples(st.just("status"), st.sampled_from([Status.ACTIEF, Status.INACTIEF] * 4 + [Status.ARCHIEF])),
    st.tuples(st.sampled_from(["bijlage", "verwijder"]), st.none()),
    st.tuples(st.just("verplaats"), st.sampled_from([-1, 1])),
    st.tuples(st.just("details"), st.sampled_from(list(Notificatiekenmerk))),
)

SOORTEN = {
    "dienst": (
        lambda: Dienst.aanmaken(AFNEMER, DienstId("Toeslagen "), "Een", DOOR, moment()),
        _dienst_opdracht,
        DIENST_OPDRACHTEN,
    ),
    "intermediair": (
        lambda: Organisatie.registreren(
            INTERMEDIAIR, "Leverancier", Rol.INTERMEDIAIR, [Notificatiekenmerk.BETALEN], DOOR, moment()
        ),
        _organisatie_opdracht,
        ORGANISATIE_OPDRACHTEN,
    ),
    "afnemer": (
        lambda: Organisatie.registreren(AFNEMER, "Gemeente", Rol.AFNEMER, ALLE_KENMERKEN, DOOR, moment()),
        _organisatie_opdracht,
        ORGANISATIE_OPDRACHTEN,
    ),
    "berichttype": (
        lambda: Berichttype.aanmaken(
            AFNEMER, CODES[0], "Aanslag", Notificatiekenmerk.BETALEN, ALLE_KENMERKEN, DOOR, moment()
        ),
        _berichttype_opdracht,
        BERICHTTYPE_OPDRACHTEN,
    ),
}


def test_every_aggregate_that_grows_without_bound_is_snapshotted():
    assert set(SNAPSHOT_INTERVALLEN) == {Dienst, Organisatie, Berichttype}
    assert set(Logboek.snapshotting_intervals) == set(SNAPSHOT_INTERVALLEN)


@pytest.mark.parametrize("versleuteld", [False, True], ids=["plain", "encrypted"])
@pytest.mark.parametrize("soort", sorted(SOORTEN))
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_a_snapshot_restored_aggregate_equals_the_replayed_one(soort, versleuteld, data):
    maak, voer_uit, opdrachten = SOORTEN[soort]
    app = _geheugen(versleuteld)
    item = maak()
    app.save(item)
    for stap, opdracht in enumerate(data.draw(st.lists(opdrachten, min_size=0, max_size=3 * INTERVAL)), 1):
        try:
            voer_uit(item, opdracht, moment(stap) + timedelta(microseconds=stap))
        except DomeinFout:
            assert not item.pending_events
        app.save(item)

    genomen = [s.originator_version for s in app.snapshots.get(item.id)]
    assert genomen == list(range(INTERVAL, item.version + 1, INTERVAL))
    for versie in range(1, item.version + 1):
        assert toestand(app.repository.get(item.id, version=versie)) == toestand(replay(app, item.id, versie))
    assert toestand(app.repository.get(item.id)) == toestand(item)
    # And at a version the interval skips: the state of any moment survives the round trip.
    opgeslagen = app.mapper.to_stored_event(Momentopname.take(item))
    assert toestand(app.mapper.to_domain_event(opgeslagen).mutate(None)) == toestand(item)


# -- on the real stores --------------------------------------------------------------------------------------


@pytest.fixture(params=[False, True], ids=["plain", "encrypted"])
def opslag(request, database_url, klok):
    omgeving = {"PORTAAL_CIPHER_KEY": SLEUTEL} if request.param else {}
    app = open_proefportaal(database_url, klok=klok, environ=omgeving)
    yield app
    app.close()


def test_snapshots_are_stored_beside_the_events_and_restore_each_aggregate(opslag):
    beheer, door = actor_voor(BEHEERDER), actor_voor(AFNEMER)
    opslag.registreer_organisatie(AFNEMER, "Gemeente", Rol.AFNEMER, list(Notificatiekenmerk), beheer)
    opslag.registreer_organisatie(ANDERE_AFNEMER, "Gemeente 2", Rol.AFNEMER, list(Notificatiekenmerk), beheer)
    opslag.registreer_organisatie(
        INTERMEDIAIR, "Leverancier", Rol.INTERMEDIAIR, list(Notificatiekenmerk), beheer
    )
    opslag.maak_berichttype(AFNEMER, CODES[0], "Aanslag", Notificatiekenmerk.BETALEN, door)
    opslag.maak_berichttype(AFNEMER, CODES[2], "Aanslag", Notificatiekenmerk.BETALEN, door)
    opslag.maak_dienst(AFNEMER, DienstId("Toeslagen"), "Toeslagen", door)
    for n in range(INTERVAL + 1):
        opslag.koppel(AFNEMER, DienstId("Toeslagen"), CODES[n % 2 * 2], door)
        opslag.wijzig_profiel(AFNEMER, Profiel(f"Toelichting {n}", "", "Geen"), door)
        opslag.bedien_afnemer(INTERMEDIAIR, AFNEMER, beheer)
        opslag.stop_bedienen(INTERMEDIAIR, AFNEMER, beheer)
        opslag.wijzig_berichttype_status(AFNEMER, CODES[2], [Status.ACTIEF, Status.INACTIEF][n % 2], door)
        if n % 2:
            opslag.ontkoppel(AFNEMER, DienstId("Toeslagen"), CODES[0], door)
            opslag.ontkoppel(AFNEMER, DienstId("Toeslagen"), CODES[2], door)
    opslag.bedien_afnemer(INTERMEDIAIR, ANDERE_AFNEMER, beheer)

    tabellen = sqlalchemy.inspect(opslag.engine).get_table_names()
    assert {"portaal_events", "portaal_snapshots"} <= set(tabellen)
    geladen = [
        opslag.dienst(AFNEMER, DienstId("Toeslagen")),
        opslag.organisatie(AFNEMER),
        opslag.organisatie(INTERMEDIAIR),
        opslag.berichttype(AFNEMER, CODES[2]),
    ]
    for item in geladen:
        assert [s.originator_version for s in opslag.snapshots.get(item.id)], type(item)
        assert toestand(item) == toestand(replay(opslag, item.id))
    assert geladen[2].bediende_afnemers.keys() == {ANDERE_AFNEMER}

    with opslag.engine.connect() as verbinding:
        opgeslagen = b"".join(
            verbinding.execute(sqlalchemy.text("SELECT state FROM portaal_snapshots")).scalars()
        )
    versleuteld = opslag.mapper.cipher is not None
    assert (b"Toeslagen" in opgeslagen, b"Toelichting" in opgeslagen) == (not versleuteld, not versleuteld)


def test_a_snapshot_that_is_already_there_is_not_a_conflict(opslag):
    """Taking it again must not raise IntegrityError, which `opnieuw_bij_conflict` would take for a lost race
    and so run an already committed command a second time."""
    beheer = actor_voor(BEHEERDER)
    opslag.registreer_organisatie(
        INTERMEDIAIR, "Leverancier", Rol.INTERMEDIAIR, [Notificatiekenmerk.BETALEN], beheer
    )
    opslag.registreer_organisatie(AFNEMER, "Gemeente", Rol.AFNEMER, [Notificatiekenmerk.BETALEN], beheer)
    for _ in range(INTERVAL // 2):
        opslag.bedien_afnemer(INTERMEDIAIR, AFNEMER, beheer)
        opslag.stop_bedienen(INTERMEDIAIR, AFNEMER, beheer)
    intermediair = opslag.organisatie(INTERMEDIAIR)
    opslag.take_snapshot(intermediair.id, version=INTERVAL)
    assert [s.originator_version for s in opslag.snapshots.get(intermediair.id)] == [INTERVAL]


@pytest.mark.parametrize("fout", [IntegrityError, OperationalError])
def test_a_snapshot_the_store_refuses_neither_fails_nor_repeats_the_command(portaal, afnemer, fout, caplog):
    """The command's events are committed before the snapshot is written: the user must hear it succeeded,
    and a refused snapshot must not look like a lost race that runs the command again."""
    door, dienst = actor_voor(afnemer), DienstId("Toeslagen")
    portaal.maak_berichttype(afnemer, CODES[0], "Aanslag", Notificatiekenmerk.BETALEN, door)
    portaal.maak_dienst(afnemer, dienst, "Toeslagen", door)

    def weigert(*args, **kwargs):
        raise fout("snapshot geweigerd")

    portaal.snapshots.recorder.insert_events = weigert
    for n in range(INTERVAL):
        (portaal.ontkoppel if n % 2 else portaal.koppel)(afnemer, dienst, CODES[0], door)
    item = portaal.dienst(afnemer, dienst)
    assert item.version == INTERVAL + 1
    assert list(portaal.snapshots.get(item.id)) == []
    assert ("niet opgeslagen" in caplog.text) == (fout is OperationalError)


# -- a command's work does not grow with history ------------------------------------------------------------


class Teller:
    """Counts the records (events and snapshots) that reads take from the store."""

    def __init__(self, *recorders) -> None:
        self.gelezen = 0
        for recorder in recorders:
            recorder.select_events = self._geteld(recorder.select_events)

    def _geteld(self, select_events):
        def geteld(*args, **kwargs):
            records = select_events(*args, **kwargs)
            self.gelezen += len(records)
            return records

        return geteld


def _kosten(portaal, teller: Teller, dienst: DienstId, aantal: int) -> list[int]:
    """Records read by each of `aantal` link or unlink commands, the way the Koppelen screen sends them."""
    door, kosten = actor_voor(AFNEMER), []
    for _ in range(aantal):
        voor = teller.gelezen
        if CODES[0] in portaal.dienst(AFNEMER, dienst).koppelingen:
            teller.gelezen = voor  # the look that chooses between link and unlink is not the command
            portaal.ontkoppel(AFNEMER, dienst, CODES[0], door)
        else:
            teller.gelezen = voor
            portaal.koppel(AFNEMER, dienst, CODES[0], door)
        kosten.append(teller.gelezen - voor)
    return kosten


def test_a_commands_work_at_the_2000th_event_is_that_at_the_first(portaal, afnemer):
    """Over one snapshot interval (the work repeats with it), the link and unlink commands at the 2,000th
    event of a dienst read as many records as those at its first event; without snapshots they read 2,000."""
    door = actor_voor(AFNEMER)
    portaal.maak_berichttype(AFNEMER, CODES[0], "Aanslag", Notificatiekenmerk.BETALEN, door)
    teller = Teller(portaal.recorder, portaal.snapshots.recorder)
    dienst = DienstId("Toeslagen")
    portaal.maak_dienst(AFNEMER, dienst, "Toeslagen", door)

    bij_begin = _kosten(portaal, teller, dienst, INTERVAL)

    # The history in between in larger transactions: the store ends the same, only quicker to build.
    item = portaal.dienst(AFNEMER, dienst)
    while item.version < 2000 - 1:
        for _ in range(min(100, 2000 - 1 - item.version)):
            if CODES[0] in item.koppelingen:
                item.ontkoppel(CODES[0], door, portaal.klok())
            else:
                item.koppel(CODES[0], Status.NIEUW, door, portaal.klok())
        portaal.save(item)
    assert portaal.dienst(AFNEMER, dienst).version == 2000 - 1

    bij_2000 = _kosten(portaal, teller, dienst, INTERVAL)

    assert sum(bij_2000) < 2 * sum(bij_begin)
    assert max(bij_2000) < 2 * max(bij_begin)
