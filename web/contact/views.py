"""Contact (manual chapters 11 and 12): a question or request to Logius, stored as a Contactbericht."""

from flask import Blueprint, flash, redirect, render_template, url_for

from web.contact.forms import HINTS, ContactForm
from web.sessie import current_actor, inlog_vereist
from web.uitvoeren import portaal, voer_uit

bp = Blueprint("contact", __name__, url_prefix="/contact")


@bp.route("/", methods=["GET", "POST"])
@inlog_vereist
def index():
    formulier = ContactForm()
    if formulier.validate_on_submit():
        gelukt = voer_uit(formulier, lambda: _verstuur(formulier))
        if gelukt:
            flash(f"Uw bericht is verstuurd. U krijgt antwoord op {formulier.email.data.strip()}.", "succes")
            return redirect(url_for("contact.index"))
    return render_template("contact/index.html", formulier=formulier, hints=HINTS)


def _verstuur(formulier: ContactForm):
    return portaal().verstuur_contactbericht(
        formulier.onderwerp.data, formulier.bericht.data, formulier.email.data, current_actor()
    )
