"""The confirmation screens of chapter 4: per status change, its title, the manual's warning and the button.

Which changes are allowed is the domain's (`OVERGANGEN`); this module only words them for the user.
"""

from dataclasses import dataclass

from domain.berichttype import OVERGANGEN
from domain.waarden import Status


@dataclass(frozen=True)
class Bevestiging:
    titel: str
    vraag: str
    waarschuwing: str
    knop: str


_ARCHIEF = Bevestiging(
    "Berichttype archiveren",
    "Weet u zeker dat u dit berichttype wilt archiveren?",
    "Archiveren is definitief; een gearchiveerd berichttype kan niet meer worden geactiveerd. "
    "U kunt daarna geen berichten meer versturen voor dit berichttype.",
    "Ok, archiveren",
)

BEVESTIGINGEN: dict[tuple[Status, Status], Bevestiging] = {
    (Status.NIEUW, Status.ACTIEF): Bevestiging(
        "Berichttype activeren",
        "Weet u zeker dat u dit berichttype wilt activeren?",
        "Na activeren kunt u berichten van dit berichttype versturen, maar de bijlagen kunnen daarna niet "
        "meer worden gewijzigd. Controleer daarom eerst of de bijlagen in orde zijn.",
        "Opslaan",
    ),
    (Status.INACTIEF, Status.ACTIEF): Bevestiging(
        "Berichttype heractiveren",
        "Dit berichttype is inactief. Wilt u het berichttype heractiveren?",
        "Na heractiveren kunnen weer berichten van dit berichttype naar de Berichtenbox worden verstuurd.",
        "Ok, heractiveren",
    ),
    (Status.ACTIEF, Status.INACTIEF): Bevestiging(
        "Berichttype deactiveren",
        "Weet u zeker dat u dit berichttype wilt deactiveren?",
        "Berichten die nog onderweg zijn krijgen een foutmelding; u kunt geen berichten meer versturen "
        "voor dit berichttype. U kunt het berichttype later weer activeren.",
        "Ok, deactiveren",
    ),
    (Status.ACTIEF, Status.ARCHIEF): _ARCHIEF,
    (Status.INACTIEF, Status.ARCHIEF): _ARCHIEF,
}


def mogelijke_statussen(huidig: Status) -> list[Status]:
    """The status changes offered on Wijzigen, in the manual's order."""
    return [s for s in Status if s in OVERGANGEN[huidig]]


def status_uit_url(waarde: str) -> Status | None:
    return next((s for s in Status if s.value.lower() == waarde.lower()), None)
