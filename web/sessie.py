"""Who is logged in, for whom they act, and the decorators that make every view decide who may use it.

The session holds only the OIN, the role, the certificate serial and (for an intermediair) the chosen
afnemer. Everything else is looked up again on every request in the organisaties read model (through the
read gateway), so a relation the beheerder ends takes effect at the intermediair's next click, not at its
next login.
"""

import functools
from collections.abc import Callable
from typing import TypeVar

from flask import abort, flash, g, redirect, session, url_for

from domain.fouten import NietGevonden, OngeldigeWaarde
from domain.waarden import Actor, Oin, Rol
from service_layer.lezen import Organisatie
from web import sessie_opslag
from web.lezen import lezen

T = TypeVar("T")
View = Callable[..., object]

_OIN, _ROL, _CERTIFICAAT, _AFNEMER = "oin", "rol", "certificaat", "afnemer"

# The attribute the architecture test looks for: every route states who may use it.
AUTORISATIE = "autorisatie"


# -- logging in and out -------------------------------------------------------------------------------


def meld_aan(organisatie: Organisatie, certificaat_serienummer: str) -> None:
    sessie_opslag.beeindig()
    session.clear()
    sessie_opslag.begin(organisatie.oin)
    session[_OIN] = organisatie.oin.waarde
    session[_ROL] = organisatie.rol.value
    session[_CERTIFICAAT] = certificaat_serienummer
    if organisatie.rol is Rol.INTERMEDIAIR and organisatie.bediende_afnemers:
        session[_AFNEMER] = min(organisatie.bediende_afnemers).waarde
    g.pop("organisatie", None)


def meld_af() -> None:
    sessie_opslag.beeindig()
    session.clear()
    g.pop("organisatie", None)


def kies_afnemer(afnemer: Oin) -> None:
    """The switch top right; only to an afnemer this intermediair serves now, else 403."""
    organisatie = current_organisatie()
    if organisatie is None or organisatie.rol is not Rol.INTERMEDIAIR:
        abort(403)
    if afnemer not in organisatie.bediende_afnemers:
        abort(403)
    session[_AFNEMER] = afnemer.waarde
    g.pop("afnemer", None)


# -- the current organisation, afnemer and actor ------------------------------------------------------


def current_organisatie() -> Organisatie | None:
    if "organisatie" not in g:
        g.organisatie = _ingelogde_organisatie()
    return g.organisatie


def _ingelogde_organisatie() -> Organisatie | None:
    oin = session.get(_OIN)
    if not oin:
        return None
    try:
        organisatie = lezen().organisatie(Oin(oin))
    except OngeldigeWaarde:
        organisatie = None
    if organisatie is None or organisatie.rol.value != session.get(_ROL):
        # A session for an organisation that no longer matches the register is worth nothing.
        session.clear()
        return None
    return organisatie


def current_afnemer() -> Organisatie | None:
    """The afnemer whose berichttypes, diensten and profiel the pages show; None for the beheerder."""
    if "afnemer" not in g:
        g.afnemer = _huidige_afnemer()
    return g.afnemer


def _huidige_afnemer() -> Organisatie | None:
    organisatie = current_organisatie()
    if organisatie is None or organisatie.rol is Rol.BEHEERDER:
        return None
    if organisatie.rol is Rol.AFNEMER:
        return organisatie
    gekozen = session.get(_AFNEMER)
    if not gekozen or Oin(gekozen) not in organisatie.bediende_afnemers:
        session.pop(_AFNEMER, None)
        return None
    return lezen().organisatie(Oin(gekozen))


def ingelogd_als() -> tuple[str | None, str | None]:
    """(the logged-in organisation's OIN, the afnemer an intermediair chose) as the session holds them, for
    the log lines; no lookup, so it is safe to call from a logging filter."""
    return session.get(_OIN), session.get(_AFNEMER)


def current_actor() -> Actor:
    """The organisation of the certificate, acting for the current afnemer (or for itself)."""
    organisatie = current_organisatie()
    if organisatie is None:
        abort(401)
    afnemer = current_afnemer()
    namens = afnemer.oin if afnemer is not None else organisatie.oin
    return Actor(organisatie.oin, namens, session.get(_CERTIFICAAT, ""))


def bediende_afnemers() -> list[Organisatie]:
    """For the switch: the afnemers the intermediair serves now, by name."""
    organisatie = current_organisatie()
    if organisatie is None or organisatie.rol is not Rol.INTERMEDIAIR:
        return []
    return lezen().bediende_afnemers(organisatie.oin)


# -- decorators -----------------------------------------------------------------------------------------


def _markeer(view: View, wie: str) -> View:
    setattr(view, AUTORISATIE, wie)
    return view


def openbaar(view: View) -> View:
    """For login and logout only: a page anyone may reach, stated explicitly rather than forgotten."""
    return _markeer(view, "openbaar")


def inlog_vereist(view: View) -> View:
    @functools.wraps(view)
    def alleen_ingelogd(*args, **kwargs):
        if current_organisatie() is None:
            return redirect(url_for("inloggen.index"))
        return view(*args, **kwargs)

    return _markeer(alleen_ingelogd, "ingelogd")


def rol_vereist(*rollen: Rol) -> Callable[[View], View]:
    def decorator(view: View) -> View:
        @functools.wraps(view)
        def alleen_voor_rol(*args, **kwargs):
            organisatie = current_organisatie()
            if organisatie is None:
                return redirect(url_for("inloggen.index"))
            if organisatie.rol not in rollen:
                abort(403)
            return view(*args, **kwargs)

        return _markeer(alleen_voor_rol, "rol:" + ",".join(r.value for r in rollen))

    return decorator


def afnemer_vereist(view: View) -> View:
    """For the afnemer's own tabs: an afnemer, or an intermediair that has chosen an afnemer it serves."""

    @functools.wraps(view)
    def alleen_met_afnemer(*args, **kwargs):
        if current_afnemer() is None:
            flash("Kies eerst rechtsboven de afnemer voor wie u het beheer uitvoert.", "fout")
            return redirect(url_for("home.index"))
        return view(*args, **kwargs)

    return rol_vereist(Rol.AFNEMER, Rol.INTERMEDIAIR)(_markeer(alleen_met_afnemer, "afnemer"))


def van_afnemer(laden: Callable[[Oin], T]) -> T:
    """Load something of the current afnemer; anything not found for this afnemer is a 404.

    The one place for tenant isolation: ids are derived from the afnemer's OIN, so an object of another
    afnemer is simply not found here.
    """
    afnemer = current_afnemer()
    if afnemer is None:
        abort(404)
    try:
        return laden(afnemer.oin)
    except NietGevonden:
        abort(404)
