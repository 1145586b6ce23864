from flask_wtf import FlaskForm
from wtforms import StringField


class WisselAfnemerForm(FlaskForm):
    """The afnemer switch top right: each afnemer name is a button carrying its OIN."""

    afnemer = StringField("Afnemer")
