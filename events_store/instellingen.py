"""Persistence chosen by environment: an SQLite file under var/ by default, PostgreSQL by DATABASE_URL."""

import os
from collections.abc import Mapping
from pathlib import Path

DEFAULT_VAR = Path("var")
# Aggregates of recent commands kept per process: small objects (a dienst holds its current links only).
AGGREGATEN_IN_CACHE = 1000


def var_dir(environ: Mapping[str, str] = os.environ) -> Path:
    return Path(environ.get("PORTAAL_VAR", str(DEFAULT_VAR)))


def database_url(environ: Mapping[str, str] = os.environ) -> str:
    url = environ.get("DATABASE_URL")
    if url:
        return url
    directory = var_dir(environ)
    directory.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{(directory / 'portaal.sqlite3').resolve()}"


def persistence_env(url: str, environ: Mapping[str, str] = os.environ) -> dict[str, str]:
    """The eventsourcing library's settings for one application on this database."""
    env = {
        "PERSISTENCE_MODULE": "events_store.opslag:Opslag",
        "SQLALCHEMY_URL": url,
        # The library's aggregate cache: a command on an aggregate used recently reads only the events
        # written since (fast-forward, so other processes' writes are seen) instead of its snapshot and
        # the events after it, and gets a deep copy, so a refused command leaves the cached one untouched.
        "AGGREGATE_CACHE_MAXSIZE": str(AGGREGATEN_IN_CACHE),
    }
    key = environ.get("PORTAAL_CIPHER_KEY")
    if key:
        # Events encrypted at rest with the library's AES cipher; the key comes from configuration only.
        env["CIPHER_TOPIC"] = "eventsourcing.cryptography:AESCipher"
        env["CIPHER_KEY"] = key
    return env
