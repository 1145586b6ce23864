"""A moment in Dutch time, as a user asks a point-in-time question ("what was linked on 1 March at 9:00?"),
and the translation to the UTC the koppeling history is kept in."""

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from wtforms import DateTimeLocalField
from wtforms.validators import Optional, ValidationError

from web.formulier import Formulier

NEDERLAND = ZoneInfo("Europe/Amsterdam")
# What browsers send for datetime-local, and what a person types in a URL.
FORMATEN = ["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M"]
# The portal's history starts long after 2000; a year far outside this range is a typing error, and would
# overflow the database's date types.
EERSTE_JAAR, LAATSTE_JAAR = 2000, 2100


def _binnen_bereik(form, field) -> None:
    if field.data is not None and not EERSTE_JAAR <= field.data.year <= LAATSTE_JAAR:
        raise ValidationError(f"Kies een moment tussen {EERSTE_JAAR} en {LAATSTE_JAAR}.")


class MomentForm(Formulier):
    """A GET form: the question lives in the URL, so an answer can be bookmarked and shared."""

    class Meta:
        csrf = False

    op = DateTimeLocalField(
        "Datum en tijd (Nederlandse tijd)",
        format=FORMATEN,
        validators=[Optional(), _binnen_bereik],
        invalid_value_message="Vul een datum en tijd in, bijvoorbeeld 2026-03-01 09:00.",
    )

    def in_utc(self) -> datetime | None:
        """The chosen moment in UTC, or None when none (or an invalid one) was asked for."""
        if self.op.data is None or self.op.errors:
            return None
        return self.op.data.replace(tzinfo=NEDERLAND).astimezone(UTC)
