"""The tables of the two registers' projections: the Berichtenbox users and the machtigingen."""

from sqlalchemy import BigInteger, Column, Index, Integer, MetaData, String, Table

from projections.kolommen import Dag, Moment


def gebruikers(md: MetaData, s: str) -> list[Table]:
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


def machtigingen(md: MetaData, s: str) -> list[Table]:
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
