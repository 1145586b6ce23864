"""The portal's icon (an envelope for the Berichtenbox, web/static/favicon.ico).

Every page links it; it is also served at /favicon.ico, where browsers and other tools look for it without
a link. That URL is one more rule of the `static` endpoint, so it is public like the stylesheet.
"""

from flask import Flask

BESTAND = "favicon.ico"


def installeer(app: Flask) -> None:
    app.add_url_rule(f"/{BESTAND}", endpoint="static", defaults={"filename": BESTAND})
