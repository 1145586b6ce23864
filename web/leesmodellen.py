"""The hook between a command and the read models, called by every view right after its command.

In embedded mode (SQLite) the projections catch up inside the request that issued the command, so the
user sees the change at once; with PostgreSQL the request waits briefly for its own position instead.
The colleague integrating `projections/` calls that catch-up (or wait) here; until then the screens read
the aggregates through the application, which is always up to date, so there is nothing to do.
"""

from flask import Flask


def na_commando(app: Flask) -> None:
    """Bring the read models up to the command just issued (see the module docstring)."""
