"""A projection's share of the aggregates, for a rebuild split over several processes.

A projection whose rows, and what it remembers between batches, each follow from the events of one aggregate
alone (`per_aggregaat = True`: the audit trail, the koppeling history per dienst) can be built in parts side
by side: part k of n takes the aggregates whose id falls in bucket k. Its tables then hold each aggregate's
rows exactly as a single build would, so the parts together are the whole.

Each part only reads the names of the other aggregates' events and never decodes them
(projections.gebeurtenissen): that, not the handlers alone, is what a second core saves.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from projections.gebeurtenissen import Gebeurtenis
from projections.geheugen import Geheugen
from projections.handlers.basis import Projectie, logboek_van, versie_van
from projections.tabellen import Tabellen


def per_aggregaat(projectie: Projectie) -> bool:
    """Whether the projection can be built in parts by aggregate (False when it does not say)."""
    return getattr(projectie, "per_aggregaat", False)


def vak(sleutel: str, delen: int) -> int:
    """The bucket of an aggregate id as text: its last byte (random in a uuid4, and as spread in the
    name-based ids), so every process agrees without hashing (Python's own hash differs per process)."""
    return int(sleutel[-2:], 16) % delen


@dataclass(frozen=True)
class Deel:
    """Part `nummer` of `delen` of a per-aggregate projection; otherwise the projection itself."""

    projectie: Projectie
    nummer: int
    delen: int

    def __post_init__(self) -> None:
        if not per_aggregaat(self.projectie):
            raise ValueError(f"Projectie {self.projectie.naam} is niet per aggregaat op te delen.")
        if not 0 <= self.nummer < self.delen:
            raise ValueError(f"Deel {self.nummer} van {self.delen} bestaat niet.")

    @property
    def naam(self) -> str:
        return self.projectie.naam

    @property
    def versie(self) -> int:
        return versie_van(self.projectie)

    @property
    def logboek(self) -> str:
        return logboek_van(self.projectie)

    @property
    def gebeurtenissen(self) -> frozenset[str] | None:
        return getattr(self.projectie, "gebeurtenissen", None)

    def verwerk(
        self,
        connection,
        tabellen: Tabellen,
        gebeurtenissen: Sequence[Gebeurtenis],
        geheugen: Geheugen | None = None,
    ) -> None:
        eigen = [g for g in gebeurtenissen if vak(g.sleutel, self.delen) == self.nummer]
        if eigen:
            self.projectie.verwerk(connection, tabellen, eigen, geheugen)


def positie_naam(basis: str, nummer: int, delen: int) -> str:
    """The name a part's position is tracked under, beside its projection's `basis` ('audit#token')."""
    return f"{basis}/{nummer}:{delen}"


def delen_uit(naam: str) -> tuple[str, int, int] | None:
    """(basis, nummer, delen) of a part's position name; None for any other name."""
    basis, scheiding, deel = naam.rpartition("/")
    if not scheiding or ":" not in deel:
        return None
    nummer, _, delen = deel.partition(":")
    if not (nummer.isdigit() and delen.isdigit()):
        return None
    return basis, int(nummer), int(delen)
