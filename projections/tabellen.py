"""The read models' tables, as SQLAlchemy Core, in the same database as the events.

`tabellen(suffix)` gives one generation of the tables: the live ones (`suffix=""`) or a rebuild's new ones
(`"__<token>"`). Index names carry the suffix, because in SQLite and PostgreSQL an index keeps its name when
its table is renamed: a fresh token per rebuild keeps the next rebuild from colliding with the last one.
"""

from datetime import UTC, date, datetime, timedelta

from sqlalchemy import BigInteger, Column, Index, Integer, MetaData, String, Table, Text, text
from sqlalchemy.types import TypeDecorator

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


class Moment(TypeDecorator):
    """A UTC moment stored as whole microseconds since 1970: exact, portable order and cheap to compare.

    SQLite has no timestamp type and SQLAlchemy's DateTime would drop the time zone there; an integer sorts
    the same on both databases, so the [van, tot) intervals need no per-dialect care.
    """

    impl = BigInteger
    cache_ok = True

    def process_bind_param(self, value, dialect):
        return None if value is None else naar_microseconden(value)

    def process_result_value(self, value, dialect):
        return None if value is None else uit_microseconden(value)


class Dag(TypeDecorator):
    """A calendar day stored as its ordinal (days since 1 January of year 1): portable and cheap to sum by."""

    impl = Integer
    cache_ok = True

    def process_bind_param(self, value, dialect):
        return None if value is None else value.toordinal()

    def process_result_value(self, value, dialect):
        return None if value is None else date.fromordinal(value)


def naar_microseconden(moment: datetime) -> int:
    if moment.tzinfo is None:
        raise ValueError("Een moment moet een tijdzone hebben (UTC).")
    verschil = moment - _EPOCH
    return (verschil.days * 86_400 + verschil.seconds) * 1_000_000 + verschil.microseconds


def uit_microseconden(waarde: int) -> datetime:
    return _EPOCH + timedelta(microseconds=waarde)


def surrogaat() -> Column:
    """An autoincrement id: not part of the model's content, so comparisons of read models skip it."""
    return Column(
        "id",
        Integer().with_variant(BigInteger(), "postgresql"),
        primary_key=True,
        autoincrement=True,
        info={"surrogaat": True},
    )


_OPEN = text("tot IS NULL")
# Indexes the handlers themselves search while they build; a rebuild creates every other index only when
# its tables are full, which is several times faster than keeping them up to date row by row.
_BOUW = {"tijdens_bouw": True}


def _organisaties(md: MetaData, s: str) -> list[Table]:
    return [
        Table(
            f"organisaties{s}",
            md,
            Column("organisatie_uuid", String(36), primary_key=True),
            Column("oin", String(20), nullable=False),
            Column("naam", Text, nullable=False),
            Column("rol", String(20), nullable=False),
            Column("kenmerken", Text, nullable=False),
            Column("profiel", Text),
            Column("geregistreerd_op", Moment, nullable=False),
            Index(f"ix_organisaties{s}_oin", "oin", unique=True),
            Index(f"ix_organisaties{s}_rol", "rol", "naam"),
        ),
        Table(
            f"intermediair_relaties{s}",
            md,
            surrogaat(),
            Column("intermediair", String(20), nullable=False),
            Column("afnemer", String(20), nullable=False),
            Column("van", Moment, nullable=False),
            Column("tot", Moment),
            Index(f"ix_intermediair_relaties{s}_im", "intermediair", "afnemer", "van", info=_BOUW),
            Index(f"ix_intermediair_relaties{s}_af", "afnemer", "van"),
        ),
        Table(
            f"mededelingen{s}",
            md,
            Column("mededeling_id", String(36), primary_key=True),
            Column("titel", Text, nullable=False),
            Column("inhoud", Text, nullable=False),
            Column("geplaatst_op", Moment, nullable=False),
            Column("ingetrokken_op", Moment),
            Index(f"ix_mededelingen{s}_geplaatst", "geplaatst_op"),
        ),
    ]


def _berichttypes(md: MetaData, s: str) -> list[Table]:
    return [
        # (afnemer, code) serves the overzicht sorted by code; the status and kenmerk filters get their
        # own prefix so a page of an afnemer with 10,000 berichttypes is an index range, not a scan.
        Table(
            f"berichttype_overzicht{s}",
            md,
            Column("berichttype_uuid", String(36), primary_key=True),
            Column("afnemer", String(20), nullable=False),
            Column("code", String(8), nullable=False),
            Column("omschrijving", Text, nullable=False),
            Column("status", String(10), nullable=False),
            Column("kenmerk", String(30), nullable=False),
            Column("aantal_bijlagen", Integer, nullable=False),
            Column("aangemaakt_op", Moment, nullable=False),
            Column("gewijzigd_op", Moment, nullable=False),
            Index(f"ix_berichttype_overzicht{s}_code", "afnemer", "code", unique=True),
            Index(f"ix_berichttype_overzicht{s}_status", "afnemer", "status", "code"),
            Index(f"ix_berichttype_overzicht{s}_kenmerk", "afnemer", "kenmerk", "code"),
        ),
        Table(
            f"berichttype_bijlagen{s}",
            md,
            Column("berichttype_uuid", String(36), primary_key=True),
            Column("positie", Integer, primary_key=True, autoincrement=False),
            Column("bijlage_id", String(36), nullable=False),
            Column("naam", Text, nullable=False),
            Column("grootte", Integer, nullable=False),
            Column("sha256", String(64), nullable=False),
        ),
        Table(
            f"berichttype_statushistorie{s}",
            md,
            surrogaat(),
            Column("berichttype_uuid", String(36), nullable=False),
            Column("status", String(10), nullable=False),
            Column("moment", Moment, nullable=False),
            Column("actor_oin", String(20), nullable=False),
            Column("namens", String(20), nullable=False),
            Index(f"ix_berichttype_statushistorie{s}_bt", "berichttype_uuid", "id"),
        ),
    ]


def _diensten(md: MetaData, s: str) -> list[Table]:
    return [
        Table(
            f"dienst_overzicht{s}",
            md,
            Column("dienst_uuid", String(36), primary_key=True),
            Column("afnemer", String(20), nullable=False),
            Column("dienst_id", String(40), nullable=False),
            Column("omschrijving", Text, nullable=False),
            Column("status", String(10), nullable=False),
            Column("gedeactiveerd_op", Moment),
            Column("aangemaakt_op", Moment, nullable=False),
            Index(f"ix_dienst_overzicht{s}_id", "afnemer", "dienst_id", unique=True),
        ),
    ]


def _koppelingen(md: MetaData, s: str) -> list[Table]:
    return [
        Table(
            f"koppeling_diensten{s}",
            md,
            Column("dienst_uuid", String(36), primary_key=True),
            Column("afnemer", String(20), nullable=False),
            Column("dienst_id", String(40), nullable=False),
        ),
        # One row per interval [van, tot). See projections/asof.py for why these three indexes.
        Table(
            f"koppelingen{s}",
            md,
            surrogaat(),
            Column("afnemer", String(20), nullable=False),
            Column("dienst_id", String(40), nullable=False),
            Column("code", String(8), nullable=False),
            Column("dienst_uuid", String(36), nullable=False),
            Column("van", Moment, nullable=False),
            Column("tot", Moment),
            Column("einde", String(30)),
            # tot (and the other side of the link) ride along, so as-of questions read only the index.
            Index(f"ix_koppelingen{s}_dienst", "afnemer", "dienst_id", "code", "van", "tot"),
            Index(f"ix_koppelingen{s}_code", "afnemer", "code", "van", "tot", "dienst_id"),
            Index(f"ix_koppelingen{s}_dienst_van", "afnemer", "dienst_id", "van", "tot", "code"),
            # Only the open intervals, by the dienst's aggregate id: what a batch loads to close them, as an
            # index search on one column (SQLite won't search an index for an (afnemer, dienst_id) IN list).
            Index(
                f"ix_koppelingen{s}_open",
                "dienst_uuid",
                sqlite_where=_OPEN,
                postgresql_where=_OPEN,
                info=_BOUW,
            ),
        ),
    ]


def _audit(md: MetaData, s: str) -> list[Table]:
    return [
        # The position in the event log is the natural key: one row per event, never two.
        Table(
            f"audit_trail{s}",
            md,
            Column("positie", BigInteger, primary_key=True, autoincrement=False),
            Column("moment", Moment, nullable=False),
            Column("actor_oin", String(20), nullable=False),
            Column("namens", String(20), nullable=False),
            Column("afnemer", String(20)),
            Column("soort", String(20), nullable=False),
            Column("sleutel", Text, nullable=False),
            Column("gebeurtenis", String(40), nullable=False),
            Column("wijzigingen", Text, nullable=False),
            Index(f"ix_audit_trail{s}_afnemer", "afnemer", "positie"),
            Index(f"ix_audit_trail{s}_sleutel", "soort", "sleutel", "positie"),
        ),
        # What the audit projection remembers per aggregate, to show 'before' next to 'after'.
        Table(
            f"audit_stand{s}",
            md,
            Column("aggregate_uuid", String(36), primary_key=True),
            Column("soort", String(20), nullable=False),
            Column("sleutel", Text, nullable=False),
            Column("afnemer", String(20)),
            Column("stand", Text, nullable=False),
        ),
    ]


def _gebruikers(md: MetaData, s: str) -> list[Table]:
    """The Berichtenbox users register (projections/handlers/gebruikers.py). The BSN is the key as a number:
    on SQLite that makes it the rowid, so a batch's thousand BSNs are a thousand rowid lookups."""
    return [
        Table(
            f"berichtenbox_gebruikers{s}",
            md,
            Column("bsn", Integer, primary_key=True, autoincrement=False),
            Column("van", Moment, nullable=False),
            Column("tot", Moment),
        ),
        # Per citizen and afnemer the interval [van, tot) it was switched off (tot: switched on again).
        Table(
            f"berichtenbox_uitschakelingen{s}",
            md,
            Column("bsn", Integer, primary_key=True, autoincrement=False),
            Column("afnemer", String(20), primary_key=True),
            Column("van", Moment, nullable=False),
            Column("tot", Moment),
        ),
        # Daily changes of the counts, per Dutch calendar day: afnemer '' counts the active boxes, an OIN
        # the active boxes switched off for it. A count on day D is the sum up to D (active at the day's end),
        # so twelve months of Home figures read a few hundred rows, never the citizens.
        Table(
            f"berichtenbox_per_dag{s}",
            md,
            Column("afnemer", String(20), primary_key=True),
            Column("dag", Dag, primary_key=True),
            Column("verschil", BigInteger, nullable=False),
        ),
    ]


def _contactberichten(md: MetaData, s: str) -> list[Table]:
    return [
        Table(
            f"contactberichten{s}",
            md,
            Column("contactbericht_uuid", String(36), primary_key=True),
            Column("verstuurd_op", Moment, nullable=False),
            Column("afzender_oin", String(20), nullable=False),
            Column("namens", String(20), nullable=False),
            Column("onderwerp", Text, nullable=False),
            Column("bericht", Text, nullable=False),
            Column("email", Text, nullable=False),
            Index(f"ix_contactberichten{s}_verstuurd", "verstuurd_op"),
        ),
    ]


def _batches(md: MetaData, s: str) -> list[Table]:
    """What happened to every batch (Berichtverwerking, Totalen): never a BSN.

    `uitkomst` in the totals is exclusive per bericht: "Verwerkt" (green), "VerwerktMetWaarschuwing"
    (orange), or the VerwerkingsCode that refused it (red); beside them "Ontvangen" counts berichten and
    "Batches" batches. The totals exist per UTC hour and per Dutch calendar day, on the moment of ontvangst
    and of verwerking (`datumsoort`), so a period of a year reads a few hundred day rows and its two edges.
    """
    return [
        Table(
            f"batches{s}",
            md,
            Column("batch_uuid", String(36), primary_key=True),
            Column("batch_id", String(36), nullable=False),
            Column("leverancier", String(20), nullable=False),
            Column("afnemer", String(20), nullable=False),
            Column("aanmaakdatum", Moment, nullable=False),
            Column("ontvangen_op", Moment, nullable=False),
            Column("aantal", Integer, nullable=False),
            Column("verwerkt_op", Moment),
            Column("proceskenmerk", String(36)),
            Column("verwerkt", Integer, nullable=False),
            Column("waarschuwing", Integer, nullable=False),
            Column("niet_verwerkt", Integer, nullable=False),
            Index(f"ix_batches{s}_batch_id", "batch_id", unique=True),
            Index(f"ix_batches{s}_afnemer_ontvangen", "afnemer", "ontvangen_op"),
            Index(f"ix_batches{s}_afnemer_verwerkt", "afnemer", "verwerkt_op"),
            Index(f"ix_batches{s}_leverancier_ontvangen", "leverancier", "ontvangen_op"),
            Index(f"ix_batches{s}_wachtrij", "verwerkt_op", "ontvangen_op"),
        ),
        Table(
            f"batch_redenen{s}",
            md,
            Column("batch_uuid", String(36), primary_key=True),
            Column("kleur", String(10), primary_key=True),
            Column("code", String(40), primary_key=True),
            # A PDF finding's rule, "elfproef", or "" when the code says it all.
            Column("reden", String(80), primary_key=True),
            Column("aantal", Integer, nullable=False),
        ),
        Table(
            f"verwerkte_berichten{s}",
            md,
            Column("batch_uuid", String(36), primary_key=True),
            Column("volgnummer", Integer, primary_key=True),
            Column("bericht_id", String(36), nullable=False),
            Column("berichttype", String(8), nullable=False),
            # Empty until the batch is processed.
            Column("code", String(40)),
            Column("stadium", String(20)),
            Column("waarschuwing", String(80)),
            Column("reden", String(80)),
            Column("proceskenmerk", String(36)),
            # Rows in their key's order, in one B-tree: a batch's berichten are written and read together.
            sqlite_with_rowid=False,
        ),
        Table(
            f"verwerking_uren{s}",
            md,
            Column("afnemer", String(20), primary_key=True),
            Column("leverancier", String(20), primary_key=True),
            Column("datumsoort", String(10), primary_key=True),
            Column("uur", Moment, primary_key=True),
            Column("uitkomst", String(40), primary_key=True),
            Column("aantal", Integer, nullable=False),
            Index(f"ix_verwerking_uren{s}_periode", "datumsoort", "uur"),
            # Totalen ask per afnemer for a range of hours or days; covering, so the rows are never read.
            Index(
                f"ix_verwerking_uren{s}_afnemer",
                "afnemer",
                "datumsoort",
                "uur",
                "leverancier",
                "uitkomst",
                "aantal",
            ),
        ),
        Table(
            f"verwerking_dagen{s}",
            md,
            Column("afnemer", String(20), primary_key=True),
            Column("leverancier", String(20), primary_key=True),
            Column("datumsoort", String(10), primary_key=True),
            Column("dag", String(10), primary_key=True),
            Column("uitkomst", String(40), primary_key=True),
            Column("aantal", Integer, nullable=False),
            Index(f"ix_verwerking_dagen{s}_periode", "datumsoort", "dag"),
            Index(
                f"ix_verwerking_dagen{s}_afnemer",
                "afnemer",
                "datumsoort",
                "dag",
                "leverancier",
                "uitkomst",
                "aantal",
            ),
        ),
    ]


def _bezorgde_berichten(md: MetaData, s: str) -> list[Table]:
    """The berichten placed in a Berichtenbox, with their belanghebbende's BSN: what the access questions
    (who could read this bericht) need, and nothing else reads."""
    return [
        Table(
            f"bezorgde_berichten{s}",
            md,
            Column("bericht_id", String(36), primary_key=True),
            Column("batch_uuid", String(36), nullable=False),
            Column("afnemer", String(20), nullable=False),
            Column("berichttype", String(8), nullable=False),
            Column("bsn", String(9), nullable=False),
            Column("geplaatst_op", Moment, nullable=False),
            Column("publicatie_op", Moment, nullable=False),
            Index(f"ix_bezorgde_berichten{s}_type", "afnemer", "berichttype", "geplaatst_op"),
            # The impact preview of koppelingen: per machtiging one seek to its belanghebbende's berichten of
            # one type, answered from the index alone.
            Index(f"ix_bezorgde_berichten{s}_lezers", "afnemer", "berichttype", "bsn", "bericht_id"),
        ),
        # Berichten received and not yet processed, kept until their batch's outcome decides.
        Table(
            f"wachtende_berichten{s}",
            md,
            Column("batch_uuid", String(36), primary_key=True),
            Column("volgnummer", Integer, primary_key=True),
            Column("bericht_id", String(36), nullable=False),
            Column("afnemer", String(20), nullable=False),
            Column("berichttype", String(8), nullable=False),
            Column("bsn", String(9), nullable=False),
            Column("publicatie_op", Moment),
        ),
    ]


def _machtigingen(md: MetaData, s: str) -> list[Table]:
    """The machtigingen register as DigiD Machtigen's feed last stated it, one row per machtiging. `tot` is
    when it stopped counting (geldig tot, an earlier end or the withdrawal, whichever came first), so the
    access questions read one interval [van, tot). Two indexes besides the id, as few as the questions allow
    (an import writes a million rows): (afnemer, belanghebbende, gemachtigde) for the access check and for
    who could read a bericht, (afnemer, dienst_id, van, tot) for a dienst's (how many now; the impact of a
    change)."""
    return [
        Table(
            f"machtigingen{s}",
            md,
            Column("machtiging_id", String(64), primary_key=True),
            Column("belanghebbende", String(9), nullable=False),
            Column("gemachtigde", String(9), nullable=False),
            Column("afnemer", String(20), nullable=False),
            Column("dienst_id", String(40), nullable=False),
            Column("van", Moment, nullable=False),
            Column("geldig_tot", Moment),
            Column("ingetrokken_op", Moment),
            Column("beeindigd", Integer, nullable=False),
            Column("tot", Moment),
            Column("einde", String(12)),
            # One index for two questions: a gemachtigde's machtigingen of one belanghebbende at one afnemer
            # (the access check), and all of a belanghebbende's at one afnemer (who could read a bericht).
            Index(f"ix_machtigingen{s}_belanghebbende", "afnemer", "belanghebbende", "gemachtigde"),
            # Covering: the impact of a change reads a dienst's valid machtigingen (tens of thousands) from
            # the index alone.
            Index(
                f"ix_machtigingen{s}_dienst",
                "afnemer",
                "dienst_id",
                "van",
                "tot",
                "belanghebbende",
                "gemachtigde",
            ),
        ),
    ]


def _dienst_perioden(md: MetaData, s: str) -> list[Table]:
    """The periods in which a dienst was active, [van, tot): from its creation or reactivation to its
    deactivation. The access rule asks whether a machtiging's dienst was active at T."""
    return [
        Table(
            f"dienst_perioden{s}",
            md,
            surrogaat(),
            Column("dienst_uuid", String(36), nullable=False),
            Column("afnemer", String(20), nullable=False),
            Column("dienst_id", String(40), nullable=False),
            Column("van", Moment, nullable=False),
            Column("tot", Moment),
            Index(f"ix_dienst_perioden{s}_dienst", "afnemer", "dienst_id", "van", "tot"),
            Index(f"ix_dienst_perioden{s}_uuid", "dienst_uuid", "van", info=_BOUW),
        ),
    ]


DEFINITIES = {
    "organisaties": _organisaties,
    "berichttypes": _berichttypes,
    "diensten": _diensten,
    "koppelingen": _koppelingen,
    "audit": _audit,
    "contactberichten": _contactberichten,
    "batches": _batches,
    "bezorgde_berichten": _bezorgde_berichten,
    "gebruikers": _gebruikers,
    "machtigingen": _machtigingen,
    "dienst_perioden": _dienst_perioden,
}


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
