"""The contents of delivered berichten (onderwerp, tekst, persoonlijke bijlagen), stored once outside the
events and addressed by the SHA-256 of their plain bytes, beside the events in the same database.

With `PORTAAL_CIPHER_KEY` set they are encrypted with the event log's own cipher (AES-GCM), so the stored
bytes hold no BSN or text in the clear; the address stays the hash of the plain bytes, so the same contents
delivered twice are still one row.
"""

import hashlib
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from eventsourcing.persistence import Cipher
from sqlalchemy import Column, LargeBinary, MetaData, String, Table, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import Connection, Engine

metadata = MetaData()

bericht_inhoud = Table(
    "bericht_inhoud",
    metadata,
    Column("sha256", String(64), primary_key=True),
    Column("inhoud", LargeBinary, nullable=False),
)

# Rows per insert statement: large enough to amortise the round trip, small enough for SQLite's limits.
PER_KEER = 500


def adres(inhoud: bytes) -> str:
    return hashlib.sha256(inhoud).hexdigest()


class Inhoudschrijver:
    """Collects contents during one delivery and writes them in a few statements, all in the delivery's
    transaction: a batch refused halfway leaves nothing behind."""

    def __init__(self, opslag: "BerichtinhoudOpslag", connection: Connection) -> None:
        self._opslag = opslag
        self._connection = connection
        self._wachtend: dict[str, bytes] = {}

    def bewaar(self, inhoud: bytes) -> str:
        sleutel = adres(inhoud)
        self._wachtend[sleutel] = inhoud
        if len(self._wachtend) >= PER_KEER:
            self.schrijf()
        return sleutel

    def schrijf(self) -> None:
        if self._wachtend:
            self._opslag.schrijf(self._connection, self._wachtend.items())
            self._wachtend = {}


class BerichtinhoudOpslag:
    def __init__(self, engine: Engine, cipher: Cipher | None = None) -> None:
        self.engine = engine
        self._cipher = cipher
        self._insert = pg_insert if engine.dialect.name == "postgresql" else sqlite_insert
        metadata.create_all(engine)

    @contextmanager
    def levering(self) -> Iterator[Inhoudschrijver]:
        """One transaction for the contents of one delivery; rolled back if the delivery is refused."""
        with self.engine.begin() as connection:
            schrijver = Inhoudschrijver(self, connection)
            yield schrijver
            schrijver.schrijf()

    def schrijf(self, connection: Connection, inhouden: Iterable[tuple[str, bytes]]) -> None:
        """Idempotent: contents already stored are left as they are."""
        versleuteld = self._cipher.encrypt if self._cipher is not None else bytes
        rijen = [{"sha256": s, "inhoud": versleuteld(i)} for s, i in inhouden]
        statement = self._insert(bericht_inhoud).on_conflict_do_nothing(index_elements=["sha256"])
        connection.execute(statement, rijen)

    def lees(self, sleutel: str) -> bytes | None:
        with self.engine.connect() as connection:
            opgeslagen = connection.scalar(
                select(bericht_inhoud.c.inhoud).where(bericht_inhoud.c.sha256 == sleutel)
            )
        if opgeslagen is None:
            return None
        return self._cipher.decrypt(opgeslagen) if self._cipher is not None else opgeslagen
