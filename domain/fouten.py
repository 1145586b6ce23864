"""The refusals of the portal's rules, each carrying the Dutch text a user is shown.

`veld` names the form field the refusal belongs to, so the web layer can show it next to that field.
"""


class DomeinFout(Exception):
    """A rule of the manual refused a command; nothing was changed."""

    def __init__(self, melding: str, veld: str | None = None) -> None:
        super().__init__(melding)
        self.melding = melding
        self.veld = veld


class OngeldigeWaarde(DomeinFout):
    """A value does not meet its format or length rule."""


class NietToegestaan(DomeinFout):
    """The command is not allowed in the aggregate's current state."""


class BestaatAl(DomeinFout):
    """Something with this identity exists already (a code, a Dienst ID, an OIN)."""


class NietGevonden(DomeinFout):
    """The aggregate does not exist (or not for this afnemer)."""


class Conflict(DomeinFout):
    """Someone else changed the same thing at the same moment, and a retry did not succeed."""


class BatchGeweigerd(DomeinFout):
    """A delivered batch is refused as a whole, with the koppelvlak's VerwerkingsCode (an XML that fails the
    XSD, a certificate whose OIN is not the batch's) and, for XML, the line where the parser stopped."""

    def __init__(self, code, melding: str, regel: int | None = None) -> None:
        super().__init__(melding)
        self.code = code
        self.regel = regel
