"""The portal's log lines: one per record on stderr, as JSON (for a log pipeline) or as plain text (for a
person at a terminal), never with a BSN in them.

`configureer` installs one handler on the root logger for `portaal serve` and the workers; a web process
adds its request context (web.observatie.verzoeken) as an extra filter. `BsnMasker` runs last on that
handler: it masks, in the message, its arguments, the extra fields and a traceback, everything that passes
the elfproef (domain.waarden.maskeer_bsn). The rule is that no BSN is ever logged (tests/support checks
every record of the test run for one); the mask is the net under that rule, not a licence to log one.

JSON fields: `time` (UTC, ISO 8601), `level`, `logger`, `message`, and where known `request_id`, `oin` (the
organisation acting) and `namens` (the afnemer it acts for), plus `exc_info` for a traceback.
"""

import logging
import sys
from collections.abc import Iterable, Mapping

from pythonjsonlogger.json import JsonFormatter

from domain.waarden import BSN_MASKER, bevat_bsn, elfproef, maskeer_bsn

FORMAAT = "PORTAAL_LOG_FORMAAT"
FORMATEN = ("json", "tekst")
CONTEXT = ("request_id", "oin", "namens")
_STANDAARD_VELDEN = frozenset(logging.LogRecord("", 0, "", 0, "", (), None).__dict__) | {
    "message",
    "asctime",
}


def formaat_uit(environ: Mapping[str, str], demo: bool = False) -> str:
    """PORTAAL_LOG_FORMAAT when set; otherwise JSON, except in demo mode (a person reads the terminal)."""
    gekozen = environ.get(FORMAAT, "").strip().lower()
    if not gekozen:
        return "tekst" if demo else "json"
    if gekozen not in FORMATEN:
        raise RuntimeError(f"{FORMAAT} moet 'json' of 'tekst' zijn, niet {gekozen!r}.")
    return gekozen


class BsnMasker(logging.Filter):
    """Masks anything passing the elfproef in a record, in place (Python 3.11's filters cannot hand back a
    copy), so every handler after it sees the masked record too. Never drops a record."""

    def filter(self, record: logging.LogRecord) -> bool:
        self._bericht(record)
        for naam, waarde in list(record.__dict__.items()):
            if naam not in _STANDAARD_VELDEN:
                setattr(record, naam, _masker(waarde))
        if record.exc_info:
            tekst = logging.Formatter().formatException(record.exc_info)
            gemaskeerd = maskeer_bsn(tekst)
            if gemaskeerd != tekst:
                # The traceback as text, masked; the formatters print exc_text when exc_info is gone.
                record.exc_info, record.exc_text = None, gemaskeerd
        elif record.exc_text:
            record.exc_text = maskeer_bsn(record.exc_text)
        if record.stack_info:
            record.stack_info = maskeer_bsn(record.stack_info)
        return True

    @staticmethod
    def _bericht(record: logging.LogRecord) -> None:
        if isinstance(record.msg, dict):
            record.msg = {k: _masker(v) for k, v in record.msg.items()}
            return
        try:
            tekst = record.getMessage()
        except Exception:  # a broken record is the logging module's to report, not ours
            return
        gemaskeerd = maskeer_bsn(tekst)
        if gemaskeerd != tekst:
            record.msg, record.args = gemaskeerd, None


def _masker(waarde: object) -> object:
    if isinstance(waarde, str):
        return maskeer_bsn(waarde)
    if isinstance(waarde, int) and not isinstance(waarde, bool):
        # Only a number of nine digits: an int has lost any leading zero, and a smaller count or position
        # is no BSN.
        return BSN_MASKER if 10**8 <= waarde < 10**9 and elfproef(str(waarde)) else waarde
    if waarde is None or isinstance(waarde, float | bool):
        return waarde
    tekst = str(waarde)
    return maskeer_bsn(tekst) if bevat_bsn(tekst) else waarde


class _Stderr(logging.StreamHandler):
    """Writes to whatever sys.stderr is at the moment of writing (a test runner swaps it)."""

    def __init__(self) -> None:
        super().__init__()

    @property
    def stream(self):
        return sys.stderr

    @stream.setter
    def stream(self, _waarde) -> None:
        pass


def formatter(formaat: str) -> logging.Formatter:
    if formaat == "json":
        return JsonFormatter(
            ["levelname", "name", "message"],
            rename_fields={"levelname": "level", "name": "logger"},
            timestamp="time",
            json_ensure_ascii=False,
        )
    return logging.Formatter(
        "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s", defaults={"request_id": "-"}
    )


def configureer(
    formaat: str, filters: Iterable[logging.Filter] = (), niveau: int = logging.INFO
) -> logging.Handler:
    """The one handler of this process on the root logger (replacing one installed before), at `niveau`.
    `filters` add context to a record; the BSN mask runs after them, so it sees what they added. Returns the
    handler, for `herstel`."""
    wortel = logging.getLogger()
    for oud in [h for h in wortel.handlers if isinstance(h, _Stderr)]:
        wortel.removeHandler(oud)
    handler = _Stderr()
    for filter_ in (*filters, BsnMasker()):
        handler.addFilter(filter_)
    handler.setFormatter(formatter(formaat))
    wortel.addHandler(handler)
    if wortel.level == logging.NOTSET or wortel.level > niveau:
        wortel.setLevel(niveau)
    return handler


def herstel(handler: logging.Handler) -> None:
    """Remove what `configureer` installed (a command that ends, in a process that goes on: the tests)."""
    logging.getLogger().removeHandler(handler)
