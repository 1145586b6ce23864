"""Web portal benchmark: overzicht pages with a large afnemer, and commands per second through waitress.

- `portal_page_p95_ms_berichttypes` / `portal_page_p95_ms_diensten`: the p95 of the server's time for the
  overzicht pages (Berichttypes and Diensten tabs, paging through them) of one afnemer with 10,000
  berichttypes and 2,000 diensten (each dienst linked to two berichttypes). Measured in the server: the
  time of a Flask test-client request, which runs the whole WSGI app (session, query, template) without a
  socket. Target: at most 50 ms.
- `portal_commands_per_s`: "Dienst toevoegen" POSTs over real HTTP to `portaal serve --demo` (waitress,
  8 threads, its own process) from a pool of 8 client threads with keep-alive connections; each POST
  issues one command and brings the read models up to date in the request (embedded SQLite). CSRF stays
  ON: every client logs in with a demo certificate through the login form and posts with the token of its
  own session. Target: at least 200 commands/s.

The large store is generated once through the application in bulk (aggregates saved 1,000 per
transaction, then one projection catch-up) and cached under var/bench/.
"""

import http.client
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import urlencode

from domain.berichttype import Berichttype
from domain.dienst import Dienst
from domain.waarden import Actor, BerichttypeCode, DienstId, Notificatiekenmerk, Oin, Rol, Status
from events_store.instellingen import persistence_env
from events_store.portaal import Portaal
from projections.motor import Projectiemotor
from scripts.seed import registreer_organisaties
from web.app import create_app, sluit
from web.pki.demo_certificaten import demo_certificaten

AFNEMER = Oin("00000099000000000101")  # Gemeente Voorbeeldstad in the demo PKI
BERICHTTYPES, DIENSTEN, KOPPELINGEN_PER_DIENST = 10_000, 2_000, 2
VERSIE = "1"  # bump when the generated data changes
MAP = Path("var/bench")
PAGINA_VERZOEKEN = 200
COMMANDOS, CLIENTS, SERVER_THREADS = 1_200, 8, 8
PER_TRANSACTIE = 1_000


# -- the large store ------------------------------------------------------------------------------------


def _code(n: int) -> BerichttypeCode:
    return BerichttypeCode(f"B{n:05d}")


def _bijwerken(portaal: Portaal) -> None:
    motor = Projectiemotor(portaal)
    motor.start()
    motor.bijwerken()


def _vul(portaal: Portaal) -> None:
    registreer_organisaties(portaal)
    door = Actor(AFNEMER, AFNEMER, "bench")
    begin = datetime(2026, 1, 1, tzinfo=UTC)
    kenmerken = list(Notificatiekenmerk)
    moment = (begin + timedelta(milliseconds=n) for n in range(10**9))
    for start in range(0, BERICHTTYPES, PER_TRANSACTIE):
        portaal.save(
            *(
                Berichttype.aanmaken(
                    AFNEMER, _code(n), f"Berichttype {n}", kenmerken[n % 5], kenmerken, door, next(moment)
                )
                for n in range(start, min(start + PER_TRANSACTIE, BERICHTTYPES))
            )
        )
    for start in range(0, DIENSTEN, PER_TRANSACTIE):
        diensten = []
        for n in range(start, min(start + PER_TRANSACTIE, DIENSTEN)):
            dienst = Dienst.aanmaken(AFNEMER, DienstId(f"Dienst {n:04d}"), f"Dienst {n}", door, next(moment))
            for k in range(KOPPELINGEN_PER_DIENST):
                code = _code((n * KOPPELINGEN_PER_DIENST + k) % BERICHTTYPES)
                dienst.koppel(code, Status.NIEUW, door, next(moment))
            diensten.append(dienst)
        portaal.save(*diensten)
    _bijwerken(portaal)


def grote_opslag() -> Path:
    """The cached SQLite file with the large afnemer; generated when missing."""
    bestand = MAP / f"portaal-v{VERSIE}-{BERICHTTYPES}-{DIENSTEN}.sqlite3"
    if bestand.exists():
        return bestand
    MAP.mkdir(parents=True, exist_ok=True)
    tijdelijk = bestand.with_suffix(".bezig")
    tijdelijk.unlink(missing_ok=True)
    portaal = Portaal(persistence_env(f"sqlite:///{tijdelijk}", {}))
    try:
        _vul(portaal)
    finally:
        portaal.close()
        portaal.engine.dispose()
    tijdelijk.rename(bestand)
    return bestand


def _app(database: Path, var: Path):
    return create_app(
        {
            "PORTAAL_DEMO": True,
            "PORTAAL_VAR": var,
            "DATABASE_URL": f"sqlite:///{database}",
            "SECRET_KEY": "bench",
        }
    )


# -- page timing in the server ----------------------------------------------------------------------------


def _p95(tijden: list[float]) -> float:
    return statistics.quantiles(tijden, n=20)[-1] * 1000


def _meet_paginas(app, pad: str, paginas: int) -> float:
    client = app.test_client()
    with client.session_transaction() as sessie:
        sessie.update({"oin": AFNEMER.waarde, "rol": Rol.AFNEMER.value, "certificaat": "bench"})
    for _ in range(10):  # warm-up: templates compiled, connections in the pool
        client.get(pad)
    tijden = []
    for n in range(PAGINA_VERZOEKEN):
        begin = time.perf_counter()
        antwoord = client.get(f"{pad}?pagina={1 + (n * 37) % paginas}")
        tijden.append(time.perf_counter() - begin)
        if antwoord.status_code != 200:
            raise RuntimeError(f"{pad}: status {antwoord.status_code}")
    return _p95(tijden)


def meet_paginas(werkmap: Path) -> dict[str, tuple[float, str]]:
    app = _app(grote_opslag(), werkmap / "var")
    try:
        return {
            "portal_page_p95_ms_berichttypes": (
                _meet_paginas(app, "/berichttypes/", BERICHTTYPES // 25),
                "ms",
            ),
            "portal_page_p95_ms_diensten": (_meet_paginas(app, "/diensten/", DIENSTEN // 50), "ms"),
        }
    finally:
        sluit(app)


# -- commands through waitress ----------------------------------------------------------------------------


class _Client:
    """One browser session over one keep-alive connection; the session cookie of the login is kept."""

    def __init__(self, poort: int) -> None:
        self.verbinding = http.client.HTTPConnection("127.0.0.1", poort, timeout=30)
        self.cookie = ""

    def _vraag(self, methode: str, pad: str, velden: dict | None = None) -> tuple[int, str]:
        kop = {"Cookie": self.cookie} if self.cookie else {}
        body = None
        if velden is not None:
            body = urlencode(velden)
            kop["Content-Type"] = "application/x-www-form-urlencoded"
        self.verbinding.request(methode, pad, body=body, headers=kop)
        antwoord = self.verbinding.getresponse()
        return antwoord.status, antwoord.read().decode()

    def log_in(self, certificaat: str) -> str:
        """Through the demo login form, CSRF token and all; returns the token of this session."""
        self.verbinding.request("GET", "/inloggen/")
        antwoord = self.verbinding.getresponse()
        self.cookie = antwoord.getheader("Set-Cookie", "").split(";")[0]
        token = _token(antwoord.read().decode())
        self.verbinding.request(
            "POST",
            "/inloggen/demo",
            body=urlencode({"csrf_token": token, "certificaat": certificaat}),
            headers={"Cookie": self.cookie, "Content-Type": "application/x-www-form-urlencoded"},
        )
        antwoord = self.verbinding.getresponse()
        antwoord.read()
        if antwoord.status != 302:
            raise RuntimeError(f"inloggen mislukt: {antwoord.status}")
        self.cookie = antwoord.getheader("Set-Cookie", "").split(";")[0]
        # The form page puts a fresh CSRF token in the session; from then on this cookie is kept as is
        # (the flash messages of the POSTs would otherwise pile up in it).
        self.verbinding.request("GET", "/diensten/toevoegen", headers={"Cookie": self.cookie})
        antwoord = self.verbinding.getresponse()
        pagina = antwoord.read().decode()
        self.cookie = antwoord.getheader("Set-Cookie", self.cookie).split(";")[0]
        return _token(pagina)

    def voeg_dienst_toe(self, token: str, n: int) -> None:
        status, _ = self._vraag(
            "POST",
            "/diensten/toevoegen",
            {"csrf_token": token, "dienst_id": f"Bench {n}", "omschrijving": "b"},
        )
        if status != 302:
            raise RuntimeError(f"commando {n}: status {status}")


def _token(html: str) -> str:
    gevonden = re.search(r'name="csrf_token" value="([^"]+)"', html)
    if gevonden is None:
        raise RuntimeError("geen CSRF-token op de pagina")
    return gevonden.group(1)


def _democertificaat(pki: Path) -> str:
    return next(c.id for c in demo_certificaten(pki) if c.oin == AFNEMER.waarde)


def _vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def _server(database: Path, var: Path) -> Iterator[int]:
    """`portaal serve --demo` in its own process (so the clients here do not share its GIL)."""
    poort = _vrije_poort()
    omgeving = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{database}",
        "PORTAAL_VAR": str(var),
        "SECRET_KEY": "bench",
    }
    opdracht = [
        sys.executable,
        "-c",
        "from scripts.cli import main; main()",
        "serve",
        "--demo",
        "--port",
        str(poort),
    ]
    proces = subprocess.Popen(
        [*opdracht, "--threads", str(SERVER_THREADS)],
        env=omgeving,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        einde = time.monotonic() + 30
        while True:
            try:
                socket.create_connection(("127.0.0.1", poort), timeout=1).close()
                break
            except OSError:
                if time.monotonic() > einde or proces.poll() is not None:
                    raise RuntimeError("het portaal start niet") from None
                time.sleep(0.1)
        yield poort
    finally:
        proces.terminate()
        proces.wait(timeout=10)


def meet_commandos(werkmap: Path) -> dict[str, tuple[float, str]]:
    database = werkmap / "commandos.sqlite3"
    portaal = Portaal(persistence_env(f"sqlite:///{database}", {}))
    registreer_organisaties(portaal)
    _bijwerken(portaal)
    portaal.close()
    portaal.engine.dispose()
    certificaat = _democertificaat(werkmap / "var" / "pki")
    with _server(database, werkmap / "var") as poort:
        clients = [_Client(poort) for _ in range(CLIENTS)]
        tokens = [c.log_in(certificaat) for c in clients]
        per_client = COMMANDOS // CLIENTS

        def werk(i: int) -> None:
            for n in range(per_client):
                clients[i].voeg_dienst_toe(tokens[i], i * per_client + n)

        begin = time.perf_counter()
        with ThreadPoolExecutor(CLIENTS) as pool:
            list(pool.map(werk, range(CLIENTS)))
        duur = time.perf_counter() - begin
    return {"portal_commands_per_s": (per_client * CLIENTS / duur, "commands/s")}


def run() -> dict[str, tuple[float, str]]:
    with tempfile.TemporaryDirectory() as map_:
        werkmap = Path(map_)
        # One demo PKI for both measurements (making it takes a few seconds).
        pki = MAP / "pki"
        if pki.exists():
            shutil.copytree(pki, werkmap / "var" / "pki")
        resultaten = meet_paginas(werkmap)
        if not pki.exists():
            shutil.copytree(werkmap / "var" / "pki", pki)
        resultaten.update(meet_commandos(werkmap))
    return resultaten


if __name__ == "__main__":
    for naam, (waarde, eenheid) in run().items():
        print(f"{naam:40} {waarde:10.1f} {eenheid}")
