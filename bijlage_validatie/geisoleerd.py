"""Controle in langlevende werkprocessen met grenzen aan rekentijd, geheugen en wachttijd.

Een kwaadaardige PDF kan qpdf (C++) laten crashen, laten rekenen of geheugen laten opslurpen. Dat gebeurt dan
in een werkproces, niet in het portaal: het portaal krijgt een oordeel ("te_complex" of "onleesbaar") en
start een nieuw werkproces. De werkprocessen blijven leven tussen bestanden door, omdat een nieuw proces per
bestand (pikepdf importeren) vele malen trager is dan de controle zelf. Bestanden gaan via een pijp, nooit
via schijf.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import queue
import resource
import signal
import threading
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection

from bijlage_validatie import uitwisseling
from domain.pdf_toets import Toets
from domain.pdf_validatie import Soort, Uitslag, bestandsnaam_bevindingen, bevinding

Werk = Callable[[str, bytes, Soort, Toets], Uitslag]
ZONDER_TOETS = Toets()

CPU_SECONDEN = 5
GEHEUGEN_BYTES = 512 * 1024 * 1024
WANDKLOK_SECONDEN = 10.0
MAX_ANTWOORD_BYTES = 8 * 1024 * 1024
OPSTARTTIJD_SECONDEN = 30.0
KLAAR = b"klaar"


@dataclass(frozen=True)
class Grenzen:
    cpu_seconden: int = CPU_SECONDEN
    geheugen_bytes: int = GEHEUGEN_BYTES
    wandklok_seconden: float = WANDKLOK_SECONDEN


class _Afgebroken(Exception):
    def __init__(self, regel: str, detail: str) -> None:
        super().__init__(detail)
        self.regel = regel
        self.detail = detail


def _standaardwerk(bestandsnaam: str, data: bytes, soort: Soort, toets: Toets) -> Uitslag:
    from bijlage_validatie.inspecteer import inspecteer

    return inspecteer(bestandsnaam, data, soort, toets)


def _werkproces(verbinding: Connection, grenzen: Grenzen, werk: Werk) -> None:
    """De lus in het werkproces: ontvang een bestand, controleer het binnen de grenzen, stuur de uitslag."""
    resource.setrlimit(resource.RLIMIT_AS, (grenzen.geheugen_bytes, grenzen.geheugen_bytes))
    # Een geheugendump na een crash zou de bijlage alsnog op schijf zetten.
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    # Ctrl-C is voor het portaal; dat ruimt de werkprocessen zelf op.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    verbinding.send_bytes(KLAAR)
    while True:
        try:
            kop = json.loads(verbinding.recv_bytes())
            data = verbinding.recv_bytes()
        except (EOFError, OSError):
            return
        _begrens_rekentijd(grenzen.cpu_seconden)
        try:
            uitslag = werk(kop["bestand"], data, Soort(kop["soort"]), Toets.uit_json(kop["toets"]))
        except MemoryError:
            # Na een geheugentekort is de staat van qpdf onzeker: antwoorden en dan stoppen.
            verbinding.send_bytes(b"geheugen")
            return
        verbinding.send_bytes(uitwisseling.naar_bytes(uitslag))


def _begrens_rekentijd(seconden: int) -> None:
    # RLIMIT_CPU telt over het hele leven van het proces; per bestand schuiven we de grens op.
    gebruik = resource.getrusage(resource.RUSAGE_SELF)
    verbruikt = int(gebruik.ru_utime + gebruik.ru_stime)
    _, hard = resource.getrlimit(resource.RLIMIT_CPU)
    zacht = verbruikt + seconden + 1
    if hard != resource.RLIM_INFINITY:
        zacht = min(zacht, hard)
    resource.setrlimit(resource.RLIMIT_CPU, (zacht, hard))


def _context() -> multiprocessing.context.BaseContext:
    context = multiprocessing.get_context("forkserver")
    # Eén keer pikepdf laden in de forkserver, zodat elk nieuw werkproces er direct mee kan werken.
    context.set_forkserver_preload(["bijlage_validatie.inspecteer"])
    return context


class _Werker:
    def __init__(self, context: multiprocessing.context.BaseContext, grenzen: Grenzen, werk: Werk) -> None:
        self._verbinding, kind = context.Pipe(duplex=True)
        self._proces = context.Process(target=_werkproces, args=(kind, grenzen, werk), daemon=True)
        self._proces.start()
        kind.close()
        self._grenzen = grenzen
        self._wacht_op_start()

    def _wacht_op_start(self) -> None:
        # Zonder dit seintje zou een werkproces dat niet kan starten elk bestand "onleesbaar" laten lijken.
        try:
            gereed = self._verbinding.poll(OPSTARTTIJD_SECONDEN) and self._verbinding.recv_bytes() == KLAAR
        except (EOFError, OSError):
            gereed = False
        if not gereed:
            self.stop()
            raise RuntimeError("Het werkproces voor de bijlagecontrole start niet.")

    def vraag(self, bestandsnaam: str, data: bytes, soort: Soort, toets: Toets) -> Uitslag:
        try:
            kop = {"bestand": bestandsnaam, "soort": soort.value, "toets": toets.to_json_dict()}
            self._verbinding.send_bytes(json.dumps(kop).encode())
            self._verbinding.send_bytes(data)
            if not self._verbinding.poll(self._grenzen.wandklok_seconden):
                raise _Afgebroken("te_complex", "de controle duurde te lang")
            antwoord = self._verbinding.recv_bytes(MAX_ANTWOORD_BYTES)
        except (EOFError, OSError, BrokenPipeError) as fout:
            raise self._afgebroken() from fout
        if antwoord == b"geheugen":
            raise _Afgebroken("te_complex", "de controle had te veel geheugen nodig")
        try:
            return uitwisseling.uit_bytes(antwoord)
        except (ValueError, KeyError, TypeError) as fout:
            raise _Afgebroken("onleesbaar", "onverwacht antwoord van de controle") from fout

    def _afgebroken(self) -> _Afgebroken:
        self._proces.join(1.0)
        code = self._proces.exitcode
        if code == -signal.SIGXCPU:
            return _Afgebroken("te_complex", "de controle had te veel rekentijd nodig")
        if code == -signal.SIGKILL:
            return _Afgebroken("te_complex", "de controle had te veel geheugen nodig")
        return _Afgebroken("onleesbaar", "de controle liep vast op het bestand")

    @property
    def pid(self) -> int | None:
        return self._proces.pid

    def stop(self) -> None:
        self._verbinding.close()
        if self._proces.is_alive():
            self._proces.kill()
        self._proces.join(1.0)


class Werkerpool:
    """Een vast aantal werkprocessen; een werkproces dat sneuvelt wordt vervangen bij de volgende vraag."""

    def __init__(
        self,
        aantal: int | None = None,
        grenzen: Grenzen | None = None,
        werk: Werk = _standaardwerk,
        bij_herstart: Callable[[], None] | None = None,
    ):
        """`bij_herstart`: called for every worker process that died and was replaced (for the metrics)."""
        self.aantal = aantal or min(os.cpu_count() or 1, 4)
        self._bij_herstart = bij_herstart
        self._grenzen = grenzen or Grenzen()
        self._werk = werk
        self._context = _context()
        self._vrij: queue.LifoQueue[_Werker] = queue.LifoQueue()
        self._slot = threading.Lock()
        self._levend: list[_Werker] = []

    def valideer(self, bestandsnaam: str, data: bytes, soort: Soort, toets: Toets = ZONDER_TOETS) -> Uitslag:
        # The name is judged here, once, and not in the worker: it needs no isolation and must be
        # reported also when the worker dies on the contents.
        return self._inhoud(bestandsnaam, data, soort, toets).met(bestandsnaam_bevindingen(bestandsnaam))

    def _inhoud(self, bestandsnaam: str, data: bytes, soort: Soort, toets: Toets) -> Uitslag:
        werker = self._neem()
        try:
            uitslag = werker.vraag(bestandsnaam, data, soort, toets)
        except _Afgebroken as reden:
            self._vervang(werker)
            return Uitslag(bestandsnaam, soort, None, (bevinding(reden.regel, detail=reden.detail),))
        self._vrij.put(werker)
        return uitslag

    def _neem(self) -> _Werker:
        try:
            return self._vrij.get_nowait()
        except queue.Empty:
            pass
        with self._slot:
            if len(self._levend) < self.aantal:
                werker = _Werker(self._context, self._grenzen, self._werk)
                self._levend.append(werker)
                return werker
        return self._vrij.get()

    def _vervang(self, werker: _Werker) -> None:
        werker.stop()
        with self._slot:
            self._levend.remove(werker)
        # Een wachtende vraag moet niet blijven hangen omdat dit werkproces nooit terugkomt.
        self._vrij.put(self._neem_nieuw())
        if self._bij_herstart is not None:
            self._bij_herstart()

    def _neem_nieuw(self) -> _Werker:
        with self._slot:
            werker = _Werker(self._context, self._grenzen, self._werk)
            self._levend.append(werker)
            return werker

    def procesnummers(self) -> list[int]:
        """De pid's van de levende werkprocessen, voor metingen."""
        with self._slot:
            return [w.pid for w in self._levend if w.pid is not None]

    def sluit(self) -> None:
        with self._slot:
            werkers, self._levend = self._levend, []
        for werker in werkers:
            werker.stop()

    def __enter__(self) -> Werkerpool:
        return self

    def __exit__(self, *_: object) -> None:
        self.sluit()
