"""Run by the intake benchmark in a fresh process: receive and process one (large) batch file, then print
this process's peak resident memory in MB.

    python -m scripts.bench.intake_geheugen BATCH.xml STORE.sqlite3
"""

import resource
import sys
from pathlib import Path

from koppelvlak.voorbeeld import voorbeeld_bsns
from scripts.bench import opbouw
from scripts.bench.intake import GROOT_BERICHTEN, LEVERANCIER, Klok, klaarzetten


def main(batch: Path, opslag: Path) -> None:
    samenstelling = opbouw.bouw_samenstelling(opbouw.omgeving(opslag), klok=Klok())
    try:
        klaarzetten(samenstelling, voorbeeld_bsns(GROOT_BERICHTEN, 7))
        with batch.open("rb") as stroom:
            aanlevering = samenstelling.portaal.lever_batch_aan(stroom, LEVERANCIER, "bench")
        samenstelling.na_commando(*aanlevering.vastgelegd)
        regel = samenstelling.lezen.batch(aanlevering.batch_id)
        if regel is None or regel.verwerkt_op is None:
            raise SystemExit("de batch is niet verwerkt")
        print(f"verwerkt={regel.verwerkt} waarschuwing={regel.waarschuwing} niet={regel.niet_verwerkt}")
    finally:
        samenstelling.sluit()
    print(piekgeheugen_mb())


def piekgeheugen_mb() -> float:
    """This process's peak resident memory: the kernel's high-water mark of its own address space.
    (`getrusage`'s ru_maxrss would not do: it survives exec, so a child started by a large benchmark process
    reports that parent's peak.)"""
    for regel in Path("/proc/self/status").read_text().splitlines():
        if regel.startswith("VmHWM:"):
            return int(regel.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
