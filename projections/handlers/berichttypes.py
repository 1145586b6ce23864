"""Berichttype overzicht (one row per berichttype), its attachments in order, and its status history."""

from collections.abc import Sequence

from sqlalchemy import delete, select

from domain.waarden import Status
from projections.handlers.basis import uuid, van_soort
from projections.schrijven import voeg_toe
from projections.tabellen import Tabellen
from projections.werkset import Werkset

_STATUS = {
    "Berichttype.Activated": Status.ACTIEF.value,
    "Berichttype.Deactivated": Status.INACTIEF.value,
    "Berichttype.Archived": Status.ARCHIEF.value,
}


class _Batch:
    def __init__(self, connection, t: Tabellen, geheugen=None) -> None:
        self.connection = connection
        self.t = t
        self.overzicht = Werkset(connection, t["berichttype_overzicht"], geheugen)
        self.historie: list[dict] = []
        self.bijlagen: dict[str, list[dict]] = {}
        self.bijlagen_gewijzigd: set[str] = set()

    def laad_bijlagen(self, uuids: set[str]) -> None:
        tabel = self.t["berichttype_bijlagen"]
        for u in uuids:
            self.bijlagen[u] = []
        query = select(tabel).where(tabel.c.berichttype_uuid.in_(uuids)).order_by(tabel.c.positie)
        for rij in self.connection.execute(query).mappings():
            self.bijlagen[rij["berichttype_uuid"]].append(dict(rij))

    def status(self, g, status: str) -> None:
        e = g.event
        self.historie.append(
            {
                "berichttype_uuid": uuid(g),
                "status": status,
                "moment": e.timestamp,
                "actor_oin": str(e.actor.oin),
                "namens": str(e.actor.namens),
            }
        )

    def zet_bijlagen(self, g, bijlagen: list[dict]) -> None:
        e = g.event
        u = uuid(g)
        self.bijlagen[u] = bijlagen
        self.bijlagen_gewijzigd.add(u)
        rij = self.overzicht.get((u,))
        self.overzicht.zet({**rij, "aantal_bijlagen": len(bijlagen), "gewijzigd_op": e.timestamp})

    def schrijf(self) -> None:
        self.overzicht.schrijf()
        if self.historie:
            voeg_toe(self.connection, self.t["berichttype_statushistorie"], self.historie)
        if self.bijlagen_gewijzigd:
            tabel = self.t["berichttype_bijlagen"]
            self.connection.execute(
                delete(tabel).where(tabel.c.berichttype_uuid.in_(self.bijlagen_gewijzigd))
            )
            rijen = [
                {**b, "berichttype_uuid": u, "positie": i}
                for u in sorted(self.bijlagen_gewijzigd)
                for i, b in enumerate(self.bijlagen[u])
            ]
            if rijen:
                voeg_toe(self.connection, tabel, rijen)


def _created(b: _Batch, g) -> None:
    e = g.event
    b.overzicht.zet(
        {
            "berichttype_uuid": uuid(g),
            "afnemer": str(e.afnemer),
            "code": str(e.code),
            "omschrijving": e.omschrijving,
            "status": Status.NIEUW.value,
            "kenmerk": e.kenmerk.value,
            "aantal_bijlagen": 0,
            "aangemaakt_op": e.timestamp,
            "gewijzigd_op": e.timestamp,
        }
    )
    b.bijlagen.setdefault(uuid(g), [])
    b.status(g, Status.NIEUW.value)


def _details_changed(b: _Batch, g) -> None:
    e = g.event
    rij = b.overzicht.get((uuid(g),))
    b.overzicht.zet(
        {**rij, "omschrijving": e.omschrijving, "kenmerk": e.kenmerk.value, "gewijzigd_op": e.timestamp}
    )


def _status_changed(b: _Batch, g, naam: str) -> None:
    e = g.event
    rij = b.overzicht.get((uuid(g),))
    b.overzicht.zet({**rij, "status": _STATUS[naam], "gewijzigd_op": e.timestamp})
    b.status(g, _STATUS[naam])


def _attachment_added(b: _Batch, g) -> None:
    e = g.event
    r = e.bijlage
    nieuw = {"bijlage_id": r.bijlage_id, "naam": r.naam, "grootte": r.grootte, "sha256": r.sha256}
    b.zet_bijlagen(g, [*b.bijlagen[uuid(g)], nieuw])


def _attachment_removed(b: _Batch, g) -> None:
    e = g.event
    b.zet_bijlagen(g, [x for x in b.bijlagen[uuid(g)] if x["bijlage_id"] != e.bijlage_id])


def _attachment_moved(b: _Batch, g) -> None:
    e = g.event
    # positie is the new index after taking the attachment out of the list, as the aggregate does it.
    huidig = b.bijlagen[uuid(g)]
    bijlage = next(x for x in huidig if x["bijlage_id"] == e.bijlage_id)
    rest = [x for x in huidig if x["bijlage_id"] != e.bijlage_id]
    b.zet_bijlagen(g, [*rest[: e.positie], bijlage, *rest[e.positie :]])


HANDLERS = {
    "Berichttype.Created": _created,
    "Berichttype.DetailsChanged": _details_changed,
    "Berichttype.AttachmentAdded": _attachment_added,
    "Berichttype.AttachmentRemoved": _attachment_removed,
    "Berichttype.AttachmentMoved": _attachment_moved,
}


class BerichttypeProjectie:
    naam = "berichttypes"
    versie = 1
    gebeurtenissen = frozenset([*HANDLERS, *_STATUS])

    def verwerk(self, connection, tabellen: Tabellen, gebeurtenissen: Sequence, geheugen=None) -> None:
        relevant = van_soort(gebeurtenissen, "Berichttype")
        if not relevant:
            return
        b = _Batch(connection, tabellen, geheugen)
        b.overzicht.laad((uuid(g),) for g in relevant)
        b.laad_bijlagen({uuid(g) for g in relevant if g.naam.startswith("Berichttype.Attachment")})
        for g in relevant:
            if g.naam in _STATUS:
                _status_changed(b, g, g.naam)
            elif g.naam in HANDLERS:
                HANDLERS[g.naam](b, g)
        b.schrijf()
