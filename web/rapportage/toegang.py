"""Whose figures a report shows: an afnemer its own, an intermediair those of the afnemer it chose top right,
the beheerder those of the afnemer it picks in the filter. Nothing in the URL can make an afnemer or an
intermediair see another afnemer's batches: for them the `afnemer` parameter is never read."""

import functools

from flask import current_app, flash, redirect, url_for
from wtforms import SelectChoice

from domain.waarden import Rol
from service_layer.lezen import Organisatie
from web.lezen import lezen
from web.rapportage.filters import PeriodeForm
from web.sessie import current_afnemer, current_organisatie, rol_vereist

RAPPORTAGE_ROLLEN = (Rol.AFNEMER, Rol.INTERMEDIAIR, Rol.BEHEERDER)


def rapportage_toegang(view):
    """An afnemer, an intermediair that chose an afnemer it serves, or the beheerder."""

    @functools.wraps(view)
    def met_afnemer_of_beheerder(*args, **kwargs):
        if not is_beheerder() and current_afnemer() is None:
            flash("Kies eerst rechtsboven de afnemer voor wie u het beheer uitvoert.", "fout")
            return redirect(url_for("home.index"))
        return view(*args, **kwargs)

    return rol_vereist(*RAPPORTAGE_ROLLEN)(met_afnemer_of_beheerder)


def is_beheerder() -> bool:
    organisatie = current_organisatie()
    return organisatie is not None and organisatie.rol is Rol.BEHEERDER


def voor_wie(formulier: PeriodeForm) -> Organisatie | None:
    """The afnemer whose figures are shown; for the beheerder the one chosen in the filter (None until it
    chose one). Fills the beheerder's afnemer list."""
    if not is_beheerder():
        formulier.afnemer.data = ""
        return current_afnemer()
    afnemers = lezen().organisaties(Rol.AFNEMER)
    formulier.afnemer.choices = [
        SelectChoice("", "Kies een afnemer"),
        *(SelectChoice(a.oin.waarde, a.naam) for a in afnemers),
    ]
    gekozen = formulier.afnemer.data or ""
    gevonden = next((a for a in afnemers if a.oin.waarde == gekozen), None)
    if gekozen and gevonden is None and not formulier.afnemer.errors:
        formulier.afnemer.errors = ["Deze afnemer bestaat niet. Kies een afnemer uit de lijst."]
    return gevonden


def nu():
    return current_app.extensions["samenstelling"].klok()
