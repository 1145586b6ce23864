"""What a projection remembers between the batches of one run: the rows it read or wrote last time.

Valid only while nobody else wrote the projection's tables: a batch starts by comparing the locked position
and table generation with those the memory belongs to, and forgets everything when they differ (another
worker went on, a transaction rolled back, or a rebuild swapped in new tables). During a rebuild that
saves re-reading the open koppelingen and the audit state of every aggregate in every batch.

What is derived from the events alone (not from the tables) is kept apart, in `afgeleid`: it stays true
whoever writes the tables, so forgetting the rows does not forget it.
"""

from dataclasses import dataclass, field

MAX_RIJEN = 1_000_000


@dataclass
class Geheugen:
    positie: int | None = None
    generatie: str | None = None
    tabellen: dict[str, dict] = field(default_factory=dict)
    volgende_id: dict[str, int] = field(default_factory=dict)
    afgeleid: dict[str, dict] = field(default_factory=dict)
    # The surrogate ids handed out are those equal to the first modulo the second: the parts of a projection
    # built side by side (projections.deel) write one table and must never hand out the same id.
    ids: tuple[int, int] = (0, 1)

    def begin(self, positie: int, generatie: str) -> None:
        anders = (self.positie, self.generatie) != (positie, generatie)
        if anders or sum(len(t) for t in self.tabellen.values()) > MAX_RIJEN:
            self.wis()
        # A batch in flight: until its commit, the memory belongs to no position.
        self.positie, self.generatie = None, generatie

    def bevestig(self, positie: int) -> None:
        self.positie = positie

    def wis(self) -> None:
        self.positie = None
        self.tabellen.clear()
        self.volgende_id.clear()

    def voor(self, naam: str) -> dict:
        return self.tabellen.setdefault(naam, {})

    def afgeleid_voor(self, naam: str) -> dict:
        """A store for values computed from events only; the caller bounds its size."""
        return self.afgeleid.setdefault(naam, {})


def geheugen_voor(geheugen: Geheugen | None, naam: str) -> dict:
    """A table's memory, or a fresh dict (forgotten after this batch) when the caller keeps none."""
    return {} if geheugen is None else geheugen.voor(naam)


def afgeleid_voor(geheugen: Geheugen | None, naam: str) -> dict:
    """A store of values derived from events, or a fresh dict (for this batch) when the caller keeps none."""
    return {} if geheugen is None else geheugen.afgeleid_voor(naam)
