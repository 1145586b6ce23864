"""A PostgreSQL cluster of a test's own, on a free port and a socket in its own folder, for the fault tests
that stop and restart the server: the shared server (DATABASE_URL) serves every other test and process and
is never touched.

PostgreSQL refuses to run as root: as root, its programs run as the `postgres` user (`runuser`), and the
cluster's folder (outside pytest's root-only tmp dir) belongs to that user.
"""

import contextlib
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

from sqlalchemy import create_engine, text


def bin_map() -> Path | None:
    """The newest installed server's programs (Debian keeps them off the PATH), or those on the PATH."""
    kandidaten = sorted(
        Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"),
        key=lambda p: int(p.parts[-3]) if p.parts[-3].isdigit() else 0,
    )
    if kandidaten:
        return kandidaten[-1].parent
    gevonden = shutil.which("pg_ctl")
    return Path(gevonden).parent if gevonden else None


def waarom_niet() -> str | None:
    """Why a private cluster cannot be made here, or None when it can."""
    if bin_map() is None or not (bin_map() / "initdb").exists():
        return "initdb en pg_ctl van PostgreSQL zijn niet geïnstalleerd"
    if os.geteuid() == 0:
        try:
            pwd.getpwnam("postgres")
        except KeyError:
            return "als root is een gebruiker postgres nodig om PostgreSQL te draaien"
        if shutil.which("runuser") is None:
            return "runuser ontbreekt"
    return None


def _vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class PriveCluster:
    def __init__(self) -> None:
        self.bin = bin_map()
        self.map = Path(tempfile.mkdtemp(prefix="portaal-pg-"))
        self.data = self.map / "data"
        self.poort = _vrije_poort()
        if os.geteuid() == 0:
            gebruiker = pwd.getpwnam("postgres")
            os.chown(self.map, gebruiker.pw_uid, gebruiker.pw_gid)
        self._als_postgres(
            "initdb", "-D", str(self.data), "-U", "postgres", "-A", "trust", "--no-sync", "-E", "UTF8",
            "--locale=C",
        )  # fmt: skip

    def _als_postgres(self, programma: str, *args: str, **opties) -> subprocess.CompletedProcess:
        opdracht = [str(self.bin / programma), *args]
        if os.geteuid() == 0:
            opdracht = ["runuser", "-u", "postgres", "--", *opdracht]
        return subprocess.run(opdracht, check=True, capture_output=True, text=True, timeout=60, **opties)

    def start(self) -> None:
        instellingen = (
            f"-p {self.poort} -k {self.map} -c listen_addresses=127.0.0.1 -c fsync=off "
            "-c full_page_writes=off -c max_connections=100"
        )
        self._als_postgres(
            "pg_ctl", "-D", str(self.data), "-l", str(self.map / "log"), "-w", "-t", "30", "-o", instellingen,
            "start",
        )  # fmt: skip

    def stop(self, modus: str = "fast") -> None:
        self._als_postgres("pg_ctl", "-D", str(self.data), "-m", modus, "-w", "-t", "30", "stop")

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.poort}/{database}"

    def maak_database(self, naam: str) -> str:
        beheer = create_engine(self.url(), isolation_level="AUTOCOMMIT")
        try:
            with beheer.connect() as connection:
                connection.execute(text(f'CREATE DATABASE "{naam}"'))
        finally:
            beheer.dispose()
        return self.url(naam)

    def opruimen(self) -> None:
        with contextlib.suppress(subprocess.CalledProcessError):  # already stopped
            self.stop("immediate")
        shutil.rmtree(self.map, ignore_errors=True)
