"""What happened to every batch: a row per batch with its counts per colour, its counts per reason, a row per
bericht (no BSN), and the totals per hour and per Dutch day on the moments of ontvangst and verwerking.

A batch's two events usually arrive in the same catch-up (embedded processing records them one after the
other); then each row is written once, complete. A batch processed later (by a worker) gets its rows
updated when its `Processed` event comes.
"""

from collections import Counter
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import select

from domain.verwerking import BATCHES, ONTVANGEN, kleur, uitkomst
from projections.handlers.basis import uuid
from projections.schrijven import tel_op, voeg_toe
from projections.tabellen import Tabellen
from projections.tijd import dag_in_nederland, uur_van

ONTVANGST, VERWERKING = "ontvangst", "verwerking"


class _Totalen:
    def __init__(self) -> None:
        self.uren: Counter = Counter()
        self.dagen: Counter = Counter()

    def tel(
        self, afnemer: str, leverancier: str, soort: str, moment: datetime, wat: str, aantal: int
    ) -> None:
        if aantal:
            self.uren[(afnemer, leverancier, soort, uur_van(moment), wat)] += aantal
            self.dagen[(afnemer, leverancier, soort, dag_in_nederland(moment), wat)] += aantal

    def schrijf(self, connection, tabellen: Tabellen) -> None:
        sleutels = ("afnemer", "leverancier", "datumsoort")
        uren = [
            dict(zip((*sleutels, "uur", "uitkomst"), k, strict=True), aantal=n) for k, n in self.uren.items()
        ]
        dagen = [
            dict(zip((*sleutels, "dag", "uitkomst"), k, strict=True), aantal=n) for k, n in self.dagen.items()
        ]
        tel_op(connection, tabellen["verwerking_uren"], uren)
        tel_op(connection, tabellen["verwerking_dagen"], dagen)


class BatchProjectie:
    naam = "batches"
    versie = 2
    logboek = "verwerking"
    gebeurtenissen = frozenset({"Batch.Received", "Batch.Processed"})

    def verwerk(self, connection, tabellen: Tabellen, gebeurtenissen: Sequence, geheugen=None) -> None:
        ontvangen = {uuid(g): g.event for g in gebeurtenissen if g.naam == "Batch.Received"}
        verwerkt = {uuid(g): g.event for g in gebeurtenissen if g.naam == "Batch.Processed"}
        totalen = _Totalen()
        batches, berichten = [], []
        for sleutel, e in ontvangen.items():
            leverancier, afnemer = str(e.leverancier), str(e.afnemer)
            totalen.tel(afnemer, leverancier, ONTVANGST, e.timestamp, BATCHES, 1)
            totalen.tel(afnemer, leverancier, ONTVANGST, e.timestamp, ONTVANGEN, len(e.berichten))
            rij = {
                "batch_uuid": sleutel,
                "batch_id": e.batch_id,
                "leverancier": leverancier,
                "afnemer": afnemer,
                "aanmaakdatum": e.aanmaakdatum,
                "ontvangen_op": e.timestamp,
                "aantal": len(e.berichten),
                "verwerkt_op": None,
                "proceskenmerk": None,
                "verwerkt": 0,
                "waarschuwing": 0,
                "niet_verwerkt": 0,
            }
            uitkomsten = verwerkt[sleutel].uitkomsten if sleutel in verwerkt else None
            proceskenmerk = verwerkt[sleutel].proceskenmerk if sleutel in verwerkt else None
            for volgnummer, b in enumerate(e.berichten):
                code, stadium, waarschuwing, reden = uitkomsten[volgnummer] if uitkomsten else (None,) * 4
                berichten.append(
                    {
                        "batch_uuid": sleutel,
                        "volgnummer": volgnummer,
                        "bericht_id": b[0],
                        "berichttype": b[1],
                        "code": code,
                        "stadium": stadium,
                        "waarschuwing": waarschuwing,
                        "reden": reden,
                        "proceskenmerk": proceskenmerk,
                    }
                )
            batches.append(rij)
        voeg_toe(connection, tabellen["batches"], batches)
        voeg_toe(connection, tabellen["verwerkte_berichten"], berichten)
        eerder = self._eerder_ontvangen(connection, tabellen, [k for k in verwerkt if k not in ontvangen])
        redenen = []
        for sleutel, e in verwerkt.items():
            batch = {**ontvangen_rij(ontvangen[sleutel])} if sleutel in ontvangen else eerder[sleutel]
            redenen += self._verwerkt(
                connection, tabellen, sleutel, batch, e, totalen, sleutel not in ontvangen
            )
        voeg_toe(connection, tabellen["batch_redenen"], redenen)
        totalen.schrijf(connection, tabellen)

    @staticmethod
    def _eerder_ontvangen(connection, tabellen: Tabellen, sleutels: list[str]) -> dict[str, dict]:
        if not sleutels:
            return {}
        t = tabellen["batches"]
        kolommen = (t.c.batch_uuid, t.c.leverancier, t.c.afnemer, t.c.ontvangen_op)
        rijen = connection.execute(select(*kolommen).where(t.c.batch_uuid.in_(sleutels))).all()
        return {r[0]: {"leverancier": r[1], "afnemer": r[2], "ontvangen_op": r[3]} for r in rijen}

    @staticmethod
    def _verwerkt(connection, tabellen, sleutel, batch, e, totalen: _Totalen, bijwerken: bool) -> list[dict]:
        afnemer, leverancier, ontvangen_op = batch["afnemer"], batch["leverancier"], batch["ontvangen_op"]
        totalen.tel(afnemer, leverancier, VERWERKING, e.timestamp, BATCHES, 1)
        totalen.tel(afnemer, leverancier, VERWERKING, e.timestamp, ONTVANGEN, len(e.uitkomsten))
        per_uitkomst: Counter = Counter()
        per_reden: Counter = Counter()
        for code, _stadium, waarschuwing, reden in e.uitkomsten:
            per_uitkomst[uitkomst(code, waarschuwing)] += 1
            per_reden[(kleur(code, waarschuwing).value, code, waarschuwing or reden or "")] += 1
        for wat, aantal in per_uitkomst.items():
            totalen.tel(afnemer, leverancier, ONTVANGST, ontvangen_op, wat, aantal)
            totalen.tel(afnemer, leverancier, VERWERKING, e.timestamp, wat, aantal)
        per_kleur: Counter = Counter()
        for (kleur_, _code, _reden), aantal in per_reden.items():
            per_kleur[kleur_] += aantal
        t = tabellen["batches"]
        waarden = {
            "verwerkt_op": e.timestamp,
            "proceskenmerk": e.proceskenmerk,
            "verwerkt": per_kleur["groen"],
            "waarschuwing": per_kleur["oranje"],
            "niet_verwerkt": per_kleur["rood"],
        }
        connection.execute(t.update().where(t.c.batch_uuid == sleutel).values(**waarden))
        if bijwerken:
            _werk_berichten_bij(connection, tabellen, sleutel, e)
        return [
            {"batch_uuid": sleutel, "kleur": k, "code": c, "reden": r, "aantal": n}
            for (k, c, r), n in per_reden.items()
        ]


def ontvangen_rij(e) -> dict:
    return {"leverancier": str(e.leverancier), "afnemer": str(e.afnemer), "ontvangen_op": e.timestamp}


def _werk_berichten_bij(connection, tabellen: Tabellen, sleutel: str, e) -> None:
    t = tabellen["verwerkte_berichten"]
    q = connection.dialect.identifier_preparer.quote
    p = "%s" if connection.dialect.paramstyle in ("pyformat", "format") else "?"
    kolommen = ("code", "stadium", "waarschuwing", "reden", "proceskenmerk")
    zet = ", ".join(f"{q(k)} = {p}" for k in kolommen)
    sql = f"UPDATE {q(t.name)} SET {zet} WHERE batch_uuid = {p} AND volgnummer = {p}"  # noqa: S608
    connection.exec_driver_sql(
        sql, [(*u, e.proceskenmerk, sleutel, volgnummer) for volgnummer, u in enumerate(e.uitkomsten)]
    )
