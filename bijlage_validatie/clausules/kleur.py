"""Kleur: de OutputIntent en zijn ICC-profiel, ICC-profielen van kleurruimten, apparaatkleurruimten zonder
passend uitvoerprofiel, DeviceN en Separation.

We lopen de resources van elke pagina (en van formulieren, patronen, Type 3-lettertypen en annotatieweergaven
daarin) af, zodat we alleen kleurruimten zien die de pagina kan gebruiken. De operatoren in de inhoud zelf
(rg, k, g, cs) controleert `inhoud` met `apparaat` en `toegestaan` hieronder.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pikepdf

from bijlage_validatie.clausules.gemeen import geheel, getal, lijst, naam, plek, waarden
from bijlage_validatie.clausules.omgeving import Omgeving
from bijlage_validatie.doorlopen import MAX_DIEPTE, MAX_KNOPEN, TeComplex, is_woordenboek
from bijlage_validatie.lettertypen import geerfd
from bijlage_validatie.metadata import begrensd_lezen
from domain.pdf_clausules.clausule import Schending

ICC_KOP = 128
APPARAAT = {
    "DeviceRGB": "RGB",
    "RGB": "RGB",
    "DeviceCMYK": "CMYK",
    "CMYK": "CMYK",
    "DeviceGray": "GRAY",
    "G": "GRAY",
}
CONTROLE = {"RGB": "device_rgb", "CMYK": "device_cmyk", "GRAY": "device_gray"}
STANDAARDRUIMTE = {"RGB": "/DefaultRGB", "CMYK": "/DefaultCMYK", "GRAY": "/DefaultGray"}
ICC_RUIMTE = {b"RGB ": "RGB", b"CMYK": "CMYK", b"GRAY": "GRAY", b"Lab ": "Lab"}
ICC_KANALEN = {"GRAY": 1, "RGB": 3, "Lab": 3, "CMYK": 4}
PROCESKLEUREN = {"Cyan", "Magenta", "Yellow", "Black", "None", "All"}


@dataclass(frozen=True)
class IccKop:
    klasse: bytes
    ruimte: str | None
    versie: int
    geldig: bool


def icc_kop(omgeving: Omgeving, stream: pikepdf.Object) -> IccKop | None:
    if not isinstance(stream, pikepdf.Stream):
        return None
    sleutel = ("icc", stream.objgen) if stream.is_indirect else None
    if sleutel and sleutel in omgeving.geheugen:
        return omgeving.geheugen[sleutel]
    kop = _lees_kop(begrensd_lezen(stream, ICC_KOP) or b"")
    if sleutel:
        omgeving.geheugen[sleutel] = kop
    return kop


def _lees_kop(data: bytes) -> IccKop:
    if len(data) < ICC_KOP:
        return IccKop(b"", None, 0, False)
    grootte = int.from_bytes(data[0:4], "big")
    geldig = data[36:40] == b"acsp" and grootte >= ICC_KOP
    return IccKop(data[12:16], ICC_RUIMTE.get(data[16:20]), data[8], geldig)


def uitvoerkleurruimte(catalogus: pikepdf.Object) -> str | None:
    for intentie in lijst(catalogus.get("/OutputIntents")):
        if is_woordenboek(intentie) and intentie.get("/S") == pikepdf.Name.GTS_PDFA1:
            profiel = intentie.get("/DestOutputProfile")
            if isinstance(profiel, pikepdf.Stream):
                data = begrensd_lezen(profiel, ICC_KOP) or b""
                return ICC_RUIMTE.get(data[16:20]) if len(data) >= 20 else None
    return None


def apparaat(ruimte: object) -> str | None:
    """ "RGB", "CMYK" of "GRAY" als `ruimte` (een naam) een apparaatkleurruimte is."""
    return APPARAAT.get(naam(ruimte))


def toegestaan(omgeving: Omgeving, soort: str, standaard: frozenset[str]) -> bool:
    """Mag apparaatkleurruimte `soort` hier? Met een passende OutputIntent, of (PDF/A-2) een DefaultXXX."""
    if omgeving.deel == 2 and STANDAARDRUIMTE[soort] in standaard:
        return True
    if soort == "GRAY":
        return omgeving.uitvoer is not None
    return omgeving.uitvoer == soort


def standaardruimten(resources: object, geerfd_: frozenset[str] = frozenset()) -> frozenset[str]:
    ruimten = resources.get("/ColorSpace") if is_woordenboek(resources) else None
    eigen = {s for s in STANDAARDRUIMTE.values() if is_woordenboek(ruimten) and s in ruimten}
    return geerfd_ | frozenset(eigen)


def schendingen(omgeving: Omgeving) -> list[Schending]:
    if omgeving.deel is None:
        return []
    gevonden = _outputintents(omgeving)
    zoeker = _Kleurzoeker(omgeving)
    for nummer, pagina in enumerate(omgeving.paginas, start=1):
        resources = geerfd(pagina, "/Resources")
        zoeker.resources(resources, nummer, standaardruimten(resources), 0)
        if (
            omgeving.deel == 2
            and omgeving.uitvoer is None
            and _doorzichtig(resources)
            and not _mengruimte(pagina)
        ):
            gevonden.append(Schending("transparantie_zonder_ruimte", nummer, detail=str(nummer)))
        for weergave in _weergaven(pagina):
            zoeker.xobject(weergave, nummer, standaardruimten(resources), 0)
    return gevonden + zoeker.gevonden + zoeker.separations()


def _outputintents(omgeving: Omgeving) -> list[Schending]:
    gevonden = []
    profielen = []
    grens = 3 if omgeving.deel == 1 else 5
    for intentie in lijst(omgeving.pdf.Root.get("/OutputIntents")):
        if not is_woordenboek(intentie):
            continue
        profiel = intentie.get("/DestOutputProfile")
        if profiel is not None:
            profielen.append(profiel)
        if intentie.get("/S") != pikepdf.Name.GTS_PDFA1 or profiel is None:
            continue
        kop = icc_kop(omgeving, profiel)
        reden = _ongeldig(kop, (b"prtr", b"mntr"), ("RGB", "CMYK", "GRAY"), grens)
        if reden:
            gevonden.append(
                Schending("outputintent_profiel", object=plek(profiel) or "OutputIntent", detail=reden)
            )
    sleutels = {p.objgen if p.is_indirect else id(p) for p in profielen}
    if len(sleutels) > 1:
        gevonden.append(Schending("outputintent_verschillend"))
    return gevonden


def _ongeldig(kop: IccKop | None, klassen: tuple, ruimten: tuple, grens: int) -> str:
    if kop is None or not kop.geldig:
        return "geen leesbaar ICC-profiel"
    if kop.klasse not in klassen:
        return f"klasse {kop.klasse.decode('latin-1').strip() or '?'}"
    if kop.ruimte not in ruimten:
        return "kleurruimte niet toegestaan"
    if kop.versie >= grens:
        return f"ICC-versie {kop.versie}"
    return ""


def _doorzichtig(resources: object) -> bool:
    """Doorzichtigheid in de resources van de pagina zelf: een ExtGState of een afbeelding met masker."""
    if not is_woordenboek(resources):
        return False
    for _, toestand in waarden(resources.get("/ExtGState")):
        if not is_woordenboek(toestand):
            continue
        dekking = [getal(toestand.get(k)) for k in ("/CA", "/ca")]
        if any(d is not None and d < 1.0 - 1e-4 for d in dekking):
            return True
        if naam(toestand.get("/SMask")) not in ("", "None") or is_woordenboek(toestand.get("/SMask")):
            return True
        if toestand.get("/BM") is not None and naam(toestand.get("/BM")) not in ("Normal", "Compatible"):
            return True
    return any(
        isinstance(x, pikepdf.Stream) and x.get("/SMask") is not None and naam(x.get("/SMask")) != "None"
        for _, x in waarden(resources.get("/XObject"))
    )


def _mengruimte(pagina: pikepdf.Object) -> bool:
    groep = pagina.get("/Group")
    return is_woordenboek(groep) and groep.get("/CS") is not None


def _weergaven(pagina: pikepdf.Object) -> Iterator[pikepdf.Object]:
    for annot in lijst(pagina.get("/Annots")):
        weergave = annot.get("/AP") if is_woordenboek(annot) else None
        normaal = weergave.get("/N") if is_woordenboek(weergave) else None
        if isinstance(normaal, pikepdf.Stream):
            yield normaal
        elif is_woordenboek(normaal):
            yield from (w for w in normaal.values() if isinstance(w, pikepdf.Stream))


class _Kleurzoeker:
    def __init__(self, omgeving: Omgeving) -> None:
        self.omgeving = omgeving
        self.gevonden: list[Schending] = []
        self._gezien: set = set()
        self._stappen = 0
        self._separations: dict[str, list[tuple[bytes, pikepdf.Object, int]]] = {}

    def _nieuw(self, obj: pikepdf.Object, standaard: frozenset[str]) -> bool:
        self._stappen += 1
        if self._stappen > MAX_KNOPEN:
            raise TeComplex(f"meer dan {MAX_KNOPEN} onderdelen")
        if not obj.is_indirect:
            return True
        sleutel = (obj.objgen, standaard)
        if sleutel in self._gezien:
            return False
        self._gezien.add(sleutel)
        return True

    def resources(self, resources: object, pagina: int, standaard: frozenset[str], diepte: int) -> None:
        if diepte > MAX_DIEPTE:
            raise TeComplex("te diep geneste formulieren")
        if not is_woordenboek(resources) or not self._nieuw(resources, standaard):
            return
        standaard = standaardruimten(resources, standaard)
        for _, ruimte in waarden(resources.get("/ColorSpace")):
            self.ruimte(ruimte, pagina, standaard, plek(ruimte))
        for _, xobject in waarden(resources.get("/XObject")):
            self.xobject(xobject, pagina, standaard, diepte)
        self._arceringen(resources, pagina, standaard, diepte)

    def _arceringen(self, resources, pagina: int, standaard: frozenset[str], diepte: int) -> None:
        """Arceringen en patronen (met hun eigen resources), en de resources van Type 3-lettertypen."""
        for _, arcering in waarden(resources.get("/Shading")):
            self.ruimte(
                arcering.get("/ColorSpace") if is_woordenboek(arcering) else None,
                pagina,
                standaard,
                plek(arcering),
            )
        for _, patroon in waarden(resources.get("/Pattern")):
            if not is_woordenboek(patroon) or not self._nieuw(patroon, standaard):
                continue
            arcering = patroon.get("/Shading")
            if is_woordenboek(arcering):
                self.ruimte(arcering.get("/ColorSpace"), pagina, standaard, plek(patroon))
            self.resources(patroon.get("/Resources"), pagina, standaard, diepte + 1)
        for _, lettertype in waarden(resources.get("/Font")):
            if is_woordenboek(lettertype) and lettertype.get("/Subtype") == pikepdf.Name.Type3:
                self.resources(lettertype.get("/Resources"), pagina, standaard, diepte + 1)

    def xobject(self, xobject: object, pagina: int, standaard: frozenset[str], diepte: int) -> None:
        if not isinstance(xobject, pikepdf.Stream) or not self._nieuw(xobject, standaard):
            return
        soort = xobject.get("/Subtype")
        if soort == pikepdf.Name.Image:
            if xobject.get("/ImageMask") is not True:
                self.ruimte(xobject.get("/ColorSpace"), pagina, standaard, plek(xobject))
        elif soort == pikepdf.Name.Form:
            self.resources(xobject.get("/Resources"), pagina, standaard, diepte + 1)

    def ruimte(
        self, ruimte: object, pagina: int, standaard: frozenset[str], waar: str | None, diepte: int = 0
    ) -> None:
        if ruimte is None or diepte > 4:
            return
        soort = apparaat(ruimte)
        if soort:
            if not toegestaan(self.omgeving, soort, standaard):
                self.gevonden.append(Schending(CONTROLE[soort], pagina, waar))
            return
        onderdelen = lijst(ruimte)
        if not onderdelen:
            return
        familie = naam(onderdelen[0])
        waar = plek(ruimte) or waar
        if familie == "ICCBased" and len(onderdelen) > 1:
            self._icc(onderdelen[1], pagina, standaard, waar, diepte)
        elif familie in ("Indexed", "Pattern") and len(onderdelen) > 1:
            self.ruimte(onderdelen[1], pagina, standaard, waar, diepte + 1)
        elif familie == "Separation" and len(onderdelen) > 3:
            self._separation(onderdelen, pagina, waar)
            self.ruimte(onderdelen[2], pagina, standaard, waar, diepte + 1)
        elif familie == "DeviceN" and len(onderdelen) > 3:
            self._devicen(onderdelen, pagina, waar)
            self.ruimte(onderdelen[2], pagina, standaard, waar, diepte + 1)

    def _icc(self, stream: object, pagina: int, standaard: frozenset[str], waar, diepte: int) -> None:
        if not isinstance(stream, pikepdf.Stream):
            return
        kop = icc_kop(self.omgeving, stream)
        grens = 3 if self.omgeving.deel == 1 else 5
        waar = plek(stream) or waar
        reden = _ongeldig(kop, (b"prtr", b"mntr", b"scnr", b"spac"), ("RGB", "CMYK", "GRAY", "Lab"), grens)
        if reden:
            self.gevonden.append(Schending("icc_ongeldig", pagina, waar, reden))
            return
        kanalen = geheel(stream.get("/N"))
        if kanalen != ICC_KANALEN.get(kop.ruimte):
            self.gevonden.append(
                Schending("icc_kanalen", pagina, waar, f"/N {kanalen}, profiel {kop.ruimte}")
            )
        alternatief = stream.get("/Alternate")
        if alternatief is not None and apparaat(alternatief) is None:
            self.ruimte(alternatief, pagina, standaard, waar, diepte + 1)

    def _devicen(self, onderdelen: list, pagina: int, waar) -> None:
        namen = [naam(n) for n in lijst(onderdelen[1])]
        if len(namen) > 8:
            self.gevonden.append(Schending("devicen_pdfa1", pagina, waar))
        if len(namen) > 32:
            self.gevonden.append(Schending("devicen_pdfa2", pagina, waar))
        attributen = onderdelen[4] if len(onderdelen) > 4 else None
        kleurstoffen = attributen.get("/Colorants") if is_woordenboek(attributen) else None
        proces = attributen.get("/Process") if is_woordenboek(attributen) else None
        procesnamen = {naam(n) for n in lijst(proces.get("/Components"))} if is_woordenboek(proces) else set()
        for kleur in namen:
            if kleur in PROCESKLEUREN or kleur in procesnamen:
                continue
            if not is_woordenboek(kleurstoffen) or f"/{kleur}" not in kleurstoffen:
                self.gevonden.append(Schending("devicen_kleurstoffen", pagina, waar, kleur))
        if is_woordenboek(kleurstoffen):
            for _, separation in waarden(kleurstoffen):
                if len(lijst(separation)) > 3:
                    self._separation(lijst(separation), pagina, waar)

    def _separation(self, onderdelen: list, pagina: int, waar) -> None:
        kleur = naam(onderdelen[1])
        if kleur in ("All", "None"):
            return
        self._separations.setdefault(kleur, []).append(
            (_vingerafdruk(onderdelen[2], onderdelen[3]), waar, pagina)
        )

    def separations(self) -> list[Schending]:
        gevonden = []
        for kleur, voorkomens in self._separations.items():
            if len({v[0] for v in voorkomens}) > 1:
                _, waar, pagina = voorkomens[-1]
                gevonden.append(Schending("separation_ongelijk", pagina, waar, kleur))
        return gevonden


def _vingerafdruk(alternatief: pikepdf.Object, functie: pikepdf.Object) -> bytes:
    """De PDF-objecten zelf, zonder verschil tussen direct en indirect (ISO 19005-2, 6.2.4.4)."""
    delen = [_ontleed(alternatief), _ontleed(functie)]
    if isinstance(functie, pikepdf.Stream):
        delen.append(functie.read_raw_bytes()[:65536])
    return b"\x00".join(delen)


def _ontleed(obj: pikepdf.Object) -> bytes:
    try:
        if obj.is_indirect:
            obj = obj.__copy__() if not isinstance(obj, pikepdf.Stream) else obj.stream_dict
        return obj.unparse(resolved=True)
    except (pikepdf.PdfError, TypeError, AttributeError, RuntimeError):
        return b"?"
