"""Diensten (manual chapter 6): the machtigbare diensten of the current afnemer and their koppelingen.

Pages read the projections' read models; every change is one command through `voer_uit`. A dienst is
addressed in URLs by its aggregate id (uuid5 of afnemer and Dienst ID), so any Dienst ID (spaces,
slashes, unicode) makes a safe URL, and a dienst is always loaded for the current afnemer: another
afnemer's id is a 404.
"""

from uuid import UUID

from flask import Blueprint, flash, redirect, render_template, request, url_for

from domain.fouten import NietGevonden
from domain.identiteit import dienst_id
from domain.waarden import MAX_CODE, DienstId
from web.diensten.forms import (
    HINTS,
    INACTIEF,
    DienstToevoegenForm,
    DienstWijzigenForm,
    KoppelenForm,
    StatusForm,
    ToegangNagaanForm,
)
from web.invoer import paginanummer, zoektekst
from web.lezen import lezen
from web.moment import MomentForm
from web.sessie import afnemer_vereist, current_actor, current_afnemer, van_afnemer
from web.uitvoeren import portaal, samenstelling, voer_uit

bp = Blueprint("diensten", __name__, url_prefix="/diensten")

PER_PAGINA = 50


def _afnemer():
    return current_afnemer().oin


def sleutel(regel) -> UUID:
    """The URL key of a dienst of the current afnemer."""
    return dienst_id(_afnemer(), DienstId.bestaand(regel.dienst_id))


def _dienst_of_404(dienst_sleutel: UUID):
    def laad(afnemer):
        gevonden = lezen().dienst(afnemer, dienst_sleutel)
        if gevonden is None:
            raise NietGevonden("Deze dienst bestaat niet bij deze afnemer.")
        return gevonden

    return van_afnemer(laad)


@bp.get("/")
@afnemer_vereist
def index():
    overzicht = lezen().dienst_overzicht(_afnemer(), paginanummer(), PER_PAGINA)
    return render_template("diensten/index.html", overzicht=overzicht, sleutel=sleutel)


@bp.route("/toevoegen", methods=["GET", "POST"])
@afnemer_vereist
def toevoegen():
    formulier = DienstToevoegenForm()
    if formulier.validate_on_submit() and not formulier.aanpassen.data:
        bijna_gelijk = lezen().bijna_gelijke_dienst_ids(_afnemer(), formulier.gekozen_dienst_id())
        if bijna_gelijk and not formulier.is_bevestigd():
            # Chapter 6's privacy risk: a second spelling of a Dienst ID is a second dienst. Ask first.
            return render_template(
                "diensten/bijna_gelijk.html", formulier=formulier, bijna_gelijk=bijna_gelijk
            )
        gelukt = voer_uit(
            formulier,
            lambda: portaal().maak_dienst(
                _afnemer(), formulier.gekozen_dienst_id(), formulier.omschrijving.data, current_actor()
            ),
        )
        if gelukt:
            flash(f"De dienst '{formulier.dienst_id.data}' is toegevoegd en is direct actief.", "succes")
            return redirect(url_for("diensten.index"))
    formulier.bevestigd.data = ""  # a confirmation holds for the confirmation screen only
    return render_template("diensten/toevoegen.html", formulier=formulier, hints=HINTS)


@bp.get("/<uuid:dienst_sleutel>")
@afnemer_vereist
def details(dienst_sleutel: UUID):
    dienst = _dienst_of_404(dienst_sleutel)
    vraag = MomentForm(request.args)
    vraag.validate()
    moment = vraag.in_utc()
    op_moment = None
    if moment is not None:
        op_moment = lezen().berichttypes_van_dienst_op(_afnemer(), dienst.dienst_id, moment)
    return render_template(
        "diensten/details.html",
        dienst=dienst,
        dienst_sleutel=dienst_sleutel,
        berichttypes=lezen().berichttypes_met_codes(_afnemer(), dienst.berichttypes),
        historie=lezen().historie_van_dienst(_afnemer(), dienst.dienst_id, paginanummer("historie")),
        vraag=vraag,
        moment=moment,
        op_moment=op_moment,
        machtigingen=lezen().geldige_machtigingen(_afnemer(), dienst.dienst_id, samenstelling().klok()),
    )


@bp.route("/<uuid:dienst_sleutel>/wijzigen", methods=["GET", "POST"])
@afnemer_vereist
def wijzigen(dienst_sleutel: UUID):
    dienst = _dienst_of_404(dienst_sleutel)
    formulier = DienstWijzigenForm(data={"omschrijving": dienst.omschrijving})
    if formulier.validate_on_submit():
        gelukt = voer_uit(
            formulier,
            lambda: portaal().wijzig_dienst(
                _afnemer(), DienstId.bestaand(dienst.dienst_id), formulier.omschrijving.data, current_actor()
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


def _wijzig_status(formulier: StatusForm, dienst):
    commando = portaal().deactiveer_dienst if formulier.deactiveren() else portaal().activeer_dienst
    return commando(_afnemer(), DienstId.bestaand(dienst.dienst_id), current_actor())


@bp.route("/<uuid:dienst_sleutel>/status", methods=["GET", "POST"])
@afnemer_vereist
def status(dienst_sleutel: UUID):
    """The warning screen before a dienst becomes Inactief or Actief again."""
    dienst = _dienst_of_404(dienst_sleutel)
    formulier = StatusForm()
    if formulier.validate_on_submit():
        gelukt = voer_uit(formulier, lambda: _wijzig_status(formulier, dienst))
        if gelukt:
            gedeactiveerd = formulier.status.data == INACTIEF
            flash("De dienst is gedeactiveerd." if gedeactiveerd else "De dienst is weer actief.", "succes")
            return redirect(url_for("diensten.details", dienst_sleutel=dienst_sleutel))
    impact = None
    if dienst.status == "Actief":
        impact = lezen().impact_van_deactiveren(_afnemer(), dienst.dienst_id, samenstelling().klok())
    return render_template(
        "diensten/status.html",
        formulier=formulier,
        dienst=dienst,
        dienst_sleutel=dienst_sleutel,
        impact=impact,
    )


@bp.route("/<uuid:dienst_sleutel>/koppelen", methods=["GET", "POST"])
@afnemer_vereist
def koppelen(dienst_sleutel: UUID):
    """(Ont)koppelen: Koppelen or Ontkoppelen per berichttype, and one Toepassen for all choices."""
    dienst = _dienst_of_404(dienst_sleutel)
    formulier = KoppelenForm(data={"code": zoektekst("code", MAX_CODE)})
    geldig = formulier.validate_on_submit()
    if formulier.is_submitted() and formulier.bladert():
        # Another page or another search: keep every choice, apply nothing yet.
        return _koppelen_pagina(formulier, dienst, dienst_sleutel, formulier.naar_pagina.data or 1)
    if geldig and not formulier.is_bevestigd():
        # Chapter 6: a change of koppelingen is at once visible to gemachtigden, also for berichten delivered
        # before. When it changes anyone's access, show how much before anything is applied.
        impact = lezen().impact_van_koppelingen(
            _afnemer(),
            dienst.dienst_id,
            formulier.gekozen("koppelen"),
            formulier.gekozen("ontkoppelen"),
            samenstelling().klok(),
        )
        if not impact.leeg:
            return render_template(
                "diensten/koppelen_bevestigen.html",
                dienst=dienst,
                dienst_sleutel=dienst_sleutel,
                koppelen=formulier.gekozen("koppelen"),
                ontkoppelen=formulier.gekozen("ontkoppelen"),
                impact=impact,
            )
    if geldig:
        gelukt = voer_uit(
            formulier,
            lambda: portaal().pas_koppelingen_toe(
                _afnemer(),
                DienstId.bestaand(dienst.dienst_id),
                formulier.codes("koppelen"),
                formulier.codes("ontkoppelen"),
                current_actor(),
            ),
        )
        if gelukt:
            flash("De koppelingen zijn toegepast.", "succes")
            return redirect(url_for("diensten.details", dienst_sleutel=dienst_sleutel))
    pagina = formulier.naar_pagina.data if formulier.is_submitted() else None
    return _koppelen_pagina(formulier, dienst, dienst_sleutel, pagina or paginanummer())


def _koppelen_pagina(formulier: KoppelenForm, dienst, dienst_sleutel: UUID, pagina: int):
    zoek = (formulier.code.data or "") if not formulier.code.errors else ""
    berichttypes = lezen().berichttype_overzicht(
        _afnemer(), code_bevat=zoek, pagina=pagina, per_pagina=PER_PAGINA
    )
    op_pagina = {b.code for b in berichttypes.regels}
    return render_template(
        "diensten/koppelen.html",
        formulier=formulier,
        dienst=dienst,
        dienst_sleutel=dienst_sleutel,
        berichttypes=berichttypes,
        zoek=zoek,
        koppelen=formulier.gekozen("koppelen"),
        ontkoppelen=formulier.gekozen("ontkoppelen"),
        # Choices for rows of other pages travel along as hidden fields.
        elders_koppelen=sorted(formulier.gekozen("koppelen") - op_pagina),
        elders_ontkoppelen=sorted(formulier.gekozen("ontkoppelen") - op_pagina),
    )


@bp.route("/toegang", methods=["GET", "POST"])
@afnemer_vereist
def toegang_nagaan():
    """Toegang nagaan: the access question of chapter 6 for this afnemer, answered with the uitleg in words
    and the intervals that decided it."""
    formulier = ToegangNagaanForm()
    besluit = vraag = None
    if formulier.validate_on_submit():
        vraag = formulier.moment(samenstelling().klok())
        besluit = lezen().toegang(
            formulier.gemachtigde.data.strip(),
            formulier.belanghebbende.data.strip(),
            _afnemer(),
            formulier.berichttype.data.strip(),
            vraag,
        )
    return render_template("diensten/toegang.html", formulier=formulier, besluit=besluit, moment=vraag)
