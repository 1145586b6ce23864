"""Diensten (manual chapter 6): the machtigbare diensten of the current afnemer and their koppelingen.

Pages read the projections' read models; every change is one command through `voer_uit`. A dienst is
addressed in URLs by its aggregate id (uuid5 of afnemer and Dienst ID), so any Dienst ID (spaces,
slashes, unicode) makes a safe URL, and a dienst is always loaded for the current afnemer: another
afnemer's id is a 404.
"""

from uuid import UUID

from flask import Blueprint, current_app, flash, redirect, render_template, url_for

from domain.fouten import NietGevonden
from domain.identiteit import dienst_id
from domain.waarden import MAX_CODE, DienstId
from events_store.portaal import Portaal
from projections import asof, queries
from projections.handlers.koppelingen import DIENST_GEDEACTIVEERD, ONTKOPPELD
from projections.queries import DienstRegel
from web.diensten.forms import (
    HINTS,
    INACTIEF,
    DienstToevoegenForm,
    DienstWijzigenForm,
    KoppelenForm,
    StatusForm,
)
from web.invoer import paginanummer, zoektekst
from web.leesmodellen import actueel
from web.sessie import afnemer_vereist, current_actor, current_afnemer, van_afnemer
from web.uitvoeren import portaal, voer_uit

bp = Blueprint("diensten", __name__, url_prefix="/diensten")

PER_PAGINA = 50
EINDE = {ONTKOPPELD: "Ontkoppeld", DIENST_GEDEACTIVEERD: "Dienst gedeactiveerd"}


def _bron() -> Portaal:
    return actueel(current_app._get_current_object())  # type: ignore[attr-defined]


def _afnemer():
    return current_afnemer().oin


def sleutel(regel: DienstRegel) -> UUID:
    """The URL key of a dienst of the current afnemer."""
    return dienst_id(_afnemer(), DienstId(regel.dienst_id))


def _dienst_of_404(dienst_sleutel: UUID) -> DienstRegel:
    def laad(afnemer) -> DienstRegel:
        gevonden = queries.dienst_met_sleutel(_bron(), afnemer, dienst_sleutel)
        if gevonden is None:
            raise NietGevonden("Deze dienst bestaat niet bij deze afnemer.")
        return gevonden

    return van_afnemer(laad)


@bp.get("/")
@afnemer_vereist
def index():
    overzicht = queries.dienst_overzicht(_bron(), _afnemer(), paginanummer(), PER_PAGINA)
    return render_template("diensten/index.html", overzicht=overzicht, sleutel=sleutel)


@bp.route("/toevoegen", methods=["GET", "POST"])
@afnemer_vereist
def toevoegen():
    formulier = DienstToevoegenForm()
    if formulier.validate_on_submit():
        gelukt, _ = voer_uit(
            formulier,
            lambda: portaal().maak_dienst(
                _afnemer(), formulier.gekozen_dienst_id(), formulier.omschrijving.data, current_actor()
            ),
        )
        if gelukt:
            flash(f"De dienst '{formulier.dienst_id.data}' is toegevoegd en is direct actief.", "succes")
            return redirect(url_for("diensten.index"))
    return render_template("diensten/toevoegen.html", formulier=formulier, hints=HINTS)


@bp.get("/<uuid:dienst_sleutel>")
@afnemer_vereist
def details(dienst_sleutel: UUID):
    dienst = _dienst_of_404(dienst_sleutel)
    bron = _bron()
    return render_template(
        "diensten/details.html",
        dienst=dienst,
        dienst_sleutel=dienst_sleutel,
        berichttypes=queries.berichttypes_met_codes(bron, _afnemer(), dienst.berichttypes),
        historie=asof.historie_van_dienst(bron, _afnemer(), dienst.dienst_id),
        einde=EINDE,
    )


@bp.route("/<uuid:dienst_sleutel>/wijzigen", methods=["GET", "POST"])
@afnemer_vereist
def wijzigen(dienst_sleutel: UUID):
    dienst = _dienst_of_404(dienst_sleutel)
    formulier = DienstWijzigenForm(data={"omschrijving": dienst.omschrijving})
    if formulier.validate_on_submit():
        gelukt, _ = voer_uit(
            formulier,
            lambda: portaal().wijzig_dienst(
                _afnemer(), DienstId(dienst.dienst_id), formulier.omschrijving.data, current_actor()
            ),
        )
        if gelukt:
            flash("De omschrijving van de dienst is gewijzigd.", "succes")
            return redirect(url_for("diensten.details", dienst_sleutel=dienst_sleutel))
    return render_template(
        "diensten/wijzigen.html",
        formulier=formulier,
        dienst=dienst,
        dienst_sleutel=dienst_sleutel,
        hints=HINTS,
    )


def _wijzig_status(formulier: StatusForm, dienst: DienstRegel) -> None:
    commando = portaal().deactiveer_dienst if formulier.deactiveren() else portaal().activeer_dienst
    commando(_afnemer(), DienstId(dienst.dienst_id), current_actor())


@bp.route("/<uuid:dienst_sleutel>/status", methods=["GET", "POST"])
@afnemer_vereist
def status(dienst_sleutel: UUID):
    """The warning screen before a dienst becomes Inactief or Actief again."""
    dienst = _dienst_of_404(dienst_sleutel)
    formulier = StatusForm()
    if formulier.validate_on_submit():
        gelukt, _ = voer_uit(formulier, lambda: _wijzig_status(formulier, dienst))
        if gelukt:
            gedeactiveerd = formulier.status.data == INACTIEF
            flash("De dienst is gedeactiveerd." if gedeactiveerd else "De dienst is weer actief.", "succes")
            return redirect(url_for("diensten.details", dienst_sleutel=dienst_sleutel))
    return render_template(
        "diensten/status.html", formulier=formulier, dienst=dienst, dienst_sleutel=dienst_sleutel
    )


@bp.route("/<uuid:dienst_sleutel>/koppelen", methods=["GET", "POST"])
@afnemer_vereist
def koppelen(dienst_sleutel: UUID):
    """(Ont)koppelen: Koppelen or Ontkoppelen per berichttype, and one Toepassen for all choices."""
    dienst = _dienst_of_404(dienst_sleutel)
    formulier = KoppelenForm()
    if formulier.validate_on_submit():
        gelukt, _ = voer_uit(
            formulier,
            lambda: portaal().pas_koppelingen_toe(
                _afnemer(),
                DienstId(dienst.dienst_id),
                formulier.codes("koppelen"),
                formulier.codes("ontkoppelen"),
                current_actor(),
            ),
        )
        if gelukt:
            flash("De koppelingen zijn toegepast.", "succes")
            return redirect(url_for("diensten.details", dienst_sleutel=dienst_sleutel))
    zoek = zoektekst("code", MAX_CODE)
    berichttypes = queries.berichttype_overzicht(
        _bron(), _afnemer(), code_bevat=zoek, pagina=paginanummer(), per_pagina=PER_PAGINA
    )
    return render_template(
        "diensten/koppelen.html",
        formulier=formulier,
        dienst=dienst,
        dienst_sleutel=dienst_sleutel,
        berichttypes=berichttypes,
        zoek=zoek,
    )
