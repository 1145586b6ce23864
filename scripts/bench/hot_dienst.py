"""Linking and unlinking on one busy dienst: eight users at once on a dienst with 2,000 links of history.

Each client thread calls what the (Ont)koppelen view calls (`pas_koppelingen_toe`) for a berichttype of its
own, linking and then unlinking it, so no change is refused by a rule: only conflicts between the writers
can refuse one (after the write side's retries).
"""

import statistics
import tempfile
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from domain.berichttype import Berichttype
from domain.dienst import Dienst
from domain.fouten import Conflict
from domain.waarden import Actor, BerichttypeCode, DienstId, Notificatiekenmerk, Oin, Rol, Status
from scripts.bench import opbouw

AFNEMER = Oin("00000099000000000101")
DIENST = DienstId("Parkeervergunning aanvraag")
HISTORIE_LINKS, CLIENTS, PAREN_PER_CLIENT, CODES = 2_000, 8, 12, 200

BESCHRIJVING = {
    "hot_dienst_link_p95_ms": (
        "p95 latency of one (ont)koppelen command (pas_koppelingen_toe, as the view calls it) on a dienst "
        "with 2,000 links (and as many unlinks) of history, eight client threads at once, 192 commands, "
        "SQLite as shipped. Target <= 20 ms."
    ),
    "hot_dienst_conflicts": (
        "Commands of that run refused as conflicts after the write side's retries. Target 0."
    ),
}


def _vul(portaal) -> None:
    """The afnemer, its berichttypes and the dienst's history, saved in bulk through the application."""
    beheerder = Actor(Oin("00000099000000000001"), Oin("00000099000000000001"))
    portaal.registreer_organisatie(
        AFNEMER, "Gemeente Voorbeeldstad", Rol.AFNEMER, list(Notificatiekenmerk), beheerder
    )
    door = Actor(AFNEMER, AFNEMER, "bench")
    moment = iter(datetime(2025, 1, 1, tzinfo=UTC) + timedelta(seconds=n) for n in range(10**7))
    berichttypes = []
    for n in range(CODES):
        bt = Berichttype.aanmaken(
            AFNEMER, BerichttypeCode(f"BT{n:03d}"), f"Bericht {n}", Notificatiekenmerk.BETALEN,
            list(Notificatiekenmerk), door, next(moment),
        )  # fmt: skip
        bt.activeer(door, next(moment))
        berichttypes.append(bt)
    dienst = Dienst.aanmaken(AFNEMER, DIENST, "Parkeren", door, next(moment))
    for n in range(HISTORIE_LINKS):
        code = BerichttypeCode(f"BT{CLIENTS + n % (CODES - CLIENTS):03d}")
        if code in dienst.koppelingen:
            dienst.ontkoppel(code, door, next(moment))
        dienst.koppel(code, Status.ACTIEF, door, next(moment))
    portaal.save(*berichttypes, dienst)
    opbouw.bijwerken(portaal)


def run() -> dict[str, tuple[float, str]]:
    with tempfile.TemporaryDirectory() as map_:
        portaal = opbouw.open_portaal(opbouw.omgeving(Path(map_) / "hot.sqlite3"))
        try:
            _vul(portaal)
            door = Actor(AFNEMER, AFNEMER, "bench")
            duren: list[float] = []
            conflicten = [0]
            slot = threading.Lock()

            def client(i: int) -> None:
                code = BerichttypeCode(f"BT{i:03d}")  # this client's own: codes BT000..BT007 have no history
                for n in range(PAREN_PER_CLIENT * 2):
                    koppelen, ontkoppelen = ([code], []) if n % 2 == 0 else ([], [code])
                    begin = time.perf_counter()
                    geweigerd = False
                    try:
                        portaal.pas_koppelingen_toe(AFNEMER, DIENST, koppelen, ontkoppelen, door)
                    except Conflict:
                        geweigerd = True
                    with slot:
                        duren.append(time.perf_counter() - begin)
                        conflicten[0] += geweigerd
                    if geweigerd:
                        return  # what follows would be refused (linking twice, unlinking nothing)

            draden = [threading.Thread(target=client, args=(i,)) for i in range(CLIENTS)]
            for draad in draden:
                draad.start()
            for draad in draden:
                draad.join()
        finally:
            opbouw.sluit_portaal(portaal)
    p95 = statistics.quantiles(duren, n=20)[-1] * 1000
    return {
        "hot_dienst_link_p95_ms": (p95, "ms"),
        "hot_dienst_conflicts": (float(conflicten[0]), "commando's"),
    }
