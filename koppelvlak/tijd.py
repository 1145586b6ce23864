"""The koppelvlak's dates and times as the portal keeps them: aware, in UTC; without a zone, Dutch time."""

from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

NEDERLAND = ZoneInfo("Europe/Amsterdam")


def tijdstip(tekst: str) -> datetime:
    """An xs:dateTime. Raises ValueError for what Python cannot represent (a moment past the year 9999 in
    UTC, which the XSD still allows: 9999-12-31T23:59:59-14:00)."""
    moment = datetime.fromisoformat(tekst.strip())
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=NEDERLAND)
    try:
        return moment.astimezone(UTC)
    except OverflowError:
        raise ValueError(f"tijdstip buiten het bereik: {tekst}") from None


def datum_of_tijdstip(tekst: str) -> date | datetime:
    """An xs:date stays a date, an xs:dateTime becomes an aware UTC moment."""
    tekst = tekst.strip()
    return tijdstip(tekst) if "T" in tekst else date.fromisoformat(tekst[:10])


def begin_van_dag(dag: date) -> datetime:
    """A date as the moment it starts in the Netherlands (a PublicatieDatum given as a date)."""
    return datetime.combine(dag, time(0), NEDERLAND).astimezone(UTC)
