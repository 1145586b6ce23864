"""`portaal projections rebuild --processen N`: the projections of one event log built by N processes.

A rebuild is CPU-bound Python (decoding a million events, the handlers' folds), so one process uses one core.
Here N worker processes share the work, each reading the log itself:
- a projection that can be built per aggregate (projections.deel: the audit trail and the koppeling history,
  most of a rebuild's work) is built in N parts, part k by worker k for the aggregates of bucket k; a worker
  decodes only the events of its own aggregates (and those its other projections need);
- every other projection is built whole by one worker, the groups balanced by weight.
What stays as in projections.herbouw: the new generation goes into tables of its own token, readers keep the
old tables until the one swap, and a rebuild resumes where it was.

- PostgreSQL takes writers side by side, so each worker writes into the new tables in the live database; a
  part tracks its position under a name of its own (`audit#token/k:N`), merged into the projection's
  position once every part is done. A resumed rebuild keeps the number of parts it began with.
- SQLite has one writer per file, and a worker writing into the live file would hold its lock for the whole
  of every batch (the handlers compute inside the transaction) while the others wait. So each worker builds
  into a scratch file of its own, indexes included, which this process then copies in
  (projections.herbouw_klad). A scratch file's name comes from what it builds, so the next run finds an
  unfinished one again (with the same number of processes; another split starts afresh).

Then, as in a single-process rebuild, the last events are caught up and the tables swapped in.
"""

import json
import os
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager, nullcontext
from dataclasses import asdict, dataclass

from sqlalchemy import delete, select
from sqlalchemy.engine import Engine

from events_store.logboeken import ConfiguratieLog, GebruikersLog, MachtigingenLog, VerwerkingsLog
from projections import herbouw as herbouwen
from projections import herbouw_klad, runner, tracking
from projections.deel import Deel, delen_uit, per_aggregaat, positie_naam
from projections.gebeurtenissen import Bron
from projections.geheugen import Geheugen
from projections.handlers import PROJECTIES
from projections.tabellen import Tabellen

LOGBOEKEN = {log.name: log for log in (ConfiguratieLog, VerwerkingsLog, GebruikersLog, MachtigingenLog)}
# Below this many events the processes cost more to start (about a second each) than they save.
VANAF = 50_000
# The share of a rebuild's handler time each projection built whole takes on a history shaped like the real
# one (profiled on the bench history): the groups are balanced by these, every other projection counts 1.
GEWICHT = {"audit": 4, "koppelingen": 3}
_PEILEN = 0.2


@dataclass(frozen=True)
class Opdracht:
    """What one worker process builds: these projections (name, token, part, parts; parts 1 for a projection
    built whole) of this log, up to `tot`, into the scratch file `klad` (SQLite) or into the live database
    (`klad` None)."""

    env: dict[str, str]
    logboek: str
    projecties: tuple[tuple[str, str, int, int], ...]
    klad: str | None
    tot: int
    batch: int

    def als_json(self) -> str:
        return json.dumps(asdict(self))

    @classmethod
    def uit_json(cls, tekst: str) -> "Opdracht":
        velden = json.loads(tekst)
        velden["projecties"] = tuple(tuple(p) for p in velden["projecties"])
        return cls(**velden)

    def doelen(self) -> list[runner.Doel]:
        return [doel(*p) for p in self.projecties]

    def positie_namen(self) -> list[str]:
        """What `doelen` track their positions under, without defining their tables."""
        return [_positie(*p) for p in self.projecties]


def _positie(naam: str, token: str, nummer: int = 0, delen: int = 1) -> str:
    basis = f"{naam}#{token}"
    return basis if delen == 1 else positie_naam(basis, nummer, delen)


def doel(naam: str, token: str, nummer: int = 0, delen: int = 1) -> runner.Doel:
    """The target of a projection's new generation, or of one part of it."""
    tabellen, positie = Tabellen(naam, f"__{token}", bouw=True), _positie(naam, token, nummer, delen)
    if delen == 1:
        return runner.Doel(PROJECTIES[naam], tabellen, positie)
    return runner.Doel(
        Deel(PROJECTIES[naam], nummer, delen), tabellen, positie, Geheugen(ids=(nummer, delen))
    )


def groepen(namen: Sequence[str], aantal: int) -> list[list[tuple[str, int, int]]]:
    """What each of `aantal` workers builds, as (name, part, parts): every projection that can be built per
    aggregate in `aantal` parts, one per worker; the others whole, spread by weight (`verdeel`)."""
    delen = [n for n in namen if per_aggregaat(PROJECTIES[n])]
    heel = verdeel([n for n in namen if n not in delen], aantal)
    if not delen:
        return [[(n, 0, 1) for n in groep] for groep in heel]
    return [
        [(n, k, aantal) for n in delen] + [(n, 0, 1) for n in (heel[k] if k < len(heel) else [])]
        for k in range(aantal)
    ]


def verdeel(namen: Sequence[str], aantal: int) -> list[list[str]]:
    """The projections over `aantal` groups, heaviest first onto the lightest group; the same names and
    number give the same groups (a resumed rebuild finds its scratch files by them)."""
    groepen: list[list[str]] = [[] for _ in range(min(aantal, len(namen)))]
    gewichten = [0] * len(groepen)
    for naam in sorted(namen, key=lambda n: (-GEWICHT.get(n, 1), n)):
        i = gewichten.index(min(gewichten))
        groepen[i].append(naam)
        gewichten[i] += GEWICHT.get(naam, 1)
    return [g for g in groepen if g]


def bouw_groep(opdracht: Opdracht) -> None:
    """A worker process: build its projections' new tables from the events, with every index."""
    log = LOGBOEKEN[opdracht.logboek](opdracht.env)
    doel = herbouw_klad.engine(opdracht.klad) if opdracht.klad else herbouwen.bouw_engine(log.engine)
    try:
        doelen = opdracht.doelen()
        runner.installeer(doel, doelen)
        with herbouwen._gc_per_batch(None) as na_batch:
            bron = Bron(log)
            runner.werk_bij(doel, bron, doelen, opdracht.tot, opdracht.batch, voortgang=na_batch)
        for d in doelen:
            # Parts share their tables in the live database: this process indexes them after all workers.
            if opdracht.klad or not isinstance(d.projectie, Deel):
                d.tabellen.maak_indexen(doel)
    finally:
        if doel is not log.engine:
            doel.dispose()
        log.close()
        log.engine.dispose()


def werker() -> None:
    """The worker process's entry point: its assignment arrives as JSON on stdin (with the log's settings,
    which may hold the cipher key: never on the command line)."""
    opdracht = Opdracht.uit_json(sys.stdin.read())
    threading.Thread(target=_stop_met_ouder, args=(os.getppid(),), daemon=True).start()
    bouw_groep(opdracht)


def _stop_met_ouder(ouder: int) -> None:
    """A worker whose rebuild was killed (SIGKILL, no chance to stop its workers) stops too: the next
    rebuild resumes its scratch file, and must not find a second writer still busy on it."""
    while os.getppid() == ouder:
        time.sleep(1)
    os._exit(1)


# A fresh interpreter, not multiprocessing: spawn and forkserver import the caller's __main__ again, and a
# script without a main guard would start a rebuild in every worker (which then wait for the first's lock).
_WERKER = [sys.executable, "-c", "from projections.herbouw_parallel import werker; werker()"]


def _start(opdracht: Opdracht) -> subprocess.Popen:
    proces = subprocess.Popen(_WERKER, stdin=subprocess.PIPE, text=True)  # noqa: S603
    proces.stdin.write(opdracht.als_json())
    proces.stdin.close()
    return proces


def _opdrachten(
    engine: Engine, env: dict[str, str], bron: Bron, doelen: Sequence[runner.Doel], processen: int, batch: int
) -> list[Opdracht]:
    """The groups still to build: projections whose new tables hold nothing yet (position 0). One that a
    run before got further in the live database is finished there by the serial catch-up."""
    with engine.connect() as connection:
        standen = tracking.lees(connection, [d.positie_naam for d in doelen])
        begonnen = _delen_in_gebruik(connection, [d.positie_naam for d in doelen])
    tokens = {d.projectie.naam: d.tabellen.suffix.removeprefix("__") for d in doelen}
    open_ = [d.projectie.naam for d in doelen if standen.get(d.positie_naam, 0) == 0]
    sqlite = engine.dialect.name == "sqlite"
    tot = bron.hoogste()
    opdrachten = []
    for groep in groepen(open_, begonnen or processen):
        projecties = tuple((n, tokens[n], k, delen) for n, k, delen in groep)
        klad = herbouw_klad.pad(engine.url.database, projecties) if sqlite else None
        opdrachten.append(Opdracht(env, bron.logboek, projecties, klad, tot, batch))
    if sqlite:
        herbouw_klad.ruim_oude_op(engine.url.database, {o.klad for o in opdrachten})
    return opdrachten


def _delen_in_gebruik(connection, bases: Sequence[str]) -> int | None:
    """The number of parts an interrupted rebuild in the live database (PostgreSQL) began with: the parts it
    finished hold their rows, so it must go on with the same split."""
    gevonden = {
        gedeeld[2]
        for naam in connection.scalars(select(tracking.posities.c.projectie))
        if (gedeeld := delen_uit(naam)) is not None and gedeeld[0] in bases
    }
    return max(gevonden) if gevonden else None


def _voeg_delen_samen(engine: Engine, opdrachten: Sequence[Opdracht]) -> None:
    """PostgreSQL, once every worker is done: each projection built in parts gets the position all its parts
    reached, and the parts' positions go, in one transaction."""
    delen = sorted({(n, t, d) for o in opdrachten for n, t, _, d in o.projecties if d > 1})
    with engine.begin() as connection:
        for naam, token, aantal in delen:
            basis = f"{naam}#{token}"
            namen = [positie_naam(basis, k, aantal) for k in range(aantal)]
            standen = tracking.lees(connection, namen)
            if len(standen) != aantal:
                raise RuntimeError(
                    f"Niet elk deel van projectie {naam} is opgebouwd; de volgende run gaat verder."
                )
            tracking.zet(connection, basis, min(standen.values()))
            connection.execute(delete(tracking.posities).where(tracking.posities.c.projectie.in_(namen)))


def _stand(engine: Engine, opdracht: Opdracht) -> int:
    namen = opdracht.positie_namen()
    if opdracht.klad:
        return herbouw_klad.stand(opdracht.klad, namen)
    with engine.connect() as connection:
        return min(tracking.lees(connection, namen).values(), default=0)


def _draai(
    engine: Engine,
    opdrachten: list[Opdracht],
    voortgang: Callable[[int], None] | None,
    klaar: Callable[[Opdracht], None] | None = None,
) -> None:
    """Start a process per group and wait for all, handing each that finished well to `klaar` meanwhile;
    stop them all when one fails or the caller interrupts (their committed batches stay, for the next run)."""
    processen = []
    gemeld: set[int] = set()
    try:
        for opdracht in opdrachten:
            processen.append(_start(opdracht))
        while len(gemeld) < len(processen):
            time.sleep(_PEILEN)
            if voortgang:
                voortgang(min(_stand(engine, o) for o in opdrachten))
            for i, (proces, opdracht) in enumerate(zip(processen, opdrachten, strict=True)):
                if i not in gemeld and proces.poll() is not None:
                    gemeld.add(i)
                    if proces.returncode == 0 and klaar:
                        klaar(opdracht)
        mislukt = [p.returncode for p in processen if p.returncode != 0]
        if mislukt:
            raise RuntimeError(
                f"Een herbouwproces stopte met afsluitcode {mislukt[0]}; de volgende run gaat verder."
            )
    finally:
        for proces in processen:
            if proces.poll() is None:
                proces.terminate()
            proces.wait()


def herbouw(
    live_engine: Engine,
    bron: Bron,
    env: dict[str, str],
    namen: Sequence[str] | None = None,
    voortgang: Callable[[int], None] | None = None,
    batch: int = 20_000,
    slot: AbstractContextManager | None = None,
    processen: int = 2,
    vanaf: int = VANAF,
) -> int:
    """projections.herbouw.herbouw with the bulk of the events built by `processen` worker processes (`env`:
    the log's persistence settings, from which each worker opens the log). Returns the position reached."""
    namen = herbouwen.controleer(namen, bron.logboek)
    te_delen = len(namen) > 1 or any(per_aggregaat(PROJECTIES[n]) for n in namen)
    if processen < 2 or not te_delen or bron.hoogste() < vanaf:
        return herbouwen.herbouw(live_engine, bron, namen, voortgang, batch, slot)
    engine = herbouwen.bouw_engine(live_engine)
    try:
        doelen = herbouwen.bouw_doelen(engine, namen)
        opdrachten = _opdrachten(engine, env, bron, doelen, processen, batch)
        if opdrachten and engine.dialect.name == "sqlite":
            with herbouw_klad.Overname(engine, [(o.klad, o.doelen()) for o in opdrachten]) as overname:
                overname.begin()
                _draai(engine, opdrachten, voortgang, klaar=lambda o: overname.neem(o.klad))
                overname.eind()
        elif opdrachten:
            _draai(engine, opdrachten, voortgang)
            _voeg_delen_samen(engine, opdrachten)
        with herbouwen._gc_per_batch(voortgang) as na_batch:
            runner.werk_bij(engine, bron, doelen, limiet=batch, voortgang=na_batch)
        for doel in doelen:
            doel.tabellen.maak_indexen(engine)
        with slot if slot is not None else nullcontext():
            herbouwen.wissel_in(engine, bron, doelen)
        herbouwen.ruim_op(engine)
    finally:
        if engine is not live_engine:
            engine.dispose()
    with live_engine.connect() as connection:
        return runner.laagste_positie(connection, runner.live_doelen(namen))


# Every process reads the whole log and builds its share of the aggregates; beyond this many, reading the
# same rows again and starting the processes costs more than a smaller share saves.
MAX_PROCESSEN = 8


def standaard_processen() -> int:
    """One process per core this process may run on (its CPU affinity), at most `MAX_PROCESSEN`. Each
    process decodes only its own aggregates' events, so a second process adds little work (measured on the
    bench history: 44 s of CPU in two processes against 40 s in one): on a busy machine it costs about that,
    on a free core it halves the bulk of the rebuild."""
    kernen = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return max(1, min(kernen, MAX_PROCESSEN))
