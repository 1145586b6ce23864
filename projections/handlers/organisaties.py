"""Read models for the pages around organisaties: who is who, which intermediair serves whom, mededelingen."""

import json
from collections.abc import Sequence

from projections.handlers.basis import uuid, van_soort
from projections.tabellen import Tabellen
from projections.werkset import OpenIntervallen, Werkset


def _registered(b: "_Batch", g) -> None:
    e = g.event
    b.organisaties.zet(
        {
            "organisatie_uuid": uuid(g),
            "oin": str(e.oin),
            "naam": e.naam,
            "rol": e.rol.value,
            "kenmerken": json.dumps([k.value for k in e.kenmerken]),
            "profiel": None,
            "geregistreerd_op": e.timestamp,
        }
    )


def _details_changed(b: "_Batch", g) -> None:
    e = g.event
    rij = b.organisaties.get((uuid(g),))
    b.organisaties.zet({**rij, "naam": e.naam, "kenmerken": json.dumps([k.value for k in e.kenmerken])})


def _profile_changed(b: "_Batch", g) -> None:
    e = g.event
    p = e.profiel
    profiel = {"toelichting": p.toelichting, "lijst": p.lijst, "bijzonderheden": p.bijzonderheden}
    b.organisaties.zet({**b.organisaties.get((uuid(g),)), "profiel": json.dumps(profiel)})


def _representation_started(b: "_Batch", g) -> None:
    e = g.event
    intermediair = b.organisaties.get((uuid(g),))["oin"]
    b.relaties.begin({"intermediair": intermediair, "afnemer": str(e.afnemer), "van": e.timestamp})


def _representation_ended(b: "_Batch", g) -> None:
    e = g.event
    intermediair = b.organisaties.get((uuid(g),))["oin"]
    b.relaties.sluit((intermediair,), str(e.afnemer), e.timestamp)


def _posted(b: "_Batch", g) -> None:
    e = g.event
    b.mededelingen.zet(
        {
            "mededeling_id": uuid(g),
            "titel": e.titel,
            "inhoud": e.inhoud,
            "geplaatst_op": e.timestamp,
            "ingetrokken_op": None,
        }
    )


def _withdrawn(b: "_Batch", g) -> None:
    e = g.event
    b.mededelingen.zet({**b.mededelingen.get((uuid(g),)), "ingetrokken_op": e.timestamp})


HANDLERS = {
    "Organisatie.Registered": _registered,
    "Organisatie.DetailsChanged": _details_changed,
    "Organisatie.ProfileChanged": _profile_changed,
    "Organisatie.RepresentationStarted": _representation_started,
    "Organisatie.RepresentationEnded": _representation_ended,
    "Mededeling.Posted": _posted,
    "Mededeling.Withdrawn": _withdrawn,
}


class _Batch:
    def __init__(self, connection, t: Tabellen, geheugen=None) -> None:
        self.organisaties = Werkset(connection, t["organisaties"], geheugen)
        self.mededelingen = Werkset(connection, t["mededelingen"], geheugen)
        self.relaties = OpenIntervallen(
            connection, t["intermediair_relaties"], ("intermediair",), "afnemer", geheugen
        )


class OrganisatieProjectie:
    naam = "organisaties"
    versie = 1
    gebeurtenissen = frozenset(HANDLERS)

    def verwerk(self, connection, tabellen: Tabellen, gebeurtenissen: Sequence, geheugen=None) -> None:
        relevant = [g for g in van_soort(gebeurtenissen, "Organisatie", "Mededeling") if g.naam in HANDLERS]
        if not relevant:
            return
        b = _Batch(connection, tabellen, geheugen)
        b.organisaties.laad((uuid(g),) for g in relevant if g.naam.startswith("Organisatie."))
        b.mededelingen.laad((uuid(g),) for g in relevant if g.naam.startswith("Mededeling."))
        for g in relevant:
            HANDLERS[g.naam](b, g)
        b.organisaties.schrijf()
        b.mededelingen.schrijf()
        b.relaties.schrijf()
