"""The MijnOverheid feed's file (docs/gebruikers-register.md): one citizen per row, read as a stream.

    bsn;actief_van;actief_tot;uitgeschakeld
    999999990;2019-03-01;;00000001001234567000 00000001009876543000@2024-05-01T10:00:00+02:00

A row is the citizen's whole state (a `stand` mutation, domain/gebruikers.py): the box active from
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

from domain.gebruikers import MAX_PER_GEBEURTENIS, NEDERLAND, STAND, Mutatie, microseconden

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

    def rij(self, velden: list[str]) -> Mutatie:
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
        uit = self.uit(uit_tekst, van) if uit_tekst else ()
        return (STAND, int(bsn), van, tot, uit)


def controleer_kop(velden: list[str] | None) -> None:
    if velden is None:
        raise BestandGeweigerd("Het bestand is leeg: de kopregel ontbreekt.")
    if tuple(v.strip().lower().lstrip("\ufeff") for v in velden) != KOPREGEL:
        raise BestandGeweigerd(
            "De eerste regel moet de kopregel zijn: " + SCHEIDING.join(KOPREGEL) + " (gescheiden door ';')."
        )


def lees(regels: Iterable[str], grootte: int = MAX_PER_GEBEURTENIS) -> Iterator[Deel]:
    """The file in parts of at most `grootte` valid rows each; raises `BestandGeweigerd` before the first
    part when the header is not the users file's. Empty lines are passed over."""
    lezer = csv.reader(regels, delimiter=SCHEIDING)
    controleer_kop(next(lezer, None))
    ontleed = _Lezer()
    rij = ontleed.rij
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
