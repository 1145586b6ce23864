"""Which errors are a fault of the store rather than a bug: the database cannot be reached (a restart of
PostgreSQL, a busy SQLite file, a pool without a free connection) or its disk is full. The web answers those
with a 503 or 507 (web/storing.py), the command line with a clear message and exit status 75 (scripts/cli.py),
instead of a 500 or a trace. Everything else stays what it was.
"""

import errno
import sqlite3

from sqlalchemy import exc as sa

ONBEREIKBAAR = "onbereikbaar"
VOL = "vol"

# SQLite's primary result codes that mean the store cannot be used right now, not a mistake in a query.
_SQLITE_ONBEREIKBAAR = {5, 6, 7, 10, 14}  # BUSY, LOCKED, NOMEM, IOERR, CANTOPEN
_SQLITE_VOL = 13  # FULL
# PostgreSQL's SQLSTATEs of a store that cannot be used right now: a connection exception (08), insufficient
# resources (53: too many connections, out of memory; 53100, a full disk, is VOL), the server shutting down or
# starting (57P01-57P03), a statement cancelled or timed out (57014), a lock not available (55P03), and the
# transaction rollbacks a retry cures (40001 serialization, 40P01 deadlock). Other SQLSTATEs psycopg classes
# as operational, such as a program limit exceeded (54000), are a bug or bad input: they stay a 500.
_PG_VOL = "53100"
_PG_ONBEREIKBAAR = ("08", "53", "57P01", "57P02", "57P03", "57014", "55P03", "40001", "40P01")

def keten(fout: BaseException):
    """The error and what it wraps: the library's PersistenceError wraps SQLAlchemy's, which wraps the
    driver's (`orig`)."""
    gezien: set[int] = set()
    stapel = [fout]
    while stapel:
        huidig = stapel.pop()
        if huidig is None or id(huidig) in gezien:
            continue
        gezien.add(id(huidig))
        yield huidig
        stapel.extend((getattr(huidig, "orig", None), huidig.__cause__, huidig.__context__))


def _soort_van(fout: BaseException) -> str | None:
    if isinstance(fout, sqlite3.Error):
        code = (getattr(fout, "sqlite_errorcode", None) or 0) & 0xFF
        if code == _SQLITE_VOL:
            return VOL
        return ONBEREIKBAAR if code in _SQLITE_ONBEREIKBAAR else None
    if isinstance(fout, OSError) and fout.errno in (errno.ENOSPC, errno.EDQUOT):
        return VOL
    if isinstance(fout, sa.DBAPIError) and fout.connection_invalidated:
        return ONBEREIKBAAR
    if isinstance(fout, sa.TimeoutError):  # no connection free in the pool within its timeout
        return ONBEREIKBAAR
    return _soort_psycopg(fout)


def _soort_psycopg(fout: BaseException) -> str | None:
    try:
        import psycopg
    except ImportError:  # SQLite only: the driver is an extra
        return None
    if not isinstance(fout, psycopg.Error):
        return None
    sqlstate = fout.sqlstate
    if sqlstate == _PG_VOL:
        return VOL
    if sqlstate is None:
        # No answer from the server at all: refused, broken, closed. Only these classes; a ProgrammingError
        # without a SQLSTATE (a wrong query the driver itself refused) is a bug.
        return ONBEREIKBAAR if isinstance(fout, psycopg.OperationalError | psycopg.InterfaceError) else None
    return ONBEREIKBAAR if sqlstate.startswith(_PG_ONBEREIKBAAR) else None


def soort(fout: BaseException) -> str | None:
    """ONBEREIKBAAR, VOL, or None when `fout` is no fault of the store (a bug: it stays a 500)."""
    soorten = {_soort_van(f) for f in keten(fout)} - {None}
    # A full disk is the more specific finding: a write that fails on it may also break the connection.
    return VOL if VOL in soorten else next(iter(soorten), None)
