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
from sqlalchemy.engine import Connection, Engine

from events_store.zonder_fsync import transactie_zonder_fsync

metadata = MetaData()

bericht_inhoud = Table(
    "bericht_inhoud",
    metadata,
    Column("sha256", String(64), primary_key=True),
    Column("inhoud", LargeBinary, nullable=False),
)

# Written when this many contents or bytes are waiting: few statements for a batch of short berichten, and
# never more than a few megabytes held for one with large bijlagen.
PER_KEER = 1000
BYTES_PER_KEER = 8 * 1024 * 1024


def adres(inhoud: bytes) -> str:
    return hashlib.sha256(inhoud).hexdigest()


class Inhoudschrijver:
    """Collects contents during one delivery and writes them in a few statements, all in the delivery's
    transaction: a batch refused halfway leaves nothing behind."""

    def __init__(self, opslag: "BerichtinhoudOpslag", connection: Connection) -> None:
        self._opslag = opslag
        self._connection = connection
        self._wachtend: dict[str, bytes] = {}
        self._bytes = 0

    def bewaar(self, inhoud: bytes) -> str:
        sleutel = adres(inhoud)
        self._wachtend[sleutel] = inhoud
        self._bytes += len(inhoud)
        if len(self._wachtend) >= PER_KEER or self._bytes >= BYTES_PER_KEER:
            self.schrijf()
        return sleutel

    def schrijf(self) -> None:
        if self._wachtend:
            self._opslag.schrijf(self._connection, self._wachtend.items())
            self._wachtend, self._bytes = {}, 0


class BerichtinhoudOpslag:
    def __init__(self, engine: Engine, cipher: Cipher | None = None) -> None:
        self.engine = engine
        self._cipher = cipher
        metadata.create_all(engine)
        p = "%s" if engine.dialect.paramstyle in ("pyformat", "format") else "?"
        # Only the driver's placeholder style varies; the values always go as parameters.
        self._insert = f"INSERT INTO bericht_inhoud (sha256, inhoud) VALUES ({p}, {p}) ON CONFLICT DO NOTHING"  # noqa: S608

    @contextmanager
    def levering(self) -> Iterator[Inhoudschrijver]:
        """One transaction for the contents of one delivery; rolled back if the delivery is refused. Durable
        with the delivery's event, which is committed right after it (events_store.zonder_fsync)."""
        with transactie_zonder_fsync(self.engine) as connection:
            schrijver = Inhoudschrijver(self, connection)
            yield schrijver
            schrijver.schrijf()

    def schrijf(self, connection: Connection, inhouden: Iterable[tuple[str, bytes]]) -> None:
        """Idempotent: contents already stored are left as they are."""
        versleuteld = self._cipher.encrypt if self._cipher is not None else bytes
        # In key order: a thousand random keys find their B-tree pages far faster one after the other.
        connection.exec_driver_sql(self._insert, [(s, versleuteld(i)) for s, i in sorted(inhouden)])

    def lees(self, sleutel: str) -> bytes | None:
        with self.engine.connect() as connection:
            opgeslagen = connection.scalar(
                select(bericht_inhoud.c.inhoud).where(bericht_inhoud.c.sha256 == sleutel)
            )
        if opgeslagen is None:
            return None
        return self._cipher.decrypt(opgeslagen) if self._cipher is not None else opgeslagen
