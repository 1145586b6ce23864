"""Contact (manual chapters 11 to 13): a question or request to Logius, stored as a Contactbericht; Logius'
contact details (also before login: who cannot log in must still be able to ask); and the begrippenlijst.

No URL prefix: the form stays at /contact/, the two pages beside it belong to the Contact tab as well.
"""

from flask import Blueprint, flash, redirect, render_template, url_for

from web.contact.begrippen import BEGRIPPEN
from web.contact.forms import HINTS, ContactForm
from web.contact.gegevens import LOGIUS
from web.sessie import current_actor, inlog_vereist, openbaar
from web.uitvoeren import portaal, voer_uit

bp = Blueprint("contact", __name__)


@bp.route("/contact/", methods=["GET", "POST"])
@inlog_vereist
def index():
    formulier = ContactForm()
    if formulier.validate_on_submit():
        gelukt = voer_uit(formulier, lambda: _verstuur(formulier))
        if gelukt:
            flash(f"Uw bericht is verstuurd. U krijgt antwoord op {formulier.email.data.strip()}.", "succes")
            return redirect(url_for("contact.index"))
    return render_template("contact/index.html", formulier=formulier, hints=HINTS)


@bp.get("/contactgegevens")
@openbaar
def gegevens():
    return render_template("contact/gegevens.html", logius=LOGIUS)


@bp.get("/begrippen")
@inlog_vereist
def begrippen():
    return render_template("contact/begrippen.html", begrippen=BEGRIPPEN)


def _verstuur(formulier: ContactForm):
    return portaal().verstuur_contactbericht(
        formulier.onderwerp.data, formulier.bericht.data, formulier.email.data, current_actor()
    )
