"""The tabs of the portal, in the order of the manual: the one place where a tab's blueprint is registered.

To add a tab: write `web/<sleutel>/views.py` with `bp = Blueprint("<sleutel>", ...)` and an `index`
endpoint, then set `views="web.<sleutel>.views"` on its line below. Until then the tab links to a page
that says it is not available yet.
"""

import importlib
from dataclasses import dataclass

from flask import Flask, request, url_for

from domain.waarden import Rol

# Everyone who logs in to the portal; a machine role (the MijnOverheid feed) only calls the API.
IEDEREEN = frozenset(r for r in Rol if not r.is_machine)
AFNEMERSZAKEN = frozenset({Rol.AFNEMER, Rol.INTERMEDIAIR})
BEHEER = frozenset({Rol.BEHEERDER})
# The reports: the afnemer its own, the beheerder every afnemer's (chosen in the filter).
RAPPORTAGE = AFNEMERSZAKEN | BEHEER


@dataclass(frozen=True)
class Tabblad:
    sleutel: str  # blueprint name and URL segment
    label: str
    rollen: frozenset[Rol]
    views: str | None = None  # the module holding `bp`; None while the tab is not built

    @property
    def gebouwd(self) -> bool:
        return self.views is not None

    def url(self) -> str:
        if self.gebouwd:
            return url_for(f"{self.sleutel}.index")
        return url_for("nog_niet.tabblad", sleutel=self.sleutel)

    def is_actief(self) -> bool:
        if self.gebouwd:
            return request.blueprint == self.sleutel
        return (
            request.endpoint == "nog_niet.tabblad"
            and (request.view_args or {}).get("sleutel") == self.sleutel
        )


TABBLADEN: tuple[Tabblad, ...] = (
    Tabblad("home", "Home", IEDEREEN, "web.home.views"),
    Tabblad("berichttypes", "Berichttypes", AFNEMERSZAKEN, "web.berichttypes.views"),
    Tabblad("bijlage_validatie", "Bijlage validatie", IEDEREEN, "web.bijlage_validatie.views"),
    Tabblad("diensten", "Diensten", AFNEMERSZAKEN, "web.diensten.views"),
    Tabblad("berichtverwerking", "Berichtverwerking", RAPPORTAGE, "web.berichtverwerking.views"),
    Tabblad("totalen", "Totalen", RAPPORTAGE, "web.totalen.views"),
    Tabblad("profiel", "Profiel", AFNEMERSZAKEN, "web.profiel.views"),
    Tabblad("beheer", "Beheer", BEHEER, "web.beheer.views"),
    Tabblad("faq", "FAQ", IEDEREEN, "web.faq.views"),
    Tabblad("contact", "Contact", IEDEREEN, "web.contact.views"),
)

# Blueprints that are not tabs: logging in and out, and the stand-in for tabs not built yet.
OVERIGE_BLUEPRINTS: tuple[str, ...] = ("web.inloggen.views", "web.nog_niet.views")


def voor_rol(rol: Rol) -> list[Tabblad]:
    return [tab for tab in TABBLADEN if rol in tab.rollen]


def nog_niet_gebouwd(sleutel: str) -> Tabblad | None:
    return next((tab for tab in TABBLADEN if tab.sleutel == sleutel and not tab.gebouwd), None)


def registreer(app: Flask) -> None:
    modules = [tab.views for tab in TABBLADEN if tab.views] + list(OVERIGE_BLUEPRINTS)
    for module in modules:
        app.register_blueprint(importlib.import_module(module).bp)
