"""The column types and helpers the read models' tables share: moments and days stored as integers, the
surrogate id, and the markers for partial and build-time indexes."""

from datetime import UTC, date, datetime, timedelta

from sqlalchemy import BigInteger, Column, Integer, text
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


OPEN = text("tot IS NULL")
# Indexes the handlers themselves search while they build; a rebuild creates every other index only when
# its tables are full, which is several times faster than keeping them up to date row by row.
BOUW = {"tijdens_bouw": True}
