"""The base of every form of the portal: Dutch default messages, and fields that only take their own shape.

A browser sends each field as the page's form made it: text for a text field, a file for a file field,
once for a single-valued field, and no control characters. Anyone can send something else, and the views
and the domain expect a `str` where a `str` belongs (`.strip()` on a file was a 500). So the form data is
sorted before any field sees it: a value of the wrong shape never reaches the field, and the field gets a
Dutch message that says what was wrong. A JSON body is no form at all and is not read.
"""

from flask import has_request_context, request
from flask_wtf import FlaskForm
from werkzeug.datastructures import CombinedMultiDict, FileStorage, MultiDict
from wtforms import Field, FileField, MultipleFileField, SelectMultipleField

from web.invoer import bevat_stuurteken
from web.vertalingen import CSRF, NEDERLANDS, ONBEKENDE_CSRF_FOUT

_UIT_VERZOEK = object()
_VERZENDMETHODEN = frozenset({"POST", "PUT", "PATCH", "DELETE"})


def _verzonden_velden():
    """The submitted form data, as Flask-WTF would read it, except JSON (nothing here posts JSON)."""
    if not has_request_context() or request.method not in _VERZENDMETHODEN:
        return None
    if request.files or request.form:
        return CombinedMultiDict((request.files, request.form))
    return None


def _meervoudig(veld: Field) -> bool:
    """Fields that take several values by nature: checkboxes, multiple selects, several files."""
    return isinstance(veld, SelectMultipleField | MultipleFileField)


def _vormfout(veld: Field, waarden: list, csrf_veld: str) -> str | None:
    """Why these submitted values do not fit the field; None when they do."""
    if veld.name == csrf_veld:
        goed = len(waarden) == 1 and isinstance(waarden[0], str)
        return None if goed else CSRF["The CSRF token is missing."]
    naam = veld.label.text
    if len(waarden) > 1 and not _meervoudig(veld):
        return f"{naam} is meer dan één keer verstuurd. Vul het veld één keer in."
    if isinstance(veld, FileField):
        if not all(isinstance(w, FileStorage) for w in waarden):
            return f"Bij {naam} hoort een bestand. Kies een bestand."
        return None
    if not all(isinstance(w, str) for w in waarden):
        return f"Bij {naam} hoort tekst, geen bestand."
    if any(bevat_stuurteken(w) for w in waarden):
        return f"{naam} bevat een teken dat niet is toegestaan (een stuurteken)."
    return None


class Formulier(FlaskForm):
    """Use this, never `FlaskForm` directly (an architecture test checks it)."""

    class Meta(FlaskForm.Meta):
        def get_translations(self, form):
            return NEDERLANDS

        def wrap_formdata(self, form, formdata):
            gewrapt = super().wrap_formdata(form, formdata)
            form._vormfouten = {}
            if gewrapt is None:
                return None
            # By the submitted name, which includes the form's prefix if it has one.
            velden = {veld.name: veld for veld in form._fields.values()}
            gesorteerd = MultiDict()
            for sleutel in gewrapt:
                waarden = gewrapt.getlist(sleutel)
                veld = velden.get(sleutel)
                fout = None if veld is None else _vormfout(veld, waarden, self.csrf_field_name)
                if fout is None:
                    gesorteerd.setlist(sleutel, waarden)
                else:
                    form._vormfouten[veld.short_name] = fout
            return gesorteerd

    def __init__(self, formdata=_UIT_VERZOEK, **kwargs) -> None:
        self._vormfouten: dict[str, str] = {}
        super().__init__(formdata=_verzonden_velden() if formdata is _UIT_VERZOEK else formdata, **kwargs)

    def validate(self, extra_validators=None) -> bool:
        geldig = super().validate(extra_validators)
        for naam, melding in self._vormfouten.items():
            # Only the shape message: "is verplicht" next to it would blame the user for the wrong thing.
            self[naam].errors = [melding]
        self._vertaal_csrf()
        return geldig and not self._vormfouten

    def _vertaal_csrf(self) -> None:
        """Flask-WTF raises its CSRF messages without gettext; word them here, and list them in the summary
        (the summary leaves out the hidden CSRF field itself)."""
        veld = self._fields.get(self.meta.csrf_field_name) if self.meta.csrf else None
        if veld is None or not veld.errors:
            return
        veld.errors = [CSRF.get(f, f if f in CSRF.values() else ONBEKENDE_CSRF_FOUT) for f in veld.errors]
        self.form_errors.extend(f for f in veld.errors if f not in self.form_errors)
