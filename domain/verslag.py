"""The processing report of one batch, in the koppelvlak's terms (`BerichtVerwerkResponse`, REFERENCE.md):
the counters, then per bericht its BerichtID, BerichtType, VerwerkingsCode and Stadium. Never a BSN."""

from collections import Counter
from dataclasses import dataclass
from datetime import datetime

from domain.verwerking import Kleur, Stadium, VerwerkingsCode, kleur

# The report has six counters for ten codes: the codes without a counter of their own are problems the
# leverancier must solve in its delivery, so they count as technical problems (docs/koppelvlak.md).
TELLER = {
    VerwerkingsCode.VERWERKT: "AantalBerichtenSuccesvolVerwerkt",
    VerwerkingsCode.NIET_ACTIEF_OF_GEABONNEERD: "AantalBerichtenGeenActieveBoxOfGeabonneertOpLeverancier",
    VerwerkingsCode.TECHNISCH_PROBLEEM: "AantalBerichtenMetTechnischProbleem",
    VerwerkingsCode.BERICHT_BESTAAT_AL: "AantalBerichtenMetTechnischProbleem",
    VerwerkingsCode.BIJLAGE_TE_GROOT: "AantalBerichtenMetTechnischProbleem",
    VerwerkingsCode.OIN_KOMT_NIET_OVEREEN: "AantalBerichtenMetTechnischProbleem",
    VerwerkingsCode.XML_ONGELDIG: "AantalBerichtenMetTechnischProbleem",
    VerwerkingsCode.BERICHTTYPE_NIET_ONDERSTEUND: "AantalBerichtenBerichtTypeNietCorrect",
    VerwerkingsCode.PUBLICATIEDATUM_TE_VER: "AantalBerichtenPublicatieDatumNietCorrect",
    VerwerkingsCode.AANMAAKDATUM_TE_VER: "AantalBerichtenAanmaakDatumNietCorrect",
}
TELLERS = tuple(dict.fromkeys(TELLER.values()))


@dataclass(frozen=True, slots=True)
class Berichtuitkomst:
    """What processing decided for one bericht. `waarschuwing` names a PDF finding of ernst waarschuwing
    (the bericht is Verwerkt, in the manual's orange); `reden` a finding or rule that refused it."""

    bericht_id: str
    berichttype: str
    code: VerwerkingsCode
    stadium: Stadium
    waarschuwing: str | None = None
    reden: str | None = None

    @property
    def kleur(self) -> Kleur:
        return kleur(self.code.value, self.waarschuwing)


@dataclass(frozen=True, slots=True)
class Verwerkingsverslag:
    """`verwerkt` and `proceskenmerk` are None while the batch waits for processing (then `uitkomsten` is
    empty and `ontvangen_aantal` still says how many berichten arrived)."""

    leverancier: str
    afnemer: str
    batch_id: str
    ontvangen: datetime
    ontvangen_aantal: int
    verwerkt: datetime | None = None
    proceskenmerk: str | None = None
    uitkomsten: tuple[Berichtuitkomst, ...] = ()

    @property
    def afgerond(self) -> bool:
        return self.verwerkt is not None

    def tellers(self) -> dict[str, int]:
        """The report's counters, in the koppelvlak's order, TotaalAantalOntvangenBerichten first."""
        geteld = Counter(TELLER[u.code] for u in self.uitkomsten)
        return {"TotaalAantalOntvangenBerichten": self.ontvangen_aantal} | {t: geteld[t] for t in TELLERS}
