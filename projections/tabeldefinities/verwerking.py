"""The tables of the processing log's projections: batches and the berichten delivered."""

from sqlalchemy import Column, Index, Integer, MetaData, String, Table

from projections.kolommen import Moment


def batches(md: MetaData, s: str) -> list[Table]:
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


def bezorgde_berichten(md: MetaData, s: str) -> list[Table]:
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
