"""Eisen aan losse woordenboeken, gevonden in één wandeling langs alle objecten (`doorlopen.alle_knopen`):
streams en filters, afbeeldingen en formulieren, grafische toestanden, bestandsverwijzingen, acties en
formuliervelden; en in een tweede wandeling de implementatiegrenzen (getallen, teksten, namen, lijsten)."""

from __future__ import annotations

from collections.abc import Iterator  # noqa: F401 - _reeel
from decimal import Decimal

import pikepdf

from bijlage_validatie.clausules.gemeen import geheel, getal, lijst, naam, tekst, waarden
from bijlage_validatie.clausules.omgeving import Omgeving
from bijlage_validatie.doorlopen import MAX_DIEPTE, MAX_KNOPEN, Knoop, TeComplex, is_woordenboek
from domain.pdf_clausules.clausule import Schending
from domain.pdf_validatie import gelijk_getal

STANDAARDFILTERS = {
    "ASCIIHexDecode",
    "ASCII85Decode",
    "FlateDecode",
    "RunLengthDecode",
    "CCITTFaxDecode",
    "JBIG2Decode",
    "DCTDecode",
    "JPXDecode",
}
ACTIES_PDFA1 = {"GoTo", "GoToR", "Thread", "URI", "Named", "SubmitForm"}
ACTIES_PDFA2 = ACTIES_PDFA1 | {"GoToE"}
ALLE_ACTIES = ACTIES_PDFA2 | {
    "Launch",
    "Sound",
    "Movie",
    "ResetForm",
    "ImportData",
    "JavaScript",
    "Hide",
    "SetOCGState",
    "Rendition",
    "Trans",
    "GoTo3DView",
    "RichMediaExecute",
    "SetState",
    "NOP",
}
BENOEMDE_ACTIES = {"NextPage", "PrevPage", "FirstPage", "LastPage"}
BEDOELINGEN = {"RelativeColorimetric", "AbsoluteColorimetric", "Perceptual", "Saturation"}
MENGMODI = {
    "Normal",
    "Compatible",
    "Multiply",
    "Screen",
    "Overlay",
    "Darken",
    "Lighten",
    "ColorDodge",
    "ColorBurn",
    "HardLight",
    "SoftLight",
    "Difference",
    "Exclusion",
    "Hue",
    "Saturation",
    "Color",
    "Luminosity",
}
MAX_GEHEEL = 2**31 - 1
MIN_GEHEEL = -(2**31)


def schendingen(omgeving: Omgeving) -> list[Schending]:
    """Alleen de grenzen: de eisen aan losse woordenboeken toetst `inspecteer` al in zijn eigen wandeling
    (`woordenboek`), zodat we alle objecten één keer langslopen."""
    if omgeving.toetsing.leeg:
        return []
    return grenzen(omgeving.pdf, omgeving.kaart)


def woordenboek(knoop: Knoop) -> list[Schending]:
    w = knoop.woordenboek
    if "/K" in w and "/P" in w and "/S" in w:
        return []  # een structuurelement: daar gaat `structuur` over, en het is het gros van de objecten
    soort = naam(w.get("/Subtype"))
    stream = isinstance(w, pikepdf.Stream)
    gevonden: list[Schending] = _stream(knoop) if stream else []
    if naam(w.get("/Type")) == "XObject" or (stream and soort in ("Image", "Form", "PS")):
        gevonden += _xobject(knoop, soort)
    groep = w.get("/Group")
    if is_woordenboek(groep) and groep.get("/S") == pikepdf.Name.Transparency:
        gevonden.append(_bij(knoop, "transparantiegroep"))
    for _, toestand in waarden(w.get("/ExtGState")):
        if is_woordenboek(toestand):
            gevonden += _toestand(Knoop(toestand, knoop.pagina, knoop.object))
    gevonden += _bestandsverwijzing(knoop) if "/EF" in w else []
    gevonden += _actie(knoop) if _is_actie(w) else []
    gevonden += _widget(knoop) if soort == "Widget" else []
    if "/FT" in w and "/AA" in w:
        gevonden.append(_bij(knoop, "veld_aa"))
    return gevonden


def _bij(knoop: Knoop, controle: str, detail: str = "") -> Schending:
    return Schending(controle, knoop.pagina, knoop.object, detail)


def _stream(knoop: Knoop) -> list[Schending]:
    w = knoop.woordenboek
    gevonden = []
    if any(k in w for k in ("/F", "/FFilter", "/FDecodeParms")) and naam(w.get("/Type")) != "EmbeddedFile":
        gevonden.append(_bij(knoop, "stream_extern"))
    filters = lijst(w.get("/Filter")) or ([w.get("/Filter")] if w.get("/Filter") is not None else [])
    parameters = lijst(w.get("/DecodeParms")) or [w.get("/DecodeParms")] * len(filters)
    for filter_, parameter in zip(filters, parameters + [None] * len(filters), strict=False):
        soort = naam(filter_)
        if soort == "LZWDecode":
            gevonden += [_bij(knoop, "lzw"), _bij(knoop, "filter", soort)]
        elif soort == "Crypt":
            if not (is_woordenboek(parameter) and naam(parameter.get("/Name")) == "Identity"):
                gevonden.append(_bij(knoop, "filter", soort))
        elif soort not in STANDAARDFILTERS:
            gevonden.append(_bij(knoop, "filter", soort or "onbekend"))
    return gevonden


def _xobject(knoop: Knoop, soort: str) -> list[Schending]:
    w = knoop.woordenboek
    opi = "/OPI" in w
    eisen = [
        ("postscript_xobject", "", soort == "PS"),
        ("xobject_opi", "", opi),
        ("afbeelding_opi" if soort == "Image" else "formulier_opi", "", opi),
        ("smask_xobject", "", "/SMask" in w and naam(w.get("/SMask")) != "None"),
    ]
    if soort == "Image":
        bits = geheel(w.get("/BitsPerComponent"))
        bedoeling = w.get("/Intent")
        eisen += [
            ("afbeelding_alternates", "", "/Alternates" in w),
            ("afbeelding_interpoleren", "", w.get("/Interpolate") is True),
            ("afbeelding_bits", str(bits), bits is not None and bits not in (1, 2, 4, 8)),
            (
                "weergavebedoeling",
                naam(bedoeling) or "?",
                bedoeling is not None and naam(bedoeling) not in BEDOELINGEN,
            ),
        ]
    if soort == "Form":
        eisen += [
            ("formulier_ps", "", "/PS" in w or naam(w.get("/Subtype2")) == "PS"),
            ("referentie_xobject", "", "/Ref" in w),
        ]
    return [_bij(knoop, controle, detail) for controle, detail, geschonden in eisen if geschonden]


def _toestand(knoop: Knoop) -> list[Schending]:
    w = knoop.woordenboek
    raster = w.get("/HT") if is_woordenboek(w.get("/HT")) else pikepdf.Dictionary()
    masker = w.get("/SMask")
    bedoeling = w.get("/RI")
    eisen = [
        ("extgstate_tr", "", "/TR" in w),
        ("extgstate_tr2", "", "/TR2" in w and naam(w.get("/TR2")) != "Default"),
        ("extgstate_htp", "", "/HTP" in w),
        ("raster_soort", str(raster.get("/HalftoneType")), "/HT" in w and _rastersoort_fout(raster)),
        ("raster_naam", "", "/HalftoneName" in raster),
        ("smask_extgstate", "", masker is not None and naam(masker) != "None"),
        (
            "weergavebedoeling",
            naam(bedoeling) or "?",
            bedoeling is not None and naam(bedoeling) not in BEDOELINGEN,
        ),
    ]
    for modus in lijst(w.get("/BM")) or ([w.get("/BM")] if w.get("/BM") is not None else []):
        eisen += [
            ("mengmodus_pdfa1", naam(modus), naam(modus) not in ("Normal", "Compatible")),
            ("mengmodus_pdfa2", naam(modus) or "?", naam(modus) not in MENGMODI),
        ]
    for sleutel, controle in (("/CA", "dekking_lijn"), ("/ca", "dekking_vlak")):
        dekking = getal(w.get(sleutel))
        eisen.append((controle, f"{dekking:g}" if dekking is not None else "", _doorzichtig(dekking)))
    return [_bij(knoop, controle, detail) for controle, detail, geschonden in eisen if geschonden]


def _rastersoort_fout(raster: pikepdf.Object) -> bool:
    return is_woordenboek(raster) and geheel(raster.get("/HalftoneType")) not in (1, 5)


def _doorzichtig(dekking: float | None) -> bool:
    return dekking is not None and not gelijk_getal(dekking, 1.0)


def _bestandsverwijzing(knoop: Knoop) -> list[Schending]:
    w = knoop.woordenboek
    gevonden = [_bij(knoop, "ingesloten_ef"), _bij(knoop, "ingesloten_geen_pdfa")]
    if not tekst(w.get("/F")) or not tekst(w.get("/UF")):
        gevonden.append(_bij(knoop, "ingesloten_naam"))
    return gevonden


def _is_actie(w: pikepdf.Object) -> bool:
    # /S komt ook voor in structuurelementen, groepen en overgangen; die hebben /K of een ander /Type.
    return naam(w.get("/S")) in ALLE_ACTIES and "/K" not in w and naam(w.get("/Type")) in ("", "Action")


def _actie(knoop: Knoop) -> list[Schending]:
    soort = naam(knoop.woordenboek.get("/S"))
    gevonden = []
    if soort not in ACTIES_PDFA1:
        gevonden.append(_bij(knoop, "actie_pdfa1", soort))
    if soort not in ACTIES_PDFA2:
        gevonden.append(_bij(knoop, "actie_pdfa2", soort))
    if soort == "Named" and naam(knoop.woordenboek.get("/N")) not in BENOEMDE_ACTIES:
        gevonden.append(_bij(knoop, "actie_benoemd", naam(knoop.woordenboek.get("/N")) or "?"))
    return gevonden


def _widget(knoop: Knoop) -> list[Schending]:
    w = knoop.woordenboek
    gevonden = []
    if "/A" in w:
        gevonden += [_bij(knoop, "widget_actie_pdfa1"), _bij(knoop, "widget_actie_pdfa2")]
    if "/AA" in w:
        gevonden += [_bij(knoop, "widget_aa_pdfa1"), _bij(knoop, "widget_actie_pdfa2")]
    if "/AP" not in w:
        gevonden.append(_bij(knoop, "widget_zonder_weergave"))
    return gevonden


# --- Implementatiegrenzen --------------------------------------------------------------------------------


def grenzen(pdf: pikepdf.Pdf, kaart: dict) -> list[Schending]:
    uit: list[Schending] = []
    teller = [0]
    for obj in pdf.objects:
        if not isinstance(obj, pikepdf.Object):
            # Een indirect getal (zoals een /Length in een eigen object) komt als Python-waarde terug.
            uit += waarde_grenzen(obj, None, None)
            continue
        nummer, generatie = obj.objgen
        waar = f"object {nummer} {generatie}"
        basis = obj.stream_dict if isinstance(obj, pikepdf.Stream) else obj
        _grenzen_van(basis, kaart.get(obj.objgen), waar, teller, 0, uit)
    return uit


def _grenzen_van(
    obj: object, pagina: int | None, waar: str, teller: list[int], diepte: int, uit: list
) -> None:
    teller[0] += 1
    if teller[0] > MAX_KNOPEN:
        raise TeComplex(f"meer dan {MAX_KNOPEN} onderdelen")
    if diepte > MAX_DIEPTE:
        raise TeComplex("te diep geneste onderdelen")
    woordenboek = isinstance(obj, pikepdf.Dictionary)
    if len(obj) > (4095 if woordenboek else 8191):
        uit.append(Schending("woordenboek_groot" if woordenboek else "array_groot", pagina, waar))
    paren = obj.items() if woordenboek else (("", w) for w in obj)
    for sleutel, waarde in paren:
        if len(sleutel) > 32 and len(sleutel.encode("utf-8", "surrogateescape")) - 1 > 127:
            uit.append(Schending("naam_lang", pagina, waar))
        if isinstance(waarde, pikepdf.Dictionary | pikepdf.Array):
            # Indirecte objecten komen zelf aan de beurt in pdf.objects.
            if not waarde.is_indirect:
                _grenzen_van(waarde, pagina, waar, teller, diepte + 1, uit)
        elif type(waarde) is not bool and not isinstance(waarde, pikepdf.Stream):
            uit += waarde_grenzen(waarde, pagina, waar)


def waarde_grenzen(obj: object, pagina: int | None, waar: str | None) -> list[Schending]:
    """De grenzen aan één enkelvoudige waarde; ook voor de operanden in de pagina-inhoud."""
    soort = type(obj)
    if soort is int:
        if MIN_GEHEEL <= obj <= MAX_GEHEEL:
            return []
        return [Schending("geheel_getal", pagina, waar, str(obj))]
    if soort is Decimal:
        getal_ = float(obj)
        if -32767 <= getal_ <= 32767 and (getal_ == 0 or abs(getal_) >= 1.175e-38):
            return []
        return list(_reeel(getal_, pagina, waar))
    if isinstance(obj, pikepdf.String):
        lengte = len(bytes(obj))
        if lengte <= 32767:
            return []
        uit = [Schending("tekst_pdfa2", pagina, waar)]
        return uit + ([Schending("tekst_pdfa1", pagina, waar)] if lengte > 65535 else [])
    if isinstance(obj, pikepdf.Name) and len(str(obj).encode("utf-8", "surrogateescape")) - 1 > 127:
        return [Schending("naam_lang", pagina, waar)]
    return []


def _reeel(waarde: float, pagina: int | None, waar: str | None) -> Iterator[Schending]:
    if abs(waarde) > 32767:
        yield Schending("reeel_pdfa1", pagina, waar, f"{waarde:g}")
    if abs(waarde) > 3.403e38:
        yield Schending("reeel_pdfa2", pagina, waar, f"{waarde:g}")
    if waarde != 0 and abs(waarde) < 1.175e-38:
        yield Schending("reeel_klein", pagina, waar, f"{waarde:g}")
