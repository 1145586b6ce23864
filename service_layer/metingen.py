"""What a process counts for Prometheus, in a registry of its own (one per composition root, never the
library's global one: a test builds many, and two processes never share one anyway).

Counted as it happens, in this process: batches and berichten processed per outcome, commands run again after
an optimistic-concurrency conflict, PDF worker processes replaced. Read at scrape time from the database
(`Gezondheid.stand`, one statement): every log's head, every projection's position and lag, the processing
queue. And the process itself (memory, CPU, open files) from the library's process collector.

Each process exposes its own counters: every web process on its own `/metrics` (web.observatie), a worker
with `--metrics-poort`. The figures read from the database are the same in each; the counters are not, so
Prometheus scrapes every process and sums.
"""

from collections.abc import Iterable, Sequence
from datetime import datetime

from prometheus_client import CollectorRegistry, Counter, ProcessCollector
from prometheus_client.core import GaugeMetricFamily, Metric
from prometheus_client.registry import Collector
from sqlalchemy.exc import SQLAlchemyError

from domain.verslag import Berichtuitkomst
from domain.verwerking import VERWERKT_MET_WAARSCHUWING, VerwerkingsCode, uitkomst
from service_layer.gezondheid import Gezondheid

# What became of a whole batch: every bericht processed, some, or none.
BATCH_UITKOMSTEN = ("verwerkt", "deels_verwerkt", "niet_verwerkt")
BERICHT_UITKOMSTEN = (*(c.value for c in VerwerkingsCode), VERWERKT_MET_WAARSCHUWING)


class Metingen:
    def __init__(self, logboeken: Iterable[str], gezondheid: Gezondheid, klok) -> None:
        self.register = CollectorRegistry()
        self._batches = Counter(
            "portaal_batches_verwerkt",
            "Batches verwerkt door dit proces, per uitkomst (alle, een deel of geen berichten verwerkt).",
            ["uitkomst"],
            registry=self.register,
        )
        self._berichten = Counter(
            "portaal_berichten_verwerkt",
            "Berichten verwerkt door dit proces, per uitkomst (VerwerkingsCode, of VerwerktMetWaarschuwing).",
            ["uitkomst"],
            registry=self.register,
        )
        self._conflicten = Counter(
            "portaal_conflicten_herhaald",
            "Commando's opnieuw uitgevoerd na een gelijktijdige wijziging (optimistic concurrency), per log.",
            ["logboek"],
            registry=self.register,
        )
        self._pdf_herstarts = Counter(
            "portaal_pdf_werker_herstarts",
            "PDF-werkprocessen die sneuvelden (tijd, geheugen, crash) en werden vervangen.",
            registry=self.register,
        )
        # Every label value from the start, so a rate over a counter that never moved is 0, not absent.
        for naam in BATCH_UITKOMSTEN:
            self._batches.labels(naam)
        for naam in BERICHT_UITKOMSTEN:
            self._berichten.labels(naam)
        for naam in logboeken:
            self._conflicten.labels(naam)
        ProcessCollector(registry=self.register)
        self.register.register(_Standcollector(gezondheid, klok))

    def verwerkt(self, uitkomsten: Sequence[Berichtuitkomst]) -> None:
        """One batch's processing was recorded with these outcomes."""
        aantal = sum(u.code is VerwerkingsCode.VERWERKT for u in uitkomsten)
        if aantal == len(uitkomsten):
            self._batches.labels("verwerkt").inc()
        elif aantal:
            self._batches.labels("deels_verwerkt").inc()
        else:
            self._batches.labels("niet_verwerkt").inc()
        for u in uitkomsten:
            self._berichten.labels(uitkomst(u.code.value, u.waarschuwing)).inc()

    def conflict(self, logboek: str) -> None:
        self._conflicten.labels(logboek).inc()

    def pdf_herstart(self) -> None:
        self._pdf_herstarts.inc()


class _Standcollector(Collector):
    """Reads the stand at scrape time; a database that does not answer is a figure, not a failed scrape."""

    def __init__(self, gezondheid: Gezondheid, klok) -> None:
        self._gezondheid = gezondheid
        self._klok = klok

    def describe(self) -> list[Metric]:
        # Nothing to check for duplicates, and no database query when the collector is registered.
        return []

    def collect(self) -> Iterable[Metric]:
        bereikbaar = GaugeMetricFamily(
            "portaal_database_stand_leesbaar",
            "1 als de stand van eventlogs, projecties en wachtrij gelezen kon worden, anders 0.",
        )
        try:
            stand = self._gezondheid.stand()
        except SQLAlchemyError:
            bereikbaar.add_metric([], 0)
            yield bereikbaar
            return
        bereikbaar.add_metric([], 1)
        yield bereikbaar
        yield from _figuren(stand, self._klok())


def _figuren(stand, nu: datetime) -> Iterable[Metric]:
    koppen = GaugeMetricFamily(
        "portaal_eventlog_positie", "Positie van het nieuwste event in elke eventlog.", labels=["logboek"]
    )
    for logboek, positie in sorted(stand.koppen.items()):
        koppen.add_metric([logboek], positie)
    posities = GaugeMetricFamily(
        "portaal_projectie_positie",
        "Positie tot waar elke projectie is bijgewerkt.",
        labels=["projectie", "logboek"],
    )
    achterstand = GaugeMetricFamily(
        "portaal_projectie_achterstand",
        "Aantal events dat elke projectie achterloopt op de kop van haar eventlog.",
        labels=["projectie", "logboek"],
    )
    herbouw = GaugeMetricFamily(
        "portaal_projectie_herbouw",
        "1 als de tabellen van de projectie door een andere versie van de code zijn gebouwd (herbouw loopt).",
        labels=["projectie", "logboek"],
    )
    for p in stand.projecties:
        posities.add_metric([p.naam, p.logboek], p.positie)
        achterstand.add_metric([p.naam, p.logboek], p.achterstand)
        herbouw.add_metric([p.naam, p.logboek], int(p.herbouw))
    wachtend = GaugeMetricFamily("portaal_wachtrij_batches", "Batches die wachten op verwerking.")
    wachtend.add_metric([], stand.wachtend)
    oudste = GaugeMetricFamily(
        "portaal_wachtrij_oudste_seconden",
        "Hoe lang de oudste wachtende batch al wacht (0 als er geen wacht).",
    )
    oudste.add_metric([], stand.wachttijd(nu).total_seconds())
    yield from (koppen, posities, achterstand, herbouw, wachtend, oudste)
