"""The composition root: builds, once per process, everything that process needs (the event logs and their
use cases, a projection engine per log, the catch-up policy, the read gateway, the PDF worker pool, the
clock). The Flask factory, every CLI command, the workers and the test fixtures start here; nothing else
constructs these, and no runtime state lives at module level."""

import os
import threading
from collections.abc import Callable, Mapping
from datetime import datetime

from bijlage_validatie.geisoleerd import Werkerpool
from events_store import sleutelcontrole
from events_store.basis import Vastgelegd, utc_nu
from events_store.configuratie import Configuratie
from events_store.gebruikers import Gebruikers
from events_store.instellingen import database_url, persistence_env, var_dir
from events_store.machtigingen import Machtigingen
from events_store.verwerking import Verwerking
from projections.motor import Projectiemotor
from projections.sloten import schema_slot
from service_layer.bijhouden import Bijhouden
from service_layer.gezondheid import Gezondheid
from service_layer.intake import Intake
from service_layer.lezen import Lezen
from service_layer.metingen import Metingen
from service_layer.portaal import Portaal
from service_layer.sessies import Sessies
from service_layer.verwerken import Verwerker

WERKER = "PORTAAL_PROJECTIE_WERKER"

# Where the store lives is resolved here for every entry point (web/instellingen.py, the CLI).
__all__ = ["Samenstelling", "bouw", "database_url", "met_werker", "var_dir"]


def met_werker(url: str, environ: Mapping[str, str]) -> bool:
    """A separate projection worker follows the log: only when asked for, and only on PostgreSQL."""
    gevraagd = environ.get(WERKER, "").strip().lower() in {"1", "true", "ja", "yes", "on"}
    return gevraagd and not url.startswith("sqlite")


class Samenstelling:
    def __init__(
        self,
        url: str,
        environ: Mapping[str, str],
        klok: Callable[[], datetime] | None = None,
        werker: bool | None = None,
    ) -> None:
        self.klok = klok = klok or utc_nu
        env = persistence_env(url, environ)
        # Whoever starts first makes the schema; processes starting at the same moment take turns, since
        # two that both find a table missing would both create it and one would fail.
        with schema_slot(url):
            self.configuratie = Configuratie(env, klok)
            self.verwerking = Verwerking(env, klok)
            self.gebruikers = Gebruikers(env, klok)
            self.machtigingen = Machtigingen(env, klok)
            logs = (self.configuratie.log, self.verwerking.log, self.gebruikers.log, self.machtigingen.log)
            # Before anything reads them: a key that does not fit the events is named, not a traceback.
            try:
                sleutelcontrole.controleer(logs)
            except sleutelcontrole.Sleutelfout:
                self._sluit_opslag()
                raise
            # One projection engine per event log, by the log's name (what `Vastgelegd.log` says).
            self.motoren = {log.name: Projectiemotor(log) for log in logs}
            self.motor = self.motoren[self.configuratie.log.name]
            # Every log's read models share one database: one install makes all their tables.
            self.motor.installeer()
            self.sessies = Sessies(self.engine, klok)
            self.sessies.installeer()
        self.gezondheid = Gezondheid(self.motoren, klok)
        self.metingen = Metingen(self.motoren, self.gezondheid, klok)
        for log in logs:
            log.na_conflict = self.metingen.conflict
        self.bijhouden = Bijhouden(self.motoren, met_werker(url, environ) if werker is None else werker)
        self.lezen = Lezen(self.engine, self.configuratie.bijlagen, self.bijhouden.voor_lezen)
        self.verwerker = Verwerker(
            self.verwerking, self.lezen, lambda: self.pdf, na_verwerking=self.metingen.verwerkt
        )
        # Embedded, a batch is processed in the request that delivers it; with a worker, by
        # `portaal verwerking run`.
        self.intake = Intake(
            self.verwerking, self.lezen, self.verwerker, lambda: not self.bijhouden.met_werker
        )
        self.portaal = Portaal(
            self.configuratie, self.gebruikers, self.machtigingen, self.intake, self.verwerker
        )
        self._pdf: Werkerpool | None = None
        self._pdf_slot = threading.Lock()

    @property
    def engine(self):
        return self.configuratie.log.engine

    @property
    def pdf(self) -> Werkerpool:
        """The PDF worker pool, started at its first use: most processes (workers, most CLI commands) never
        validate a PDF and should not fork processes for it."""
        with self._pdf_slot:
            if self._pdf is None:
                self._pdf = Werkerpool(bij_herstart=self.metingen.pdf_herstart)
            return self._pdf

    def na_commando(self, *vastgelegd: Vastgelegd) -> None:
        """Wait for (or catch up to) what the commands recorded, each in its own log."""
        for v in vastgelegd:
            self.bijhouden.na_commando(v)

    def sluit(self) -> None:
        with self._pdf_slot:
            if self._pdf is not None:
                self._pdf.sluit()
                self._pdf = None
        for motor in self.motoren.values():
            motor.sluit()
        self.gezondheid.sluit()
        self._sluit_opslag()

    def _sluit_opslag(self) -> None:
        for opslag in (self.machtigingen, self.gebruikers, self.verwerking, self.configuratie):
            opslag.sluit()


def bouw(
    environ: Mapping[str, str] = os.environ,
    url: str | None = None,
    klok: Callable[[], datetime] | None = None,
    werker: bool | None = None,
) -> Samenstelling:
    """Everything for one process on the database named by `url` (default: from the environment)."""
    return Samenstelling(url or database_url(environ), environ, klok, werker)
