"""What every template may use: the logged-in organisation, the afnemer switch and the tabs for the role."""

import logging
from datetime import datetime

from flask import Flask, g
from wtforms.widgets import ListWidget

from domain.bijlage_limieten import leesbare_grootte
from web import sessie, tabbladen
from web.moment import NEDERLAND
from web.rapportage.getallen import getal

_NIEMAND = {"ingelogd": None, "afnemer": None, "afnemers": [], "tabs": []}

log = logging.getLogger(__name__)


def _context() -> dict:
    if g.get("storing"):
        # The store cannot be read (web/storing.py): the page shows as if nobody were logged in.
        return _NIEMAND
    try:
        return _ingelogd()
    except Exception:
        if not g.get("foutpagina"):
            raise
        # An error page keeps the tabs and the identity, but must render even when the store itself failed:
        # then it shows the page as if nobody were logged in.
        log.warning("Foutpagina zonder ingelogde organisatie: die kon niet worden gelezen", exc_info=True)
        return _NIEMAND


def _ingelogd() -> dict:
    organisatie = sessie.current_organisatie()
    if organisatie is None:
        return _NIEMAND
    return {
        "ingelogd": organisatie,
        "afnemer": sessie.current_afnemer(),
        "afnemers": sessie.bediende_afnemers(),
        "tabs": tabbladen.voor_rol(organisatie.rol),
    }


def moment_als_tekst(waarde: datetime | None, seconden: bool = False) -> str:
    """Dates as a Dutch reader expects them, in Dutch time: 5-1-2026 10:00 (or 10:00:07)."""
    if waarde is None:
        return ""
    lokaal = waarde.astimezone(NEDERLAND)
    return (
        f"{lokaal.day}-{lokaal.month}-{lokaal.year} {lokaal:%H:%M:%S}"
        if seconden
        else (f"{lokaal.day}-{lokaal.month}-{lokaal.year} {lokaal:%H:%M}")
    )


def _moment(waarde: datetime | None) -> str:
    return moment_als_tekst(waarde)


def _moment_seconden(waarde: datetime | None) -> str:
    return moment_als_tekst(waarde, seconden=True)


def _getal(waarde: int) -> str:
    """A number as a Dutch reader writes it: 1.234.567."""
    return f"{waarde:,}".replace(",", ".")


def _keuzelijst(veld) -> bool:
    """A field shown as a list of radios or checkboxes, whatever its class is called: it gets a fieldset
    and legend, not the look of a text input."""
    return isinstance(getattr(veld, "widget", None), ListWidget)


def installeer(app: Flask) -> None:
    app.jinja_env.add_extension("jinja2.ext.do")
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True
    app.context_processor(_context)
    app.add_template_filter(_moment, "moment")
    app.add_template_filter(_moment_seconden, "moment_s")
    app.add_template_filter(_getal, "getal")
    app.add_template_global(getal, "getal")
    app.add_template_filter(leesbare_grootte, "grootte")
    app.add_template_test(_keuzelijst, "keuzelijst")
