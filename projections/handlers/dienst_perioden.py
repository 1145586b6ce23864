"""The periods in which each dienst was active, [van, tot): it is active from its creation until its
deactivation, and again from each reactivation. The access rule asks whether a machtiging's dienst was active
at the moment of reading."""

from collections.abc import Sequence

from sqlalchemy import select

from projections.handlers.basis import uuid, van_soort
from projections.tabellen import Tabellen
from projections.werkset import OpenIntervallen

HANDLERS = frozenset({"Dienst.Created", "Dienst.Deactivated", "Dienst.Reactivated"})


class DienstPeriodeProjectie:
    naam = "dienst_perioden"
    versie = 1
    gebeurtenissen = HANDLERS

    def verwerk(self, connection, tabellen: Tabellen, gebeurtenissen: Sequence, geheugen=None) -> None:
        relevant = [g for g in van_soort(gebeurtenissen, "Dienst") if g.naam in HANDLERS]
        if not relevant:
            return
        tabel = tabellen["dienst_perioden"]
        open_ = OpenIntervallen(connection, tabel, ("dienst_uuid",), "dienst_uuid", geheugen)
        namen: dict[str, tuple[str, str]] = {}
        open_.laad({(uuid(g),) for g in relevant if g.naam != "Dienst.Created"})
        for g in relevant:
            sleutel, e = uuid(g), g.event
            if g.naam == "Dienst.Created":
                namen[sleutel] = (str(e.afnemer), e.dienst_id.waarde)
                self._begin(open_, sleutel, namen[sleutel], e.timestamp)
            elif g.naam == "Dienst.Deactivated":
                open_.sluit((sleutel,), sleutel, e.timestamp)
            else:
                if sleutel not in namen:
                    namen[sleutel] = self._naam(connection, tabel, sleutel)
                self._begin(open_, sleutel, namen[sleutel], e.timestamp)
        open_.schrijf()

    @staticmethod
    def _begin(open_: OpenIntervallen, sleutel: str, naam: tuple[str, str], van) -> None:
        afnemer, dienst_id = naam
        open_.begin({"dienst_uuid": sleutel, "afnemer": afnemer, "dienst_id": dienst_id, "van": van})

    @staticmethod
    def _naam(connection, tabel, sleutel: str) -> tuple[str, str]:
        query = select(tabel.c.afnemer, tabel.c.dienst_id).where(tabel.c.dienst_uuid == sleutel).limit(1)
        afnemer, dienst_id = connection.execute(query).one()
        return afnemer, dienst_id
