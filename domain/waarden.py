"""Value objects for the manual's identifiers: validation in one place, the Dutch message next to the rule."""

import re
import unicodedata
from dataclasses import dataclass
from enum import Enum

from domain.fouten import OngeldigeWaarde

_OIN = re.compile(r"[0-9]{20}")
_BSN = re.compile(r"[0-9]{9}")
MAX_CODE = 8
_CODE = re.compile(rf"[A-Za-z0-9]{{1,{MAX_CODE}}}")


class Onveranderlijk:
    """A value that never changes after it is made: a deep copy may be the value itself, as for a str. An
    aggregate copied from the write side's cache holds many of these (a dienst's linked codes)."""

    __slots__ = ()

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


@dataclass(frozen=True, order=True)
class Oin(Onveranderlijk):
    """Organisatie-identificatienummer: 20 digits, the first 8 name the source of the number."""

    waarde: str

    def __post_init__(self) -> None:
        if not isinstance(self.waarde, str) or not _OIN.fullmatch(self.waarde):
            raise OngeldigeWaarde("Een OIN bestaat uit precies 20 cijfers.", veld="oin")

    def __str__(self) -> str:
        return self.waarde

    @property
    def is_test_oin(self) -> bool:
        return self.waarde.startswith("00000099")


@dataclass(frozen=True)
class Bsn(Onveranderlijk):
    """Burgerservicenummer. Its repr hides the number so it never reaches a log by accident."""

    waarde: str

    def __post_init__(self) -> None:
        if not isinstance(self.waarde, str) or not _BSN.fullmatch(self.waarde) or not elfproef(self.waarde):
            raise OngeldigeWaarde(
                "Dit is geen geldig BSN (9 cijfers die aan de elfproef voldoen).", veld="bsn"
            )

    def __repr__(self) -> str:
        return "Bsn(*********)"

    __str__ = __repr__


# The weighted sum of nine digit characters counts ord("0") once per weight too much: 48 * (44 - 1).
_NUL_GEWOGEN = 48 * 43


def elfproef(cijfers: str) -> bool:
    """Nine digits whose weighted sum (9, 8, ..., 2, -1) is a non-zero multiple of 11. Written out: processing
    checks a thousand BSNs per batch."""
    if len(cijfers) != 9 or not cijfers.isascii() or not cijfers.isdigit():
        return False
    c = cijfers.encode()
    som = (
        9 * c[0]
        + 8 * c[1]
        + 7 * c[2]
        + 6 * c[3]
        + 5 * c[4]
        + 4 * c[5]
        + 3 * c[6]
        + 2 * c[7]
        - c[8]
        - _NUL_GEWOGEN
    )
    return som != 0 and som % 11 == 0


# Nine digits not part of a longer number (an OIN, an IBAN or a phone number is no BSN), written together or
# in groups (1234.56.789, 123 45 6789, 123-45-6789).
_BSN_IN_TEKST = (
    re.compile(r"(?<![0-9])[0-9]{9}(?![0-9])"),
    re.compile(r"(?<![0-9])(?<![0-9][ .-])[0-9](?:[ .-]?[0-9]){8}(?![ .-]?[0-9])"),
)


def bevat_bsn(tekst: str) -> bool:
    """Whether a free text holds something that passes the elfproef: a BSN the writer should not send.

    Full-width digits count as the digits they are (NFKC)."""
    genormaliseerd = unicodedata.normalize("NFKC", tekst)
    return any(
        elfproef(re.sub(r"[^0-9]", "", kandidaat.group()))
        for patroon in _BSN_IN_TEKST
        for kandidaat in patroon.finditer(genormaliseerd)
    )


BSN_MASKER = "*********"


def maskeer_bsn(tekst: str) -> str:
    """The text with everything `bevat_bsn` would find replaced by asterisks (for log lines); a text without
    one comes back unchanged. An OIN (20 digits) or a nine-digit number failing the elfproef is left alone."""
    if not bevat_bsn(tekst):
        return tekst
    gemaskeerd = unicodedata.normalize("NFKC", tekst)
    # Each pass removes digits, so this ends; a second pass catches a candidate an overlapping one hid.
    while bevat_bsn(gemaskeerd):
        for patroon in _BSN_IN_TEKST:
            gemaskeerd = patroon.sub(_masker, gemaskeerd)
    return gemaskeerd


def _masker(kandidaat: re.Match) -> str:
    gevonden = kandidaat.group()
    return BSN_MASKER if elfproef(re.sub(r"[^0-9]", "", gevonden)) else gevonden


@dataclass(frozen=True, order=True)
class BerichttypeCode(Onveranderlijk):
    """1 to 8 letters or digits, case-sensitive: `AB1` and `ab1` are two codes."""

    waarde: str

    def __post_init__(self) -> None:
        if not isinstance(self.waarde, str) or not _CODE.fullmatch(self.waarde):
            raise OngeldigeWaarde(
                f"De code bestaat uit 1 tot en met {MAX_CODE} letters of cijfers "
                "(zonder spaties of leestekens).",
                veld="code",
            )

    def __str__(self) -> str:
        return self.waarde


MAX_DIENST_ID = 40

# Line ends and control characters: DigiD Machtigen's free text is one line.
_STUURTEKENS = frozenset({"Cc", "Zl", "Zp"})
# What draws nothing on a screen: spaces of every width, control and format characters (zero-width space,
# joiners, direction marks, the byte order mark, soft hyphen) ...
_LEGE_CATEGORIEEN = frozenset({"Zs", "Zl", "Zp", "Cc", "Cf"})
# ... and letters and symbols that Unicode classes as visible but that fonts draw as blank (Hangul fillers,
# the blank Braille pattern, Khmer inherent vowels).
_LEGE_TEKENS = frozenset("\u115f\u1160\u3164\uffa0\u2800\u17b4\u17b5")
# Combining marks draw nothing of their own without a letter to sit on.
_TEKENS_OP_EEN_LETTER = frozenset({"Mn", "Me"})


def _leeg(teken: str) -> bool:
    return teken.isspace() or teken in _LEGE_TEKENS or unicodedata.category(teken) in _LEGE_CATEGORIEEN


def _onzichtbaar(teken: str) -> bool:
    return _leeg(teken) or unicodedata.category(teken) in _TEKENS_OP_EEN_LETTER


@dataclass(frozen=True, order=True)
class DienstId(Onveranderlijk):
    """Free text of at most 40 positions, kept exactly as typed: DigiD Machtigen compares it that way.

    The constructor is the gate for new input. A value that passed an earlier version of these rules (read
    back from an event or a read model) is rebuilt with `bestaand`, so a stricter rule never makes stored
    history impossible to load.
    """

    waarde: str

    def __post_init__(self) -> None:
        if not isinstance(self.waarde, str) or not 1 <= len(self.waarde) <= MAX_DIENST_ID:
            raise OngeldigeWaarde(
                f"De Dienst ID bestaat uit 1 tot en met {MAX_DIENST_ID} posities.", veld="dienst_id"
            )
        if any(unicodedata.category(c) in _STUURTEKENS for c in self.waarde):
            raise OngeldigeWaarde(
                "De Dienst ID mag geen regeleinden, tabs of andere stuurtekens bevatten.", veld="dienst_id"
            )
        if all(_onzichtbaar(c) for c in self.waarde):
            # An ID nobody can see is a link nobody can read or check against DigiD Machtigen.
            raise OngeldigeWaarde(
                "De Dienst ID bestaat alleen uit spaties of andere onzichtbare tekens. Vul de Dienst ID in "
                "zoals die bij DigiD Machtigen is geregistreerd.",
                veld="dienst_id",
            )

    @classmethod
    def bestaand(cls, waarde: str) -> "DienstId":
        """A Dienst ID that was accepted when it was stored: rebuilt without today's rules for new input."""
        dienst_id_ = object.__new__(cls)
        object.__setattr__(dienst_id_, "waarde", waarde)
        return dienst_id_

    @property
    def leesvorm(self) -> str:
        """What a reader sees: two Dienst IDs with the same leesvorm differ only in case, spaces, invisible
        characters or Unicode spelling (NFKC), and are easily taken for one another. Only for warnings:
        the Dienst ID itself is always compared exactly as typed."""
        return _leesvorm(self.waarde)

    def __str__(self) -> str:
        return self.waarde


def _leesvorm(waarde: str) -> str:
    genormaliseerd = unicodedata.normalize("NFKC", waarde).casefold()
    return "".join(c for c in genormaliseerd if not _leeg(c))


class Notificatiekenmerk(Enum):
    """The five categories of chapter 4; the value is the label the manual uses."""

    BETALEN = "Betalen"
    INFORMATIE_GEVEN = "Informatie geven"
    INFORMATIE_KRIJGEN = "Informatie krijgen"
    REACTIE_ONTVANGEN = "Reactie ontvangen"
    VERNIEUWEN_NODIG = "Vernieuwen nodig"

    @classmethod
    def uit_tekst(cls, tekst: str) -> "Notificatiekenmerk":
        for kenmerk in cls:
            if tekst in (kenmerk.value, kenmerk.name):
                return kenmerk
        raise OngeldigeWaarde("Kies een van de notificatiekenmerken uit de lijst.", veld="notificatiekenmerk")


class Status(Enum):
    NIEUW = "Nieuw"
    ACTIEF = "Actief"
    INACTIEF = "Inactief"
    ARCHIEF = "Archief"


class Rol(Enum):
    AFNEMER = "afnemer"
    INTERMEDIAIR = "intermediair"
    BEHEERDER = "beheerder"
    # The MijnOverheid feed that keeps the Berichtenbox users register current: a machine, never a person
    # in the portal (it has no tabs and cannot log in; only /api/v1/gebruikers admits it).
    MIJNOVERHEID = "mijnoverheid"
    # The DigiD Machtigen feed that keeps the machtigingen register current: a machine, never a person in
    # the portal (only /api/v1/machtigingen admits it).
    MACHTIGINGEN = "machtigingen"

    @property
    def is_machine(self) -> bool:
        return self in _MACHINEROLLEN

    @property
    def label(self) -> str:
        return _LABELS.get(self, self.value.capitalize())


_MACHINEROLLEN = frozenset({Rol.MIJNOVERHEID, Rol.MACHTIGINGEN})
_LABELS = {
    Rol.MIJNOVERHEID: "MijnOverheid (gebruikersregister)",
    Rol.MACHTIGINGEN: "DigiD Machtigen (machtigingenregister)",
}


@dataclass(frozen=True)
class Actor(Onveranderlijk):
    """Who made a change: the organisation of the person (by certificate) and the afnemer acted for."""

    oin: Oin
    namens: Oin
    certificaat: str = ""

    def __str__(self) -> str:
        if self.oin == self.namens:
            return str(self.oin)
        return f"{self.oin} namens {self.namens}"


def tekst(
    waarde: object, veld: str, label: str, maximum: int, verplicht: bool = True, meervoud: bool = False
) -> str:
    """A free-text field with the manual's length limit; `meervoud` for a plural label (De bijzonderheden)."""
    is_, mag = ("zijn", "mogen") if meervoud else ("is", "mag")
    if not isinstance(waarde, str):
        raise OngeldigeWaarde(f"{label} ontbreekt.", veld=veld)
    if verplicht and not waarde.strip():
        raise OngeldigeWaarde(f"{label} {is_} verplicht.", veld=veld)
    if len(waarde) > maximum:
        raise OngeldigeWaarde(
            f"{label} {mag} maximaal {maximum} tekens hebben (nu {len(waarde)}).", veld=veld
        )
    return waarde
