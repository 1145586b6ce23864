from wtforms import StringField, TextAreaField

from domain.profiel import MAX_BIJZONDERHEDEN, MAX_LIJST, MAX_TOELICHTING
from web.formulier import Formulier
from web.velden import Verplicht, max_tekens


class ProfielForm(Formulier):
    toelichting = TextAreaField("Toelichting", [Verplicht()], render_kw=max_tekens(MAX_TOELICHTING))
    lijst = StringField("Lijst", render_kw=max_tekens(MAX_LIJST))
    bijzonderheden = TextAreaField("Bijzonderheden", [Verplicht()], render_kw=max_tekens(MAX_BIJZONDERHEDEN))


HINTS = {
    "toelichting": (
        f"Algemene toelichting over uw digitale dienstverlening met berichtenboxberichten. "
        f"Maximaal {MAX_TOELICHTING} tekens, zonder links."
    ),
    "lijst": f"De namen van de berichten die burgers kunnen verwachten. Maximaal {MAX_LIJST} tekens.",
    "bijzonderheden": (
        "Situaties waarin iemand mogelijk geen digitale post ontvangt. "
        f"Maximaal {MAX_BIJZONDERHEDEN} tekens, zonder links."
    ),
}
