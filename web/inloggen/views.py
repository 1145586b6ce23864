"""Login by PKIoverheid certificate: from the proxy's header in production, from the demo PKI in demo mode.

Both paths end in the same `Certificaatverificatie`; the demo only chooses which PEM goes in.
"""

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from wtforms import SelectChoice

from web.inloggen.aanmelden import InloggenGeweigerd, aanmelden, verificatie
from web.inloggen.forms import CertificaatForm, DemoCertificaatForm, UitloggenForm
from web.pki.demo_certificaten import OnbekendDemoCertificaat, demo_certificaten, lees_demo_certificaat_pem
from web.pki.verificatie import CertificaatGeweigerd
from web.sessie import meld_af, openbaar

bp = Blueprint("inloggen", __name__, url_prefix="/inloggen")


def _demo() -> bool:
    return bool(current_app.config["PORTAAL_DEMO"])


def _demo_formulier() -> DemoCertificaatForm | None:
    if not _demo():
        return None
    formulier = DemoCertificaatForm()
    formulier.certificaat.choices = [
        SelectChoice(c.id, c.label) for c in demo_certificaten(current_app.config["PKI_DEMO_MAP"])
    ]
    return formulier


def _pagina(formulier: CertificaatForm, demo: DemoCertificaatForm | None, status: int = 200):
    return render_template("inloggen/index.html", formulier=formulier, demo=demo), status


@bp.get("/")
@openbaar
def index():
    return _pagina(CertificaatForm(), _demo_formulier())


@bp.post("/certificaat")
@openbaar
def met_certificaat():
    formulier = CertificaatForm()
    if not formulier.validate_on_submit():
        return _pagina(formulier, _demo_formulier(), 400)
    header = request.headers.get(verificatie().instellingen.header)
    try:
        organisatie = aanmelden(verificatie().verifieer_overdracht(request.remote_addr, header))
    except (CertificaatGeweigerd, InloggenGeweigerd) as fout:
        formulier.form_errors.append(fout.melding)
        return _pagina(formulier, _demo_formulier(), 403)
    flash(f"U bent ingelogd als {organisatie.naam}.", "succes")
    return redirect(url_for("home.index"))


@bp.post("/demo")
@openbaar
def met_democertificaat():
    demo = _demo_formulier()
    if demo is None:
        abort(404)
    if not demo.validate_on_submit():
        return _pagina(CertificaatForm(), demo, 400)
    try:
        pem = lees_demo_certificaat_pem(current_app.config["PKI_DEMO_MAP"], demo.certificaat.data or "")
        organisatie = aanmelden(verificatie().verifieer_pem(pem))
    except OnbekendDemoCertificaat:
        demo.certificaat.errors = ["Kies een van de democertificaten uit de lijst."]
        return _pagina(CertificaatForm(), demo, 400)
    except (CertificaatGeweigerd, InloggenGeweigerd) as fout:
        demo.certificaat.errors = [fout.melding]
        return _pagina(CertificaatForm(), demo, 403)
    flash(f"U bent ingelogd als {organisatie.naam}.", "succes")
    return redirect(url_for("home.index"))


@bp.post("/uitloggen")
@openbaar
def uitloggen():
    if UitloggenForm().validate_on_submit():
        meld_af()
        flash("U bent uitgelogd.", "succes")
    return redirect(url_for("inloggen.index"))
