"""The store a test runs on: an SQLite file in the test's tmp dir, or, when DATABASE_URL names a PostgreSQL
server, a fresh database of its own on that server (created for the test and dropped after it), so every
test starts on a clean schema and parallel runs never meet."""

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url


def server_url() -> str | None:
    url = os.environ.get("DATABASE_URL", "")
    return url if url.startswith("postgresql") else None


@contextmanager
def fresh_database_url(tmp_path: Path) -> Iterator[str]:
    server = server_url()
    if server is None:
        yield f"sqlite:///{tmp_path / 'portaal.sqlite3'}"
        return
    naam = f"portaal_test_{uuid.uuid4().hex[:12]}"
    beheer = create_engine(make_url(server).set(database="postgres"), isolation_level="AUTOCOMMIT")
    try:
        with beheer.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{naam}"'))
        yield make_url(server).set(database=naam).render_as_string(hide_password=False)
    finally:
        with beheer.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{naam}" WITH (FORCE)'))
        beheer.dispose()
