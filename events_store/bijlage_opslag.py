"""Attachment contents, stored once and addressed by their SHA-256, beside the events in the same database."""

from sqlalchemy import Column, Integer, LargeBinary, MetaData, String, Table, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import Engine

from domain.bijlage import sha256

metadata = MetaData()

bijlage_inhoud = Table(
    "bijlage_inhoud",
    metadata,
    Column("sha256", String(64), primary_key=True),
    Column("grootte", Integer, nullable=False),
    Column("inhoud", LargeBinary, nullable=False),
)


class BijlageOpslag:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        metadata.create_all(engine)

    def bewaar(self, inhoud: bytes) -> str:
        """Idempotent: the same bytes twice are one row."""
        digest = sha256(inhoud)
        insert = pg_insert if self.engine.dialect.name == "postgresql" else sqlite_insert
        statement = insert(bijlage_inhoud).values(sha256=digest, grootte=len(inhoud), inhoud=inhoud)
        with self.engine.begin() as connection:
            connection.execute(statement.on_conflict_do_nothing(index_elements=["sha256"]))
        return digest

    def lees(self, digest: str) -> bytes | None:
        with self.engine.connect() as connection:
            return connection.scalar(select(bijlage_inhoud.c.inhoud).where(bijlage_inhoud.c.sha256 == digest))
