"""`/metrics` in the Prometheus text format: per route pattern (never a path, which can hold a BSN), the
projections' lag, processing per outcome, conflicts run again, PDF workers replaced; only for loopback and
never through the proxy. On SQLite and PostgreSQL (`database_url`)."""

import http.client
import socket
import threading
import urllib.request

import click
import pytest
import waitress
from eventsourcing.persistence import IntegrityError
from prometheus_client.parser import text_string_to_metric_families

from bijlage_validatie import Werkerpool
from domain.pdf_validatie import Soort
from domain.waarden import Notificatiekenmerk, Rol
from events_store.basis import opnieuw_bij_conflict
from scripts import serve as serve_module
from scripts.observatie import observeer_werker
from tests.bijlage_validatie import vijandig_werk
from tests.conftest import AFNEMER, BEHEERDER, actor_voor
from tests.support.batches import GROEN, lever
from tests.verwerking.wereld import batch_stroom, gemengde_berichten, richt_in
from web.pki.instellingen import netwerken

BSN = "123456782"


def _metrics(app, **opties) -> str:
    antwoord = app.test_client().get("/metrics", **opties)
    assert antwoord.status_code == 200, antwoord.status_code
    assert antwoord.headers["Content-Type"].startswith("text/plain")
    return antwoord.get_data(as_text=True)


def _waarde(tekst: str, naam: str, **labels) -> float | None:
    for familie in text_string_to_metric_families(tekst):
        for sample in familie.samples:
            if sample.name == naam and all(sample.labels.get(k) == v for k, v in labels.items()):
                return sample.value
    return None


def _verzoeken(tekst: str, **labels) -> float | None:
    return _waarde(tekst, "portaal_http_verzoeken_total", **labels)


def test_a_request_is_counted_under_its_route_pattern_and_status(app):
    app.test_client().get("/inloggen/")
    tekst = _metrics(app)
    assert _verzoeken(tekst, methode="GET", route="/inloggen/", status="200") == 1
    assert _waarde(tekst, "portaal_http_verzoek_duur_seconden_count", methode="GET", route="/inloggen/") == 1


def test_a_path_holding_a_bsn_is_counted_by_its_pattern_and_the_bsn_is_nowhere(app):
    client = app.test_client()
    client.put(f"/api/v1/gebruikers/{BSN}", json={"actief_van": "2026-01-01T00:00:00Z"})
    client.get(f"/bestaat/niet/{BSN}")
    tekst = _metrics(app)
    assert BSN not in tekst
    assert _verzoeken(tekst, methode="PUT", route="/api/v1/gebruikers/<bsn>") == 1
    assert _verzoeken(tekst, methode="GET", route="(geen route)", status="404") == 1


def test_the_probes_are_not_counted(app):
    client = app.test_client()
    client.get("/healthz")
    client.get("/readyz")
    assert "/healthz" not in _metrics(app) and "/readyz" not in _metrics(app)


def test_every_projection_shows_its_lag_read_at_scrape_time(app):
    organisaties = app.extensions["samenstelling"].configuratie.organisaties
    organisaties.registreer_organisatie(
        AFNEMER, "Gemeente", Rol.AFNEMER, list(Notificatiekenmerk), actor_voor(BEHEERDER)
    )
    tekst = _metrics(app)
    assert _waarde(tekst, "portaal_eventlog_positie", logboek="portaal") == 1
    assert _waarde(tekst, "portaal_projectie_achterstand", projectie="organisaties", logboek="portaal") == 1
    assert _waarde(tekst, "portaal_projectie_achterstand", projectie="batches", logboek="verwerking") == 0
    assert _waarde(tekst, "portaal_database_stand_leesbaar") == 1
    assert _waarde(tekst, "portaal_wachtrij_batches") == 0
    assert _waarde(tekst, "process_resident_memory_bytes") > 0


def test_processed_batches_and_berichten_are_counted_per_outcome(app, app_portaal, klok):
    samenstelling = app.extensions["samenstelling"]
    richt_in(app_portaal, klok.nu)
    # Embedded: processed in the delivery itself. Mixed outcomes, one bericht delivered twice.
    samenstelling.intake.lever_aan(batch_stroom(1, gemengde_berichten(1, 10), klok.nu), AFNEMER, "t")
    tekst = _metrics(app)
    assert _waarde(tekst, "portaal_batches_verwerkt_total", uitkomst="deels_verwerkt") == 1
    assert _waarde(tekst, "portaal_batches_verwerkt_total", uitkomst="verwerkt") == 0
    berichten = {
        s.labels["uitkomst"]: s.value
        for f in text_string_to_metric_families(tekst)
        for s in f.samples
        if s.name == "portaal_berichten_verwerkt_total"
    }
    assert sum(berichten.values()) == 10
    assert berichten["Verwerkt"] > 0 and berichten["BerichtTypeNietOndersteund"] > 0
    assert berichten["BerichtBestaatAl"] == 1


def test_a_batch_the_worker_processes_is_counted_once(app, klok):
    samenstelling = app.extensions["samenstelling"]
    # Delivered and left waiting, as with a processing worker; no berichttype is active, so none passes.
    batch_id = lever(samenstelling, AFNEMER, AFNEMER, [GROEN, GROEN], ontvangen=klok.nu)
    assert len(samenstelling.verwerker.verwerk_wachtende()) == 1
    assert samenstelling.verwerker.verwerk(batch_id) is None  # already processed: nothing to count
    tekst = _metrics(app)
    assert _waarde(tekst, "portaal_batches_verwerkt_total", uitkomst="niet_verwerkt") == 1
    assert _waarde(tekst, "portaal_berichten_verwerkt_total", uitkomst="BerichtTypeNietOndersteund") == 2


def test_a_command_run_again_after_a_conflict_is_counted_for_its_log(app):
    log = app.extensions["samenstelling"].configuratie.log

    class Groep:
        def __init__(self) -> None:
            self.log, self.keer = log, 0

        @opnieuw_bij_conflict
        def wijzig(self) -> str:
            self.keer += 1
            if self.keer < 3:
                raise IntegrityError("een ander schreef eerst")
            return "gelukt"

    assert Groep().wijzig() == "gelukt"
    tekst = _metrics(app)
    assert _waarde(tekst, "portaal_conflicten_herhaald_total", logboek="portaal") == 2
    assert _waarde(tekst, "portaal_conflicten_herhaald_total", logboek="verwerking") == 0


def test_a_pdf_worker_replaced_is_counted(app):
    metingen = app.extensions["samenstelling"].metingen
    with Werkerpool(aantal=1, werk=vijandig_werk.stort_neer, bij_herstart=metingen.pdf_herstart) as pool:
        pool.valideer("kapot.pdf", b"crash", Soort.STANDAARD)
    assert _waarde(_metrics(app), "portaal_pdf_werker_herstarts_total") == 1


@pytest.mark.parametrize(
    "opties",
    [
        {"environ_base": {"REMOTE_ADDR": "10.0.0.5"}},
        # nginx on the same machine connects from loopback too, but says whom it forwards.
        {"headers": {"X-Forwarded-For": "203.0.113.9"}},
        {"headers": {"X-SSL-Client-Cert": "-----BEGIN%20CERTIFICATE-----"}},
    ],
    ids=["ander-adres", "via-proxy", "met-certificaat"],
)
def test_metrics_are_not_there_for_others_or_through_the_proxy(app, opties):
    assert app.test_client().get("/metrics", **opties).status_code == 404


def test_through_real_waitress_as_portaal_serve_runs_it_a_proxied_request_gets_no_metrics(app):
    # Waitress strips proxy headers by default; `portaal serve` keeps them, so the app can tell.
    server = waitress.create_server(app, host="127.0.0.1", port=0, threads=2, **serve_module.WAITRESS)
    draad = threading.Thread(target=server.run, daemon=True)
    draad.start()
    try:
        for koppen, verwacht in (({}, 200), ({"X-Forwarded-For": "203.0.113.9"}, 404)):
            verbinding = http.client.HTTPConnection("127.0.0.1", server.effective_port, timeout=10)
            verbinding.request("GET", "/metrics", headers=koppen)
            assert verbinding.getresponse().status == verwacht, koppen
            verbinding.close()
    finally:
        # Closed in the server's own loop (a close from this thread races its select on the sockets).
        server.trigger.pull_trigger(server.close)
        draad.join(timeout=10)
        server.task_dispatcher.shutdown()


def test_metrics_are_there_for_a_configured_network(maak_app):
    app = maak_app(PORTAAL_METRICS_NETWERKEN=netwerken("10.0.0.0/24"))
    assert app.test_client().get("/metrics", environ_base={"REMOTE_ADDR": "10.0.0.5"}).status_code == 200
    assert app.test_client().get("/metrics").status_code == 404


def test_each_app_has_its_own_registry(maak_app, app):
    # Two apps in one process (as the tests make many): no duplicate registration, separate counts.
    app.test_client().get("/inloggen/")
    tweede = maak_app()
    assert _waarde(_metrics(tweede), "portaal_http_verzoeken_total", route="/inloggen/") is None


def test_a_worker_serves_its_metrics_on_a_port_of_its_own(samenstelling, unused_tcp_port):
    for motor in samenstelling.motoren.values():
        motor.installeer()
    with click.Context(click.Command("run")):
        observeer_werker(samenstelling, "tekst", unused_tcp_port, "127.0.0.1")
        with urllib.request.urlopen(f"http://127.0.0.1:{unused_tcp_port}/metrics", timeout=10) as antwoord:
            tekst = antwoord.read().decode()
    assert _waarde(tekst, "portaal_projectie_achterstand", projectie="koppelingen", logboek="portaal") == 0
    assert _waarde(tekst, "portaal_batches_verwerkt_total", uitkomst="verwerkt") == 0


@pytest.fixture
def unused_tcp_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]
