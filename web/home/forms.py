from wtforms import StringField

from web.formulier import Formulier


class WisselAfnemerForm(Formulier):
    """The afnemer switch top right: each afnemer name is a button carrying its OIN."""

    afnemer = StringField("Afnemer")
