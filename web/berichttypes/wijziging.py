"""Berichttype wijzigen as a proposal (chapter 4): what the user asked for next to what stands now, checked
with the domain's own rules before anything is stored. The confirmation screen shows it and carries it along
in hidden fields; only the confirmation issues the one command that stores details and status together."""

from collections.abc import Collection
from dataclasses import dataclass

from domain.berichttype import controleer_kenmerkkeuze, controleer_omschrijving, controleer_overgang
from domain.waarden import Notificatiekenmerk, Status
from web.berichttypes.forms import WijzigenForm


@dataclass(frozen=True)
class Wijziging:
    """One field that changes, as the confirmation screen lists it."""

    veld: str
    oud: str
    nieuw: str


@dataclass(frozen=True)
class Voorstel:
    code: str
    omschrijving: str
    kenmerk: Notificatiekenmerk
    status: Status
    huidige_status: Status
    wijzigingen: tuple[Wijziging, ...]

    @property
    def nieuwe_status(self) -> Status | None:
        return None if self.status is self.huidige_status else self.status

    @property
    def details_wijzigen(self) -> bool:
        return any(w.veld != "Status" for w in self.wijzigingen)

    def melding(self) -> str:
        """What the user reads after saving; only called when something changed."""
        opgeslagen = f"De gegevens van het berichttype {self.code} zijn opgeslagen"
        status = f"heeft nu de status {self.status.value}"
        if self.nieuwe_status is None:
            return f"{opgeslagen}."
        if not self.details_wijzigen:
            return f"Het berichttype {self.code} {status}."
        return f"{opgeslagen} en het berichttype {status}."


def voorstel(
    regel, formulier: WijzigenForm, toegestane_kenmerken: Collection[Notificatiekenmerk]
) -> Voorstel:
    """The change asked for on `regel` (the berichttype as it stands). Raises the domain's refusal when the
    change cannot be made; the write side checks it all again when the command runs."""
    huidig_kenmerk = Notificatiekenmerk.uit_tekst(regel.kenmerk)
    huidige_status = Status(regel.status)
    omschrijving = controleer_omschrijving(formulier.omschrijving.data)
    kenmerk = Notificatiekenmerk.uit_tekst(formulier.notificatiekenmerk.data)
    controleer_kenmerkkeuze(huidig_kenmerk, kenmerk, toegestane_kenmerken)
    status = Status(formulier.status.data)
    if status is not huidige_status:
        controleer_overgang(huidige_status, status)
    paren = [
        ("Omschrijving", regel.omschrijving, omschrijving),
        ("Notificatiekenmerk", huidig_kenmerk.value, kenmerk.value),
        ("Status", huidige_status.value, status.value),
    ]
    wijzigingen = tuple(Wijziging(veld, oud, nieuw) for veld, oud, nieuw in paren if oud != nieuw)
    return Voorstel(regel.code, omschrijving, kenmerk, status, huidige_status, wijzigingen)
