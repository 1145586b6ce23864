"""Reading the portal's event log in batches, straight from its table, and decoding with the app's mapper.

The library's `select_notifications` builds an ORM object per row; a Core select on the same table gives the
same rows several times faster, which matters when a rebuild reads a million of them.

An event is decoded when a handler first asks for it: its name comes from its topic, so a projection that
the event does not concern never pays for the decoding (a rebuild split by aggregate over several processes
decodes in each only the events of its own aggregates, projections.deel).
"""

from collections.abc import Sequence
from typing import Any

from eventsourcing.utils import resolve_topic
from sqlalchemy.engine import Connection, Engine

from projections.decodering import SnelleDecoder, lees_mapper


class Gebeurtenis:
    """An event, its position in the log, its name ('Berichttype.Created') and its aggregate id as text.

    Built either with its event or, by the reader, with what decodes it (`Gebeurtenis.later`)."""

    __slots__ = ("positie", "naam", "sleutel", "_event", "_ruw")

    def __init__(self, positie: int, event: Any, naam: str, sleutel: str) -> None:
        self.positie, self.naam, self.sleutel = positie, naam, sleutel
        self._event, self._ruw = event, None

    @classmethod
    def later(cls, positie: int, naam: str, sleutel: str, ruw: tuple) -> "Gebeurtenis":
        """Decoded on first use: `ruw` is (decode, *its arguments)."""
        g = cls.__new__(cls)
        g.positie, g.naam, g.sleutel, g._event, g._ruw = positie, naam, sleutel, None, ruw
        return g

    @property
    def event(self) -> Any:
        if self._ruw is not None:
            decodeer, *argumenten = self._ruw
            self._event, self._ruw = decodeer(*argumenten), None
        return self._event

    def __repr__(self) -> str:
        return f"Gebeurtenis({self.positie}, {self.naam!r}, {self.sleutel!r})"


class Bron:
    """The event log of one application: its table, its engine and the mapper that decodes its events.

    `log` is the eventsourcing Application of that log (its `engine`, `recorder` and `mapper` are used)."""

    def __init__(self, log) -> None:
        self.engine: Engine = log.engine
        self.logboek: str = log.name
        self.mapper = lees_mapper(log)
        self.decoder = SnelleDecoder(self.mapper)
        self.tabel = log.recorder.events_record_cls.__table__
        # A log whose events are large (the users register's chunks of mutations) caps every batch.
        self.max_per_batch: int | None = getattr(log, "gebeurtenissen_per_batch", None)
        self._tekst: _Sql | None = None
        # Event name per topic ('Dienst.Linked'), found once: a history has a few dozen topics.
        self._namen: dict[str, str] = {}

    def hoogste(self, connection: Connection | None = None) -> int:
        if connection is None:
            with self.engine.connect() as eigen:
                return self.hoogste(eigen)
        return connection.exec_driver_sql(self._sql(connection).hoogste).scalar() or 0

    def lees(
        self, na: int, limiet: int, connection: Connection | None = None, tot: int | None = None
    ) -> list[Gebeurtenis]:
        """Up to `limiet` events after position `na` (and at most position `tot`), in log order."""
        if connection is None:
            with self.engine.connect() as eigen:
                return self.lees(na, limiet, eigen, tot)
        if self.max_per_batch is not None:
            limiet = min(limiet, self.max_per_batch)
        parameters = (na, tot if tot is not None else 2**62, limiet)
        return self.decodeer(connection.exec_driver_sql(self._sql(connection).lees, parameters).all())

    def _sql(self, connection: Connection) -> "_Sql":
        if self._tekst is None:
            self._tekst = _Sql(connection, self.tabel)
        return self._tekst

    def decodeer(self, rijen: Sequence[tuple]) -> list[Gebeurtenis]:
        """The rows as events, each decoded when first used."""
        decoder, namen, later = self.decoder, self._namen, Gebeurtenis.later
        naar_event, id_van = decoder.event, decoder.id
        uit = []
        for positie, ruw, versie, topic, state in rijen:
            oid, sleutel = id_van(ruw)
            naam = namen.get(topic)
            if naam is None:
                naam = namen[topic] = resolve_topic(topic).__qualname__
            uit.append(later(positie, naam, sleutel, (naar_event, oid, versie, topic, state)))
        return uit


class _Sql:
    """The two statements every catch-up runs, as text written once: a Core select is rebuilt and its
    cache key computed on every call, which cost more than running it. The aggregate id comes as the
    driver returns it (16 bytes on SQLite, a UUID on PostgreSQL): cheaper than the column type's own
    conversion, which dominated reading."""

    def __init__(self, connection: Connection, tabel) -> None:
        p = "%s" if connection.dialect.paramstyle in ("pyformat", "format") else "?"
        naam = connection.dialect.identifier_preparer.format_table(tabel)
        self.hoogste = f"SELECT max(id) FROM {naam}"  # noqa: S608 - the events table's own name
        self.lees = (
            f"SELECT id, originator_id, originator_version, topic, state FROM {naam}"  # noqa: S608
            f" WHERE id > {p} AND id <= {p} ORDER BY id LIMIT {p}"
        )
