"""How processing judges one bericht (REFERENCE.md, the manual's chapter 7): three stages in order, the first
problem found decides the VerwerkingsCode and the stadium.

1. ValidateBerichtType: the berichttype exists for the afnemer and is Actief at processing time.
2. ValidateGebruiker: the BSN passes the elfproef and has an active Berichtenbox not switched off for this
   afnemer at processing time.
3. StoreMessage: the BerichtID was not delivered before (in another batch, or earlier in this one); the
   AanmaakDatum and PublicatieDatum lie within 13 days of delivery; the persoonlijke bijlagen are within the
   limits and pass the PDF validation. A finding of ernst fout refuses the bericht (TechnischProbleem, the
   finding kept as the reason; BijlageTeGroot for the size limits), a finding of ernst waarschuwing lets it
   through as Verwerkt with that warning (the orange of the manual's reports).

Pure: what processing knows at its moment comes in as `Omstandigheden`.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from domain.batch import OntvangenBericht
from domain.levering import MAX_PERSOONLIJKE_BIJLAGEN, MAX_PERSOONLIJKE_BIJLAGEN_BYTES
from domain.verslag import Berichtuitkomst
from domain.verwerking import Stadium, VerwerkingsCode
from domain.waarden import elfproef

MAX_DAGEN = timedelta(days=13)


@dataclass(frozen=True, slots=True)
class PdfOordeel:
    """The PDF validator's verdict on one persoonlijke bijlage: the rule of its first finding of ernst fout
    and of its first of ernst waarschuwing, or None."""

    fout: str | None = None
    waarschuwing: str | None = None


# A bijlage processing could not validate (its contents are missing) is never delivered unchecked.
NIET_GEVALIDEERD = PdfOordeel(fout="niet-gevalideerd")


@dataclass(frozen=True)
class Omstandigheden:
    """What processing knows at its moment about a batch's world."""

    ontvangen: datetime
    aanmaakdatum: datetime
    actieve_berichttypes: frozenset[str]
    ontvangers: frozenset[str]
    elders_aangeleverd: frozenset[str] = frozenset()
    pdf: Mapping[str, PdfOordeel] = field(default_factory=dict)


def beoordeel_batch(
    berichten: list[OntvangenBericht], o: Omstandigheden, vorige: list[Berichtuitkomst] | None = None
) -> list[Berichtuitkomst]:
    """Every bericht's outcome in delivery order. With `vorige` (an earlier round's outcomes, before the
    PDF verdicts or the BerichtID claims were known) only StoreMessage is decided again, and only for the
    berichten that passed the stages before it."""
    gezien: set[str] = set()
    uitkomsten = []
    for i, bericht in enumerate(berichten):
        eerder = bericht.bericht_id in gezien
        gezien.add(bericht.bericht_id)
        if vorige is None:
            uitkomsten.append(beoordeel(bericht, o, eerder))
        elif vorige[i].stadium in (Stadium.STORE_MESSAGE, Stadium.NA):
            uitkomsten.append(_uitkomst(bericht, _opslaan(bericht, o, eerder)))
        else:
            uitkomsten.append(vorige[i])
    return uitkomsten


def beoordeel(bericht: OntvangenBericht, o: Omstandigheden, eerder_in_batch: bool = False) -> Berichtuitkomst:
    for stadium in (_berichttype, _gebruiker, _opslaan):
        gevonden = stadium(bericht, o, eerder_in_batch)
        if gevonden is not None:
            return _uitkomst(bericht, gevonden)
    raise AssertionError("StoreMessage decides every bericht it gets")


def _uitkomst(bericht: OntvangenBericht, gevonden: "_Gevonden") -> Berichtuitkomst:
    code, stadium, waarschuwing, reden = gevonden
    return Berichtuitkomst(bericht.bericht_id, bericht.berichttype, code, stadium, waarschuwing, reden)


_Gevonden = tuple[VerwerkingsCode, Stadium, str | None, str | None] | None


def _berichttype(bericht: OntvangenBericht, o: Omstandigheden, _eerder: bool) -> _Gevonden:
    if bericht.berichttype not in o.actieve_berichttypes:
        return VerwerkingsCode.BERICHTTYPE_NIET_ONDERSTEUND, Stadium.VALIDATE_BERICHTTYPE, None, None
    return None


def _gebruiker(bericht: OntvangenBericht, o: Omstandigheden, _eerder: bool) -> _Gevonden:
    stadium = Stadium.VALIDATE_GEBRUIKER
    if not elfproef(bericht.bsn):
        return VerwerkingsCode.NIET_ACTIEF_OF_GEABONNEERD, stadium, None, "elfproef"
    if bericht.bsn not in o.ontvangers:
        return VerwerkingsCode.NIET_ACTIEF_OF_GEABONNEERD, stadium, None, None
    return None


def _opslaan(bericht: OntvangenBericht, o: Omstandigheden, eerder_in_batch: bool) -> _Gevonden:
    stadium = Stadium.STORE_MESSAGE
    if eerder_in_batch or bericht.bericht_id in o.elders_aangeleverd:
        return VerwerkingsCode.BERICHT_BESTAAT_AL, stadium, None, None
    if o.aanmaakdatum < o.ontvangen - MAX_DAGEN:
        return VerwerkingsCode.AANMAAKDATUM_TE_VER, stadium, None, None
    if bericht.publicatiedatum is not None and bericht.publicatiedatum > o.ontvangen + MAX_DAGEN:
        return VerwerkingsCode.PUBLICATIEDATUM_TE_VER, stadium, None, None
    bijlagen = bericht.bijlagen
    if (
        len(bijlagen) > MAX_PERSOONLIJKE_BIJLAGEN
        or sum(b.grootte for b in bijlagen) > MAX_PERSOONLIJKE_BIJLAGEN_BYTES
    ):
        return VerwerkingsCode.BIJLAGE_TE_GROOT, stadium, None, None
    waarschuwing = None
    for bijlage in bijlagen:
        oordeel = o.pdf.get(bijlage.inhoud or "", NIET_GEVALIDEERD)
        if oordeel.fout:
            return VerwerkingsCode.TECHNISCH_PROBLEEM, stadium, None, oordeel.fout
        waarschuwing = waarschuwing or oordeel.waarschuwing
    return VerwerkingsCode.VERWERKT, Stadium.NA, waarschuwing, None
