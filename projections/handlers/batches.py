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
from projections.kolommen import naar_microseconden
from projections.schrijven import tel_op, voeg_toe, voeg_tupels_toe
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


BERICHTKOLOMMEN = (
    "batch_uuid",
    "volgnummer",
    "bericht_id",
    "berichttype",
    "code",
    "stadium",
    "waarschuwing",
    "reden",
    "proceskenmerk",
)


class BatchProjectie:
    naam = "batches"
    versie = 2
    logboek = "verwerking"
    gebeurtenissen = frozenset({"Batch.Received", "Batch.Processed"})

    def verwerk(self, connection, tabellen: Tabellen, gebeurtenissen: Sequence, geheugen=None) -> None:
        ontvangen = {uuid(g): g.event for g in gebeurtenissen if g.naam == "Batch.Received"}
        verwerkt = {uuid(g): g.event for g in gebeurtenissen if g.naam == "Batch.Processed"}
        totalen = _Totalen()
        # The outcomes first: a batch received and processed in this same call gets its row complete.
        eerder = self._eerder_ontvangen(connection, tabellen, [k for k in verwerkt if k not in ontvangen])
        uitslagen, redenen = {}, []
        for sleutel, e in verwerkt.items():
            batch = ontvangen_rij(ontvangen[sleutel]) if sleutel in ontvangen else eerder[sleutel]
            uitslagen[sleutel] = _verwerkt(sleutel, batch, e, totalen, redenen)
        batches, berichten = [], []
        for sleutel, e in ontvangen.items():
            leverancier, afnemer = str(e.leverancier), str(e.afnemer)
            totalen.tel(afnemer, leverancier, ONTVANGST, e.timestamp, BATCHES, 1)
            totalen.tel(afnemer, leverancier, ONTVANGST, e.timestamp, ONTVANGEN, len(e.berichten))
            uitslag = uitslagen.get(sleutel, LEGE_UITSLAG)
            batches.append(
                {
                    "batch_uuid": sleutel,
                    "batch_id": e.batch_id,
                    "leverancier": leverancier,
                    "afnemer": afnemer,
                    "aanmaakdatum": e.aanmaakdatum,
                    "ontvangen_op": e.timestamp,
                    "aantal": len(e.berichten),
                    **uitslag,
                }
            )
            if sleutel in verwerkt:
                p = verwerkt[sleutel].proceskenmerk
                berichten += [
                    (sleutel, i, b[0], b[1], u[0], u[1], u[2], u[3], p)
                    for i, (b, u) in enumerate(zip(e.berichten, verwerkt[sleutel].uitkomsten, strict=True))
                ]
            else:
                berichten += [
                    (sleutel, i, b[0], b[1], None, None, None, None, None) for i, b in enumerate(e.berichten)
                ]
        voeg_toe(connection, tabellen["batches"], batches)
        voeg_tupels_toe(connection, tabellen["verwerkte_berichten"], BERICHTKOLOMMEN, berichten)
        later = {k: e for k, e in verwerkt.items() if k not in ontvangen}
        if later:
            _werk_batches_bij(connection, tabellen, {k: uitslagen[k] for k in later})
            for sleutel, e in later.items():
                _werk_berichten_bij(connection, tabellen, sleutel, e)
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


LEGE_UITSLAG = {
    "verwerkt_op": None,
    "proceskenmerk": None,
    "verwerkt": 0,
    "waarschuwing": 0,
    "niet_verwerkt": 0,
}


def _verwerkt(sleutel: str, batch: dict, e, totalen: _Totalen, redenen: list[dict]) -> dict:
    """Count a batch's outcomes into the totals and its reasons; return its row's processing columns.
    Outcomes repeat: they are counted per distinct (code, stadium, waarschuwing, reden), not per bericht."""
    afnemer, leverancier, ontvangen_op = batch["afnemer"], batch["leverancier"], batch["ontvangen_op"]
    totalen.tel(afnemer, leverancier, VERWERKING, e.timestamp, BATCHES, 1)
    totalen.tel(afnemer, leverancier, VERWERKING, e.timestamp, ONTVANGEN, len(e.uitkomsten))
    per_uitkomst: Counter = Counter()
    per_reden: Counter = Counter()
    per_kleur: Counter = Counter()
    for (code, _stadium, waarschuwing, reden), aantal in Counter(map(tuple, e.uitkomsten)).items():
        per_uitkomst[uitkomst(code, waarschuwing)] += aantal
        k = kleur(code, waarschuwing).value
        per_reden[(k, code, waarschuwing or reden or "")] += aantal
        per_kleur[k] += aantal
    for wat, aantal in per_uitkomst.items():
        totalen.tel(afnemer, leverancier, ONTVANGST, ontvangen_op, wat, aantal)
        totalen.tel(afnemer, leverancier, VERWERKING, e.timestamp, wat, aantal)
    redenen += [
        {"batch_uuid": sleutel, "kleur": k, "code": c, "reden": r, "aantal": n}
        for (k, c, r), n in per_reden.items()
    ]
    return {
        "verwerkt_op": e.timestamp,
        "proceskenmerk": e.proceskenmerk,
        "verwerkt": per_kleur["groen"],
        "waarschuwing": per_kleur["oranje"],
        "niet_verwerkt": per_kleur["rood"],
    }


def ontvangen_rij(e) -> dict:
    return {"leverancier": str(e.leverancier), "afnemer": str(e.afnemer), "ontvangen_op": e.timestamp}


def _sql(connection, tabel, kolommen: Sequence[str], sleutel: str) -> str:
    q = connection.dialect.identifier_preparer.quote
    p = "%s" if connection.dialect.paramstyle in ("pyformat", "format") else "?"
    zet = ", ".join(f"{q(k)} = {p}" for k in kolommen)
    return f"UPDATE {q(tabel.name)} SET {zet} WHERE {sleutel.format(p=p)}"  # noqa: S608 - our own names


def _werk_batches_bij(connection, tabellen: Tabellen, uitslagen: dict[str, dict]) -> None:
    """The rows of batches received in an earlier call, processed now: one statement for all of them."""
    kolommen = list(LEGE_UITSLAG)
    sql = _sql(connection, tabellen["batches"], kolommen, "batch_uuid = {p}")
    connection.exec_driver_sql(
        sql,
        [
            (naar_microseconden(u["verwerkt_op"]), *(u[k] for k in kolommen[1:]), sleutel)
            for sleutel, u in uitslagen.items()
        ],
    )


def _werk_berichten_bij(connection, tabellen: Tabellen, sleutel: str, e) -> None:
    kolommen = ("code", "stadium", "waarschuwing", "reden", "proceskenmerk")
    sql = _sql(connection, tabellen["verwerkte_berichten"], kolommen, "batch_uuid = {p} AND volgnummer = {p}")
    connection.exec_driver_sql(
        sql, [(*u, e.proceskenmerk, sleutel, volgnummer) for volgnummer, u in enumerate(e.uitkomsten)]
    )
