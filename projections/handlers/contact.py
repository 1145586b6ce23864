"""Read model of the contactberichten: what the beheerder reads under Beheer. One row per message, never
changed after it is written, so a batch is a single insert."""

from collections.abc import Sequence

from projections.handlers.basis import uuid
from projections.schrijven import voeg_toe
from projections.tabellen import Tabellen


def _rij(g) -> dict:
    e = g.event
    return {
        "contactbericht_uuid": uuid(g),
        "verstuurd_op": e.timestamp,
        "afzender_oin": str(e.actor.oin),
        "namens": str(e.actor.namens),
        "onderwerp": e.onderwerp,
        "bericht": e.bericht,
        "email": e.email,
    }


class ContactberichtProjectie:
    naam = "contactberichten"
    versie = 1
    gebeurtenissen = frozenset({"Contactbericht.Sent"})

    def verwerk(self, connection, tabellen: Tabellen, gebeurtenissen: Sequence, geheugen=None) -> None:
        rijen = [_rij(g) for g in gebeurtenissen if g.naam in self.gebeurtenissen]
        if rijen:
            voeg_toe(connection, tabellen["contactberichten"], rijen)
