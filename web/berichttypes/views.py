"""Berichttypes (manual chapter 4): overzicht, toevoegen, details, wijzigen with its confirmation screens,
and the standaard bijlagen (only while Nieuw). Every route with a code loads it for the current afnemer
first, so another afnemer's code is a 404 before any command is issued."""

from flask import Blueprint, Response, abort, flash, redirect, render_template, request, url_for

from domain.berichttype import controleer_overgang
from domain.bijlage_limieten import STANDAARD
from domain.fouten import DomeinFout
from domain.notificatie import notificatietekst
from domain.pdf_regels import Ernst
from domain.waarden import BerichttypeCode, Notificatiekenmerk, Status
from web.berichttypes import bijlagen, lezen
from web.berichttypes import gekoppelde_diensten as koppelingen
from web.berichttypes.forms import (
    HINTS,
    BijlageForm,
    FilterForm,
    GekoppeldeDienstenForm,
    KnopForm,
    ToevoegenForm,
    WijzigenForm,
    kenmerk_hint,
    kenmerk_keuzes,
    status_keuzes,
)
from web.berichttypes.statussen import BEVESTIGINGEN, mogelijke_statussen, status_uit_url
from web.berichttypes.wijziging import Voorstel, Wijziging, voorstel
from web.bijlage_validatie.geheugen import houd_uploads_in_geheugen
from web.invoer import paginanummer
from web.moment import MomentForm
from web.sessie import afnemer_vereist, current_actor, current_afnemer
from web.uitvoeren import portaal, samenstelling, voer_uit, zet_fout

bp = Blueprint("berichttypes", __name__, url_prefix="/berichttypes")
houd_uploads_in_geheugen(bp)

RICHTINGEN = {"omhoog": -1, "omlaag": 1}


def _naar_details(code: str):
    return redirect(url_for("berichttypes.details", code=code))


def _notificaties(huidig: Notificatiekenmerk | None = None) -> dict[str, str]:
    """The notification text per allowed kenmerk (and the berichttype's current one, also when withdrawn),
    with {Afzender} filled in with the afnemer's name."""
    afnemer = current_afnemer()
    return {
        k.value: notificatietekst(k, afnemer.naam)
        for k in Notificatiekenmerk
        if k in afnemer.kenmerken or k is huidig
    }


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
    moment = vraag.in_utc()
    historie, op_moment = lezen.koppelingen(current_afnemer().oin, gegevens.regel.code, moment)
    return render_template(
        "berichttypes/details.html",
        details=gegevens,
        notificatie=notificatietekst(kenmerk, current_afnemer().naam),
        knop=KnopForm(),
        historie=historie,
        vraag=vraag,
        moment=moment,
        op_moment=op_moment,
        grenzen=STANDAARD,
        zichtbaarheid=lezen.zichtbaarheid(current_afnemer().oin, gegevens.regel.code, samenstelling().klok()),
        zichtbaarheid_dagen=lezen.ZICHTBAARHEID_DAGEN,
    )


# -- wijzigen and the status confirmation screens ------------------------------------------------------


@bp.route("/<code>/wijzigen", methods=["GET", "POST"])
@afnemer_vereist
def wijzigen(code: str):
    """Opslaan stores nothing when the status changes: it shows what will change, to be confirmed first."""
    return _wijzigen(code, bevestigd=False)


@bp.post("/<code>/wijzigen/bevestigen")
@afnemer_vereist
def wijzigen_bevestigen(code: str):
    """The confirmation: the pending change comes back in hidden fields and is checked all over again."""
    return _wijzigen(code, bevestigd=True)


def _wijzigen(code: str, bevestigd: bool):
    gegevens = lezen.details(code)
    if Status(gegevens.regel.status) is Status.ARCHIEF:
        return _gearchiveerd(gegevens)
    formulier = _wijzigen_formulier(gegevens)
    if formulier.validate_on_submit() and (gevraagd := _voorstel(gegevens, formulier)):
        if bevestigd or gevraagd.nieuwe_status is None:
            return _sla_op(gegevens, formulier, gevraagd)
        return _bevestigen(gegevens, gevraagd)
    return _toon_wijzigen(gegevens, formulier)


@bp.post("/<code>/diensten")
@afnemer_vereist
def gekoppelde_diensten(code: str):
    """The Gekoppelde diensten from the berichttype: every dienst's change in one transaction, or none."""
    gegevens = lezen.details(code)
    if Status(gegevens.regel.status) is Status.ARCHIEF:
        return _gearchiveerd(gegevens)
    formulier = GekoppeldeDienstenForm()
    if formulier.validate_on_submit() and (gevraagd := _koppelwijziging(gegevens, formulier)):
        if not gevraagd.koppelen and not gevraagd.ontkoppelen:
            flash("Er is niets gewijzigd aan de gekoppelde diensten.", "info")
            return _naar_details(gegevens.regel.code)
        if not formulier.is_bevestigd() and (bevestigen := _impact_bevestigen(gegevens, formulier, gevraagd)):
            return bevestigen
        if voer_uit(formulier, lambda: _koppel(gegevens.regel.code, gevraagd)):
            flash(gevraagd.melding(gegevens.regel.code), "succes")
            return _naar_details(gegevens.regel.code)
    return _toon_wijzigen(gegevens, _wijzigen_formulier(gegevens, ingevuld=False), formulier)


def _impact_bevestigen(gegevens, formulier: GekoppeldeDienstenForm, gevraagd: koppelingen.Koppelwijziging):
    """Chapter 6: when the change gives or takes anyone's access to delivered berichten, say so first."""
    impact = koppelingen.impact(current_afnemer().oin, gegevens.regel.code, gevraagd, samenstelling().klok())
    if impact.leeg:
        return None
    return render_template(
        "berichttypes/koppelen_bevestigen.html",
        details=gegevens,
        gevraagd=gevraagd,
        formulier=formulier,
        impact=impact,
    )


def _koppelwijziging(gegevens, formulier: GekoppeldeDienstenForm) -> koppelingen.Koppelwijziging | None:
    try:
        return koppelingen.gevraagd(
            formulier, koppelingen.diensten(current_afnemer().oin, gegevens.regel.code)
        )
    except DomeinFout as fout:
        zet_fout(formulier, fout)
        return None


def _koppel(code: str, gevraagd: koppelingen.Koppelwijziging):
    return portaal().pas_gekoppelde_diensten_toe(
        current_afnemer().oin, BerichttypeCode(code), gevraagd.koppelen, gevraagd.ontkoppelen, current_actor()
    )


def _wijzigen_formulier(gegevens, ingevuld: bool = True) -> WijzigenForm:
    """The form with the berichttype as it stands; `ingevuld` False ignores a POST meant for another form."""
    regel, afnemer = gegevens.regel, current_afnemer()
    huidig = Status(regel.status)
    start = {"omschrijving": regel.omschrijving, "notificatiekenmerk": regel.kenmerk, "status": huidig.value}
    formulier = WijzigenForm(**({} if ingevuld else {"formdata": None}), data=start)
    kenmerk = Notificatiekenmerk.uit_tekst(regel.kenmerk)
    formulier.notificatiekenmerk.choices = kenmerk_keuzes(afnemer.kenmerken, kenmerk)
    formulier.status.choices = status_keuzes(huidig, mogelijke_statussen(huidig))
    return formulier


def _voorstel(gegevens, formulier: WijzigenForm) -> Voorstel | None:
    """The change asked for, or None with the domain's refusal on the form."""
    try:
        return voorstel(gegevens.regel, formulier, current_afnemer().kenmerken)
    except DomeinFout as fout:
        zet_fout(formulier, fout)
        return None


def _sla_op(gegevens, formulier: WijzigenForm, gevraagd: Voorstel):
    """One command for details and status together; "Gelukt" only when something changed."""
    if not gevraagd.wijzigingen:
        flash(f"Er is niets gewijzigd aan het berichttype {gevraagd.code}.", "info")
        return _naar_details(gevraagd.code)
    gelukt = voer_uit(formulier, lambda: _wijzig(gevraagd))
    if not gelukt:
        return _toon_wijzigen(gegevens, formulier)
    flash(gevraagd.melding(), "succes")
    return _naar_details(gevraagd.code)


def _wijzig(gevraagd: Voorstel):
    return portaal().wijzig_berichttype(
        current_afnemer().oin,
        BerichttypeCode(gevraagd.code),
        gevraagd.omschrijving,
        gevraagd.kenmerk,
        current_actor(),
        status=gevraagd.nieuwe_status,
    )


def _bevestigen(gegevens, gevraagd: Voorstel):
    bevestiging = BEVESTIGINGEN[(gevraagd.huidige_status, gevraagd.status)]
    return render_template(
        "berichttypes/bevestigen.html",
        details=gegevens,
        bevestiging=bevestiging,
        voorstel=gevraagd,
        actie=url_for("berichttypes.wijzigen_bevestigen", code=gegevens.regel.code),
    )


def _toon_wijzigen(gegevens, formulier: WijzigenForm, koppelformulier: GekoppeldeDienstenForm | None = None):
    afnemer = current_afnemer()
    kenmerk = Notificatiekenmerk.uit_tekst(gegevens.regel.kenmerk)
    diensten = koppelingen.diensten(afnemer.oin, gegevens.regel.code)
    if koppelformulier is None:
        koppelformulier = GekoppeldeDienstenForm(formdata=None)
        aangevinkt = {k.sleutel for k in diensten.keuzes if k.gekoppeld}
    else:
        # Shown again after a refusal: the user's ticks, not the links as they stand.
        aangevinkt = set(koppelformulier.gekoppeld.data or [])
    return render_template(
        "berichttypes/wijzigen.html",
        formulier=formulier,
        details=gegevens,
        hints={**HINTS, "notificatiekenmerk": kenmerk_hint(kenmerk, afnemer.kenmerken)},
        notificaties=_notificaties(kenmerk),
        koppelformulier=koppelformulier,
        diensten=diensten,
        aangevinkt=aangevinkt,
    )


def _gearchiveerd(gegevens):
    """Chapter 4: only nieuwe, actieve and inactieve berichttypes can be changed. No form, and a 403."""
    return render_template("berichttypes/gearchiveerd.html", details=gegevens), 403


@bp.route("/<code>/status/<naar>", methods=["GET", "POST"])
@afnemer_vereist
def status(code: str, naar: str):
    """A status change on its own (a bookmarked or typed URL): the same confirmation, nothing else changes."""
    gegevens = lezen.details(code)
    nieuw = status_uit_url(naar) or abort(404)
    formulier = KnopForm()
    if formulier.validate_on_submit():
        gelukt = voer_uit(formulier, lambda: _zet_status(gegevens.regel.code, nieuw))
        if gelukt:
            flash(f"Het berichttype {gegevens.regel.code} heeft nu de status {nieuw.value}.", "succes")
        _flash_fouten(formulier)
        return _naar_details(gegevens.regel.code)
    regel, huidig = gegevens.regel, Status(gegevens.regel.status)
    try:
        controleer_overgang(huidig, nieuw)
    except DomeinFout as fout:
        flash(fout.melding, "fout")
        return _naar_details(regel.code)
    alleen_status = Voorstel(
        regel.code,
        regel.omschrijving,
        Notificatiekenmerk.uit_tekst(regel.kenmerk),
        nieuw,
        huidig,
        (Wijziging("Status", huidig.value, nieuw.value),),
    )
    return render_template(
        "berichttypes/bevestigen.html",
        details=gegevens,
        bevestiging=BEVESTIGINGEN[(huidig, nieuw)],
        voorstel=alleen_status,
        actie=url_for("berichttypes.status", code=regel.code, naar=nieuw.value.lower()),
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
