"""Koppeling history: one row per interval [van, tot) that a berichttype was linked to a dienst.

An interval ends by an unlink ("ontkoppeld") or by the dienst's deactivation ("dienst gedeactiveerd");
a reactivation restores nothing, as the manual says.
"""

from collections.abc import Sequence

from projections.handlers.basis import uuid, van_soort
from projections.tabellen import Tabellen
from projections.werkset import OpenIntervallen, Werkset

ONTKOPPELD = "ontkoppeld"
DIENST_GEDEACTIVEERD = "dienst gedeactiveerd"


class _Batch:
    def __init__(self, connection, t: Tabellen, geheugen=None) -> None:
        self.diensten = Werkset(connection, t["koppeling_diensten"], geheugen)
        self.open = OpenIntervallen(connection, t["koppelingen"], ("dienst_uuid",), "code", geheugen)

    def groep(self, g) -> tuple[str]:
        return (uuid(g),)


def _created(b: _Batch, g) -> None:
    e = g.event
    b.diensten.zet({"dienst_uuid": uuid(g), "afnemer": str(e.afnemer), "dienst_id": e.dienst_id.waarde})


def _linked(b: _Batch, g) -> None:
    e = g.event
    dienst = b.diensten.get((uuid(g),))
    b.open.begin(
        {
            "afnemer": dienst["afnemer"],
            "dienst_id": dienst["dienst_id"],
            "code": str(e.code),
            "dienst_uuid": uuid(g),
            "van": e.timestamp,
            "einde": None,
        }
    )


def _unlinked(b: _Batch, g) -> None:
    e = g.event
    b.open.sluit(b.groep(g), str(e.code), e.timestamp, einde=ONTKOPPELD)


def _deactivated(b: _Batch, g) -> None:
    e = g.event
    b.open.sluit_alle(b.groep(g), e.timestamp, einde=DIENST_GEDEACTIVEERD)


HANDLERS = {
    "Dienst.Created": _created,
    "Dienst.Linked": _linked,
    "Dienst.Unlinked": _unlinked,
    "Dienst.Deactivated": _deactivated,
}


class KoppelingProjectie:
    naam = "koppelingen"
    versie = 1
    gebeurtenissen = frozenset(HANDLERS)
    per_aggregaat = True  # a dienst's intervals follow from its own events (projections.deel)

    def verwerk(self, connection, tabellen: Tabellen, gebeurtenissen: Sequence, geheugen=None) -> None:
        relevant = [g for g in van_soort(gebeurtenissen, "Dienst") if g.naam in HANDLERS]
        if not relevant:
            return
        b = _Batch(connection, tabellen, geheugen)
        b.diensten.laad((uuid(g),) for g in relevant)
        for g in relevant:
            if g.naam == "Dienst.Created":
                _created(b, g)
        b.open.laad({b.groep(g) for g in relevant if g.naam != "Dienst.Created"})
        for g in relevant:
            if g.naam != "Dienst.Created":
                HANDLERS[g.naam](b, g)
        b.diensten.schrijf()
        b.open.schrijf()
