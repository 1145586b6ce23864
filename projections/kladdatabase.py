"""A scratch database next to the live one: a temporary SQLite file, or a temporary PostgreSQL database on
the same server, dropped afterwards. `--verify-all` replays every projection into it."""

import secrets
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import Engine


@contextmanager
def kladdatabase(live: Engine) -> Iterator[Engine]:
    if live.dialect.name != "postgresql":
        with tempfile.TemporaryDirectory(prefix="portaal-replay-") as map_:
            engine = create_engine(f"sqlite:///{Path(map_) / 'replay.sqlite3'}")
            try:
                yield engine
            finally:
                engine.dispose()
        return
    naam = f"portaal_replay_{secrets.token_hex(6)}"
    beheer = create_engine(live.url.set(database="postgres"), isolation_level="AUTOCOMMIT")
    try:
        with beheer.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{naam}"'))
        engine = create_engine(live.url.set(database=naam))
        try:
            yield engine
        finally:
            engine.dispose()
    finally:
        with beheer.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{naam}" WITH (FORCE)'))
        beheer.dispose()
