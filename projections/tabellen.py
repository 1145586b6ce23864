"""The read models' tables, as SQLAlchemy Core, in the same database as the events.

`Tabellen(projectie, suffix)` gives one generation of a projection's tables (defined in
projections.tabeldefinities): the live ones (`suffix=""`) or a rebuild's new ones (`"__<token>"`). Index
names carry the suffix, because in SQLite and PostgreSQL an index keeps its name when its table is renamed:
a fresh token per rebuild keeps the next rebuild from colliding with the last one.
"""

from sqlalchemy import Index, MetaData, Table

from projections.tabeldefinities import DEFINITIES


class Tabellen:
    """One generation of a projection's tables, addressed by their live name: `t["koppelingen"]`.

    With `bouw=True` the tables are created with only the indexes the handlers need; `maak_indexen` adds
    the others once the rebuild has caught up.
    """

    def __init__(self, projectie: str, suffix: str = "", bouw: bool = False) -> None:
        self.projectie = projectie
        self.suffix = suffix
        self.metadata = MetaData()
        self.lijst = DEFINITIES[projectie](self.metadata, suffix)
        self._per_naam = {
            tabel.name.removesuffix(suffix) if suffix else tabel.name: tabel for tabel in self.lijst
        }
        self.uitgesteld: list[Index] = []
        if bouw:
            for tabel in self.lijst:
                later = [ix for ix in tabel.indexes if not ix.info.get("tijdens_bouw")]
                tabel.indexes.difference_update(later)
                self.uitgesteld += later

    def __getitem__(self, naam: str) -> Table:
        return self._per_naam[naam]

    def namen(self) -> list[str]:
        return list(self._per_naam)

    def maak_indexen(self, engine) -> None:
        for index in self.uitgesteld:
            index.create(engine, checkfirst=True)


# The live generation of every projection's tables: definitions made once at import, like the handlers.
_LIVE = {projectie: Tabellen(projectie) for projectie in DEFINITIES}


def live(projectie: str) -> Tabellen:
    return _LIVE[projectie]


def tabel(naam: str) -> Table:
    """A live table by name, for the query modules."""
    for projectie in DEFINITIES:
        tabellen = live(projectie)
        if naam in tabellen.namen():
            return tabellen[naam]
    raise KeyError(naam)
