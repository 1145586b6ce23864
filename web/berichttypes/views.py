"""Berichttypes (manual chapter 4): overzicht, toevoegen, details, wijzigen with its confirmation screens,
and the standaard bijlagen (only while Nieuw). Every route with a code loads it for the current afnemer
first, so another afnemer's code is a 404 before any command is issued."""

from flask import Blueprint, Response, abort, flash, redirect, render_template, request, url_for

from domain.bijlage_limieten import STANDAARD
from domain.notificatie import notificatietekst
from domain.pdf_validatie import Ernst
from domain.waarden import BerichttypeCode, Notificatiekenmerk, Status
from web.berichttypes import bijlagen, lezen
from web.berichttypes.forms import (
    HINTS,
    BijlageForm,
    FilterForm,
    KnopForm,
    ToevoegenForm,
    WijzigenForm,
    kenmerk_keuzes,
    status_keuzes,
)
from web.berichttypes.statussen import BEVESTIGINGEN, mogelijke_statussen, status_uit_url, weigering
from web.bijlage_validatie.geheugen import houd_uploads_in_geheugen
from web.invoer import paginanummer
from web.moment import MomentForm
from web.sessie import afnemer_vereist, current_actor, current_afnemer
from web.uitvoeren import portaal, voer_uit

bp = Blueprint("berichttypes", __name__, url_prefix="/berichttypes")
houd_uploads_in_geheugen(bp)

RICHTINGEN = {"omhoog": -1, "omlaag": 1}


def _naar_details(code: str):
    return redirect(url_for("berichttypes.details", code=code))


def _notificaties() -> dict[str, str]:
    """The notification text per allowed kenmerk, with {Afzender} filled in with the afnemer's name."""
    afnemer = current_afnemer()
    return {k.value: notificatietekst(k, afnemer.naam) for k in Notificatiekenmerk if k in afnemer.kenmerken}


def _flash_fouten(formulier: KnopForm) -> None:
    for fout in [*formulier.form_errors, *(f for fouten in formulier.errors.values() for f in fouten)]:
        flash(fout, "fout")


# -- overzicht, toevoegen, details ---------------------------------------------------------------------


@bp.get("/")
@afnemer_vereist
def index():
    filters = FilterForm(request.args)
    geldig = filters.validate()
    pagina = lezen.overzicht(
        current_afnemer().oin,
        (filters.code.data or "").strip() if geldig else "",
        filters.status.data if geldig else "",
        filters.kenmerk.data if geldig else "",
        paginanummer(),
    )
    # Only the filters that were applied travel along in the page links, never other query parameters.
    zoek = {naam: waarde for naam, waarde in filters.data.items() if geldig and waarde}
    return render_template("berichttypes/index.html", filters=filters, pagina=pagina, zoek=zoek)


@bp.route("/toevoegen", methods=["GET", "POST"])
@afnemer_vereist
def toevoegen():
    formulier = ToevoegenForm()
    formulier.notificatiekenmerk.choices = kenmerk_keuzes(current_afnemer().kenmerken)
    if formulier.validate_on_submit():
        gelukt = voer_uit(formulier, lambda: _maak(formulier))
        if gelukt:
            flash(f"Het berichttype {formulier.code.data} is toegevoegd met de status Nieuw.", "succes")
            return _naar_details(formulier.code.data)
    return render_template(
        "berichttypes/toevoegen.html", formulier=formulier, hints=HINTS, notificaties=_notificaties()
    )


def _maak(formulier: ToevoegenForm):
    return portaal().maak_berichttype(
        current_afnemer().oin,
        BerichttypeCode(formulier.code.data),
        formulier.omschrijving.data,
        Notificatiekenmerk.uit_tekst(formulier.notificatiekenmerk.data),
        current_actor(),
    )


@bp.get("/<code>")
@afnemer_vereist
def details(code: str):
    gegevens = lezen.details(code)
    kenmerk = Notificatiekenmerk.uit_tekst(gegevens.regel.kenmerk)
    vraag = MomentForm(request.args)
    vraag.validate()
    historie, op_moment = lezen.koppelingen(current_afnemer().oin, gegevens.regel.code, vraag.in_utc())
    return render_template(
        "berichttypes/details.html",
        details=gegevens,
        notificatie=notificatietekst(kenmerk, current_afnemer().naam),
        knop=KnopForm(),
        historie=historie,
        vraag=vraag,
        moment=vraag.in_utc(),
        op_moment=op_moment,
        grenzen=STANDAARD,
    )


# -- wijzigen and the status confirmation screens ------------------------------------------------------


@bp.route("/<code>/wijzigen", methods=["GET", "POST"])
@afnemer_vereist
def wijzigen(code: str):
    gegevens = lezen.details(code)
    huidig = Status(gegevens.regel.status)
    formulier = WijzigenForm(
        data={
            "omschrijving": gegevens.regel.omschrijving,
            "notificatiekenmerk": gegevens.regel.kenmerk,
            "status": huidig.value,
        }
    )
    formulier.notificatiekenmerk.choices = kenmerk_keuzes(current_afnemer().kenmerken)
    formulier.status.choices = status_keuzes(huidig, mogelijke_statussen(huidig))
    if formulier.validate_on_submit():
        gelukt = voer_uit(formulier, lambda: _wijzig(gegevens.regel.code, formulier))
        if gelukt:
            return _na_wijzigen(gegevens.regel.code, huidig, formulier.status.data)
    return render_template(
        "berichttypes/wijzigen.html",
        formulier=formulier,
        details=gegevens,
        hints=HINTS,
        notificaties=_notificaties(),
    )


def _wijzig(code: str, formulier: WijzigenForm):
    return portaal().wijzig_berichttype(
        current_afnemer().oin,
        BerichttypeCode(code),
        formulier.omschrijving.data,
        Notificatiekenmerk.uit_tekst(formulier.notificatiekenmerk.data),
        current_actor(),
    )


def _na_wijzigen(code: str, huidig: Status, gekozen: str | None):
    """A new status is only set after its confirmation screen (chapter 4); the details are saved already."""
    flash("De gegevens van het berichttype zijn opgeslagen.", "succes")
    if gekozen and gekozen != huidig.value:
        return redirect(url_for("berichttypes.status", code=code, naar=gekozen.lower()))
    return _naar_details(code)


@bp.route("/<code>/status/<naar>", methods=["GET", "POST"])
@afnemer_vereist
def status(code: str, naar: str):
    gegevens = lezen.details(code)
    nieuw = status_uit_url(naar) or abort(404)
    formulier = KnopForm()
    if formulier.validate_on_submit():
        gelukt = voer_uit(formulier, lambda: _zet_status(gegevens.regel.code, nieuw))
        if gelukt:
            flash(f"Het berichttype {gegevens.regel.code} heeft nu de status {nieuw.value}.", "succes")
        _flash_fouten(formulier)
        return _naar_details(gegevens.regel.code)
    bevestiging = BEVESTIGINGEN.get((Status(gegevens.regel.status), nieuw))
    if bevestiging is None:
        flash(weigering(Status(gegevens.regel.status), nieuw), "fout")
        return _naar_details(gegevens.regel.code)
    return render_template(
        "berichttypes/bevestigen.html", details=gegevens, bevestiging=bevestiging, nieuw=nieuw, knop=formulier
    )


def _zet_status(code: str, nieuw: Status):
    return portaal().wijzig_berichttype_status(
        current_afnemer().oin, BerichttypeCode(code), nieuw, current_actor()
    )


# -- standaard bijlagen ----------------------------------------------------------------------------------


@bp.route("/<code>/bijlagen/toevoegen", methods=["GET", "POST"])
@afnemer_vereist
def bijlage_toevoegen(code: str):
    gegevens = lezen.details(code)
    formulier = BijlageForm()
    if formulier.validate_on_submit():
        bestand = formulier.bestand.data
        naam, inhoud = bestand.filename or "", bestand.read()
        uitslag = bijlagen.controleer(naam, inhoud, gegevens.bijlagen)
        if not uitslag.geaccepteerd:
            formulier.bestand.errors = [b.melding for b in uitslag.bevindingen if b.ernst is Ernst.FOUT]
        elif voer_uit(formulier, lambda: _voeg_toe(gegevens.regel.code, naam, inhoud)):
            flash(f"De bijlage {naam} is toegevoegd.", "succes")
            for waarschuwing in uitslag.bevindingen:
                flash(f"{naam}: {waarschuwing.melding}", "waarschuwing")
            return _naar_details(gegevens.regel.code)
    return render_template(
        "berichttypes/bijlage_toevoegen.html", formulier=formulier, details=gegevens, hints=HINTS
    )


def _voeg_toe(code: str, naam: str, inhoud: bytes):
    return portaal().voeg_bijlage_toe(
        current_afnemer().oin, BerichttypeCode(code), naam, inhoud, current_actor()
    )


@bp.post("/<code>/bijlagen/<bijlage_id>/<richting>")
@afnemer_vereist
def bijlage_verplaatsen(code: str, bijlage_id: str, richting: str):
    gegevens = lezen.details(code)
    stap = RICHTINGEN.get(richting) or abort(404)
    formulier = KnopForm()
    gelukt = voer_uit(formulier, lambda: _verplaats(gegevens.regel.code, bijlage_id, stap))
    if gelukt:
        flash(f"De bijlage is {richting} verplaatst.", "succes")
    _flash_fouten(formulier)
    return _naar_details(gegevens.regel.code)


def _verplaats(code: str, bijlage_id: str, stap: int):
    return portaal().verplaats_bijlage(
        current_afnemer().oin, BerichttypeCode(code), bijlage_id, stap, current_actor()
    )


@bp.post("/<code>/bijlagen/<bijlage_id>/verwijderen")
@afnemer_vereist
def bijlage_verwijderen(code: str, bijlage_id: str):
    gegevens = lezen.details(code)
    formulier = KnopForm()
    gelukt = voer_uit(formulier, lambda: _verwijder(gegevens.regel.code, bijlage_id))
    if gelukt:
        flash("De bijlage is verwijderd.", "succes")
    _flash_fouten(formulier)
    return _naar_details(gegevens.regel.code)


def _verwijder(code: str, bijlage_id: str):
    return portaal().verwijder_bijlage(
        current_afnemer().oin, BerichttypeCode(code), bijlage_id, current_actor()
    )


@bp.get("/<code>/bijlagen/<bijlage_id>")
@afnemer_vereist
def bijlage_bekijken(code: str, bijlage_id: str):
    naam, inhoud = lezen.bijlage(code, bijlage_id)
    antwoord = Response(inhoud, mimetype="application/pdf")
    antwoord.headers["Content-Disposition"] = bijlagen.dispositie(naam, "download" in request.args)
    antwoord.headers["X-Content-Type-Options"] = "nosniff"
    return antwoord
