"""The store a test runs on: an SQLite file in the test's tmp dir, or, when DATABASE_URL names a PostgreSQL
server, a fresh database of its own on that server (created for the test and dropped after it), so every
test starts on a clean schema and parallel runs never meet."""

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from scripts.bench.tijdelijke_database import postgres_database


def server_url() -> str | None:
    url = os.environ.get("DATABASE_URL", "")
    return url if url.startswith("postgresql") else None


@contextmanager
def fresh_database_url(tmp_path: Path) -> Iterator[str]:
    server = server_url()
    if server is None:
        yield f"sqlite:///{tmp_path / 'portaal.sqlite3'}"
        return
    with postgres_database(server, "portaal_test") as url:
        yield url
