"""Web portal benchmarks: overzicht pages of a large afnemer, and a realistic mix of commands over HTTP.

The large store is generated once through the application in bulk (aggregates saved 1,000 per
transaction, then one projection catch-up) and cached under var/bench/.
"""

import http.client
import re
import shutil
import statistics
import tempfile
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import urlencode

from domain.berichttype import Berichttype
from domain.dienst import Dienst
from domain.identiteit import dienst_id
from domain.waarden import Actor, BerichttypeCode, DienstId, Notificatiekenmerk, Oin, Status
from scripts.bench import opbouw
from scripts.bench.pdf import een_pagina
from scripts.seed import AFNEMERS, registreer_organisaties
from web.pki.demo_certificaten import demo_certificaten

AFNEMER = Oin("00000099000000000101")  # Gemeente Voorbeeldstad in the demo PKI
BERICHTTYPES, DIENSTEN, KOPPELINGEN_PER_DIENST = 10_000, 2_000, 2
VERSIE = "1"  # bump when the generated data changes
MAP = Path("var/bench")
PAGINA_VERZOEKEN = 200
SCENARIOS, CLIENTS, SERVER_THREADS = 12, 8, 8
PER_TRANSACTIE = 1_000


# -- the large store ------------------------------------------------------------------------------------


def _code(n: int) -> BerichttypeCode:
    return BerichttypeCode(f"B{n:05d}")


BESCHRIJVING = {
    "portal_page_p95_ms_berichttypes": (
        "p95 server time (Flask test client, whole WSGI app, no socket) of the Berichttypes overzicht, "
        "paging "
        "through one afnemer with 10,000 berichttypes, after 10 warm-up requests. Target <= 50 ms."
    ),
    "portal_page_p95_ms_diensten": (
        "The same for the Diensten overzicht of that afnemer (2,000 diensten, 2 links each). Target <= 50 ms."
    ),
    "portal_commands_per_s": (
        "Commands/s over real HTTP: `portaal serve --demo` (waitress, 8 threads, own process, SQLite) and 8 "
        "client threads logged in through the demo certificate login, CSRF on, each repeating: create "
        "berichttype, upload a one-page PDF (validated in the worker pool), change it, activate it, create "
        "a dienst, link, unlink, following every redirect to the page shown (form pages not fetched). "
        "Target >= 200."
    ),
}


def _vul(portaal) -> None:
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
    opbouw.bijwerken(portaal)


def grote_opslag() -> Path:
    """The cached SQLite file with the large afnemer; generated when missing."""
    bestand = MAP / f"portaal-v{VERSIE}-{BERICHTTYPES}-{DIENSTEN}.sqlite3"
    if bestand.exists():
        return bestand
    MAP.mkdir(parents=True, exist_ok=True)
    tijdelijk = bestand.with_suffix(".bezig")
    tijdelijk.unlink(missing_ok=True)
    portaal = opbouw.open_portaal(opbouw.omgeving(tijdelijk))
    try:
        _vul(portaal)
    finally:
        opbouw.sluit_portaal(portaal)
    tijdelijk.rename(bestand)
    return bestand


def _app(database: Path, var: Path):
    return opbouw.maak_app({**opbouw.omgeving(database), "PORTAAL_VAR": var})


# -- page timing in the server ----------------------------------------------------------------------------


def _p95(tijden: list[float]) -> float:
    return statistics.quantiles(tijden, n=20)[-1] * 1000


def _ingelogd(app, pki: Path):
    """A client logged in as the afnemer through the demo certificate login, as a user of the demo is."""
    client = app.test_client()
    token = _token(client.get("/inloggen/").get_data(as_text=True))
    certificaat = next(c for c, oin in _democertificaten(pki) if oin == AFNEMER)
    antwoord = client.post("/inloggen/demo", data={"csrf_token": token, "certificaat": certificaat})
    if antwoord.status_code != 302:
        raise RuntimeError(f"inloggen mislukt: status {antwoord.status_code}")
    return client


def _meet_paginas(client, pad: str, paginas: int) -> float:
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
        client = _ingelogd(app, werkmap / "var" / "pki")
        return {
            "portal_page_p95_ms_berichttypes": (
                _meet_paginas(client, "/berichttypes/", BERICHTTYPES // 25),
                "ms",
            ),
            "portal_page_p95_ms_diensten": (_meet_paginas(client, "/diensten/", DIENSTEN // 50), "ms"),
        }
    finally:
        opbouw.sluit_app(app)


# -- commands through waitress ----------------------------------------------------------------------------


class _Client:
    """One browser: one keep-alive connection, its session cookie kept up to date like a browser does, and
    every redirect followed to the page the user then sees."""

    def __init__(self, poort: int) -> None:
        self.verbinding = http.client.HTTPConnection("127.0.0.1", poort, timeout=120)
        self.cookie = ""

    def vraag(self, methode: str, pad: str, body: bytes | None = None, soort: str | None = None) -> str:
        kop = {"Cookie": self.cookie} if self.cookie else {}
        if soort:
            kop["Content-Type"] = soort
        self.verbinding.request(methode, pad, body=body, headers=kop)
        antwoord = self.verbinding.getresponse()
        tekst = antwoord.read().decode()
        nieuw = antwoord.getheader("Set-Cookie")
        if nieuw:
            self.cookie = nieuw.split(";")[0]
        if antwoord.status in (302, 303):
            return self.vraag("GET", antwoord.getheader("Location"))
        if antwoord.status != 200:
            melding = re.findall(r"<li[^>]*>([^<]+)</li>", tekst)[:3]
            raise RuntimeError(f"{methode} {pad}: status {antwoord.status} {melding}")
        return tekst

    def formulier(self, pad: str, velden: dict | list) -> str:
        return self.vraag("POST", pad, urlencode(velden).encode(), "application/x-www-form-urlencoded")

    def upload(self, pad: str, token: str, naam: str, inhoud: bytes) -> str:
        grens = "----bench" + uuid.uuid4().hex
        delen = [
            f'--{grens}\r\nContent-Disposition: form-data; name="csrf_token"\r\n\r\n{token}\r\n'.encode(),
            f'--{grens}\r\nContent-Disposition: form-data; name="bestand"; filename="{naam}"\r\n'
            "Content-Type: application/pdf\r\n\r\n".encode(),
            inhoud,
            f"\r\n--{grens}--\r\n".encode(),
        ]
        return self.vraag("POST", pad, b"".join(delen), f"multipart/form-data; boundary={grens}")

    def log_in(self, certificaat: str) -> str:
        """Through the demo login form, as a user of the demo does; returns the CSRF token of this session."""
        token = _token(self.vraag("GET", "/inloggen/"))
        self.formulier("/inloggen/demo", {"csrf_token": token, "certificaat": certificaat})
        return _token(self.vraag("GET", "/berichttypes/toevoegen"))


def _scenario(client: _Client, token: str, afnemer: Oin, n: int, pdf: bytes) -> int:
    """What an afnemer's functioneel beheerder does for a new message: a berichttype with its standaard
    bijlage, a correction of it, activation, a dienst, linking, and (a mistake) unlinking. Returns the
    number of commands."""
    code = f"Q{n:06d}"
    client.formulier(
        "/berichttypes/toevoegen",
        {
            "csrf_token": token,
            "code": code,
            "omschrijving": "Aanslag parkeren",
            "notificatiekenmerk": "Betalen",
        },
    )
    client.upload(f"/berichttypes/{code}/bijlagen/toevoegen", token, "toelichting.pdf", pdf)
    client.formulier(
        f"/berichttypes/{code}/wijzigen",
        {"csrf_token": token, "omschrijving": "Aanslag parkeerbelasting", "notificatiekenmerk": "Betalen",
         "status": "Nieuw"},
    )  # fmt: skip
    client.formulier(f"/berichttypes/{code}/status/actief", {"csrf_token": token})
    dienst = f"Parkeervergunning {n}"
    client.formulier(
        "/diensten/toevoegen", {"csrf_token": token, "dienst_id": dienst, "omschrijving": "Parkeren"}
    )
    sleutel = dienst_id(afnemer, DienstId(dienst))
    client.formulier(f"/diensten/{sleutel}/koppelen", {"csrf_token": token, "koppelen": code})
    client.formulier(f"/diensten/{sleutel}/koppelen", {"csrf_token": token, "ontkoppelen": code})
    return 7


def _token(html: str) -> str:
    gevonden = re.search(r'name="csrf_token" (?:type="hidden" )?value="([^"]+)"', html)
    if gevonden is None:
        raise RuntimeError("geen CSRF-token op de pagina")
    return gevonden.group(1)


def _democertificaten(pki: Path) -> list[tuple[str, Oin]]:
    """The demo certificates of afnemers (each client logs in as one of them)."""
    afnemers = {o.oin for o in AFNEMERS}
    return [
        (c.id, Oin(c.oin))
        for c in demo_certificaten(pki)
        if c.oin in afnemers and c.verwachte_uitkomst == "geaccepteerd"
    ]


def meet_commandos(werkmap: Path) -> dict[str, tuple[float, str]]:
    database = werkmap / "commandos.sqlite3"
    env = opbouw.omgeving(database, var=werkmap / "var")
    portaal = opbouw.open_portaal(env)
    registreer_organisaties(portaal)
    opbouw.bijwerken(portaal)
    opbouw.sluit_portaal(portaal)
    certificaten = _democertificaten(werkmap / "var" / "pki")
    pdf = een_pagina(1)
    with opbouw.server({**env, "SECRET_KEY": "bench"}, SERVER_THREADS) as poort:
        clients = [_Client(poort) for _ in range(CLIENTS)]
        sessies = [
            (c, c.log_in(certificaten[i % len(certificaten)][0]), certificaten[i % len(certificaten)][1])
            for i, c in enumerate(clients)
        ]
        _scenario(*sessies[0], 999_999, pdf)  # warm-up: templates compiled, PDF workers started

        def werk(i: int) -> int:
            client, token, afnemer = sessies[i]
            return sum(_scenario(client, token, afnemer, i * 1000 + n, pdf) for n in range(SCENARIOS))

        begin = time.perf_counter()
        with ThreadPoolExecutor(CLIENTS) as pool:
            aantal = sum(pool.map(werk, range(CLIENTS)))
        duur = time.perf_counter() - begin
    return {"portal_commands_per_s": (aantal / duur, "commands/s")}


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
