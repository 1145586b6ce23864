"""Beheer, for the beheerder only: organisaties, intermediair relations, mededelingen and contactberichten.

Every list reads the read models through the read gateway.
"""

from uuid import UUID

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from wtforms import SelectChoice

from domain.fouten import OngeldigeWaarde
from domain.waarden import Oin, Rol
from web.beheer.forms import (
    IntrekkenForm,
    MededelingForm,
    OrganisatieRegistrerenForm,
    OrganisatieWijzigenForm,
    RelatieForm,
)
from web.invoer import paginanummer
from web.lezen import lezen
from web.sessie import current_actor, rol_vereist
from web.uitvoeren import portaal, voer_uit

bp = Blueprint("beheer", __name__, url_prefix="/beheer")
alleen_beheerder = rol_vereist(Rol.BEHEERDER)
PER_PAGINA = 50


@bp.get("/")
@alleen_beheerder
def index():
    return render_template("beheer/index.html", organisaties=lezen().organisaties())


@bp.route("/organisaties/nieuw", methods=["GET", "POST"])
@alleen_beheerder
def organisatie_registreren():
    formulier = OrganisatieRegistrerenForm()
    if formulier.validate_on_submit():
        gelukt = voer_uit(formulier, lambda: _registreer(formulier))
        if gelukt:
            flash(f"{formulier.naam.data} is geregistreerd.", "succes")
            return redirect(url_for("beheer.index"))
    return render_template("beheer/organisatie_registreren.html", formulier=formulier)


def _registreer(formulier: OrganisatieRegistrerenForm):
    return portaal().registreer_organisatie(
        formulier.gekozen_oin(),
        formulier.naam.data,
        formulier.gekozen_rol(),
        formulier.gekozen_kenmerken(),
        current_actor(),
    )


def _organisatie_of_404(oin: str):
    try:
        gevonden = lezen().organisatie(Oin(oin))
    except OngeldigeWaarde:
        abort(404)
    return gevonden or abort(404)


@bp.route("/organisaties/<oin>/wijzigen", methods=["GET", "POST"])
@alleen_beheerder
def organisatie_wijzigen(oin: str):
    organisatie = _organisatie_of_404(oin)
    formulier = OrganisatieWijzigenForm(
        data={"naam": organisatie.naam, "kenmerken": [k.value for k in organisatie.kenmerken]}
    )
    if formulier.validate_on_submit():
        gelukt = voer_uit(
            formulier,
            lambda: portaal().wijzig_organisatie(
                organisatie.oin, formulier.naam.data, formulier.gekozen_kenmerken(), current_actor()
            ),
        )
        if gelukt:
            flash(f"De gegevens van {formulier.naam.data} zijn gewijzigd.", "succes")
            return redirect(url_for("beheer.index"))
    return render_template("beheer/organisatie_wijzigen.html", formulier=formulier, organisatie=organisatie)


@bp.route("/relaties", methods=["GET", "POST"])
@alleen_beheerder
def relaties():
    organisaties = lezen().organisaties()
    formulier = RelatieForm()
    formulier.intermediair.choices = _keuzes(organisaties, Rol.INTERMEDIAIR, "Kies een intermediair")
    formulier.afnemer.choices = _keuzes(organisaties, Rol.AFNEMER, "Kies een afnemer")
    if formulier.validate_on_submit():
        stoppen = formulier.actie.data == "stoppen"
        gelukt = voer_uit(formulier, lambda: _relatie(formulier, stoppen))
        if gelukt:
            flash("De relatie is beëindigd." if stoppen else "De relatie is vastgelegd.", "succes")
            return redirect(url_for("beheer.relaties"))
    intermediairs = [lezen().met_relaties(o) for o in organisaties if o.rol is Rol.INTERMEDIAIR]
    namen = {o.oin: o.naam for o in organisaties}
    return render_template(
        "beheer/relaties.html", formulier=formulier, intermediairs=intermediairs, namen=namen
    )


def _keuzes(organisaties, rol: Rol, leeg: str) -> list[SelectChoice]:
    gekozen = (SelectChoice(o.oin.waarde, f"{o.naam} ({o.oin})") for o in organisaties if o.rol is rol)
    return [SelectChoice("", leeg), *gekozen]


def _relatie(formulier: RelatieForm, stoppen: bool):
    intermediair, afnemer = formulier.gekozen("intermediair"), formulier.gekozen("afnemer")
    if stoppen:
        return portaal().stop_bedienen(intermediair, afnemer, current_actor())
    return portaal().bedien_afnemer(intermediair, afnemer, current_actor())


@bp.route("/mededelingen", methods=["GET", "POST"])
@alleen_beheerder
def mededelingen():
    formulier = MededelingForm()
    if formulier.validate_on_submit():
        gelukt = voer_uit(
            formulier,
            lambda: portaal().plaats_mededeling(formulier.titel.data, formulier.tekst.data, current_actor()),
        )
        if gelukt:
            flash("De mededeling staat nu op Home.", "succes")
            return redirect(url_for("beheer.mededelingen"))
    return render_template(
        "beheer/mededelingen.html",
        formulier=formulier,
        mededelingen=lezen().mededelingen(ook_ingetrokken=True),
        intrekken=IntrekkenForm(),
    )


@bp.post("/mededelingen/<uuid:mededeling_id>/intrekken")
@alleen_beheerder
def mededeling_intrekken(mededeling_id: UUID):
    formulier = IntrekkenForm()
    if not formulier.validate_on_submit():
        abort(400)
    gelukt = voer_uit(formulier, lambda: portaal().trek_mededeling_in(mededeling_id, current_actor()))
    if gelukt:
        flash("De mededeling is ingetrokken.", "succes")
    else:
        flash(" ".join(formulier.form_errors), "fout")
    return redirect(url_for("beheer.mededelingen"))


@bp.get("/contactberichten")
@alleen_beheerder
def contactberichten():
    namen = {o.oin.waarde: o.naam for o in lezen().organisaties()}
    berichten = lezen().contactberichten(paginanummer(), PER_PAGINA)
    return render_template("beheer/contactberichten.html", berichten=berichten, namen=namen)
