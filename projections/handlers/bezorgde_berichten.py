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
from projections.kolommen import naar_microseconden
from projections.schrijven import voeg_toe, voeg_tupels_toe
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


BEZORGD = ("bericht_id", "batch_uuid", "afnemer", "berichttype", "bsn", "geplaatst_op", "publicatie_op")


def _bezorgd(sleutel: str, afnemer: str, berichten: list, e) -> list[tuple]:
    """Rows of the berichten processed as Verwerkt: `berichten` as (bericht_id, berichttype, bsn,
    publicatie_op) in delivery order, the moments in microseconds."""
    geplaatst = naar_microseconden(e.timestamp)
    return [
        (bericht_id, sleutel, afnemer, berichttype, bsn, geplaatst, publicatie or geplaatst)
        for (bericht_id, berichttype, bsn, publicatie), (code, *_rest) in zip(
            berichten, e.uitkomsten, strict=True
        )
        if code == VERWERKT
    ]


def _uit_event(e) -> list[tuple]:
    return [
        (b[0], b[1], b[2], naar_microseconden(datetime.fromisoformat(b[4])) if b[4] else None)
        for b in e.berichten
    ]


class BezorgdeBerichtenProjectie:
    naam = "bezorgde_berichten"
    # 2: the index for the impact preview of koppelingen (afnemer, berichttype, bsn, bericht_id).
    versie = 2
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
            if sleutel in ontvangen:
                ontvangst = ontvangen[sleutel]
                bezorgd += _bezorgd(sleutel, str(ontvangst.afnemer), _uit_event(ontvangst), e)
            elif sleutel in eerder:
                afnemer, berichten = eerder[sleutel]
                bezorgd += _bezorgd(sleutel, afnemer, berichten, e)
        voeg_tupels_toe(connection, tabellen["bezorgde_berichten"], BEZORGD, bezorgd)
        if eerder:
            t = tabellen["wachtende_berichten"]
            connection.execute(delete(t).where(t.c.batch_uuid.in_(list(eerder))))

    @staticmethod
    def _wachtende(connection, tabellen: Tabellen, sleutels: list[str]) -> dict[str, tuple[str, list]]:
        """Per batch received earlier: its afnemer and its berichten as `_bezorgd` takes them."""
        if not sleutels:
            return {}
        t = tabellen["wachtende_berichten"]
        kolommen = (t.c.batch_uuid, t.c.afnemer, t.c.bericht_id, t.c.berichttype, t.c.bsn, t.c.publicatie_op)
        rijen = connection.execute(
            select(*kolommen).where(t.c.batch_uuid.in_(sleutels)).order_by(t.c.batch_uuid, t.c.volgnummer)
        )
        per_batch: dict[str, tuple[str, list]] = {}
        for sleutel, afnemer, bericht_id, berichttype, bsn, publicatie in rijen:
            moment = naar_microseconden(publicatie) if publicatie else None
            per_batch.setdefault(sleutel, (afnemer, []))[1].append((bericht_id, berichttype, bsn, moment))
        return per_batch
