"""`replay --verify-all` on a live system: commands are written and caught up while the check runs, and the
check still finds no difference, because it compares the live tables and the replay at one fixed position."""

import threading

from domain.waarden import BerichttypeCode, Notificatiekenmerk
from projections.vergelijk import verifieer_alles
from tests.conftest import AFNEMER, Klok, actor_voor
from tests.support.proefportaal import open_proefportaal


def test_verify_all_finds_no_difference_while_another_process_writes_and_catches_up(
    portaal, doe, motor, database_url
):
    for i in range(20):
        doe.berichttype(f"V{i}")
    doe.dienst("D1")
    schrijver = open_proefportaal(database_url, klok=Klok())
    stop, fouten, geschreven = threading.Event(), [], []

    def schrijf() -> None:
        try:
            while not stop.is_set():
                code = BerichttypeCode(f"W{len(geschreven)}")
                kenmerk = Notificatiekenmerk.BETALEN
                schrijver.maak_berichttype(AFNEMER, code, "W", kenmerk, actor_voor(AFNEMER))
                schrijver.samenstelling.motor.bijwerken()
                geschreven.append(code)
        except Exception as fout:  # noqa: BLE001 - reported below
            fouten.append(fout)

    draad = threading.Thread(target=schrijf)
    draad.start()
    try:
        uitkomsten = []
        for _ in range(3):
            voor = len(geschreven)
            uitkomsten.append(verifieer_alles(motor))
            assert len(geschreven) > voor, "er werd niet geschreven tijdens de controle"
    finally:
        stop.set()
        draad.join()
        schrijver.close()
    assert fouten == []
    assert uitkomsten == [[], [], []]
