"""The queries the screens use. The web layer calls these and never writes SQL itself.

Every function takes the portaal (or its engine) first and accepts the domain's value objects (Oin, DienstId,
BerichttypeCode, Status, Notificatiekenmerk) or plain strings.
"""

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum
from typing import Generic, TypeVar
from uuid import UUID

from sqlalchemy import func, select

from domain.identiteit import berichttype_id
from domain.waarden import BerichttypeCode, DienstId, Oin
from projections.tabellen import tabel

T = TypeVar("T")

_overzicht = tabel("berichttype_overzicht")
_bijlagen = tabel("berichttype_bijlagen")
_statushistorie = tabel("berichttype_statushistorie")
_diensten = tabel("dienst_overzicht")
_koppelingen = tabel("koppelingen")
_organisaties = tabel("organisaties")
_relaties = tabel("intermediair_relaties")
_mededelingen = tabel("mededelingen")
_audit = tabel("audit_trail")


@dataclass(frozen=True)
class Pagina(Generic[T]):
    regels: list[T]
    pagina: int
    per_pagina: int
    totaal: int

    @property
    def aantal_paginas(self) -> int:
        return max(1, -(-self.totaal // self.per_pagina))


@dataclass(frozen=True)
class BerichttypeRegel:
    code: str
    omschrijving: str
    status: str
    kenmerk: str
    aantal_bijlagen: int
    diensten: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Bijlage:
    bijlage_id: str
    naam: str
    grootte: int
    sha256: str


@dataclass(frozen=True)
class StatusWijziging:
    status: str
    moment: datetime
    actor_oin: str
    namens: str
    # The organisations' names as the register has them now; None for an OIN it does not know.
    actor_naam: str | None = None
    namens_naam: str | None = None


@dataclass(frozen=True)
class BerichttypeDetails:
    regel: BerichttypeRegel
    bijlagen: list[Bijlage]
    statushistorie: list[StatusWijziging]


@dataclass(frozen=True)
class DienstRegel:
    dienst_id: str
    omschrijving: str
    status: str
    gedeactiveerd_op: datetime | None
    berichttypes: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class OrganisatieRegel:
    oin: str
    naam: str
    rol: str
    kenmerken: list[str]
    profiel: dict | None


@dataclass(frozen=True)
class Relatie:
    intermediair: str
    afnemer: str
    van: datetime
    tot: datetime | None


@dataclass(frozen=True)
class MededelingRegel:
    mededeling_id: str
    titel: str
    inhoud: str
    geplaatst_op: datetime
    ingetrokken_op: datetime | None = None


@dataclass(frozen=True)
class BerichttypeKort:
    code: str
    omschrijving: str
    status: str


@dataclass(frozen=True)
class AuditRegel:
    positie: int
    moment: datetime
    actor_oin: str
    namens: str
    soort: str
    sleutel: str
    gebeurtenis: str
    wijzigingen: dict


def _engine(bron):
    return getattr(bron, "engine", bron)


def _tekst(waarde) -> str:
    return waarde.value if isinstance(waarde, Enum) else str(waarde)


def _pagina(connection, query, pagina: int, per_pagina: int) -> tuple[list, int]:
    pagina, per_pagina = max(1, pagina), max(1, per_pagina)
    totaal = connection.scalar(select(func.count()).select_from(query.order_by(None).subquery()))
    rijen = connection.execute(query.limit(per_pagina).offset((pagina - 1) * per_pagina)).mappings().all()
    return list(rijen), totaal


def _open_koppelingen(connection, afnemer: str, kolom: str, waarden: list[str]) -> dict[str, list[str]]:
    """The standing links of these berichttypes (or diensten): their open intervals, by index range."""
    k = _koppelingen.c
    ander = "dienst_id" if kolom == "code" else "code"
    per: dict[str, list[str]] = {w: [] for w in waarden}
    if not waarden:
        return per
    query = select(k[kolom], k[ander]).where(k.afnemer == afnemer, k[kolom].in_(waarden), k.tot.is_(None))
    for sleutel, waarde in connection.execute(query.order_by(k[ander])).all():
        per[sleutel].append(waarde)
    return per


def berichttype_overzicht(
    bron, afnemer, code_bevat: str = "", status=None, kenmerk=None, pagina: int = 1, per_pagina: int = 25
) -> Pagina[BerichttypeRegel]:
    """The afnemer's berichttypes sorted by code, filtered, one page of them, with their linked diensten.

    `code_bevat` matches case-insensitively (a search box); the codes themselves stay case-sensitive.
    """
    o = _overzicht.c
    query = select(o.code, o.omschrijving, o.status, o.kenmerk, o.aantal_bijlagen).where(
        o.afnemer == str(afnemer)
    )
    if code_bevat:
        query = query.where(func.lower(o.code).contains(code_bevat.lower(), autoescape=True))
    if status:
        query = query.where(o.status == _tekst(status))
    if kenmerk:
        query = query.where(o.kenmerk == _tekst(kenmerk))
    with _engine(bron).connect() as connection:
        rijen, totaal = _pagina(connection, query.order_by(o.code), pagina, per_pagina)
        diensten = _open_koppelingen(connection, str(afnemer), "code", [r["code"] for r in rijen])
    regels = [BerichttypeRegel(**r, diensten=diensten[r["code"]]) for r in rijen]
    return Pagina(regels, max(1, pagina), max(1, per_pagina), totaal)


def berichttype_details(bron, afnemer, code) -> BerichttypeDetails | None:
    """One berichttype with its attachments in their order and its status history, oldest first."""
    sleutel = str(berichttype_id(Oin(str(afnemer)), BerichttypeCode(str(code))))
    o, b, h = _overzicht.c, _bijlagen.c, _statushistorie.c
    with _engine(bron).connect() as connection:
        rij = (
            connection.execute(
                select(o.code, o.omschrijving, o.status, o.kenmerk, o.aantal_bijlagen).where(
                    o.berichttype_uuid == sleutel
                )
            )
            .mappings()
            .first()
        )
        if rij is None:
            return None
        diensten = _open_koppelingen(connection, str(afnemer), "code", [rij["code"]])[rij["code"]]
        bijlagen = connection.execute(
            select(b.bijlage_id, b.naam, b.grootte, b.sha256)
            .where(b.berichttype_uuid == sleutel)
            .order_by(b.positie)
        ).all()
        # The names in the same query: two outer joins on the register, so an unknown OIN still shows.
        door, namens = _organisaties.alias("door"), _organisaties.alias("namens")
        historie = connection.execute(
            select(h.status, h.moment, h.actor_oin, h.namens, door.c.naam, namens.c.naam)
            .outerjoin(door, door.c.oin == h.actor_oin)
            .outerjoin(namens, namens.c.oin == h.namens)
            .where(h.berichttype_uuid == sleutel)
            .order_by(h.id)
        ).all()
    return BerichttypeDetails(
        BerichttypeRegel(**rij, diensten=diensten),
        [Bijlage(*x) for x in bijlagen],
        [StatusWijziging(*x) for x in historie],
    )


def dienst_overzicht(bron, afnemer, pagina: int = 1, per_pagina: int = 25) -> Pagina[DienstRegel]:
    """The afnemer's diensten sorted by Dienst ID (exactly as entered), with their linked berichttypes."""
    d = _diensten.c
    query = select(d.dienst_id, d.omschrijving, d.status, d.gedeactiveerd_op).where(d.afnemer == str(afnemer))
    with _engine(bron).connect() as connection:
        rijen, totaal = _pagina(connection, query.order_by(d.dienst_id), pagina, per_pagina)
        codes = _open_koppelingen(connection, str(afnemer), "dienst_id", [r["dienst_id"] for r in rijen])
    regels = [DienstRegel(**r, berichttypes=codes[r["dienst_id"]]) for r in rijen]
    return Pagina(regels, max(1, pagina), max(1, per_pagina), totaal)


def bijna_gelijke_dienst_ids(bron, afnemer, dienst_id: DienstId) -> list[str]:
    """The afnemer's Dienst IDs that a reader could take for this one (same `leesvorm`), the exact one not
    included, sorted by code point (the same order on every database).

    One index-only range scan over the afnemer's Dienst IDs (the unique index on afnemer, dienst_id); the
    comparison runs here because NFKC and case folding are not the same in every database.
    """
    d = _diensten.c
    gezocht = dienst_id.leesvorm
    query = select(d.dienst_id).where(d.afnemer == str(afnemer))
    with _engine(bron).connect() as connection:
        bestaande = connection.execute(query).scalars().all()
    return sorted(w for w in bestaande if w != dienst_id.waarde and DienstId.bestaand(w).leesvorm == gezocht)


def dienst_met_sleutel(bron, afnemer, sleutel: UUID) -> DienstRegel | None:
    """One dienst by its aggregate id, the web pages' URL key: a Dienst ID with spaces, slashes or any unicode
    never travels in a URL, and another afnemer's id is simply not found."""
    return _een_dienst(bron, afnemer, _diensten.c.dienst_uuid == str(sleutel))


def _een_dienst(bron, afnemer, voorwaarde) -> DienstRegel | None:
    d = _diensten.c
    query = select(d.dienst_id, d.omschrijving, d.status, d.gedeactiveerd_op).where(
        d.afnemer == str(afnemer), voorwaarde
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
    b = _overzicht.c
    query = select(b.code, b.omschrijving, b.status).where(b.afnemer == str(afnemer), b.code.in_(gevraagd))
    with _engine(bron).connect() as connection:
        return {r.code: BerichttypeKort(*r) for r in connection.execute(query).all()}


def _organisatie(rij) -> OrganisatieRegel:
    profiel = json.loads(rij.profiel) if rij.profiel else None
    return OrganisatieRegel(rij.oin, rij.naam, rij.rol, json.loads(rij.kenmerken), profiel)


def organisaties(bron, rol=None, oins=None) -> list[OrganisatieRegel]:
    """Every registered organisatie (optionally of one rol, or only these OINs), sorted by naam."""
    o = _organisaties.c
    query = select(o.oin, o.naam, o.rol, o.kenmerken, o.profiel).order_by(o.naam, o.oin)
    if rol:
        query = query.where(o.rol == _tekst(rol))
    if oins is not None:
        query = query.where(o.oin.in_(sorted(map(str, oins))))
    with _engine(bron).connect() as connection:
        return [_organisatie(r) for r in connection.execute(query).all()]


def organisatie(bron, oin) -> OrganisatieRegel | None:
    o = _organisaties.c
    query = select(o.oin, o.naam, o.rol, o.kenmerken, o.profiel).where(o.oin == str(oin))
    with _engine(bron).connect() as connection:
        rij = connection.execute(query).first()
    return None if rij is None else _organisatie(rij)


def _relaties_query(moment: datetime | None):
    r = _relaties.c
    query = select(r.intermediair, r.afnemer, r.van, r.tot)
    if moment is None:
        return query.where(r.tot.is_(None))
    return query.where(r.van <= moment, (r.tot.is_(None)) | (r.tot > moment))


def bediende_afnemers(bron, intermediair, moment: datetime | None = None) -> list[Relatie]:
    """The afnemers an intermediair serves now (or at `moment`), for the switch at the top right."""
    r = _relaties.c
    query = _relaties_query(moment).where(r.intermediair == str(intermediair)).order_by(r.afnemer)
    with _engine(bron).connect() as connection:
        return [Relatie(*x) for x in connection.execute(query).all()]


def mededelingen(bron, ook_ingetrokken: bool = False) -> list[MededelingRegel]:
    """Mededelingen newest first; withdrawn ones only when asked for (the beheerder's list)."""
    m = _mededelingen.c
    query = select(m.mededeling_id, m.titel, m.inhoud, m.geplaatst_op, m.ingetrokken_op).order_by(
        m.geplaatst_op.desc(), m.mededeling_id
    )
    if not ook_ingetrokken:
        query = query.where(m.ingetrokken_op.is_(None))
    with _engine(bron).connect() as connection:
        return [MededelingRegel(*x) for x in connection.execute(query).all()]


def audit_trail(
    bron,
    afnemer=None,
    soort: str | None = None,
    sleutel: str | None = None,
    pagina: int = 1,
    per_pagina: int = 50,
) -> Pagina[AuditRegel]:
    """The audit trail, newest first; per afnemer or per aggregate (soort "Dienst", sleutel "OIN/ID")."""
    a = _audit.c
    query = select(
        a.positie, a.moment, a.actor_oin, a.namens, a.soort, a.sleutel, a.gebeurtenis, a.wijzigingen
    )
    if afnemer is not None:
        query = query.where(a.afnemer == str(afnemer))
    if soort is not None:
        query = query.where(a.soort == soort)
    if sleutel is not None:
        query = query.where(a.sleutel == sleutel)
    with _engine(bron).connect() as connection:
        rijen, totaal = _pagina(connection, query.order_by(a.positie.desc()), pagina, per_pagina)
    regels = [AuditRegel(**{**r, "wijzigingen": json.loads(r["wijzigingen"])}) for r in rijen]
    return Pagina(regels, max(1, pagina), max(1, per_pagina), totaal)
