"""Small helpers for forms: the rules live in `domain/`, the forms only mark and shape the fields."""

from wtforms import SelectMultipleField
from wtforms.widgets import CheckboxInput, ListWidget


class Verplicht:
    """Marks a field as required in the HTML and the label; the domain gives the refusal, in Dutch."""

    field_flags = {"verplicht": True, "required": True}

    def __call__(self, form, field) -> None:
        return None


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
