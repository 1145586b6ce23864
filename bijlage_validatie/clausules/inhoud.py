"""The page content itself, parsed by qpdf (`pikepdf.parse_content_stream`): unknown operators, the depth
of q/Q, device colours in colour operators and inline images, rendering intents, numbers outside the
limits, and (PDF/UA-1, level a) marked content: tags, artifacts and language. Which operators exist, and
how they group, is in `operatoren`.

Form XObjects are followed from the Do that paints them, with the marking of that moment; each form is
parsed once. The appearances of annotations are read too, for their colours. The number of operators
is bounded. Which codes each font paints is remembered for `lettertypen` (the widths check).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

import pikepdf

from bijlage_validatie.clausules import kleur
from bijlage_validatie.clausules.document import geldige_taal
from bijlage_validatie.clausules.gemeen import geheel, lijst, naam, tekst
from bijlage_validatie.clausules.objecten import (
    BEDOELINGEN,
    MAX_GEHEEL,
    MIN_GEHEEL,
    STANDAARDFILTERS,
    waarde_grenzen,
)
from bijlage_validatie.clausules.omgeving import Omgeving
from bijlage_validatie.clausules.operatoren import (
    INLINE,
    KLEUR_LIJN,
    KLEUR_VUL,
    LIJNEN,
    OPERATOREN,
    TEKST,
    VERVEN,
    VULLEN,
    ZONDER_OPERANDEN,
)
from bijlage_validatie.doorlopen import TeComplex, is_woordenboek, objectnaam
from bijlage_validatie.lettertypen import geerfd
from bijlage_validatie.metadata import begrensd_lezen
from domain.pdf_clausules.clausule import Schending

MAX_Q = 28
MAX_OPERATOREN = 1_000_000
MAX_INHOUD = 8 * 1024 * 1024
"""Uitgepakte bytes per inhoudsstream die we ontleden; meer past niet in de rekentijd van een werkproces."""
MAX_FORMULIERDIEPTE = 12
GROOTSTE = Decimal(32767)
KLEINSTE = Decimal("1.175e-38")
INLINE_VERBODEN = {"LZWDecode", "Crypt", "JBIG2Decode", "JPXDecode"}


@dataclass
class _Toestand:
    vul: str = "standaard"
    lijn: str = "standaard"
    weergave: int = 0


@dataclass
class _Stroom:
    """Eén inhoudsstream met zijn resources en de markering waarmee hij begint."""

    pagina: int
    resources: object
    standaard: frozenset[str]
    markering: tuple[str, ...] = ()
    """Open markeringen: "tag", "artefact" of "overig"; met een taal als "taal"."""
    pdfua: bool = True
    gemeld: set = field(default_factory=set)


class _TeVeel(Exception):
    """Meer inhoud dan we binnen de grenzen ontleden; de rest van de toets gaat wel door."""


ONVOLLEDIG = "onvolledig"
"""Sleutel in `Omgeving.geheugen`: waarom de inhoud niet helemaal getoetst is."""


def schendingen(omgeving: Omgeving) -> list[Schending]:
    if omgeving.toetsing.leeg:
        return []
    lezer = _Lezer(omgeving)
    try:
        for nummer, pagina in enumerate(omgeving.paginas, start=1):
            resources = geerfd(pagina, "/Resources")
            stroom = _Stroom(nummer, resources, kleur.standaardruimten(resources), pdfua=omgeving.pdfua)
            lezer.lees(lezer.pagina(pagina), stroom, 0)
            for weergave in _weergaven(pagina):
                eigen = weergave.get("/Resources") or resources
                binnen = _Stroom(nummer, eigen, kleur.standaardruimten(eigen), pdfua=False)
                lezer.lees(lezer.instructies(weergave), binnen, 1)
    except _TeVeel as reden:
        omgeving.geheugen[ONVOLLEDIG] = str(reden)
    omgeving.geheugen["gebruikte_codes"] = lezer.codes
    return lezer.gevonden


def _groot(stream: pikepdf.Stream) -> bool:
    return len(begrensd_lezen(stream, MAX_INHOUD + 1) or b"") > MAX_INHOUD


def _weergaven(pagina: pikepdf.Object) -> list[pikepdf.Stream]:
    uit = []
    for annot in lijst(pagina.get("/Annots")):
        weergave = annot.get("/AP") if is_woordenboek(annot) else None
        normaal = weergave.get("/N") if is_woordenboek(weergave) else None
        if isinstance(normaal, pikepdf.Stream):
            uit.append(normaal)
        elif is_woordenboek(normaal):
            uit += [w for w in normaal.values() if isinstance(w, pikepdf.Stream)]
    return uit


class _Lezer:
    def __init__(self, omgeving: Omgeving) -> None:
        self.omgeving = omgeving
        self.gevonden: list[Schending] = []
        self.codes: dict = {}
        self._tel = 0
        self._ontleed: dict = {}
        self._catalogustaal = bool(tekst(omgeving.pdf.Root.get("/Lang")))

    def pagina(self, pagina: pikepdf.Object) -> list:
        inhoud = pagina.get("/Contents")
        delen = [inhoud] if isinstance(inhoud, pikepdf.Stream) else [d for d in lijst(inhoud)]
        if any(isinstance(d, pikepdf.Stream) and _groot(d) for d in delen):
            raise _TeVeel("een pagina-inhoud van meer dan 8 MB")
        try:
            return pikepdf.parse_content_stream(pikepdf.Page(pagina))
        except (pikepdf.PdfError, ValueError, TypeError):
            return []

    def instructies(self, stream: pikepdf.Stream) -> list:
        sleutel = stream.objgen if stream.is_indirect else id(stream)
        if sleutel not in self._ontleed:
            if _groot(stream):
                raise _TeVeel("een formulier van meer dan 8 MB")
            try:
                self._ontleed[sleutel] = pikepdf.parse_content_stream(stream)
            except (pikepdf.PdfError, ValueError, TypeError):
                self._ontleed[sleutel] = []
        return self._ontleed[sleutel]

    def _meld(self, stroom: _Stroom, controle: str, detail: str = "", eenmalig: bool = True) -> None:
        sleutel = (controle, detail)
        if eenmalig and sleutel in stroom.gemeld:
            return
        stroom.gemeld.add(sleutel)
        self.gevonden.append(Schending(controle, stroom.pagina, None, detail))

    def lees(self, instructies: list, stroom: _Stroom, diepte: int) -> None:
        if diepte > MAX_FORMULIERDIEPTE:
            raise TeComplex("te diep geneste formulieren")
        lezing = _Lezing(stroom, diepte, [_Toestand()], list(stroom.markering))
        for instructie in instructies:
            self._tel += 1
            if self._tel > MAX_OPERATOREN:
                raise _TeVeel(f"meer dan {MAX_OPERATOREN} tekenopdrachten")
            operator = str(instructie.operator)
            if operator == INLINE:
                self._inline(instructie.operands[0], stroom, lezing.markering)
                continue
            operanden = instructie.operands
            self._operanden(operanden, stroom)
            if operator not in OPERATOREN:
                self._meld(stroom, "onbekende_operator", operator)
                continue
            behandeling = _BEHANDELING.get(operator)
            if behandeling is not None and (operanden or operator in ZONDER_OPERANDEN):
                behandeling(self, operator, operanden, lezing)
            if operator in TEKST:
                self._tekst(operanden, lezing.lettertype, stroom, lezing.markering, lezing.toestand)
            elif operator in VERVEN:
                self._verven(operator, lezing)

    def _operanden(self, operanden, stroom: _Stroom) -> None:
        for operand in operanden:
            soort = type(operand)
            if soort is int:
                if MIN_GEHEEL <= operand <= MAX_GEHEEL:
                    continue
            elif soort is Decimal:
                if -GROOTSTE <= operand <= GROOTSTE and (not operand or abs(operand) >= KLEINSTE):
                    continue
            elif soort is not pikepdf.String:
                continue
            for schending in waarde_grenzen(operand, stroom.pagina, None):
                self._meld(stroom, schending.controle, schending.detail)

    def _bewaar(self, operator: str, operanden, lezing: _Lezing) -> None:
        toestand = lezing.toestand
        lezing.toestanden.append(_Toestand(toestand.vul, toestand.lijn, toestand.weergave))
        if len(lezing.toestanden) - 1 > MAX_Q:
            self._meld(lezing.stroom, "q_diep")

    def _herstel(self, operator: str, operanden, lezing: _Lezing) -> None:
        if len(lezing.toestanden) > 1:
            lezing.toestanden.pop()

    def _kleur(self, operator: str, operanden, lezing: _Lezing) -> None:
        soort = KLEUR_VUL.get(operator) or KLEUR_LIJN[operator]
        self._apparaat(soort, lezing.stroom)
        setattr(lezing.toestand, "vul" if operator in KLEUR_VUL else "lijn", soort)

    def _kleurruimte(self, operator: str, operanden, lezing: _Lezing) -> None:
        soort = kleur.apparaat(operanden[0])
        if soort:
            self._apparaat(soort, lezing.stroom)
        setattr(lezing.toestand, "vul" if operator == "cs" else "lijn", soort or "anders")

    def _bedoeling(self, operator: str, operanden, lezing: _Lezing) -> None:
        if naam(operanden[0]) not in BEDOELINGEN:
            self._meld(lezing.stroom, "weergavebedoeling", naam(operanden[0]) or "?")

    def _weergave(self, operator: str, operanden, lezing: _Lezing) -> None:
        lezing.toestand.weergave = geheel(operanden[0]) or 0

    def _lettertype(self, operator: str, operanden, lezing: _Lezing) -> None:
        lezing.lettertype = _bron(lezing.stroom.resources, "/Font", operanden[0])

    def _begin_markering(self, operator: str, operanden, lezing: _Lezing) -> None:
        lezing.markering.append(self._markeer(operanden, lezing.stroom, lezing.markering))

    def _einde_markering(self, operator: str, operanden, lezing: _Lezing) -> None:
        if len(lezing.markering) > len(lezing.stroom.markering):
            lezing.markering.pop()

    def _do(self, operator: str, operanden, lezing: _Lezing) -> None:
        self._teken(operanden[0], lezing.stroom, lezing.markering, lezing.toestand, lezing.diepte)

    def _verven(self, operator: str, lezing: _Lezing) -> None:
        self._verf(lezing.stroom, lezing.markering)
        if operator in VULLEN and lezing.toestand.vul == "standaard":
            self._apparaat("GRAY", lezing.stroom)
        if operator in LIJNEN and lezing.toestand.lijn == "standaard":
            self._apparaat("GRAY", lezing.stroom)

    def _apparaat(self, soort: str, stroom: _Stroom) -> None:
        if not kleur.toegestaan(self.omgeving, soort, stroom.standaard):
            self._meld(stroom, kleur.CONTROLE[soort])

    def _markeer(self, operanden, stroom: _Stroom, markering: list[str]) -> str:
        label = naam(operanden[0]) if operanden else ""
        eigenschappen = operanden[1] if len(operanden) > 1 else None
        if isinstance(eigenschappen, pikepdf.Name):
            eigenschappen = _bron(stroom.resources, "/Properties", eigenschappen)
        taal = eigenschappen.get("/Lang") if is_woordenboek(eigenschappen) else None
        if taal is not None and not geldige_taal(tekst(taal)):
            self._meld(stroom, "taal_ongeldig", repr(tekst(taal)))
        heeft_mcid = is_woordenboek(eigenschappen) and "/MCID" in eigenschappen
        if stroom.pdfua and label == "Artifact" and any(m.startswith("tag") for m in markering):
            self._meld(stroom, "artefact_in_tag")
        if stroom.pdfua and heeft_mcid and any(m.startswith("artefact") for m in markering):
            self._meld(stroom, "tag_in_artefact")
        soort = "artefact" if label == "Artifact" else "tag" if heeft_mcid else "overig"
        return soort + ("+taal" if taal is not None and tekst(taal) else "")

    def _verf(self, stroom: _Stroom, markering: list[str]) -> None:
        if not stroom.pdfua:
            return
        if not any(m.startswith(("tag", "artefact")) for m in markering):
            self._meld(stroom, "ongetagde_inhoud")

    def _tekst(
        self, operanden, lettertype, stroom: _Stroom, markering: list[str], toestand: _Toestand
    ) -> None:
        if toestand.weergave != 3:
            self._verf(stroom, markering)
            if toestand.vul == "standaard":
                self._apparaat("GRAY", stroom)
        if stroom.pdfua and not self._catalogustaal and not any(m.endswith("+taal") for m in markering):
            self._meld(stroom, "taal_onbekend", str(stroom.pagina))
        if is_woordenboek(lettertype):
            self._codes(lettertype, operanden)

    def _codes(self, lettertype: pikepdf.Object, operanden) -> None:
        sleutel = lettertype.objgen if lettertype.is_indirect else id(lettertype)
        codes = self.codes.setdefault(sleutel, set())
        breed = naam(lettertype.get("/Subtype")) == "Type0"
        if breed and naam(lettertype.get("/Encoding")) not in ("Identity-H", "Identity-V"):
            return
        for operand in operanden:
            for deel in lijst(operand) if isinstance(operand, pikepdf.Array) else [operand]:
                if isinstance(deel, pikepdf.String) and len(codes) < 70000:
                    data = bytes(deel)
                    if breed:
                        codes.update(
                            int.from_bytes(data[i : i + 2], "big") for i in range(0, len(data) - 1, 2)
                        )
                    else:
                        codes.update(data)

    def _teken(
        self, naam_: object, stroom: _Stroom, markering: list[str], toestand: _Toestand, diepte: int
    ) -> None:
        xobject = _bron(stroom.resources, "/XObject", naam_)
        if not isinstance(xobject, pikepdf.Stream):
            return
        if xobject.get("/Subtype") == pikepdf.Name.Form:
            eigen = xobject.get("/Resources")
            resources = eigen if is_woordenboek(eigen) else stroom.resources
            binnen = _Stroom(
                stroom.pagina,
                resources,
                kleur.standaardruimten(eigen, stroom.standaard)
                if is_woordenboek(eigen)
                else stroom.standaard,
                tuple(markering),
                stroom.pdfua,
                stroom.gemeld,
            )
            self.lees(self.instructies(xobject), binnen, diepte + 1)
        else:
            self._verf(stroom, markering)

    def _inline(self, afbeelding: pikepdf.PdfInlineImage, stroom: _Stroom, markering: list[str]) -> None:
        self._verf(stroom, markering)
        try:
            woordenboek = afbeelding.obj
        except (pikepdf.PdfError, ValueError, AttributeError):
            return
        filters = lijst(woordenboek.get("/Filter")) or [woordenboek.get("/Filter")]
        for filter_ in (naam(f) for f in filters if f is not None):
            if filter_ == "LZWDecode":
                self._meld(stroom, "inline_lzw")
            if filter_ in INLINE_VERBODEN or filter_ not in STANDAARDFILTERS:
                self._meld(stroom, "inline_filter", filter_)
        if woordenboek.get("/Interpolate") is True:
            self._meld(stroom, "afbeelding_interpoleren")
        soort = kleur.apparaat(woordenboek.get("/ColorSpace"))
        if soort and woordenboek.get("/ImageMask") is not True:
            self._apparaat(soort, stroom)
        bedoeling = woordenboek.get("/Intent")
        if bedoeling is not None and naam(bedoeling) not in BEDOELINGEN:
            self._meld(stroom, "weergavebedoeling", naam(bedoeling) or "?")


@dataclass
class _Lezing:
    """De toestand tijdens het lezen van één inhoudsstream."""

    stroom: _Stroom
    diepte: int
    toestanden: list[_Toestand]
    markering: list[str]
    lettertype: pikepdf.Object | None = None

    @property
    def toestand(self) -> _Toestand:
        return self.toestanden[-1]


_BEHANDELING = {
    "q": _Lezer._bewaar,
    "Q": _Lezer._herstel,
    **dict.fromkeys([*KLEUR_VUL, *KLEUR_LIJN], _Lezer._kleur),
    "cs": _Lezer._kleurruimte,
    "CS": _Lezer._kleurruimte,
    "ri": _Lezer._bedoeling,
    "Tr": _Lezer._weergave,
    "Tf": _Lezer._lettertype,
    "BMC": _Lezer._begin_markering,
    "BDC": _Lezer._begin_markering,
    "EMC": _Lezer._einde_markering,
    "Do": _Lezer._do,
}
"""Per operator wat hij met de toestand doet; operatoren zonder eisen staan er niet in."""


def _bron(resources: object, soort: str, sleutel: object) -> pikepdf.Object | None:
    if not is_woordenboek(resources) or not isinstance(sleutel, pikepdf.Name):
        return None
    groep = resources.get(soort)
    return groep.get(str(sleutel)) if is_woordenboek(groep) else None


__all__ = ["objectnaam", "schendingen"]
