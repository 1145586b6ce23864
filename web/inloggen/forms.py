from flask_wtf import FlaskForm
from wtforms import RadioField

from web.velden import Verplicht


class CertificaatForm(FlaskForm):
    """Production: the certificate itself comes from the proxy's header, the form only carries CSRF."""


class DemoCertificaatForm(FlaskForm):
    certificaat = RadioField(
        "Kies een democertificaat", [Verplicht("Kies een democertificaat.")], validate_choice=False
    )


class UitloggenForm(FlaskForm):
    pass
