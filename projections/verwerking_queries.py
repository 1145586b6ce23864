"""Queries on the processing read models: one batch and its berichten (for the report and the status), the
batches still waiting for processing (the worker's queue), and the active berichttypes processing checks
against. Never a BSN."""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from projections.tabellen import tabel

ACTIEF = "Actief"


@dataclass(frozen=True)
class BatchRegel:
    batch_uuid: str
    batch_id: str
    leverancier: str
    afnemer: str
    aanmaakdatum: datetime
    ontvangen_op: datetime
    aantal: int
    verwerkt_op: datetime | None
    proceskenmerk: str | None
    verwerkt: int
    waarschuwing: int
    niet_verwerkt: int


@dataclass(frozen=True)
class BerichtRegel:
    volgnummer: int
    bericht_id: str
    berichttype: str
    code: str | None
    stadium: str | None
    waarschuwing: str | None
    reden: str | None
    proceskenmerk: str | None


def _engine(bron):
    return getattr(bron, "engine", bron)


def batch(bron, batch_id: str) -> BatchRegel | None:
    t = tabel("batches")
    with _engine(bron).connect() as connection:
        rij = connection.execute(select(t).where(t.c.batch_id == batch_id.lower())).mappings().first()
    return BatchRegel(**rij) if rij else None


def berichten_van_batch(
    bron, batch_uuid: str, vanaf: int = 0, aantal: int | None = None
) -> list[BerichtRegel]:
    """The batch's berichten in delivery order, from volgnummer `vanaf`, at most `aantal`."""
    t = tabel("verwerkte_berichten")
    kolommen = [c for c in t.columns if c.name != "batch_uuid"]
    query = (
        select(*kolommen)
        .where(t.c.batch_uuid == batch_uuid, t.c.volgnummer >= vanaf)
        .order_by(t.c.volgnummer)
    )
    if aantal is not None:
        query = query.limit(aantal)
    with _engine(bron).connect() as connection:
        return [BerichtRegel(**r) for r in connection.execute(query).mappings()]


def wachtende_batches(bron, limiet: int = 100) -> list[str]:
    """BatchIDs received and not yet processed, oldest first."""
    t = tabel("batches")
    query = (
        select(t.c.batch_id)
        .where(t.c.verwerkt_op.is_(None))
        .order_by(t.c.ontvangen_op, t.c.batch_id)
        .limit(limiet)
    )
    with _engine(bron).connect() as connection:
        return list(connection.scalars(query))


def actieve_berichttypes(bron, afnemer: str) -> frozenset[str]:
    t = tabel("berichttype_overzicht")
    query = select(t.c.code).where(t.c.afnemer == afnemer, t.c.status == ACTIEF)
    with _engine(bron).connect() as connection:
        return frozenset(connection.scalars(query))
