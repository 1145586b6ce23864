"""Several writers on one aggregate at the same moment: no update is lost.

Threads share one application (as waitress's threads do); processes each open their own (as several web
processes on PostgreSQL, or a web process beside a command line, do on one SQLite file).
"""

import multiprocessing
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest

from domain.fouten import DomeinFout
from domain.waarden import BerichttypeCode, DienstId, Notificatiekenmerk, Status
from tests.conftest import actor_voor
from tests.support.proefportaal import open_proefportaal

AB1 = BerichttypeCode("AB1")
PDF = b"%PDF-1.7\n"


def gelijk_starten(aantal: int, werk) -> list:
    """Run `werk(n)` on `aantal` threads released at the same moment; return results or refusals."""
    start = threading.Barrier(aantal)

    def een(n):
        start.wait()
        try:
            return werk(n)
        except DomeinFout as fout:
            return fout

    with ThreadPoolExecutor(aantal) as pool:
        return list(pool.map(een, range(aantal)))


def test_concurrent_attachments_on_one_berichttype_are_all_kept_up_to_the_limit(portaal, afnemer):
    door = actor_voor(afnemer)
    portaal.maak_berichttype(afnemer, AB1, "Aanslag", Notificatiekenmerk.BETALEN, door)
    uitkomsten = gelijk_starten(
        6, lambda n: portaal.voeg_bijlage_toe(afnemer, AB1, f"bijlage-{n}.pdf", PDF + bytes([n]), door)
    )
    gelukt = [u.id for u in uitkomsten if not isinstance(u, DomeinFout)]
    geweigerd = [u for u in uitkomsten if isinstance(u, DomeinFout)]
    bijlagen = portaal.berichttype(afnemer, AB1).bijlagen
    assert len(gelukt) == 3 and len(geweigerd) == 3
    assert sorted(b.bijlage_id for b in bijlagen) == sorted(gelukt)
    assert all("maximaal 3" in f.melding for f in geweigerd)


def test_concurrent_links_on_one_dienst_are_all_kept(portaal, afnemer):
    door = actor_voor(afnemer)
    codes = [BerichttypeCode(f"C{n}") for n in range(8)]
    for code in codes:
        portaal.maak_berichttype(afnemer, code, "x", Notificatiekenmerk.BETALEN, door)
    portaal.maak_dienst(afnemer, DienstId("Toeslagen"), "Toeslagen", door)
    uitkomsten = gelijk_starten(8, lambda n: portaal.koppel(afnemer, DienstId("Toeslagen"), codes[n], door))
    assert not any(isinstance(u, DomeinFout) for u in uitkomsten)
    assert set(portaal.dienst(afnemer, DienstId("Toeslagen")).koppelingen) == set(codes)


def test_a_concurrent_activation_happens_once_and_the_other_writers_are_refused(portaal, afnemer):
    door = actor_voor(afnemer)
    portaal.maak_berichttype(afnemer, AB1, "Aanslag", Notificatiekenmerk.BETALEN, door)
    uitkomsten = gelijk_starten(
        5, lambda n: portaal.wijzig_berichttype_status(afnemer, AB1, Status.ACTIEF, door)
    )
    assert sum(not isinstance(u, DomeinFout) for u in uitkomsten) == 1
    assert portaal.repository.get(portaal.berichttype(afnemer, AB1).id).version == 2


def koppel_in_eigen_proces(database_url: str, afnemer: str, codes: list[str], start) -> None:
    from domain.waarden import Oin

    eigen = open_proefportaal(database_url)
    oin = Oin(afnemer)
    start.wait()
    for code in codes:
        eigen.koppel(oin, DienstId("Toeslagen"), BerichttypeCode(code), actor_voor(oin))
    eigen.close()


def test_writers_in_separate_processes_lose_no_link(portaal, afnemer, database_url):
    door = actor_voor(afnemer)
    per_proces = [[f"P{p}C{n}" for n in range(5)] for p in range(4)]
    for code in sum(per_proces, []):
        portaal.maak_berichttype(afnemer, BerichttypeCode(code), "x", Notificatiekenmerk.BETALEN, door)
    portaal.maak_dienst(afnemer, DienstId("Toeslagen"), "Toeslagen", door)
    context = multiprocessing.get_context("spawn")
    start = context.Barrier(len(per_proces))
    processen = [
        context.Process(target=koppel_in_eigen_proces, args=(database_url, afnemer.waarde, codes, start))
        for codes in per_proces
    ]
    for proces in processen:
        proces.start()
    for proces in processen:
        proces.join(timeout=60)
    assert [p.exitcode for p in processen] == [0] * len(processen)
    gekoppeld = {c.waarde for c in portaal.dienst(afnemer, DienstId("Toeslagen")).koppelingen}
    assert gekoppeld == set(sum(per_proces, []))


def test_writers_in_one_process_take_turns_on_an_aggregate_instead_of_retrying(portaal, afnemer, monkeypatch):
    door = actor_voor(afnemer)
    codes = [BerichttypeCode(f"C{n}") for n in range(8)]
    for code in codes:
        portaal.maak_berichttype(afnemer, code, "x", Notificatiekenmerk.BETALEN, door)
    portaal.maak_dienst(afnemer, DienstId("Toeslagen"), "Toeslagen", door)
    pogingen = []
    monkeypatch.setattr("events_store.basis.time.sleep", pogingen.append)  # a retry sleeps first
    uitkomsten = gelijk_starten(8, lambda n: portaal.koppel(afnemer, DienstId("Toeslagen"), codes[n], door))
    assert not any(isinstance(u, DomeinFout) for u in uitkomsten)
    assert pogingen == []


def test_a_refused_command_leaves_the_cached_aggregate_as_stored(portaal, afnemer):
    door = actor_voor(afnemer)
    for code in ("C1", "C2"):
        portaal.maak_berichttype(afnemer, BerichttypeCode(code), "x", Notificatiekenmerk.BETALEN, door)
    portaal.wijzig_berichttype_status(afnemer, BerichttypeCode("C2"), Status.ACTIEF, door)
    portaal.wijzig_berichttype_status(afnemer, BerichttypeCode("C2"), Status.ARCHIEF, door)
    portaal.maak_dienst(afnemer, DienstId("Toeslagen"), "Toeslagen", door)
    portaal.dienst(afnemer, DienstId("Toeslagen"))  # in the cache now
    codes = [BerichttypeCode("C1"), BerichttypeCode("C2")]  # C2 is archived: the whole Toepassen is refused
    with pytest.raises(DomeinFout, match="gearchiveerd"):
        portaal.pas_koppelingen_toe(afnemer, DienstId("Toeslagen"), codes, [], door)
    assert portaal.dienst(afnemer, DienstId("Toeslagen")).koppelingen == {}
    portaal.koppel(afnemer, DienstId("Toeslagen"), BerichttypeCode("C1"), door)
    assert set(portaal.dienst(afnemer, DienstId("Toeslagen")).koppelingen) == {BerichttypeCode("C1")}
