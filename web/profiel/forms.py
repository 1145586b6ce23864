from wtforms import StringField, SubmitField, TextAreaField

from domain.profiel import MAX_BIJZONDERHEDEN, MAX_LIJST, MAX_TOELICHTING
from web.formulier import Formulier
from web.velden import Verplicht, max_tekens


class ProfielForm(Formulier):
    toelichting = TextAreaField("Toelichting", [Verplicht()], render_kw=max_tekens(MAX_TOELICHTING))
    lijst = StringField("Lijst", render_kw=max_tekens(MAX_LIJST))
    bijzonderheden = TextAreaField(
        "Bijzonderheden",
        [Verplicht("Bijzonderheden zijn verplicht.")],
        render_kw=max_tekens(MAX_BIJZONDERHEDEN),
    )
    # A second button: checks the text and shows it as a citizen would see it, without saving.
    voorbeeld = SubmitField("Voorbeeld bekijken")


HINTS = {
    "toelichting": (
        f"Algemene toelichting over uw digitale dienstverlening met berichtenboxberichten. "
        f"Maximaal {MAX_TOELICHTING} tekens, gewone tekst zonder links of opmaakcode."
    ),
    "lijst": (
        f"De namen van de berichten die burgers kunnen verwachten. Maximaal {MAX_LIJST} tekens, "
        "gewone tekst zonder links of opmaakcode."
    ),
    "bijzonderheden": (
        "Situaties waarin iemand mogelijk geen digitale post ontvangt. "
        f"Maximaal {MAX_BIJZONDERHEDEN} tekens, gewone tekst zonder links of opmaakcode."
    ),
}
