"""A standaard bijlage through the Bijlage validatie before it reaches the berichttype (issue 5, item 3).

The file is checked on its own and, for the set limits, together with the attachments the berichttype
already has: their sizes are enough for that, so their bytes are not read again.
"""

import unicodedata
from urllib.parse import quote

from domain.pdf_validatie import Soort, Uitslag, set_bevindingen
from web.uitvoeren import samenstelling


def controleer(naam: str, inhoud: bytes, bestaande: list) -> Uitslag:
    """`bestaande`: the berichttype's bijlagen as the read gateway gives them (their `grootte` counts)."""
    uitslag = samenstelling().pdf.valideer(naam, inhoud, Soort.STANDAARD)
    return uitslag.met(set_bevindingen(Soort.STANDAARD, [b.grootte for b in bestaande] + [len(inhoud)]))


def dispositie(naam: str, als_download: bool) -> str:
    """Content-Disposition with the stored name: a plain ASCII fallback and the exact name per RFC 6266.

    The name is whatever the uploader's browser sent; quotes, backslashes and control characters must not
    break out of the header, so the fallback drops them and the exact name is percent-encoded.
    """
    eenvoudig = unicodedata.normalize("NFKD", naam).encode("ascii", "ignore").decode("ascii")
    eenvoudig = "".join(c for c in eenvoudig if c.isprintable() and c not in '"\\') or "bijlage.pdf"
    soort = "attachment" if als_download else "inline"
    return f"{soort}; filename=\"{eenvoudig}\"; filename*=UTF-8''{quote(naam, safe='')}"
