"""DigiD Machtigen's file of machtigingen (docs/machtigingen-register.md): one machtiging per row, read as a
stream.

    machtiging;belanghebbende;gemachtigde;afnemer;dienst_id;geldig_van;geldig_tot;ingetrokken_op
    M-000001;999999990;999999989;00000001002220647000;Toeslagen;2024-01-01;2025-01-01;

A row is the machtiging's whole state (a `stand` mutation, domain/machtigingen.py). A moment is a date (the
start of that day in Dutch time) or an ISO 8601 moment with its zone; `geldig_tot` and `ingetrokken_op` may be
empty. The Dienst ID is kept exactly, spaces included (quote it when it holds a ';').

A row that breaks a rule becomes a `Regelfout` with its line number and a Dutch reason that never quotes the
row (a BSN must not reach a report); the rows around it are read on. Written for speed: a million rows should
cost a few seconds here, so the BSN check works on bytes and every distinct date, OIN or Dienst ID is checked
once.
"""

import csv
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from operator import mul
from zoneinfo import ZoneInfo

from domain.fouten import OngeldigeWaarde
from domain.machtigingen import MAX_ID, MAX_PER_GEBEURTENIS, STAND, Mutatie, microseconden
from domain.waarden import DienstId, Oin

KOPREGEL = (
    "machtiging",
    "belanghebbende",
    "gemachtigde",
    "afnemer",
    "dienst_id",
    "geldig_van",
    "geldig_tot",
    "ingetrokken_op",
)
SCHEIDING = ";"
NEDERLAND = ZoneInfo("Europe/Amsterdam")

_GEWICHTEN = (9, 8, 7, 6, 5, 4, 3, 2, -1)
_NUL = 48 * sum(_GEWICHTEN)
_MAX_IN_GEHEUGEN = 100_000


@dataclass(frozen=True)
class Regelfout:
    regel: int
    melding: str

    def __str__(self) -> str:
        return f"regel {self.regel}: {self.melding}"


class BestandGeweigerd(Exception):
    """The file as a whole is not a machtigingen file (no or another header): nothing of it is read."""

    def __init__(self, melding: str) -> None:
        super().__init__(melding)
        self.melding = melding


@dataclass
class Deel:
    """Up to `MAX_PER_GEBEURTENIS` valid rows as mutations, the refused rows among them, and the number of
    the last line read."""

    mutaties: list[Mutatie] = field(default_factory=list)
    fouten: list[Regelfout] = field(default_factory=list)
    laatste_regel: int = 0


class _Ongeldig(Exception):
    pass


def is_bsn(tekst: str) -> bool:
    """Nine ASCII digits that pass the elfproef (the rule of domain.waarden.Bsn, on bytes)."""
    cijfers = tekst.encode()
    if len(cijfers) != 9 or not cijfers.isdigit():
        return False
    som = sum(map(mul, cijfers, _GEWICHTEN)) - _NUL
    return som != 0 and som % 11 == 0


def lees_moment(tekst: str) -> int:
    """A date (its start in Dutch time) or an ISO 8601 moment with its zone, as microseconds since 1970."""
    try:
        if len(tekst) == 10:
            dag = date.fromisoformat(tekst)
            return microseconden(datetime(dag.year, dag.month, dag.day, tzinfo=NEDERLAND))
        moment = datetime.fromisoformat(tekst)
    except ValueError:
        raise _Ongeldig from None
    if moment.tzinfo is None:
        raise _Ongeldig
    return microseconden(moment)


class _Lezer:
    def __init__(self) -> None:
        self.momenten: dict[str, int] = {}
        self.oins: set[str] = set()
        self.diensten: set[str] = set()

    def moment(self, tekst: str, veld: str) -> int:
        waarde = self.momenten.get(tekst)
        if waarde is None:
            try:
                waarde = lees_moment(tekst.strip())
            except _Ongeldig:
                raise _Ongeldig(
                    f"{veld} is geen datum (JJJJ-MM-DD) of moment met tijdzone (ISO 8601)."
                ) from None
            if len(self.momenten) >= _MAX_IN_GEHEUGEN:
                self.momenten.clear()
            self.momenten[tekst] = waarde
        return waarde

    def oin(self, tekst: str) -> str:
        if tekst not in self.oins:
            try:
                Oin(tekst)
            except OngeldigeWaarde as fout:
                raise _Ongeldig(f"Afnemer: {fout.melding}") from None
            if len(self.oins) >= _MAX_IN_GEHEUGEN:
                self.oins.clear()
            self.oins.add(tekst)
        return tekst

    def dienst(self, tekst: str) -> str:
        if tekst not in self.diensten:
            try:
                DienstId(tekst)
            except OngeldigeWaarde as fout:
                raise _Ongeldig(fout.melding) from None
            if len(self.diensten) >= _MAX_IN_GEHEUGEN:
                self.diensten.clear()
            self.diensten.add(tekst)
        return tekst

    def rij(self, velden: list[str]) -> Mutatie:
        if not 6 <= len(velden) <= 8:
            raise _Ongeldig(f"Een regel heeft 8 velden, gescheiden door '{SCHEIDING}' (nu {len(velden)}).")
        velden += [""] * (8 - len(velden))
        id_, belanghebbende, gemachtigde, afnemer, dienst, van_tekst, tot_tekst, in_tekst = velden
        if not 1 <= len(id_) <= MAX_ID or id_ != id_.strip() or not id_.isprintable():
            raise _Ongeldig(f"Het machtiging-id bestaat uit 1 tot {MAX_ID} zichtbare tekens.")
        if not is_bsn(belanghebbende):
            raise _Ongeldig("Het BSN van de belanghebbende is geen 9 cijfers die aan de elfproef voldoen.")
        if not is_bsn(gemachtigde):
            raise _Ongeldig("Het BSN van de gemachtigde is geen 9 cijfers die aan de elfproef voldoen.")
        if belanghebbende == gemachtigde:
            raise _Ongeldig("Een burger machtigt niet zichzelf.")
        if not van_tekst:
            raise _Ongeldig("Geldig van ontbreekt.")
        van = self.moment(van_tekst, "Geldig van")
        tot = self.moment(tot_tekst, "Geldig tot") if tot_tekst else None
        if tot is not None and tot <= van:
            raise _Ongeldig("Geldig tot ligt niet na geldig van.")
        ingetrokken = self.moment(in_tekst, "Ingetrokken op") if in_tekst else None
        return (
            STAND,
            id_,
            belanghebbende,
            gemachtigde,
            self.oin(afnemer),
            self.dienst(dienst),
            van,
            tot,
            ingetrokken,
        )


def controleer_kop(velden: list[str] | None) -> None:
    if velden is None:
        raise BestandGeweigerd("Het bestand is leeg: de kopregel ontbreekt.")
    if tuple(v.strip().lower().lstrip("\ufeff") for v in velden) != KOPREGEL:
        raise BestandGeweigerd(
            "De eerste regel moet de kopregel zijn: " + SCHEIDING.join(KOPREGEL) + " (gescheiden door ';')."
        )


def lees(regels: Iterable[str], grootte: int = MAX_PER_GEBEURTENIS) -> Iterator[Deel]:
    """The file in parts of at most `grootte` valid rows each; raises `BestandGeweigerd` before the first
    part when the header is not the machtigingen file's. Empty lines are passed over."""
    lezer = csv.reader(regels, delimiter=SCHEIDING)
    controleer_kop(next(lezer, None))
    rij = _Lezer().rij
    deel = Deel()
    mutaties, fouten = deel.mutaties, deel.fouten
    while True:
        try:
            velden = next(lezer)
        except StopIteration:
            break
        except csv.Error:
            fouten.append(
                Regelfout(lezer.line_num, "De regel is geen geldige CSV (let op aanhalingstekens).")
            )
            continue
        if not velden:
            continue
        try:
            mutaties.append(rij(velden))
        except _Ongeldig as fout:
            fouten.append(Regelfout(lezer.line_num, str(fout)))
            continue
        if len(mutaties) >= grootte:
            deel.laatste_regel = lezer.line_num
            yield deel
            deel = Deel()
            mutaties, fouten = deel.mutaties, deel.fouten
    deel.laatste_regel = lezer.line_num
    if mutaties or fouten:
        yield deel
