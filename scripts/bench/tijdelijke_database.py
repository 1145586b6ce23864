"""A PostgreSQL database of a benchmark's own: created fresh on the given server, dropped afterwards."""

import uuid
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url


@contextmanager
def postgres_database(server: str, voorvoegsel: str = "portaal_bench") -> Iterator[str]:
    """Yields the new database's URL (password kept: worker processes connect with it)."""
    naam = f"{voorvoegsel}_{uuid.uuid4().hex[:12]}"
    beheer = create_engine(make_url(server).set(database="postgres"), isolation_level="AUTOCOMMIT")
    try:
        with beheer.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{naam}"'))
        yield make_url(server).set(database=naam).render_as_string(hide_password=False)
    finally:
        with beheer.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{naam}" WITH (FORCE)'))
        beheer.dispose()
