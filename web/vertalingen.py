"""Dutch for the messages WTForms and Flask-WTF write themselves, so no form ever shows their English.

Most forms word their own messages (`web.velden.Verplicht`, the domain's refusals); these are the defaults
for everything else: a built-in validator used without a message, a SelectField's choice check, a number
that is no number, the CSRF field. Every form gets them through `web.formulier.Formulier`.

The keys are the libraries' message ids (wtforms/locale/wtforms.pot and flask_wtf's csrf.py); a test
compares them with the installed libraries, so an upgrade that adds a message is noticed.
"""

ENKELVOUD: dict[str, str] = {
    "Invalid field name '%s'.": "Ongeldige veldnaam '%s'.",
    "Field must be equal to %(other_name)s.": "Dit veld moet gelijk zijn aan %(other_name)s.",
    "Field must be between %(min)d and %(max)d characters long.": (
        "Vul tussen %(min)d en %(max)d tekens in."
    ),
    "Number must be at least %(min)s.": "Vul een getal in van ten minste %(min)s.",
    "Number must be at most %(max)s.": "Vul een getal in van ten hoogste %(max)s.",
    "Number must be between %(min)s and %(max)s.": "Vul een getal in tussen %(min)s en %(max)s.",
    "Date must be at least %(min)s.": "Vul een datum in op of na %(min)s.",
    "Date must be at most %(max)s.": "Vul een datum in op of voor %(max)s.",
    "Date must be between %(min)s and %(max)s.": "Vul een datum in tussen %(min)s en %(max)s.",
    "This field is required.": "Dit veld is verplicht.",
    "Invalid input.": "Deze invoer is ongeldig.",
    "Invalid email address.": "Vul een geldig e-mailadres in.",
    "Invalid IP address.": "Vul een geldig IP-adres in.",
    "Invalid Mac address.": "Vul een geldig MAC-adres in.",
    "Invalid URL.": "Vul een geldig webadres in.",
    "Invalid UUID.": "Vul een geldige UUID in.",
    "Invalid value, must be one of: %(values)s.": "Ongeldige waarde; kies een van: %(values)s.",
    "Invalid value, can't be any of: %(values)s.": "Ongeldige waarde; deze mag niet zijn: %(values)s.",
    "This field cannot be edited.": "Dit veld kan niet worden gewijzigd.",
    "This field is disabled and cannot have a value.": "Dit veld staat uit en kan geen waarde hebben.",
    "Invalid CSRF Token.": "Het formulier was verlopen of niet compleet. Open de pagina opnieuw.",
    "CSRF token missing.": "Het formulier was niet compleet. Open de pagina opnieuw.",
    "CSRF failed.": "Het formulier was verlopen of niet compleet. Open de pagina opnieuw.",
    "CSRF token expired.": "Het formulier was verlopen. Open de pagina opnieuw.",
    "Invalid Choice: could not coerce.": "Kies een van de aangeboden mogelijkheden.",
    "Choices cannot be None.": "Er zijn geen mogelijkheden om uit te kiezen.",
    "Not a valid choice.": "Kies een van de aangeboden mogelijkheden.",
    "Invalid choice(s): one or more data inputs could not be coerced.": (
        "Kies alleen uit de aangeboden mogelijkheden."
    ),
    "Not a valid datetime value.": "Vul een geldige datum en tijd in.",
    "Not a valid date value.": "Vul een geldige datum in.",
    "Not a valid time value.": "Vul een geldige tijd in.",
    "Not a valid week value.": "Vul een geldige week in.",
    "Not a valid integer value.": "Vul een geheel getal in.",
    "Not a valid decimal value.": "Vul een getal in.",
    "Not a valid float value.": "Vul een getal in.",
    # Flask-WTF's file validators (flask_wtf/file.py) go through gettext as well.
    "File does not have an approved extension: {extensions}": (
        "Dit soort bestand wordt niet geaccepteerd; toegestaan: {extensions}"
    ),
    "File does not have an approved extension.": "Dit soort bestand wordt niet geaccepteerd.",
    "File must be between {min_size} and {max_size} bytes.": (
        "Het bestand moet tussen {min_size} en {max_size} bytes groot zijn."
    ),
}

# (singular, plural) -> (Dutch singular, Dutch plural)
MEERVOUD: dict[tuple[str, str], tuple[str, str]] = {
    (
        "Field must be at least %(min)d character long.",
        "Field must be at least %(min)d characters long.",
    ): ("Vul ten minste %(min)d teken in.", "Vul ten minste %(min)d tekens in."),
    (
        "Field cannot be longer than %(max)d character.",
        "Field cannot be longer than %(max)d characters.",
    ): ("Vul ten hoogste %(max)d teken in.", "Vul ten hoogste %(max)d tekens in."),
    (
        "Field must be exactly %(max)d character long.",
        "Field must be exactly %(max)d characters long.",
    ): ("Vul precies %(max)d teken in.", "Vul precies %(max)d tekens in."),
    (
        "'%(value)s' is not a valid choice for this field.",
        "'%(value)s' are not valid choices for this field.",
    ): (
        "'%(value)s' is geen van de aangeboden mogelijkheden.",
        "'%(value)s' zijn geen aangeboden mogelijkheden.",
    ),
}

# Flask-WTF raises these without gettext (flask_wtf/csrf.py `validate_csrf`); `Formulier` words them.
CSRF: dict[str, str] = {
    "The CSRF token is missing.": "Het formulier was niet compleet. Open de pagina opnieuw.",
    "The CSRF session token is missing.": "Uw sessie is verlopen. Open de pagina opnieuw.",
    "The CSRF token has expired.": "Het formulier was verlopen. Open de pagina opnieuw.",
    "The CSRF token is invalid.": "Het formulier was verlopen of niet compleet. Open de pagina opnieuw.",
    "The CSRF tokens do not match.": "Het formulier hoort niet bij deze sessie. Open de pagina opnieuw.",
}
ONBEKENDE_CSRF_FOUT = "Het formulier was verlopen of niet compleet. Open de pagina opnieuw."


class Nederlands:
    """The gettext-like object WTForms asks for (`Meta.get_translations`). A text it does not know (a
    label WTForms derives from a field name) comes back unchanged."""

    def gettext(self, tekst: str) -> str:
        return ENKELVOUD.get(tekst, tekst)

    def ngettext(self, enkelvoud: str, meervoud: str, n: int) -> str:
        vertaald = MEERVOUD.get((enkelvoud, meervoud))
        if vertaald is None:
            return enkelvoud if n == 1 else meervoud
        return vertaald[0] if n == 1 else vertaald[1]


NEDERLANDS = Nederlands()
