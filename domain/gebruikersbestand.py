"""The MijnOverheid feed's file (docs/gebruikers-register.md): one citizen per row, read as a stream.

    bsn;actief_van;actief_tot;uitgeschakeld
    999999990;2019-03-01;;00000001001234567000 00000001009876543000@2024-05-01T10:00:00+02:00

A row is the citizen's whole state (domain/gebruikers.py, `StatesRecorded`): the box active from
`actief_van` until `actief_tot` (empty: still active), and the afnemers switched off, by OIN, separated by
spaces, each since `actief_van` or since the moment after `@`. A moment is a date (the start of that day in
Dutch time) or an ISO 8601 moment with its zone (`Z` or an offset).

A row that breaks a rule becomes a `Regelfout` with its line number and a Dutch reason that never quotes the
row (a BSN must not reach a report); the rows around it are read on. Written for speed: ten million rows
should cost seconds here, so the BSN check works on bytes and every distinct date or OIN is parsed once.
"""

import csv
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from operator import mul

from domain.fouten import OngeldigeWaarde
from domain.gebruikers import MAX_PER_GEBEURTENIS, NEDERLAND, microseconden, moment_van

KOPREGEL = ("bsn", "actief_van", "actief_tot", "uitgeschakeld")
SCHEIDING = ";"

_GEWICHTEN = (9, 8, 7, 6, 5, 4, 3, 2, -1)
# The weighted sum of the digits' bytes counts ord("0") = 48 per weight too much.
_NUL = 48 * sum(_GEWICHTEN)
_MAX_IN_GEHEUGEN = 100_000


@dataclass(frozen=True)
class Regelfout:
    regel: int
    melding: str

    def __str__(self) -> str:
        return f"regel {self.regel}: {self.melding}"


class BestandGeweigerd(Exception):
    """The file as a whole is not a users file (no or another header): nothing of it is read."""

    def __init__(self, melding: str) -> None:
        super().__init__(melding)
        self.melding = melding


@dataclass
class Deel:
    """Up to `MAX_PER_GEBEURTENIS` valid rows in the columns of `StatesRecorded`, the refused rows among
    them, and the number of the last line read."""

    bsns: list[int] = field(default_factory=list)
    van: list[int] = field(default_factory=list)
    tot: list[int | None] = field(default_factory=list)
    uit: list[tuple[int, str, int]] = field(default_factory=list)
    fouten: list[Regelfout] = field(default_factory=list)
    laatste_regel: int = 0

    def __len__(self) -> int:
        return len(self.bsns)


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
        self.deel = Deel()

    def weiger(self, regel: int, melding: str) -> None:
        self.deel.fouten.append(Regelfout(regel, melding))

    def volgend_deel(self, laatste_regel: int) -> Deel:
        deel, self.deel = self.deel, Deel()
        deel.laatste_regel = laatste_regel
        return deel

    def snel(self, velden: list[str]) -> bool:
        """The common row (a valid BSN, dates seen before, no afnemers switched off) with the checks
        inline, as they cost no more than a call each; False leaves the row to `rij`, which also says
        what is wrong."""
        if len(velden) != 4 or velden[3]:
            return False
        bsn, van, tot, _ = velden
        cijfers = bsn.encode()
        if len(cijfers) != 9 or not cijfers.isdigit():
            return False
        som = sum(map(mul, cijfers, _GEWICHTEN)) - _NUL
        van_m = self.momenten.get(van)
        tot_m = self.momenten.get(tot) if tot else None
        if not som or som % 11 or van_m is None or (tot and (tot_m is None or tot_m <= van_m)):
            return False
        deel = self.deel
        deel.bsns.append(int(bsn))
        deel.van.append(van_m)
        deel.tot.append(tot_m)
        return True

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
            if len(tekst) != 20 or not tekst.isascii() or not tekst.isdigit():
                raise _Ongeldig("Een uitgeschakelde afnemer is geen OIN (20 cijfers).")
            self.oins.add(tekst)
        return tekst

    def uit(self, tekst: str, van: int) -> tuple:
        uit = []
        for item in tekst.split():
            oin, _, sinds = item.partition("@")
            uit.append((self.oin(oin), self.moment(sinds, "Uitgeschakeld sinds") if sinds else van))
        if len({oin for oin, _ in uit}) != len(uit):
            raise _Ongeldig("Een afnemer staat twee keer bij uitgeschakeld.")
        return tuple(uit)

    def rij(self, velden: list[str], deel: Deel) -> None:
        if not 2 <= len(velden) <= 4:
            raise _Ongeldig(f"Een regel heeft 4 velden, gescheiden door '{SCHEIDING}' (nu {len(velden)}).")
        velden += [""] * (4 - len(velden))
        bsn, van_tekst, tot_tekst, uit_tekst = velden
        if not is_bsn(bsn):
            raise _Ongeldig("Het BSN is geen 9 cijfers die aan de elfproef voldoen.")
        if not van_tekst:
            raise _Ongeldig("Actief van ontbreekt.")
        van = self.moment(van_tekst, "Actief van")
        tot = self.moment(tot_tekst, "Actief tot") if tot_tekst else None
        if tot is not None and tot <= van:
            raise _Ongeldig("Actief tot ligt niet na actief van.")
        if uit_tekst:
            rij = len(deel.bsns)
            deel.uit += [(rij, oin, sinds) for oin, sinds in self.uit(uit_tekst, van)]
        deel.bsns.append(int(bsn))
        deel.van.append(van)
        deel.tot.append(tot)


def controleer_kop(velden: list[str] | None) -> None:
    if velden is None:
        raise BestandGeweigerd("Het bestand is leeg: de kopregel ontbreekt.")
    if tuple(v.strip().lower().lstrip("\ufeff") for v in velden) != KOPREGEL:
        raise BestandGeweigerd(
            "De eerste regel moet de kopregel zijn: " + SCHEIDING.join(KOPREGEL) + " (gescheiden door ';')."
        )


def _velden(lezer, ontleed: "_Lezer") -> Iterator[list[str]]:
    """The rows' fields; a line the csv module cannot read becomes a refused row, and reading goes on."""
    while True:
        try:
            velden = next(lezer)
        except StopIteration:
            return
        except csv.Error:
            ontleed.weiger(lezer.line_num, "De regel is geen geldige CSV (let op aanhalingstekens).")
            continue
        if velden:
            yield velden


def lees(regels: Iterable[str], grootte: int = MAX_PER_GEBEURTENIS) -> Iterator[Deel]:
    """The file in parts of at most `grootte` valid rows each; raises `BestandGeweigerd` before the first
    part when the header is not the users file's. Empty lines are passed over."""
    lezer = csv.reader(regels, delimiter=SCHEIDING)
    controleer_kop(next(lezer, None))
    ontleed = _Lezer()
    snel, rij = ontleed.snel, ontleed.rij
    for velden in _velden(lezer, ontleed):
        if not snel(velden):
            try:
                rij(velden, ontleed.deel)
            except _Ongeldig as fout:
                ontleed.weiger(lezer.line_num, str(fout))
        if len(ontleed.deel.bsns) >= grootte:
            yield ontleed.volgend_deel(lezer.line_num)
    laatste = ontleed.volgend_deel(lezer.line_num)
    if laatste.bsns or laatste.fouten:
        yield laatste


def tijdstip(tekst: object, veld: str, label: str) -> datetime:
    """A date or moment given outside a file (the API), by the file's rules, with a Dutch refusal."""
    if not isinstance(tekst, str):
        raise OngeldigeWaarde(f"{label} ontbreekt of is geen tekst.", veld=veld)
    try:
        return moment_van(lees_moment(tekst.strip()))
    except _Ongeldig:
        raise OngeldigeWaarde(
            f"{label} is geen datum (JJJJ-MM-DD) of moment met tijdzone (ISO 8601).", veld=veld
        ) from None
