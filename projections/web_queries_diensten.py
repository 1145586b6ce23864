"""Queries for the Diensten tab that `projections/queries.py` does not offer (kept apart from that module).

- `dienst_met_sleutel`: one dienst by its aggregate id (the URL key of the web pages) and afnemer, so a
  Dienst ID with spaces, slashes or any unicode never has to travel in a URL, and another afnemer's id is
  simply not found;
- `berichttypes_met_codes`: omschrijving and status of the berichttypes linked to a dienst;
- `alle_mededelingen`: the mededelingen including withdrawn ones, for Beheer.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from sqlalchemy import select

from projections.queries import DienstRegel, _engine, _open_koppelingen
from projections.tabellen import tabel

_diensten = tabel("dienst_overzicht")
_berichttypes = tabel("berichttype_overzicht")
_mededelingen = tabel("mededelingen")


@dataclass(frozen=True)
class BerichttypeKort:
    code: str
    omschrijving: str
    status: str


def dienst_met_sleutel(bron, afnemer, sleutel: UUID) -> DienstRegel | None:
    d = _diensten.c
    query = select(d.dienst_id, d.omschrijving, d.status, d.gedeactiveerd_op).where(
        d.dienst_uuid == str(sleutel), d.afnemer == str(afnemer)
    )
    with _engine(bron).connect() as connection:
        rij = connection.execute(query).mappings().first()
        if rij is None:
            return None
        codes = _open_koppelingen(connection, str(afnemer), "dienst_id", [rij["dienst_id"]])
    return DienstRegel(**rij, berichttypes=codes[rij["dienst_id"]])


def berichttypes_met_codes(bron, afnemer, codes: Iterable[str]) -> dict[str, BerichttypeKort]:
    """The afnemer's berichttypes with these codes (exact, case-sensitive), by code."""
    gevraagd = sorted(set(map(str, codes)))
    if not gevraagd:
        return {}
    b = _berichttypes.c
    query = select(b.code, b.omschrijving, b.status).where(b.afnemer == str(afnemer), b.code.in_(gevraagd))
    with _engine(bron).connect() as connection:
        return {r.code: BerichttypeKort(*r) for r in connection.execute(query).all()}


# -- for Beheer (not diensten, but likewise missing from projections/queries.py) ---------------------------


@dataclass(frozen=True)
class MededelingMetStatus:
    mededeling_id: str
    titel: str
    inhoud: str
    geplaatst_op: datetime
    ingetrokken_op: datetime | None


def alle_mededelingen(bron) -> list[MededelingMetStatus]:
    """Every mededeling, withdrawn ones included (the beheerder's list), newest first."""
    m = _mededelingen.c
    query = select(m.mededeling_id, m.titel, m.inhoud, m.geplaatst_op, m.ingetrokken_op).order_by(
        m.geplaatst_op.desc(), m.mededeling_id
    )
    with _engine(bron).connect() as connection:
        return [MededelingMetStatus(*r) for r in connection.execute(query).all()]
