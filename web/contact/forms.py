from wtforms import EmailField, StringField, TextAreaField

from domain.contactbericht import MAX_BERICHT, MAX_EMAIL, MAX_ONDERWERP
from web.formulier import Formulier
from web.velden import Verplicht, max_tekens


class ContactForm(Formulier):
    onderwerp = StringField("Onderwerp", [Verplicht()], render_kw=max_tekens(MAX_ONDERWERP))
    bericht = TextAreaField("Bericht", [Verplicht()], render_kw={**max_tekens(MAX_BERICHT), "rows": 8})
    email = EmailField(
        "E-mailadres voor het antwoord",
        [Verplicht()],
        render_kw={**max_tekens(MAX_EMAIL), "autocomplete": "email"},
    )


HINTS = {
    "onderwerp": f"Maximaal {MAX_ONDERWERP} tekens.",
    "bericht": (
        f"Uw vraag of verzoek, maximaal {MAX_BERICHT} tekens. "
        "Zet er geen BSN's of andere persoonsgegevens in."
    ),
    "email": "Op dit adres ontvangt u het antwoord, bijvoorbeeld naam@organisatie.nl.",
}
