"""The read gateway's part for the reports: Berichtverwerking, Totalen and the user figures on Home. Mixed
into `Lezen`, so views still read through the one gateway; the queries live in projections/."""

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy.engine import Engine

from domain.waarden import Oin
from projections import gebruikers_queries, queries, rapportage_queries, verwerking_queries
from projections.queries import Pagina
from projections.rapportage_queries import Batchfilter, Foutregel, Periode, Redenregel, Telling
from projections.verwerking_queries import BatchRegel


@dataclass(frozen=True)
class Batchoverzicht:
    """The Berichtverwerking result: the figures per berichtleverancier, and one page of the batches."""

    per_leverancier: list[Telling]
    batches: Pagina[BatchRegel]


@dataclass(frozen=True)
class Maandstand:
    """The user figures at the end of a month (or today, for the current month)."""

    maand: date  # the first day of the month
    dag: date  # the day the figures are of
    actief: int
    ontvangend: int


VERWERKING, CONFIGURATIE, GEBRUIKERS = "verwerking", "portaal", "gebruikers"


class Rapportage:
    """Each read catches up only the log its read models follow."""

    _bron: Callable[..., Engine]

    def totalen(self, afnemer: Oin, periode: Periode) -> list[Telling]:
        return rapportage_queries.totalen(self._bron(VERWERKING), afnemer.waarde, periode)

    def batchoverzicht(
        self, afnemer: Oin, filter_: Batchfilter, pagina: int, per_pagina: int
    ) -> Batchoverzicht:
        bron = self._bron(VERWERKING)
        tellingen = rapportage_queries.per_leverancier(bron, afnemer.waarde, filter_)
        totaal = sum(t.batches for t in tellingen)
        lijst = rapportage_queries.batches(bron, afnemer.waarde, filter_, pagina, per_pagina, totaal)
        return Batchoverzicht(tellingen, lijst)

    def redenen(
        self, afnemer: Oin, filter_: Batchfilter, kleur: str, batch: BatchRegel | None = None
    ) -> list[Redenregel]:
        sleutel = batch.batch_uuid if batch is not None else None
        return rapportage_queries.redenen(self._bron(VERWERKING), afnemer.waarde, filter_, kleur, sleutel)

    def batch_van_afnemer(self, afnemer: Oin, batch_id: str) -> BatchRegel | None:
        return rapportage_queries.batch_van_afnemer(self._bron(VERWERKING), afnemer.waarde, batch_id)

    def berichtenpagina(self, batch: BatchRegel, pagina: int, per_pagina: int) -> Pagina:
        """One page of a batch's berichten in delivery order: a range of volgnummers, read by its key."""
        regels = verwerking_queries.berichten_van_batch(
            self._bron(VERWERKING), batch.batch_uuid, (pagina - 1) * per_pagina, per_pagina
        )
        return Pagina(regels, pagina, per_pagina, batch.aantal)

    def berichten_van_batch(self, batch: BatchRegel) -> Iterator[Foutregel]:
        return rapportage_queries.berichten_van_batch(self._bron(VERWERKING), batch)

    def niet_verwerkte_berichten(self, afnemer: Oin, filter_: Batchfilter) -> Iterator[Foutregel]:
        return rapportage_queries.niet_verwerkte_berichten(self._bron(VERWERKING), afnemer.waarde, filter_)

    def namen(self, oins: set[str]) -> dict[str, str]:
        """The names of these organisaties (berichtleveranciers), by OIN; unknown ones are left out."""
        if not oins:
            return {}
        return {r.oin: r.naam for r in queries.organisaties(self._bron(CONFIGURATIE), oins=oins)}

    def gebruikers_per_maand(self, afnemer: Oin | None, vandaag: date, maanden: int = 12) -> list[Maandstand]:
        """The last `maanden` months up to `vandaag`, each with its figures at its last day (today for the
        current month), oldest first."""
        eerste = _maand_terug(vandaag.replace(day=1), maanden - 1)
        per_dag = {
            d.dag: d
            for d in gebruikers_queries.per_dag(
                self._bron(GEBRUIKERS), afnemer.waarde if afnemer else None, eerste, vandaag
            )
        }
        standen = []
        maand = eerste
        while maand <= vandaag:
            volgende = _maand_terug(maand, -1)
            dag = min(volgende - timedelta(days=1), vandaag)
            telling = per_dag.get(dag)
            actief = telling.actief if telling else 0
            ontvangend = telling.ontvangend if telling else 0
            standen.append(Maandstand(maand, dag, actief, ontvangend if afnemer else actief))
            maand = volgende
        return standen


def _maand_terug(maand: date, aantal: int) -> date:
    """The first day of the month `aantal` months before `maand` (negative: after)."""
    index = maand.year * 12 + maand.month - 1 - aantal
    return date(index // 12, index % 12 + 1, 1)
