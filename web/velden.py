"""Small helpers for forms: the rules live in `domain/`, the forms only mark and shape the fields."""

from wtforms import SelectMultipleField
from wtforms.validators import StopValidation
from wtforms.widgets import CheckboxInput, ListWidget


class Verplicht:
    """A required field: marked in the HTML and the label, and refused when empty.

    The domain refuses an empty value too; checking here as well lets the error summary name every
    empty field at once instead of only the first one the domain meets.
    """

    field_flags = {"verplicht": True, "required": True}

    def __init__(self, melding: str | None = None) -> None:
        self.melding = melding

    def __call__(self, form, field) -> None:
        waarde = field.data
        leeg = not waarde.strip() if isinstance(waarde, str) else not waarde
        if leeg:
            raise StopValidation(self.melding or f"{field.label.text} is verplicht.")


def max_tekens(maximum: int) -> dict[str, int]:
    """The manual's limit also in the browser, as `maxlength`; the server enforces it regardless."""
    return {"maxlength": maximum}


class Vinkjes(SelectMultipleField):
    """Checkboxes; choices are checked by the domain, so a forged value gets a Dutch refusal."""

    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("validate_choice", False)
        super().__init__(*args, **kwargs)
