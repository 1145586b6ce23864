"""The tables of the projections that follow the configuration log: organisaties, berichttypes, diensten,
koppelingen, the audit trail, contactberichten and the periods of diensten."""

from sqlalchemy import BigInteger, Column, Index, Integer, MetaData, String, Table, Text

from projections.kolommen import BOUW, OPEN, Moment, surrogaat


def organisaties(md: MetaData, s: str) -> list[Table]:
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
            Index(f"ix_intermediair_relaties{s}_im", "intermediair", "afnemer", "van", info=BOUW),
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


def berichttypes(md: MetaData, s: str) -> list[Table]:
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


def diensten(md: MetaData, s: str) -> list[Table]:
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


def koppelingen(md: MetaData, s: str) -> list[Table]:
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
                sqlite_where=OPEN,
                postgresql_where=OPEN,
                info=BOUW,
            ),
        ),
    ]


def audit(md: MetaData, s: str) -> list[Table]:
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


def contactberichten(md: MetaData, s: str) -> list[Table]:
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


def dienst_perioden(md: MetaData, s: str) -> list[Table]:
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
            Index(f"ix_dienst_perioden{s}_uuid", "dienst_uuid", "van", info=BOUW),
        ),
    ]
