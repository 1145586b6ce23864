from wtforms import RadioField

from web.formulier import Formulier
from web.velden import Verplicht


class CertificaatForm(Formulier):
    """Production: the certificate itself comes from the proxy's header, the form only carries CSRF."""


class DemoCertificaatForm(Formulier):
    certificaat = RadioField(
        "Kies een democertificaat", [Verplicht("Kies een democertificaat.")], validate_choice=False
    )


class UitloggenForm(Formulier):
    pass
