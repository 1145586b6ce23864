"""The way in for a view: one use case of the service layer, its refusal on the form, and then the wait for
exactly that command's position, so the page after the redirect shows the change."""

from collections.abc import Callable

from flask import current_app
from flask_wtf import FlaskForm

from domain.fouten import DomeinFout
from service_layer.portaal import Portaal
from service_layer.samenstelling import Samenstelling


def samenstelling() -> Samenstelling:
    return current_app.extensions["samenstelling"]


def portaal() -> Portaal:
    return samenstelling().portaal


def zet_fout(formulier: FlaskForm, fout: DomeinFout) -> None:
    """The refusal next to its field when the form has that field, otherwise in the error summary."""
    veld = getattr(formulier, fout.veld, None) if fout.veld else None
    if veld is not None and hasattr(veld, "errors"):
        veld.errors = [*veld.errors, fout.melding]
    else:
        formulier.form_errors.append(fout.melding)


def voer_uit(formulier: FlaskForm, commando: Callable[[], object]) -> bool:
    """Run one use case; a domain refusal lands on the form and nothing else happens. True when it ran."""
    try:
        vastgelegd = commando()
    except DomeinFout as fout:
        zet_fout(formulier, fout)
        return False
    samenstelling().na_commando(vastgelegd)
    return True
