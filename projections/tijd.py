"""The grains of the pre-aggregated totals: the UTC hour and the Dutch calendar day of a moment."""

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

NEDERLAND = ZoneInfo("Europe/Amsterdam")


def uur_van(moment: datetime) -> datetime:
    return moment.astimezone(UTC).replace(minute=0, second=0, microsecond=0)


def dag_in_nederland(moment: datetime) -> str:
    return moment.astimezone(NEDERLAND).date().isoformat()
