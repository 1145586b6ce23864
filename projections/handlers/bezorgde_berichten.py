"""The berichten placed in a Berichtenbox, each with its belanghebbende's BSN, afnemer, berichttype and the
moments it was placed and published: the ground of the access questions (who could read which bericht).

Only berichten processed as Verwerkt are placed. A bericht received but not yet processed waits in a table of
this projection's own, so a batch processed by a worker long after its delivery still finds its berichten.
"""

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import delete, select

from domain.verwerking import VerwerkingsCode
from projections.handlers.basis import uuid
from projections.schrijven import voeg_toe
from projections.tabellen import Tabellen

VERWERKT = VerwerkingsCode.VERWERKT.value


def _wachtend(sleutel: str, e) -> list[dict]:
    afnemer = str(e.afnemer)
    return [
        {
            "batch_uuid": sleutel,
            "volgnummer": volgnummer,
            "bericht_id": b[0],
            "afnemer": afnemer,
            "berichttype": b[1],
            "bsn": b[2],
            "publicatie_op": datetime.fromisoformat(b[4]) if b[4] else None,
        }
        for volgnummer, b in enumerate(e.berichten)
    ]


class BezorgdeBerichtenProjectie:
    naam = "bezorgde_berichten"
    versie = 1
    logboek = "verwerking"
    gebeurtenissen = frozenset({"Batch.Received", "Batch.Processed"})

    def verwerk(self, connection, tabellen: Tabellen, gebeurtenissen: Sequence, geheugen=None) -> None:
        ontvangen = {uuid(g): g.event for g in gebeurtenissen if g.naam == "Batch.Received"}
        verwerkt = {uuid(g): g.event for g in gebeurtenissen if g.naam == "Batch.Processed"}
        wachtend = [r for k, e in ontvangen.items() if k not in verwerkt for r in _wachtend(k, e)]
        voeg_toe(connection, tabellen["wachtende_berichten"], wachtend)
        eerder = self._wachtende(connection, tabellen, [k for k in verwerkt if k not in ontvangen])
        bezorgd = []
        for sleutel, e in verwerkt.items():
            berichten = (
                _wachtend(sleutel, ontvangen[sleutel]) if sleutel in ontvangen else eerder.get(sleutel, [])
            )
            for bericht, (code, *_rest) in zip(berichten, e.uitkomsten, strict=True):
                if code == VERWERKT:
                    publicatie = bericht.pop("publicatie_op") or e.timestamp
                    del bericht["volgnummer"]
                    bezorgd.append({**bericht, "geplaatst_op": e.timestamp, "publicatie_op": publicatie})
        voeg_toe(connection, tabellen["bezorgde_berichten"], bezorgd)
        if eerder:
            t = tabellen["wachtende_berichten"]
            connection.execute(delete(t).where(t.c.batch_uuid.in_(list(eerder))))

    @staticmethod
    def _wachtende(connection, tabellen: Tabellen, sleutels: list[str]) -> dict[str, list[dict]]:
        if not sleutels:
            return {}
        t = tabellen["wachtende_berichten"]
        rijen = connection.execute(
            select(t).where(t.c.batch_uuid.in_(sleutels)).order_by(t.c.batch_uuid, t.c.volgnummer)
        ).mappings()
        per_batch: dict[str, list[dict]] = {}
        for rij in rijen:
            per_batch.setdefault(rij["batch_uuid"], []).append(dict(rij))
        return per_batch
