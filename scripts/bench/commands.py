"""Write-side benchmark: commands per second through the portaal application on SQLite."""

import tempfile
import time
from pathlib import Path

from events_store.portaal import Portaal

from domain.waarden import Actor, BerichttypeCode, Notificatiekenmerk, Oin, Rol, Status
from events_store.instellingen import persistence_env

AANTAL = 2000


def run() -> dict[str, tuple[float, str]]:
    with tempfile.TemporaryDirectory() as directory:
        portaal = Portaal(persistence_env(f"sqlite:///{Path(directory) / 'bench.sqlite3'}", {}))
        afnemer = Oin("00000099000000000101")
        door = Actor(afnemer, afnemer, "bench")
        portaal.registreer_organisatie(afnemer, "Bench", Rol.AFNEMER, list(Notificatiekenmerk), door)
        begin = time.perf_counter()
        for n in range(AANTAL // 2):
            code = BerichttypeCode(f"B{n}")
            portaal.maak_berichttype(afnemer, code, "Bench", Notificatiekenmerk.BETALEN, door)
            portaal.wijzig_berichttype_status(afnemer, code, Status.ACTIEF, door)
        duur = time.perf_counter() - begin
        portaal.close()
    return {"write_commands_per_s": (AANTAL / duur, "commands/s")}
