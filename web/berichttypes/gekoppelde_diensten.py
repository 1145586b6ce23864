"""The Gekoppelde diensten of a berichttype, changed from the berichttype (chapter 4) rather than from the
Diensten tab: the afnemer's diensten with a checkbox each, and the change the ticks ask for."""

from dataclasses import dataclass

from domain.fouten import OngeldigeWaarde
from domain.identiteit import dienst_id
from domain.waarden import DienstId, Oin
from web.berichttypes.forms import GekoppeldeDienstenForm
from web.lezen import lezen

# Far more than an afnemer registers machtigbare diensten; beyond it the page points to the Diensten tab.
MAX_DIENSTEN = 500


@dataclass(frozen=True)
class DienstKeuze:
    sleutel: str
    dienst_id: str
    omschrijving: str
    actief: bool
    gekoppeld: bool


@dataclass(frozen=True)
class Diensten:
    keuzes: list[DienstKeuze]
    totaal: int

    @property
    def onvolledig(self) -> bool:
        return self.totaal > len(self.keuzes)


@dataclass(frozen=True)
class Koppelwijziging:
    koppelen: list[DienstId]
    ontkoppelen: list[DienstId]

    def melding(self, code: str) -> str:
        delen = []
        if self.koppelen:
            delen.append("gekoppeld aan " + _namen(self.koppelen))
        if self.ontkoppelen:
            delen.append("ontkoppeld van " + _namen(self.ontkoppelen))
        return f"Berichttype {code} is {' en '.join(delen)}."


def _namen(diensten: list[DienstId]) -> str:
    return ", ".join(f"'{d}'" for d in diensten)


def diensten(afnemer: Oin, code: str) -> Diensten:
    """The afnemer's diensten in Dienst ID order, each with whether it is linked to this berichttype now."""
    pagina = lezen().dienst_overzicht(afnemer, 1, MAX_DIENSTEN)
    keuzes = [
        DienstKeuze(
            str(dienst_id(afnemer, DienstId(r.dienst_id))),
            r.dienst_id,
            r.omschrijving,
            r.status == "Actief",
            code in r.berichttypes,
        )
        for r in pagina.regels
    ]
    return Diensten(keuzes, pagina.totaal)


def gevraagd(formulier: GekoppeldeDienstenForm, bekend: Diensten) -> Koppelwijziging:
    """The links to make and to end: ticked now but not when shown, and the reverse."""
    per_sleutel = {k.sleutel: k for k in bekend.keuzes}
    nu, was = set(formulier.gekoppeld.data or []), set(formulier.was_gekoppeld.data or [])
    if not (nu | was) <= per_sleutel.keys():
        raise OngeldigeWaarde("Een gekozen dienst bestaat niet (meer) bij deze afnemer.", veld="gekoppeld")
    return Koppelwijziging(
        [DienstId(k.dienst_id) for s, k in per_sleutel.items() if s in nu - was],
        [DienstId(k.dienst_id) for s, k in per_sleutel.items() if s in was - nu],
    )


def impact(afnemer: Oin, code: str, gevraagd: Koppelwijziging, moment):
    """What the change does to gemachtigden now: counts only."""
    return lezen().impact_van_gekoppelde_diensten(
        afnemer, code, [d.waarde for d in gevraagd.koppelen], [d.waarde for d in gevraagd.ontkoppelen], moment
    )
