"""A small disk of a test's own, to fill: a tmpfs mounted on a temporary folder (as root; containers that
forbid mounting skip the tests that need it, with the reason). Full means what it means on a real disk:
a write fails with ENOSPC, which SQLite reports as SQLITE_FULL."""

import errno
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


class GeenSchijf(Exception):
    """Mounting is not possible here; the message says why."""


@contextmanager
def kleine_schijf(megabytes: int) -> Iterator[Path]:
    map_ = Path(tempfile.mkdtemp(prefix="portaal-schijf-"))
    try:
        if shutil.which("mount") is None:
            raise GeenSchijf("het programma mount ontbreekt")
        opdracht = ["mount", "-t", "tmpfs", "-o", f"size={megabytes}m,mode=0700", "tmpfs", str(map_)]
        gedaan = subprocess.run(opdracht, capture_output=True, text=True)
        if gedaan.returncode != 0:
            raise GeenSchijf(f"een tmpfs koppelen mag hier niet: {gedaan.stderr.strip()}")
        try:
            yield map_
        finally:
            subprocess.run(["umount", "-l", str(map_)], capture_output=True)
    finally:
        shutil.rmtree(map_, ignore_errors=True)


def vul(map_: Path) -> Path:
    """Fill the disk to the last byte with a ballast file; delete that file to free the space again."""
    ballast = map_ / "ballast"
    blok = b"\0" * 65536
    descriptor = os.open(ballast, os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        while True:
            try:
                os.write(descriptor, blok)
            except OSError as fout:
                if fout.errno != errno.ENOSPC:
                    raise
                if len(blok) == 1:
                    return ballast
                blok = blok[: len(blok) // 2]
    finally:
        os.close(descriptor)
