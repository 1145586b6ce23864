"""Workers as real processes (`portaal projections run`, `portaal verwerking run`, `portaal projections
rebuild`) on a test's database, with what they say on stderr collected line by line, so a test can wait
for a sentence, stop them with SIGSTOP and kill them with SIGKILL."""

import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

from projections import hartslag

ROOT = Path(__file__).resolve().parents[2]


class Werker:
    def __init__(self, url: str, *argumenten: str, env: dict[str, str] | None = None) -> None:
        omgeving = {**os.environ, "DATABASE_URL": url, "PYTHONPATH": str(ROOT), **(env or {})}
        self.proces = subprocess.Popen(
            [sys.executable, "-c", "from scripts.cli import main; main()", *argumenten],
            cwd=ROOT,
            env=omgeving,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        self.pid = self.proces.pid
        self.regels: list[str] = []
        self._lezer = threading.Thread(target=self._lees, daemon=True)
        self._lezer.start()

    def _lees(self) -> None:
        for regel in self.proces.stderr:
            self.regels.append(regel.rstrip("\n"))

    def wacht_op_regel(self, tekst: str, seconden: float = 60) -> str:
        """The first line on stderr that holds `tekst` (also one said before this call)."""
        einde = time.monotonic() + seconden
        gezien = 0
        while True:
            for regel in self.regels[gezien:]:
                if tekst in regel:
                    return regel
            gezien = len(self.regels)
            rest = einde - time.monotonic()
            assert rest > 0 and self.proces.poll() is None, f"niet gezegd: {tekst!r}; wel: {self.regels}"
            time.sleep(0.05)

    def pauzeer(self) -> None:
        self.proces.send_signal(signal.SIGSTOP)

    def kill(self) -> None:
        self.proces.send_signal(signal.SIGKILL)
        self.einde()

    def einde(self) -> int:
        status = self.proces.wait(timeout=60)
        self._lezer.join(timeout=10)
        self.proces.stderr.close()
        return status

    def stop(self, signaal: signal.Signals = signal.SIGINT) -> int:
        """Ctrl-C (or SIGTERM, as systemd stops it); its exit status."""
        if self.proces.poll() is None:
            self.proces.send_signal(signal.SIGCONT)
            self.proces.send_signal(signaal)
        return self.einde()


def wacht_tot(voorwaarde: Callable[[], bool], seconden: float = 60, waarom: str = "") -> None:
    einde = time.monotonic() + seconden
    while not voorwaarde():
        assert time.monotonic() < einde, f"niet gebeurd binnen {seconden} s: {waarom}"
        time.sleep(0.05)


def hartslag_van(engine, werker: str) -> hartslag.Hartslag | None:
    with engine.connect() as connection:
        return hartslag.lees(connection, werker)
