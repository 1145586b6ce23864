"""Is this process fit to serve: the judgement behind `/readyz`, and the figures the metrics show.

Ready when the database answers, every projection of every event log is within `max_achterstand` events of
its log's head, and the oldest batch waiting for processing waited at most `max_wachttijd`. A projection
whose tables another version of its code built is being rebuilt beside the live tables (projections.versies):
its lag is shown, but it does not make the process unready, as `Projectiemotor.positie()` does not count it
either; otherwise every web process would leave the load balancer for the length of a rebuild after an
upgrade while the old tables serve reads.

One statement per probe (projections.stand); the messages are Dutch, for the operator. On PostgreSQL that
statement has a time limit (`TIJDSLIMIET`): a probe that waits on a lock or an overloaded server answers 503
with that reason instead of hanging the load balancer's probe or a Prometheus scrape. SQLite has no
statement timeout, and needs none here: the probe reads without a write lock (a reader of a WAL database
waits for no writer) and its query is a handful of index lookups in this process.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL, Engine
from sqlalchemy.exc import SQLAlchemyError

from projections.handlers import PROJECTIES
from projections.handlers.basis import logboek_van, versie_van
from projections.motor import Projectiemotor
from projections.stand import RuweStand, Standvraag

# Defaults an operator can override (PORTAAL_READYZ_MAX_ACHTERSTAND, PORTAAL_READYZ_MAX_WACHTTIJD): a
# thousand events is far more than a worker following the logs lags in normal work, and a batch normally
# waits seconds, not minutes.
STANDAARD_MAX_ACHTERSTAND = 1000
STANDAARD_MAX_WACHTTIJD = timedelta(minutes=5)
# A probe normally takes a few milliseconds (`portaal bench --only gezondheid`); a second is far beyond any
# healthy answer and within the usual probe timeouts of a load balancer or an orchestrator.
TIJDSLIMIET = timedelta(seconds=1)
_GEANNULEERD = "57014"  # PostgreSQL's query_canceled, which statement_timeout raises


@dataclass(frozen=True)
class Projectiestand:
    naam: str
    logboek: str
    positie: int
    kop: int
    herbouw: bool  # its tables were built by another version of its code: a rebuild is under way

    @property
    def achterstand(self) -> int:
        return max(self.kop - self.positie, 0)


@dataclass(frozen=True)
class Stand:
    koppen: dict[str, int]
    projecties: tuple[Projectiestand, ...]
    ontbrekend: tuple[str, ...]  # projections without a position row: not installed yet
    wachtend: int
    oudste_wachtend: datetime | None

    def wachttijd(self, nu: datetime) -> timedelta:
        return max(nu - self.oudste_wachtend, timedelta(0)) if self.oudste_wachtend else timedelta(0)


@dataclass(frozen=True)
class Controle:
    ok: bool
    melding: str
    details: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Oordeel:
    controles: dict[str, Controle]

    @property
    def gereed(self) -> bool:
        return all(c.ok for c in self.controles.values())


class Gezondheid:
    def __init__(
        self,
        motoren: Mapping[str, Projectiemotor],
        klok: Callable[[], datetime],
        tijdslimiet: timedelta = TIJDSLIMIET,
    ) -> None:
        """`motoren`: the projection engine of each event log (they share one database); `tijdslimiet`: how
        long a probe's statement may take on PostgreSQL."""
        gedeeld: Engine = next(iter(motoren.values())).engine
        self._eigen = gedeeld.dialect.name == "postgresql"
        # A probe reads in one statement and needs no transaction: on PostgreSQL a small engine of its own
        # in autocommit makes that one round trip instead of three (BEGIN, the query, ROLLBACK), which is
        # what keeps a probe's tail short on a busy database. Its time limit is a setting of its sessions
        # (no `SET LOCAL`, which would need that transaction back), so it costs no round trip at all.
        self._limiet_ms = max(1, round(tijdslimiet.total_seconds() * 1000))
        self._engine = (
            create_engine(
                gedeeld.url,
                isolation_level="AUTOCOMMIT",
                pool_size=2,
                max_overflow=4,
                connect_args={"options": _met_tijdslimiet(gedeeld.url, self._limiet_ms)},
            )
            if self._eigen
            else gedeeld
        )
        self._vraag = Standvraag({naam: m.bron.tabel for naam, m in motoren.items()})
        self._klok = klok

    def stand(self) -> Stand:
        """Raises SQLAlchemyError when the database does not answer or the tables are not there yet."""
        with self._engine.connect() as connection:
            return _stand(self._vraag.lees(connection))

    def database_antwoordt(self) -> bool:
        try:
            with self._engine.connect() as connection:
                connection.execute(text("SELECT 1"))
        except SQLAlchemyError:
            return False
        return True

    def sluit(self) -> None:
        if self._eigen:
            self._engine.dispose()

    def oordeel(self, max_achterstand: int, max_wachttijd: timedelta) -> Oordeel:
        try:
            stand = self.stand()
        except SQLAlchemyError as fout:
            if _te_laat(fout):
                return _te_traag(self._limiet_ms)
            return _zonder_stand(self.database_antwoordt())
        return Oordeel(
            {
                "database": Controle(True, "De database antwoordt."),
                "projecties": _projecties(stand, max_achterstand),
                "wachtrij": _wachtrij(stand, self._klok(), max_wachttijd),
            }
        )


def _met_tijdslimiet(url: URL, limiet_ms: int) -> str:
    """libpq's `options` with the statement timeout added to any the database URL already sets (given to
    the driver, these would otherwise replace the URL's)."""
    bestaand = url.query.get("options", "")
    bestaand = " ".join(bestaand) if isinstance(bestaand, tuple) else bestaand
    return f"{bestaand} -c statement_timeout={limiet_ms}".strip()


def _te_laat(fout: SQLAlchemyError) -> bool:
    return getattr(getattr(fout, "orig", None), "sqlstate", None) == _GEANNULEERD


def _te_traag(limiet_ms: int) -> Oordeel:
    melding = (
        f"De database antwoordde niet binnen {limiet_ms} ms op de vraag naar de stand van de projecties en "
        "de wachtrij: een lange vergrendeling (bijvoorbeeld een migratie) of een overbelaste database."
    )
    return Oordeel({"database": Controle(False, melding, {"tijdslimiet_ms": limiet_ms})})


def _stand(ruw: RuweStand) -> Stand:
    projecties, ontbrekend = [], []
    for naam, projectie in PROJECTIES.items():
        logboek = logboek_van(projectie)
        if naam not in ruw.posities:
            ontbrekend.append(naam)
            continue
        positie, versie = ruw.posities[naam]
        herbouw = versie != versie_van(projectie)
        projecties.append(Projectiestand(naam, logboek, positie, ruw.koppen.get(logboek, 0), herbouw))
    return Stand(ruw.koppen, tuple(projecties), tuple(ontbrekend), ruw.wachtend, ruw.oudste_wachtend)


def _zonder_stand(database_antwoordt: bool) -> Oordeel:
    if not database_antwoordt:
        database = Controle(False, "De database antwoordt niet.")
        return Oordeel({"database": database})
    geen_tabellen = Controle(
        False, "De leesmodellen zijn nog niet geïnstalleerd: het portaal of een werker start nog op."
    )
    return Oordeel({"database": Controle(True, "De database antwoordt."), "projecties": geen_tabellen})


def _projecties(stand: Stand, max_achterstand: int) -> Controle:
    achterstand = {p.naam: p.achterstand for p in stand.projecties}
    details = {"achterstand": achterstand, "maximaal": max_achterstand}
    herbouw = sorted(p.naam for p in stand.projecties if p.herbouw)
    if herbouw:
        details["herbouw"] = herbouw
    if stand.ontbrekend:
        namen = ", ".join(stand.ontbrekend)
        return Controle(False, f"Projecties zijn nog niet geïnstalleerd: {namen}.", details)
    te_ver = [p for p in stand.projecties if not p.herbouw and p.achterstand > max_achterstand]
    if te_ver:
        uitleg = ", ".join(f"{p.naam} ({p.achterstand} achter op eventlog {p.logboek})" for p in te_ver)
        melding = f"Projecties lopen meer dan {max_achterstand} events achter: {uitleg}."
        return Controle(False, melding, details)
    melding = f"Elke projectie loopt ten hoogste {max_achterstand} events achter."
    if herbouw:
        melding += f" Wordt opnieuw opgebouwd (telt niet mee): {', '.join(herbouw)}."
    return Controle(True, melding, details)


def _wachtrij(stand: Stand, nu: datetime, max_wachttijd: timedelta) -> Controle:
    wachttijd = stand.wachttijd(nu)
    seconden = round(wachttijd.total_seconds(), 3)
    details = {
        "wachtend": stand.wachtend,
        "oudste_seconden": seconden,
        "maximaal_seconden": max_wachttijd.total_seconds(),
    }
    if wachttijd > max_wachttijd:
        return Controle(
            False,
            f"De oudste wachtende batch wacht al {int(seconden)} seconden op verwerking "
            f"(maximaal {int(max_wachttijd.total_seconds())}); draait de verwerkingswerker?",
            details,
        )
    return Controle(True, f"{stand.wachtend} batches wachten op verwerking.", details)
