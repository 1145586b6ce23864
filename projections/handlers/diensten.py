"""Dienst overzicht: Dienst ID exactly as entered, omschrijving, status and the moment of deactivation."""

from collections.abc import Sequence

from projections.handlers.basis import uuid, van_soort
from projections.tabellen import Tabellen
from projections.werkset import Werkset

ACTIEF, INACTIEF = "Actief", "Inactief"


def _created(w: Werkset, g) -> None:
    e = g.event
    w.zet(
        {
            "dienst_uuid": uuid(g),
            "afnemer": str(e.afnemer),
            "dienst_id": e.dienst_id.waarde,
            "omschrijving": e.omschrijving,
            "status": ACTIEF,
            "gedeactiveerd_op": None,
            "aangemaakt_op": e.timestamp,
        }
    )


def _description_changed(w: Werkset, g) -> None:
    e = g.event
    w.zet({**w.get((uuid(g),)), "omschrijving": e.omschrijving})


def _deactivated(w: Werkset, g) -> None:
    e = g.event
    w.zet({**w.get((uuid(g),)), "status": INACTIEF, "gedeactiveerd_op": e.timestamp})


def _reactivated(w: Werkset, g) -> None:
    w.zet({**w.get((uuid(g),)), "status": ACTIEF, "gedeactiveerd_op": None})


HANDLERS = {
    "Dienst.Created": _created,
    "Dienst.DescriptionChanged": _description_changed,
    "Dienst.Deactivated": _deactivated,
    "Dienst.Reactivated": _reactivated,
}


class DienstProjectie:
    naam = "diensten"
    versie = 1
    gebeurtenissen = frozenset(HANDLERS)

    def verwerk(self, connection, tabellen: Tabellen, gebeurtenissen: Sequence, geheugen=None) -> None:
        relevant = [g for g in van_soort(gebeurtenissen, "Dienst") if g.naam in HANDLERS]
        if not relevant:
            return
        w = Werkset(connection, tabellen["dienst_overzicht"], geheugen)
        w.laad((uuid(g),) for g in relevant)
        for g in relevant:
            HANDLERS[g.naam](w, g)
        w.schrijf()
