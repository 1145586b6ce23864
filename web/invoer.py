"""What a browser sends outside a form, checked before it reaches a query: page numbers and search texts.

Anyone can type a URL, so a page number may be negative, a word, or larger than any database integer
(SQLite refuses ints beyond 64 bits with an OverflowError), and a search text may hold a NUL byte
(PostgreSQL refuses those). Views read such values only through these functions: a value out of bounds is
replaced by the default and the user is told so in Dutch, instead of a 500.
"""

import re

from flask import flash, request

# Far beyond any real overzicht (a million rows at 25 a page), far below any integer limit of a database.
MAX_PAGINA = 40_000
_CIJFERS = re.compile(r"[0-9]{1,9}")

# C0 control characters and DEL, except tab, line feed and carriage return (a textarea sends those).
# No browser sends the others from a keyboard, and PostgreSQL refuses NUL in text.
STUURTEKENS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def bevat_stuurteken(tekst: str) -> bool:
    return STUURTEKENS.search(tekst) is not None


def paginanummer(naam: str = "pagina") -> int:
    """The page asked for in the query string: 1 when absent, and 1 with a message when it is no page."""
    waarden = request.args.getlist(naam)
    if not waarden:
        return 1
    if len(waarden) == 1 and _CIJFERS.fullmatch(waarden[0]) and 1 <= int(waarden[0]) <= MAX_PAGINA:
        return int(waarden[0])
    flash("Het paginanummer in het adres bestaat niet. U ziet de eerste pagina.", "waarschuwing")
    return 1


def zoektekst(naam: str, maximum: int) -> str:
    """A search text from the query string: '' when absent, and '' with a message when it is no text one
    could type in the search field (too long, control characters, given twice)."""
    waarden = request.args.getlist(naam)
    if not waarden:
        return ""
    if len(waarden) == 1 and len(waarden[0]) <= maximum and not bevat_stuurteken(waarden[0]):
        return waarden[0]
    flash(
        f"De zoekterm in het adres is ongeldig (maximaal {maximum} tekens, zonder stuurtekens). "
        "Er is niet op gezocht.",
        "waarschuwing",
    )
    return ""
