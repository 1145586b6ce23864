"""PostgreSQL stopped and started again under load, for real: a private cluster of the test's own, the portal
under waitress on a socket with a projection worker and a processing worker beside it (as deployed), browser
sessions adding berichttypes and reading pages, a berichtleverancier delivering batches through the API.

While the server is down every request fails cleanly (a 503, quickly); once it is back the same web process
answers again by itself; the workers stop with status 75 and, started again as systemd would, resume. No
command that was answered with success is lost, no event is applied twice (every read model equals a replay)
and every batch is received and processed exactly once, however often its delivery was retried.

Runs in the PostgreSQL half of CI (DATABASE_URL names PostgreSQL, and CI installs the server there); the
shared server is never restarted."""

import http.client
import os
import signal
import subprocess
import sys
import threading
import time
import uuid
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import quote, urlencode

import pytest
from sqlalchemy import text
from waitress.server import create_server

from projections.vergelijk import verifieer_alles
from tests.conftest import AFNEMER
from tests.support import prive_postgres
from tests.support.databases import server_url
from tests.support.proefportaal import Proefportaal
from tests.verwerking.wereld import richt_in
from tests.web.api.hulp import batch_xml, bericht
from tests.web.conftest import app_config
from web.app import create_app, sluit
from web.pki.instellingen import netwerken

ROOT = Path(__file__).resolve().parents[2]
GRENS = 10.0  # seconds: no request may take longer, outage or not
UIT = 2.0  # seconds the server stays down
PER_BATCH = 5
STORING = 75  # the workers' exit status on a fault of the store (scripts/cli.py)

pytestmark = [
    pytest.mark.skipif(
        server_url() is None, reason="draait in de PostgreSQL-helft van de tests (DATABASE_URL)"
    ),
    pytest.mark.skipif(
        prive_postgres.waarom_niet() is not None,
        reason=prive_postgres.waarom_niet() or "PostgreSQL ontbreekt",
    ),
]


@dataclass(frozen=True)
class Verzoek:
    soort: str
    begin: float
    einde: float
    status: int | None  # None: no answer (refused, reset, timeout)
    sleutel: str = ""


class Last:
    """Clients that keep the portal busy until `stop`, and the record of every request."""

    def __init__(self, poort: int, pem: str) -> None:
        self.poort = poort
        self.kop = {"X-SSL-Client-Cert": quote(pem)}
        self.stop = threading.Event()
        self.verzoeken: list[Verzoek] = []
        self._slot = threading.Lock()

    def _vraag(
        self, soort: str, methode: str, pad: str, body=None, kop=None, sleutel=""
    ) -> tuple[int | None, str]:
        verbinding = http.client.HTTPConnection("127.0.0.1", self.poort, timeout=GRENS * 2)
        begin = time.monotonic()
        status, lijf, cookie = None, "", ""
        try:
            verbinding.request(methode, pad, body=body, headers=kop or {})
            antwoord = verbinding.getresponse()
            lijf = antwoord.read().decode(errors="replace")
            status = antwoord.status
            cookie = antwoord.getheader("Set-Cookie") or ""
        except OSError:
            pass
        finally:
            verbinding.close()
        with self._slot:
            self.verzoeken.append(Verzoek(soort, begin, time.monotonic(), status, sleutel))
        return status, cookie.split(";")[0] if cookie else lijf

    def log_in(self) -> str:
        kop = {**self.kop, "Content-Type": "application/x-www-form-urlencoded"}
        status, cookie = self._vraag("inloggen", "POST", "/inloggen/certificaat", b"", kop)
        assert status == 302 and cookie, status
        return cookie

    def beheerder(self, nummer: int) -> None:
        """A functioneel beheerder adding berichttypes and looking at the overview, over and over."""
        cookie = self.log_in()
        kop = {"Cookie": cookie, "Content-Type": "application/x-www-form-urlencoded"}
        teller = 0
        while not self.stop.is_set():
            teller += 1
            code = f"S{nummer}X{teller:05d}"
            velden = {"code": code, "omschrijving": "Storingsproef", "notificatiekenmerk": "Betalen"}
            self._vraag("commando", "POST", "/berichttypes/toevoegen", urlencode(velden).encode(), kop, code)
            self._vraag("pagina", "GET", "/berichttypes/", kop={"Cookie": cookie})

    def leverancier(self) -> None:
        """A berichtleverancier delivering batches; a batch refused with a 503 is sent again, as the API's
        documentation says is safe, until it is received."""
        kop = {**self.kop, "Content-Type": "application/xml"}
        nummer = 0
        while not self.stop.is_set():
            nummer += 1
            batch_id = str(uuid.uuid4())
            berichten = [bericht(nummer * 100 + i) for i in range(PER_BATCH)]
            xml = batch_xml(AFNEMER, berichten, datetime.now(UTC), batch_id)
            while True:
                status, _ = self._vraag("batch", "POST", "/api/v1/batches", xml, kop, batch_id)
                if status != 503 or self.stop.is_set():
                    break
                time.sleep(0.1)


def _werker(url: str, *opdracht: str, log: Path) -> subprocess.Popen:
    env = {**os.environ, "DATABASE_URL": url, "PYTHONPATH": str(ROOT), "PORTAAL_PROJECTIE_WERKER": "1"}
    with log.open("a") as uit:  # the child keeps its own copy of the descriptor
        return subprocess.Popen(
            [sys.executable, "-c", "from scripts.cli import main; main()", *opdracht],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=uit,
        )


def _werkers(url: str, map_: Path) -> list[subprocess.Popen]:
    return [
        _werker(url, "projections", "run", "--interval", "0.05", log=map_ / "projecties.log"),
        _werker(url, "verwerking", "run", "--interval", "0.05", log=map_ / "verwerking.log"),
    ]


def _draaien(map_: Path) -> bool:
    """Both workers have started and are following (what they say on stderr once they are)."""
    logs = [map_ / "projecties.log", map_ / "verwerking.log"]
    teksten = [log.read_text() if log.exists() else "" for log in logs]
    return "Projecties volgen eventlog" in teksten[0] and "Verwerking wacht op batches" in teksten[1]


def _stop(werkers: list[subprocess.Popen]) -> None:
    for werker in werkers:
        if werker.poll() is None:
            werker.send_signal(signal.SIGINT)
    for werker in werkers:
        try:
            werker.wait(timeout=20)
        except subprocess.TimeoutExpired:
            werker.kill()
            werker.wait()


def _wacht(voorwaarde, seconden: float, waarom: str) -> None:
    einde = time.monotonic() + seconden
    while not voorwaarde():
        assert time.monotonic() < einde, waarom
        time.sleep(0.05)


@pytest.fixture
def cluster():
    gemaakt = prive_postgres.PriveCluster()
    try:
        gemaakt.start()
        yield gemaakt
    finally:
        gemaakt.opruimen()


def _scalar(engine, sql: str, **parameters):
    with engine.connect() as connection:
        return connection.execute(text(sql), parameters).scalar()


def _per_batch(engine, topic: str) -> dict[str, int]:
    with engine.connect() as connection:
        rijen = connection.execute(
            text(
                "SELECT b.batch_id, count(e.originator_id) FROM batches b LEFT JOIN verwerking_events e "
                "ON CAST(e.originator_id AS TEXT) = b.batch_uuid AND e.topic LIKE :topic GROUP BY b.batch_id"
            ),
            {"topic": f"%{topic}"},
        ).all()
    return dict(rijen)


def test_postgresql_restarted_under_load_fails_cleanly_recovers_by_itself_and_loses_nothing(
    cluster, tmp_path, pki
):
    url = cluster.maak_database("portaal")
    config = app_config(url, tmp_path, pki, klok=None, PORTAAL_PROJECTIE_WERKER=True, TESTING=False)
    # The clients come from loopback, where the proxy would be; the clock is the real one (the workers').
    config["PKI_INSTELLINGEN"] = replace(pki.instellingen(), proxy_netwerken=netwerken("127.0.0.1/32"))
    del config["PORTAAL_KLOK"]
    app = create_app(config)
    samenstelling = app.extensions["samenstelling"]
    richt_in(Proefportaal(samenstelling), datetime.now(UTC))
    werkers = _werkers(url, tmp_path)
    _wacht(lambda: _draaien(tmp_path), 60, "de werkers kwamen niet op gang")
    server = create_server(app, host="127.0.0.1", port=0, threads=6)
    bediener = threading.Thread(target=server.run, daemon=True)
    bediener.start()
    last = Last(server.effective_port, pki.pem(AFNEMER))
    klanten = [threading.Thread(target=last.beheerder, args=(n,)) for n in range(2)]
    klanten.append(threading.Thread(target=last.leverancier))
    try:
        for klant in klanten:
            klant.start()
        time.sleep(2.0)
        uit = time.monotonic()
        cluster.stop("fast")
        time.sleep(UIT)
        cluster.start()
        weer = time.monotonic()
        # The workers stopped on the outage with the status that tells systemd to start them again.
        _wacht(
            lambda: all(w.poll() is not None for w in werkers), GRENS, "een werker liep door zonder database"
        )
        assert [w.returncode for w in werkers] == [STORING, STORING]
        for log in ("projecties.log", "verwerking.log"):
            (tmp_path / log).rename(tmp_path / f"{log}.voor-herstart")
        werkers = _werkers(url, tmp_path)
        _wacht(lambda: _draaien(tmp_path), 60, "de werkers kwamen na de herstart niet op gang")
        time.sleep(1.5)
    finally:
        last.stop.set()
        for klant in klanten:
            klant.join(timeout=GRENS * 3)
        server.close()
    try:
        verzoeken = last.verzoeken
        ok = {"commando": {302}, "pagina": {200}, "batch": {202}, "inloggen": {302}}
        tijdens = [v for v in verzoeken if v.einde >= uit and v.begin <= weer]
        daarna = [v for v in verzoeken if v.begin >= weer + 1.0]
        # Failing cleanly: a 503 or success, never a 500 or no answer; and never slowly.
        assert {v.status for v in verzoeken} <= {200, 202, 302, 503}, sorted(
            {v.status for v in verzoeken}, key=str
        )
        assert max(v.einde - v.begin for v in verzoeken) < GRENS
        assert any(v.status == 503 for v in tijdens), "de storing was niet te zien"
        assert all(v.status in ok[v.soort] for v in verzoeken if v.einde < uit)
        # Recovering by itself: the same web process succeeds again once the server is back.
        assert len(daarna) >= 6 and all(v.status in ok[v.soort] for v in daarna), [
            (v.soort, v.status) for v in daarna if v.status not in ok[v.soort]
        ]
        # The restarted workers resume: every batch is processed, each exactly once.
        batches = {v.sleutel for v in verzoeken if v.soort == "batch" and v.status == 202}
        assert len(batches) >= 3
        _wacht(
            lambda: not samenstelling.lezen.wachtende_batches(),
            30,
            "de verwerking kwam niet verder na de herstart",
        )
        engine = samenstelling.engine
        ontvangen, verwerkt = _per_batch(engine, "Batch.Received"), _per_batch(engine, "Batch.Processed")
        assert batches <= set(ontvangen)
        assert set(ontvangen.values()) == {1} and set(verwerkt.values()) == {1}
        per_batch = _scalar(engine, "SELECT count(*) FROM verwerkte_berichten") / len(ontvangen)
        assert per_batch == PER_BATCH
        # Nothing lost: every berichttype whose creation was answered with success is in the events.
        bevestigd = {v.sleutel for v in verzoeken if v.soort == "commando" and v.status == 302}
        with engine.connect() as connection:
            vastgelegd = set(connection.execute(text("SELECT code FROM berichttype_overzicht")).scalars())
        assert bevestigd <= vastgelegd, sorted(bevestigd - vastgelegd)[:5]
        # Nothing applied twice: every read model equals a replay of the events.
        for motor in samenstelling.motoren.values():
            assert verifieer_alles(motor) == []
    finally:
        _stop(werkers)
        sluit(app)
