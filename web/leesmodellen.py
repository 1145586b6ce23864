"""The hook between the write side and the read models (`projections/`), for every view.

Two ways to keep the read models current, chosen per app:

- Embedded (the default, and always with SQLite): the projections catch up inside the request. After a
  command (`na_commando`) that makes the change visible on the very next page; before a page reads a
  read model (`actueel`) it also picks up events written by another process (`portaal seed-demo`, the
  CLI). When nothing is new this costs one indexed `max(id)` query, and the app's projection engine
  (`app.extensions["projectiemotor"]`) serialises concurrent catch-ups of waitress's threads with its lock.
- With a worker (`PORTAAL_PROJECTIE_WERKER=1`, only for PostgreSQL, where `portaal projections run` follows
  the log): a request that issued a command waits briefly for the worker to reach the command's position;
  if the worker is not there in time, the request catches up itself rather than show stale data. Reads do
  not wait.
"""

import os
from dataclasses import dataclass, field, replace
from datetime import datetime
from uuid import UUID

from flask import Flask

from domain.waarden import Notificatiekenmerk, Oin, Rol
from events_store.portaal import Portaal
from projections import queries
from projections.motor import Projectiemotor

WERKER = "PORTAAL_PROJECTIE_WERKER"
WACHTTIJD = 1.0  # seconds a request waits for the worker before it catches up itself


def _portaal(app: Flask) -> Portaal:
    return app.extensions["portaal"]


def _motor(app: Flask) -> Projectiemotor:
    return app.extensions["projectiemotor"]


def met_werker(app: Flask) -> bool:
    """True when a separate projection worker follows the log (PostgreSQL only)."""
    gekozen = app.config.get(WERKER)
    if gekozen is None:
        gekozen = os.environ.get(WERKER, "").strip().lower() in {"1", "true", "ja", "yes", "on"}
    return bool(gekozen) and _portaal(app).engine.dialect.name != "sqlite"


def na_commando(app: Flask) -> None:
    """Bring the read models up to the command just issued (see the module docstring)."""
    motor = _motor(app)
    # Without a worker, or when the worker is not there in time: catch up in this request.
    if not met_werker(app) or not motor.wacht_op(motor.hoogste(), WACHTTIJD):
        motor.bijwerken()


def actueel(app: Flask) -> Portaal:
    """Before a page reads the read models: embedded, catch up with events of other processes first.

    Returns the portaal, which is the `bron` the query modules take.
    """
    if not met_werker(app):
        _motor(app).bijwerken()
    return _portaal(app)


# -- the read models in the shape the existing templates use ----------------------------------------------
# Home, Beheer and the afnemer switch were written against the aggregates (events_store/lijsten.py, which
# replays the whole log per page); these give the same attributes from the projections' tables.


@dataclass(frozen=True)
class OrganisatieWeergave:
    oin: Oin
    naam: str
    rol: Rol
    kenmerken: tuple[Notificatiekenmerk, ...]
    bediende_afnemers: dict[Oin, datetime] = field(default_factory=dict)


@dataclass(frozen=True)
class MededelingWeergave:
    id: UUID
    titel: str
    inhoud: str
    created_on: datetime  # the name the templates know from the aggregate: the moment it was posted
    ingetrokken: bool = False


def _organisatie(regel: queries.OrganisatieRegel) -> OrganisatieWeergave:
    kenmerken = tuple(Notificatiekenmerk.uit_tekst(k) for k in regel.kenmerken)
    return OrganisatieWeergave(Oin(regel.oin), regel.naam, Rol(regel.rol), kenmerken)


def organisaties(app: Flask, rol: Rol | None = None) -> list[OrganisatieWeergave]:
    """Every organisatie (optionally of one rol), by name as a reader sorts: case-insensitively."""
    return _op_naam(queries.organisaties(actueel(app), rol))


def _op_naam(regels: list[queries.OrganisatieRegel]) -> list[OrganisatieWeergave]:
    gevonden = [_organisatie(r) for r in regels]
    return sorted(gevonden, key=lambda o: (o.naam.casefold(), o.oin.waarde))


def met_relaties(app: Flask, organisatie: OrganisatieWeergave) -> OrganisatieWeergave:
    """An intermediair with the afnemers it serves now and since when."""
    relaties = queries.bediende_afnemers(actueel(app), organisatie.oin)
    return replace(organisatie, bediende_afnemers={Oin(r.afnemer): r.van for r in relaties})


def bediende_afnemers(app: Flask, intermediair: Oin) -> list[OrganisatieWeergave]:
    """For the switch top right: the afnemers this intermediair serves now, by name."""
    # Shown on every page an intermediair opens: ask for the served afnemers only, not every organisatie.
    bron = actueel(app)
    bediend = {r.afnemer for r in queries.bediende_afnemers(bron, intermediair)}
    if not bediend:
        return []
    return _op_naam(queries.organisaties(bron, Rol.AFNEMER, oins=bediend))


def mededelingen(app: Flask, ook_ingetrokken: bool = False) -> list[MededelingWeergave]:
    """Mededelingen newest first; withdrawn ones only for the beheerder's list."""
    return [
        MededelingWeergave(
            UUID(m.mededeling_id), m.titel, m.inhoud, m.geplaatst_op, m.ingetrokken_op is not None
        )
        for m in queries.mededelingen(actueel(app), ook_ingetrokken)
    ]
