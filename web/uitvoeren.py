"""How a view reaches the application: the per-app `Portaal`, and one command with its refusal on the form."""

from collections.abc import Callable
from typing import TypeVar

from flask import current_app
from flask_wtf import FlaskForm

from domain.fouten import DomeinFout
from events_store.portaal import Portaal
from web.leesmodellen import na_commando

T = TypeVar("T")


def portaal() -> Portaal:
    return current_app.extensions["portaal"]


def zet_fout(formulier: FlaskForm, fout: DomeinFout) -> None:
    """The refusal next to its field when the form has that field, otherwise in the error summary."""
    veld = getattr(formulier, fout.veld, None) if fout.veld else None
    if veld is not None and hasattr(veld, "errors"):
        veld.errors = [*veld.errors, fout.melding]
    else:
        formulier.form_errors.append(fout.melding)


def voer_uit(formulier: FlaskForm, commando: Callable[[], T]) -> tuple[bool, T | None]:
    """Run one command; a domain refusal lands on the form and nothing else happens."""
    try:
        uitkomst = commando()
    except DomeinFout as fout:
        zet_fout(formulier, fout)
        return False, None
    na_commando(current_app._get_current_object())  # type: ignore[attr-defined]
    return True, uitkomst
