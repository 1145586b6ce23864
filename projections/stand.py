"""Where every event log's head, every projection and the processing queue stand, in one statement: what
`/readyz` and the metrics ask on every probe and scrape, so it must stay a handful of index lookups (the
head of each log is its primary key's maximum, the positions a table of a dozen rows, the queue an index
range on `ix_batches_wachtrij`)."""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Table
from sqlalchemy.engine import Connection

from projections import tracking
from projections.kolommen import uit_microseconden
from projections.tabellen import tabel


@dataclass(frozen=True)
class RuweStand:
    """`koppen`: the newest position per event log; `posities`: (position, version of the code that built
    its tables) per position row, rebuilds in progress (`naam#token`) included; the queue: how many batches
    wait and since when the oldest."""

    koppen: dict[str, int]
    posities: dict[str, tuple[int, int]]
    wachtend: int
    oudste_wachtend: datetime | None


class Standvraag:
    """The statement, written once per process as text (as projections.tracking does for the catch-up)."""

    def __init__(self, eventtabellen: Mapping[str, Table]) -> None:
        """`eventtabellen`: the events table of each log, by the log's name."""
        self._eventtabellen = dict(eventtabellen)
        self._sql: str | None = None

    def lees(self, connection: Connection) -> RuweStand:
        koppen: dict[str, int] = {}
        posities: dict[str, tuple[int, int]] = {}
        wachtend, oudste = 0, None
        for soort, naam, getal, extra in connection.exec_driver_sql(self._tekst(connection)):
            if soort == "kop":
                koppen[naam] = getal or 0
            elif soort == "positie":
                posities[naam] = (getal, extra)
            else:
                wachtend = getal or 0
                oudste = uit_microseconden(extra) if extra is not None else None
        return RuweStand(koppen, posities, wachtend, oudste)

    def _tekst(self, connection: Connection) -> str:
        if self._sql is None:
            quote = connection.dialect.identifier_preparer
            delen = []
            for naam, tabel_ in self._eventtabellen.items():
                if not naam.isidentifier():
                    raise ValueError(f"onverwachte naam van een eventlog: {naam!r}")
                delen.append(
                    f"SELECT 'kop', '{naam}', (SELECT max(id) FROM {quote.format_table(tabel_)}), 0"  # noqa: S608
                )
            posities = quote.format_table(tracking.posities)
            delen.append(f"SELECT 'positie', projectie, positie, versie FROM {posities}")  # noqa: S608
            batches = quote.format_table(tabel("batches"))
            delen.append(
                f"SELECT 'wachtrij', '', count(*), min(ontvangen_op) FROM {batches}"  # noqa: S608
                " WHERE verwerkt_op IS NULL"
            )
            self._sql = " UNION ALL ".join(delen)
        return self._sql
