"""De clausules van PDF/A-1 (ISO 19005-1), PDF/A-2 (ISO 19005-2) en PDF/UA-1 (ISO 14289-1) die we toetsen, met
de nummering van veraPDF (clausule-testnummer, bijvoorbeeld 6.7.3-1), zodat een bevinding één op één naast
die van de referentievalidator te leggen is.

Een eis (`_Eis`) is één controle die de adapter (`bijlage_validatie.clausules`) uitvoert; per norm hoort er
een clausule bij. De adapter weet niets van normen: hij meldt welke controle waar faalt, en hier staat welke
clausule dat is in het profiel dat getoetst wordt. Wat een clausule vraagt en wat we er niet van controleren,
staat bij de eis; `docs/pdf-regels.md` somt het allemaal op.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from domain.pdf_toets import NORM_NAAM, Norm, Toetsing

A1, A2, UA = Norm.PDFA1, Norm.PDFA2, Norm.PDFUA1
ALLE_NIVEAUS = frozenset({"b", "u", "a"})
NIVEAU_A = frozenset({"a"})
NIVEAU_U_A = frozenset({"u", "a"})


@dataclass(frozen=True)
class _Eis:
    controle: str
    nummers: dict[Norm, str]
    melding: str
    controleert: str
    niet: str = ""
    niveaus: frozenset[str] = ALLE_NIVEAUS


@dataclass(frozen=True)
class Clausule:
    norm: Norm
    nummer: str
    """Zoals veraPDF: clausule-testnummer, "6.7.3-1"."""
    melding: str
    controleert: str
    niet: str
    niveaus: frozenset[str]

    @property
    def id(self) -> str:
        return f"{self.norm.value}-{self.nummer}"

    @property
    def bron(self) -> str:
        return f"{NORM_NAAM[self.norm]}, {self.nummer}"


@dataclass(frozen=True)
class Schending:
    """Wat de adapter vond: een controle die faalt, waar, en een detail voor de melding."""

    controle: str
    pagina: int | None = None
    object: str | None = None
    detail: str = ""


def _eis(controle, nummers, melding, controleert, niet="", niveaus=ALLE_NIVEAUS) -> _Eis:
    return _Eis(controle, nummers, melding, controleert, niet, niveaus)


_IN_INHOUD = "We kijken in de inhoud van pagina's, formulieren (XObjects) en annotatieweergaven."

_EISEN: tuple[_Eis, ...] = (
    # --- Bestandsopbouw ---------------------------------------------------------------------------------
    _eis(
        "koptekst",
        {A1: "6.1.2-1", A2: "6.1.2-1"},
        "Het bestand begint niet met een geldige PDF-kop ({detail}).",
        "Het bestand begint op positie 0 met %PDF-n.m (PDF/A-2: versie 1.0 tot en met 1.7).",
    ),
    _eis(
        "binaire_kop",
        {A1: "6.1.2-2", A2: "6.1.2-2"},
        "Na de PDF-kop ontbreekt de commentaarregel met vier bytes boven 127 die het bestand als binair "
        "merkt.",
        "De tweede regel is % met ten minste vier bytes boven 127.",
    ),
    _eis(
        "trailer_id",
        {A1: "6.1.3-1", A2: "6.1.3-1"},
        "De trailer van de PDF heeft geen bestandsidentificatie (/ID).",
        "De laatste trailer heeft een niet-lege /ID.",
        "Bij een gelineariseerde PDF vergelijken we de /ID van de eerste pagina niet met de laatste "
        "(6.1.3-4).",
    ),
    _eis(
        "versleuteld",
        {A1: "6.1.3-2", A2: "6.1.3-2"},
        "De PDF is versleuteld (/Encrypt in de trailer); dat mag niet in PDF/A.",
        "De trailer heeft geen /Encrypt.",
    ),
    _eis(
        "na_eof",
        {A1: "6.1.3-3", A2: "6.1.3-3"},
        "Na de laatste %%EOF-markering staan nog {detail} bytes.",
        "Na de laatste %%EOF staat hoogstens één regeleinde.",
    ),
    _eis(
        "xref_stream",
        {A1: "6.1.4-3"},
        "De PDF gebruikt een xref-stream; PDF/A-1 vraagt een gewone kruisverwijzingstabel.",
        "Het bestand bevat geen object met /Type /XRef.",
        "De witruimte in de kruisverwijzingstabel (6.1.4-1 en -2) controleren we niet.",
    ),
    _eis(
        "stream_extern",
        {A1: "6.1.7-3", A2: "6.1.7.1-3"},
        "Een stream ({plaats}) verwijst naar een extern bestand (/F, /FFilter of /FDecodeParms).",
        "Geen streamwoordenboek heeft /F, /FFilter of /FDecodeParms.",
        "Of /Length klopt en de witruimte rond stream/endstream (PDF/A-1 6.1.7-1 en -2, PDF/A-2 6.1.7.1-1 "
        "en -2) controleren we niet: qpdf "
        "herstelt dat bij het lezen.",
    ),
    _eis(
        "lzw",
        {A1: "6.1.10-1"},
        "Een onderdeel ({plaats}) is gecomprimeerd met LZW; dat mag niet in PDF/A-1.",
        "Geen stream gebruikt het filter LZWDecode.",
    ),
    _eis(
        "filter",
        {A2: "6.1.7.2-1"},
        "Een onderdeel ({plaats}) gebruikt het filter {detail}; dat mag niet in PDF/A-2.",
        "Elke stream gebruikt alleen standaardfilters zonder LZW, en Crypt alleen met /Name /Identity.",
    ),
    _eis(
        "inline_lzw",
        {A1: "6.1.10-2"},
        "Een afbeelding in de pagina-inhoud ({plaats}) is gecomprimeerd met LZW.",
        "Geen inline afbeelding gebruikt LZW. " + _IN_INHOUD,
    ),
    _eis(
        "inline_filter",
        {A2: "6.1.10-1"},
        "Een afbeelding in de pagina-inhoud ({plaats}) gebruikt het filter {detail}; dat mag niet.",
        "Inline afbeeldingen gebruiken alleen standaardfilters zonder LZW, Crypt en JBIG2/JPX. " + _IN_INHOUD,
    ),
    _eis(
        "ingesloten_ef",
        {A1: "6.1.11-1"},
        "Een bestandsverwijzing ({plaats}) bevat een ingesloten bestand (/EF); dat mag niet in PDF/A-1.",
        "Geen bestandsspecificatie heeft /EF.",
    ),
    _eis(
        "ingesloten_namen",
        {A1: "6.1.11-2"},
        "De PDF heeft een lijst met ingesloten bestanden (/Names /EmbeddedFiles).",
        "Het namenwoordenboek heeft geen /EmbeddedFiles.",
    ),
    _eis(
        "ingesloten_geen_pdfa",
        {A2: "6.8-5"},
        "Een ingesloten bestand ({plaats}) is niet als PDF/A te controleren; PDF/A-2 staat alleen ingesloten "
        "PDF/A-bestanden toe.",
        "Elk ingesloten bestand wordt gemeld.",
        "We toetsen het ingesloten bestand niet zelf; ook een ingesloten PDF/A-bestand wordt gemeld.",
    ),
    _eis(
        "ingesloten_naam",
        {A2: "6.8-2", UA: "7.11-1"},
        "Een ingesloten bestand ({plaats}) heeft niet zowel een /F- als een /UF-bestandsnaam.",
        "Een bestandsspecificatie met /EF heeft niet-lege /F en /UF.",
    ),
    # --- Implementatiegrenzen ---------------------------------------------------------------------------
    _eis(
        "geheel_getal",
        {A1: "6.1.12-1", A2: "6.1.13-1"},
        "Een geheel getal ({detail}) valt buiten het bereik van 32 bits ({plaats}).",
        "Gehele getallen in objecten en pagina-inhoud liggen tussen -2147483648 en 2147483647.",
    ),
    _eis(
        "reeel_pdfa1",
        {A1: "6.1.12-2"},
        "Een reëel getal ({detail}) is groter dan 32767 ({plaats}).",
        "Reële getallen in objecten en pagina-inhoud liggen tussen -32767 en 32767.",
    ),
    _eis(
        "reeel_pdfa2",
        {A2: "6.1.13-2"},
        "Een reëel getal ({detail}) valt buiten ±3,403 × 10^38 ({plaats}).",
        "Reële getallen in objecten en pagina-inhoud liggen binnen ±3,403 × 10^38.",
    ),
    _eis(
        "reeel_klein",
        {A2: "6.1.13-5"},
        "Een reëel getal ({detail}) ligt dichter bij nul dan 1,175 × 10^-38 ({plaats}).",
        "Geen reëel getal ongelijk aan 0 ligt dichter bij 0 dan 1,175 × 10^-38.",
    ),
    _eis(
        "tekst_pdfa1",
        {A1: "6.1.12-3"},
        "Een tekstwaarde is langer dan 65535 bytes ({plaats}).",
        "Geen string is langer dan 65535 bytes.",
    ),
    _eis(
        "tekst_pdfa2",
        {A2: "6.1.13-3"},
        "Een tekstwaarde is langer dan 32767 bytes ({plaats}).",
        "Geen string is langer dan 32767 bytes.",
    ),
    _eis(
        "naam_lang",
        {A1: "6.1.12-4", A2: "6.1.13-4"},
        "Een naam is langer dan 127 bytes ({plaats}).",
        "Geen naam is langer dan 127 bytes.",
    ),
    _eis(
        "array_groot",
        {A1: "6.1.12-5"},
        "Een lijst heeft meer dan 8191 elementen ({plaats}).",
        "Geen array heeft meer dan 8191 elementen.",
    ),
    _eis(
        "woordenboek_groot",
        {A1: "6.1.12-6"},
        "Een woordenboek heeft meer dan 4095 sleutels ({plaats}).",
        "Geen woordenboek heeft meer dan 4095 sleutels.",
    ),
    _eis(
        "q_diep",
        {A1: "6.1.12-8", A2: "6.1.13-8"},
        "De grafische toestand is dieper dan 28 niveaus genest (q/Q) ({plaats}).",
        "q/Q nesten hoogstens 28 diep. " + _IN_INHOUD,
    ),
    _eis(
        "devicen_pdfa1",
        {A1: "6.1.12-9"},
        "Een DeviceN-kleurruimte heeft meer dan 8 kleurstoffen ({plaats}).",
        "DeviceN-kleurruimten hebben hoogstens 8 kleurstoffen.",
    ),
    _eis(
        "devicen_pdfa2",
        {A2: "6.1.13-9"},
        "Een DeviceN-kleurruimte heeft meer dan 32 kleurstoffen ({plaats}).",
        "DeviceN-kleurruimten hebben hoogstens 32 kleurstoffen.",
    ),
    _eis(
        "paginamaat",
        {A2: "6.1.13-11"},
        "Een paginagrens ({detail}) is kleiner dan 3 of groter dan 14400 eenheden ({plaats}).",
        "MediaBox, CropBox, BleedBox, TrimBox en ArtBox zijn tussen 3 en 14400 eenheden breed en hoog.",
    ),
    # --- Optionele inhoud (lagen) -----------------------------------------------------------------------
    _eis(
        "lagen_pdfa1",
        {A1: "6.1.13-1"},
        "De PDF gebruikt lagen (optionele inhoud, /OCProperties); dat mag niet in PDF/A-1.",
        "De catalogus heeft geen /OCProperties.",
    ),
    _eis(
        "lagen_naam",
        {A2: "6.9-1", UA: "7.10-1"},
        "Een laagconfiguratie ({plaats}) heeft geen naam (/Name).",
        "Elke configuratie in /OCProperties (/D en /Configs) heeft een niet-lege /Name.",
    ),
    _eis(
        "lagen_naam_dubbel",
        {A2: "6.9-2"},
        "Twee laagconfiguraties hebben dezelfde naam ({detail}).",
        "De namen van de configuraties in /OCProperties zijn uniek.",
    ),
    _eis(
        "lagen_volgorde",
        {A2: "6.9-3"},
        "De volgorde van een laagconfiguratie ({plaats}) noemt niet alle lagen.",
        "Een configuratie met /Order noemt daarin alle lagen uit /OCGs.",
    ),
    _eis(
        "lagen_as",
        {A2: "6.9-4", UA: "7.10-2"},
        "Een laagconfiguratie ({plaats}) heeft een /AS-sleutel; dat mag niet.",
        "Geen configuratie in /OCProperties heeft /AS.",
    ),
    # --- Kleur ------------------------------------------------------------------------------------------
    _eis(
        "outputintent_profiel",
        {A1: "6.2.2-1", A2: "6.2.3-1"},
        "Het kleurprofiel van de OutputIntent ({plaats}) is geen geldig ICC-uitvoerprofiel ({detail}).",
        "Het DestOutputProfile van een PDF/A-OutputIntent is een ICC-profiel van klasse prtr of mntr, "
        "kleurruimte GRAY, RGB of CMYK, versie lager dan 3 (PDF/A-1) of 5 (PDF/A-2).",
        "We lezen de kop en de tagtabel van het profiel, niet de kleurtabellen zelf.",
    ),
    _eis(
        "outputintent_verschillend",
        {A1: "6.2.2-2", A2: "6.2.3-2"},
        "De OutputIntents verwijzen naar verschillende kleurprofielen; dat moet één en hetzelfde profiel "
        "zijn.",
        "Alle OutputIntents met een DestOutputProfile verwijzen naar hetzelfde object.",
    ),
    _eis(
        "icc_ongeldig",
        {A1: "6.2.3.2-1", A2: "6.2.4.2-1"},
        "Een ICC-kleurprofiel ({plaats}) is ongeldig of niet toegestaan ({detail}).",
        "Elk ICCBased-profiel heeft een geldige kop: klasse prtr, mntr, scnr of spac, kleurruimte GRAY, RGB, "
        "CMYK of Lab, versie lager dan 3 (PDF/A-1) of 5 (PDF/A-2).",
        "De kleurtabellen van het profiel controleren we niet.",
    ),
    _eis(
        "icc_kanalen",
        {A1: "6.2.3.2-2"},
        "Het aantal kleurkanalen (/N) past niet bij het ICC-profiel ({plaats}, {detail}).",
        "/N van een ICCBased-profiel is 1, 3 of 4 en past bij de kleurruimte in de kop van het profiel.",
    ),
    _eis(
        "device_rgb",
        {A1: "6.2.3.3-1", A2: "6.2.4.3-2"},
        "DeviceRGB wordt gebruikt ({plaats}) zonder OutputIntent met een RGB-profiel.",
        "DeviceRGB (in inhoud, afbeeldingen, arceringen en als alternatieve ruimte) alleen met een RGB-"
        "OutputIntent, of (PDF/A-2) met een DefaultRGB in de resources.",
        "Kleurruimten in resources die nergens gebruikt worden, tellen ook mee.",
    ),
    _eis(
        "device_cmyk",
        {A1: "6.2.3.3-2", A2: "6.2.4.3-3"},
        "DeviceCMYK wordt gebruikt ({plaats}) zonder OutputIntent met een CMYK-profiel.",
        "DeviceCMYK alleen met een CMYK-OutputIntent, of (PDF/A-2) met een DefaultCMYK in de resources.",
        "Kleurruimten in resources die nergens gebruikt worden, tellen ook mee.",
    ),
    _eis(
        "device_gray",
        {A1: "6.2.3.3-3", A2: "6.2.4.3-4"},
        "DeviceGray wordt gebruikt ({plaats}) zonder OutputIntent.",
        "DeviceGray, ook de standaardkleur van tekst en lijnen, alleen met een OutputIntent, of (PDF/A-2) "
        "met een DefaultGray in de resources.",
    ),
    _eis(
        "devicen_kleurstoffen",
        {A2: "6.2.4.4-1"},
        "Een DeviceN-kleurruimte ({plaats}) beschrijft steunkleur {detail} niet in /Colorants.",
        "Elke steunkleur van een DeviceN-ruimte (geen proceskleur, All of None) staat in /Colorants.",
    ),
    _eis(
        "separation_ongelijk",
        {A2: "6.2.4.4-2"},
        "Steunkleur {detail} is op verschillende plaatsen verschillend gedefinieerd ({plaats}).",
        "Separation-ruimten met dezelfde naam hebben dezelfde alternatieve ruimte en tintfunctie.",
        "Tintfuncties vergelijken we op hun ruwe bytes; twee gelijke functies met verschillende compressie "
        "gelden als verschillend.",
    ),
    # --- Afbeeldingen, formulieren, grafische toestand ----------------------------------------------------
    _eis(
        "afbeelding_alternates",
        {A1: "6.2.4-1", A2: "6.2.8-1"},
        "Een afbeelding ({plaats}) heeft alternatieve versies (/Alternates).",
        "Geen afbeelding heeft /Alternates.",
    ),
    _eis(
        "xobject_opi",
        {A1: "6.2.4-2"},
        "Een XObject ({plaats}) heeft een /OPI-sleutel.",
        "Geen afbeelding of formulier-XObject heeft /OPI.",
    ),
    _eis(
        "afbeelding_opi",
        {A2: "6.2.8-2"},
        "Een afbeelding ({plaats}) heeft een /OPI-sleutel.",
        "Geen afbeelding heeft /OPI.",
    ),
    _eis(
        "afbeelding_interpoleren",
        {A1: "6.2.4-3", A2: "6.2.8-3"},
        "Een afbeelding ({plaats}) vraagt om interpolatie (/Interpolate true).",
        "Geen afbeelding, ook geen inline afbeelding, heeft /Interpolate (/I) true.",
    ),
    _eis(
        "afbeelding_bits",
        {A1: "6.2.4-4"},
        "Een afbeelding ({plaats}) heeft {detail} bits per kleurcomponent; toegestaan zijn 1, 2, 4 en 8.",
        "/BitsPerComponent van een afbeelding is 1, 2, 4 of 8.",
        "JPEG 2000-gegevens (6.2.8.3 in PDF/A-2) ontleden we niet.",
    ),
    _eis(
        "formulier_ps",
        {A1: "6.2.5-1", A2: "6.2.9-1"},
        "Een formulier-XObject ({plaats}) bevat PostScript (/PS, /Subtype2 /PS) of (PDF/A-2) /OPI.",
        "Geen formulier-XObject heeft /PS, /Subtype2 /PS of (PDF/A-2) /OPI.",
    ),
    _eis(
        "referentie_xobject",
        {A1: "6.2.6-1", A2: "6.2.9-2", UA: "7.20-1"},
        "Een formulier-XObject ({plaats}) verwijst naar een andere PDF (/Ref).",
        "Geen formulier-XObject heeft /Ref.",
    ),
    _eis(
        "postscript_xobject",
        {A1: "6.2.7-1", A2: "6.2.9-3"},
        "De PDF bevat een PostScript-XObject ({plaats}).",
        "Geen XObject heeft /Subtype /PS.",
    ),
    _eis(
        "extgstate_tr",
        {A1: "6.2.8-1", A2: "6.2.5-1"},
        "Een grafische toestand ({plaats}) heeft een overdrachtsfunctie (/TR).",
        "Geen ExtGState heeft /TR.",
    ),
    _eis(
        "extgstate_tr2",
        {A1: "6.2.8-2", A2: "6.2.5-2"},
        "Een grafische toestand ({plaats}) heeft /TR2 met een andere waarde dan /Default.",
        "/TR2 in een ExtGState is afwezig of /Default.",
    ),
    _eis(
        "extgstate_htp",
        {A2: "6.2.5-3"},
        "Een grafische toestand ({plaats}) heeft een /HTP-sleutel.",
        "Geen ExtGState heeft /HTP.",
    ),
    _eis(
        "raster_soort",
        {A2: "6.2.5-4"},
        "Een raster ({plaats}) heeft /HalftoneType {detail}; toegestaan zijn 1 en 5.",
        "Elk halftone-woordenboek heeft /HalftoneType 1 of 5.",
    ),
    _eis(
        "raster_naam",
        {A2: "6.2.5-5"},
        "Een raster ({plaats}) heeft een /HalftoneName.",
        "Geen halftone-woordenboek heeft /HalftoneName.",
    ),
    _eis(
        "weergavebedoeling",
        {A1: "6.2.9-1", A2: "6.2.6-1"},
        "Een onbekende weergavebedoeling ({detail}) wordt gebruikt ({plaats}).",
        "/RI, /Intent en de operator ri gebruiken alleen RelativeColorimetric, AbsoluteColorimetric, "
        "Perceptual of Saturation.",
    ),
    _eis(
        "onbekende_operator",
        {A1: "6.2.10-1", A2: "6.2.2-1"},
        "De pagina-inhoud gebruikt de onbekende operator {detail} ({plaats}).",
        "Inhoudsstreams gebruiken alleen operatoren uit de PDF-specificatie, ook tussen BX en EX. "
        + _IN_INHOUD,
    ),
    _eis(
        "geerfde_resources",
        {A2: "6.2.2-2"},
        "Pagina {detail} heeft geen eigen resources maar erft ze van de paginaboom.",
        "Elke pagina heeft een eigen /Resources.",
    ),
    # --- Doorzichtigheid --------------------------------------------------------------------------------
    _eis(
        "smask_extgstate",
        {A1: "6.4-1"},
        "Een grafische toestand ({plaats}) heeft een zacht masker (/SMask); doorzichtigheid mag niet in "
        "PDF/A-1.",
        "/SMask in een ExtGState is afwezig of /None.",
    ),
    _eis(
        "smask_xobject",
        {A1: "6.4-2"},
        "Een XObject ({plaats}) heeft een zacht masker (/SMask); doorzichtigheid mag niet in PDF/A-1.",
        "Geen XObject heeft /SMask.",
    ),
    _eis(
        "transparantiegroep",
        {A1: "6.4-3"},
        "Een pagina of formulier ({plaats}) is een transparantiegroep; dat mag niet in PDF/A-1.",
        "Geen /Group met /S /Transparency.",
    ),
    _eis(
        "mengmodus_pdfa1",
        {A1: "6.4-4"},
        "Een grafische toestand ({plaats}) gebruikt mengmodus {detail}; PDF/A-1 staat alleen Normal en "
        "Compatible toe.",
        "/BM in een ExtGState is Normal of Compatible.",
    ),
    _eis(
        "dekking_lijn",
        {A1: "6.4-5"},
        "Een grafische toestand ({plaats}) maakt lijnen doorzichtig (/CA {detail}).",
        "/CA in een ExtGState is 1,0.",
    ),
    _eis(
        "dekking_vlak",
        {A1: "6.4-6"},
        "Een grafische toestand ({plaats}) maakt vlakken doorzichtig (/ca {detail}).",
        "/ca in een ExtGState is 1,0.",
    ),
    _eis(
        "mengmodus_pdfa2",
        {A2: "6.2.10-1"},
        "Een grafische toestand ({plaats}) gebruikt de onbekende mengmodus {detail}.",
        "/BM in een ExtGState is een mengmodus uit ISO 32000-1.",
    ),
    _eis(
        "transparantie_zonder_ruimte",
        {A2: "6.2.10-2"},
        "Pagina {detail} gebruikt doorzichtigheid zonder OutputIntent en zonder mengkleurruimte "
        "(/Group /CS).",
        "Een pagina met doorzichtigheid heeft een OutputIntent of een /Group met /CS.",
        "Doorzichtigheid herkennen we aan de resources van de pagina (ExtGState en afbeeldingen met /SMask).",
    ),
    # --- Lettertypen ------------------------------------------------------------------------------------
    _eis(
        "font_type",
        {A1: "6.3.2-1", A2: "6.2.11.2-1"},
        "Een lettertypewoordenboek ({plaats}) heeft niet /Type /Font.",
        "Elk lettertype in de resources heeft /Type /Font.",
    ),
    _eis(
        "font_subtype",
        {A1: "6.3.2-2", A2: "6.2.11.2-2"},
        "Een lettertype ({plaats}) heeft een onbekend /Subtype ({detail}).",
        "/Subtype is Type1, MMType1, TrueType, Type3, Type0, CIDFontType0 of CIDFontType2.",
    ),
    _eis(
        "font_basefont",
        {A1: "6.3.2-3", A2: "6.2.11.2-3"},
        "Een lettertype ({plaats}) heeft geen naam (/BaseFont).",
        "Elk lettertype behalve Type 3 heeft /BaseFont.",
    ),
    _eis(
        "font_firstchar",
        {A1: "6.3.2-4", A2: "6.2.11.2-4"},
        "Lettertype {detail} ({plaats}) mist /FirstChar.",
        "Een eenvoudig lettertype dat niet een van de 14 standaardlettertypen is, heeft /FirstChar.",
    ),
    _eis(
        "font_lastchar",
        {A1: "6.3.2-5", A2: "6.2.11.2-5"},
        "Lettertype {detail} ({plaats}) mist /LastChar.",
        "Een eenvoudig lettertype dat niet een van de 14 standaardlettertypen is, heeft /LastChar.",
    ),
    _eis(
        "font_widths",
        {A1: "6.3.2-6", A2: "6.2.11.2-6"},
        "Lettertype {detail} ({plaats}) mist /Widths of heeft er te weinig of te veel.",
        "/Widths heeft LastChar - FirstChar + 1 breedtes.",
    ),
    _eis(
        "fontbestand_soort_pdfa1",
        {A1: "6.3.2-7"},
        "Het ingesloten lettertypebestand ({plaats}) heeft een onbekend /Subtype ({detail}).",
        "/Subtype van een FontFile3 is Type1C of CIDFontType0C.",
    ),
    _eis(
        "fontbestand_soort_pdfa2",
        {A2: "6.2.11.2-7"},
        "Het ingesloten lettertypebestand ({plaats}) heeft een onbekend /Subtype ({detail}).",
        "/Subtype van een FontFile3 is Type1C, CIDFontType0C of OpenType.",
    ),
    _eis(
        "cidsysteminfo",
        {A1: "6.3.3.1-1", A2: "6.2.11.3.1-1", UA: "7.21.3.1-1"},
        "De CIDSystemInfo van samengesteld lettertype {detail} ({plaats}) past niet bij die van zijn CMap.",
        "Bij een Type 0-lettertype met een ingesloten CMap zijn Registry en Ordering (en PDF/A-2, PDF/UA: "
        "Supplement niet hoger) gelijk aan die van het CIDFont.",
        "Bij een voorgedefinieerde CMap-naam anders dan Identity vergelijken we niet.",
    ),
    _eis(
        "cidtogidmap",
        {A1: "6.3.3.2-1", A2: "6.2.11.3.2-1", UA: "7.21.3.2-1"},
        "Het CIDFontType2-lettertype {detail} ({plaats}) heeft geen /CIDToGIDMap.",
        "Elk ingesloten CIDFontType2 heeft /CIDToGIDMap.",
    ),
    _eis(
        "cmap_pdfa1",
        {A1: "6.3.3.3-1"},
        "Samengesteld lettertype {detail} ({plaats}) gebruikt een CMap die niet in de PDF zit.",
        "De CMap van een Type 0-lettertype is Identity-H, Identity-V of ingesloten.",
    ),
    _eis(
        "cmap",
        {A2: "6.2.11.3.3-1", UA: "7.21.3.3-1"},
        "Samengesteld lettertype {detail} ({plaats}) gebruikt een CMap die niet in de PDF zit.",
        "De CMap is een voorgedefinieerde CMap uit ISO 32000-1, tabel 118, of ingesloten.",
    ),
    _eis(
        "lettertype_niet_ingesloten",
        {A1: "6.3.4-1", A2: "6.2.11.4.1-1", UA: "7.21.4.1-1"},
        "Het lettertype {detail} ({plaats}) zit niet in de PDF.",
        "Elk lettertype in de resources van pagina's, formulieren, patronen en annotatieweergaven (behalve "
        "Type 3) heeft een FontFile, FontFile2 of FontFile3.",
        "Een lettertype dat alleen onzichtbaar (tekstweergave 3) gebruikt wordt, melden we ook.",
    ),
    _eis(
        "charset",
        {A1: "6.3.5-2"},
        "De Type 1-subset {detail} ({plaats}) heeft geen /CharSet.",
        "Een Type 1-subset (naam met zes hoofdletters en +) heeft /CharSet in zijn FontDescriptor.",
        "Of /CharSet alle tekens opsomt en of elk gebruikt teken in het lettertype zit (6.3.5-1), "
        "controleren we niet.",
    ),
    _eis(
        "cidset",
        {A1: "6.3.5-3"},
        "De CID-subset {detail} ({plaats}) heeft geen /CIDSet.",
        "Een CIDFont-subset heeft /CIDSet in zijn FontDescriptor.",
        "Of /CIDSet klopt met het lettertypebestand controleren we niet (ook niet 6.2.11.4.2-2 in PDF/A-2).",
    ),
    _eis(
        "breedtes",
        {A1: "6.3.6-1", A2: "6.2.11.5-1", UA: "7.21.5-1"},
        "De breedtes van lettertype {detail} ({plaats}) kloppen niet met het ingesloten lettertypebestand.",
        "Voor ingesloten TrueType- en CFF-lettertypen: /Widths (of /W) wijkt voor geen enkel teken meer dan "
        "1/1000 em af van de breedte in het lettertypebestand.",
        "Type 1-lettertypebestanden (FontFile) ontleden we niet; die breedtes controleren we niet.",
    ),
    _eis(
        "truetype_codering_pdfa1",
        {A1: "6.3.7-1"},
        "Het niet-symbolische TrueType-lettertype {detail} ({plaats}) heeft geen MacRoman- of WinAnsi-"
        "codering, of gebruikt /Differences.",
        "Een niet-symbolisch TrueType-lettertype heeft /Encoding MacRomanEncoding of WinAnsiEncoding, "
        "zonder /Differences.",
    ),
    _eis(
        "truetype_codering",
        {A2: "6.2.11.6-2", UA: "7.21.6-2"},
        "Het niet-symbolische TrueType-lettertype {detail} ({plaats}) heeft geen bruikbare codering.",
        "Een niet-symbolisch TrueType-lettertype heeft MacRoman- of WinAnsi-codering; /Differences alleen "
        "met namen uit de Adobe Glyph List en een (3,1)-cmap in het lettertypebestand.",
    ),
    _eis(
        "truetype_symbolisch_codering",
        {A1: "6.3.7-2", A2: "6.2.11.6-3", UA: "7.21.6-3"},
        "Het symbolische TrueType-lettertype {detail} ({plaats}) heeft een /Encoding; dat mag niet.",
        "Een symbolisch TrueType-lettertype heeft geen /Encoding.",
    ),
    _eis(
        "truetype_symbolisch_cmap_pdfa1",
        {A1: "6.3.7-3"},
        "Het symbolische TrueType-lettertype {detail} ({plaats}) heeft niet precies één cmap-tabel.",
        "Het lettertypebestand van een symbolisch TrueType-lettertype heeft precies één cmap-subtabel.",
    ),
    _eis(
        "truetype_symbolisch_cmap",
        {A2: "6.2.11.6-4", UA: "7.21.6-4"},
        "Het symbolische TrueType-lettertype {detail} ({plaats}) heeft geen bruikbare cmap-tabel.",
        "Het lettertypebestand van een symbolisch TrueType-lettertype heeft één cmap-subtabel of een (3,0).",
    ),
    _eis(
        "truetype_cmap",
        {A2: "6.2.11.6-1", UA: "7.21.6-1"},
        "Het niet-symbolische TrueType-lettertype {detail} ({plaats}) heeft geen niet-symbolische "
        "cmap-tabel.",
        "Het lettertypebestand van een niet-symbolisch TrueType-lettertype heeft een cmap-subtabel anders "
        "dan (3,0).",
    ),
    _eis(
        "tounicode",
        {A1: "6.3.8-1", A2: "6.2.11.7-1", UA: "7.21.7-1"},
        "De tekens van lettertype {detail} ({plaats}) zijn niet naar Unicode te vertalen (geen /ToUnicode).",
        "Elk lettertype heeft /ToUnicode, of is een eenvoudig lettertype met een standaardcodering en "
        "tekennamen uit de Adobe Glyph List.",
        "We kijken per lettertype, niet per gebruikt teken.",
        NIVEAU_U_A,
    ),
    _eis(
        "tounicode_waarde",
        {A2: "6.2.11.7-2", UA: "7.21.7-2"},
        "De /ToUnicode van lettertype {detail} ({plaats}) vertaalt een teken naar U+0000, U+FEFF of U+FFFE.",
        "De ToUnicode-CMap vertaalt geen teken naar 0, FEFF of FFFE.",
        "Tekens uit het privégebruikgebied van Unicode (6.2.11.7-3) controleren we niet.",
        NIVEAU_U_A,
    ),
    # --- Annotaties -------------------------------------------------------------------------------------
    _eis(
        "annotatie_soort_pdfa1",
        {A1: "6.5.2-1"},
        "Een annotatie ({plaats}) is van een soort die niet mag in PDF/A-1 ({detail}).",
        "Annotaties zijn van een soort uit PDF 1.4, behalve FileAttachment, Sound en Movie.",
    ),
    _eis(
        "annotatie_soort_pdfa2",
        {A2: "6.3.1-1"},
        "Een annotatie ({plaats}) is van een soort die niet mag in PDF/A-2 ({detail}).",
        "Annotaties zijn van een soort uit ISO 32000-1, behalve 3D, Sound, Screen en Movie.",
    ),
    _eis(
        "annotatie_dekking",
        {A1: "6.5.3-1"},
        "Een annotatie ({plaats}) is doorzichtig (/CA {detail}).",
        "/CA van een annotatie is afwezig of 1,0.",
    ),
    _eis(
        "annotatie_vlaggen_pdfa1",
        {A1: "6.5.3-2"},
        "Een annotatie ({plaats}) wordt niet afgedrukt of is verborgen (/F {detail}).",
        "Elke annotatie heeft /F met Print aan en Hidden, Invisible en NoView uit.",
    ),
    _eis(
        "annotatie_f",
        {A2: "6.3.2-1"},
        "Een annotatie ({plaats}) heeft geen vlaggen (/F).",
        "Elke annotatie behalve Popup heeft /F.",
    ),
    _eis(
        "annotatie_vlaggen",
        {A2: "6.3.2-2"},
        "Een annotatie ({plaats}) wordt niet afgedrukt of is verborgen (/F {detail}).",
        "/F heeft Print aan en Hidden, Invisible, ToggleNoView en NoView uit.",
    ),
    _eis(
        "annotatie_kleur",
        {A1: "6.5.3-3"},
        "Een annotatie ({plaats}) heeft een kleur (/C of /IC) zonder RGB-OutputIntent.",
        "Een annotatie heeft alleen /C of /IC als de OutputIntent een RGB-profiel heeft.",
    ),
    _eis(
        "weergave_alleen_n_pdfa1",
        {A1: "6.5.3-4"},
        "De weergave van een annotatie ({plaats}) heeft meer dan alleen /N.",
        "Een /AP-woordenboek heeft alleen /N.",
    ),
    _eis(
        "weergave_knop_pdfa1",
        {A1: "6.5.3-5"},
        "De weergave van een knop ({plaats}) is geen woordenboek met toestanden.",
        "Bij een Widget met /FT /Btn is /AP /N een woordenboek.",
    ),
    _eis(
        "weergave_stream_pdfa1",
        {A1: "6.5.3-6"},
        "De weergave van een annotatie ({plaats}) is geen weergavestream.",
        "Bij andere annotaties is /AP /N een stream.",
    ),
    _eis(
        "weergave_ontbreekt",
        {A2: "6.3.3-1"},
        "Een annotatie ({plaats}) heeft geen weergave (/AP).",
        "Elke annotatie behalve Popup, Link en annotaties zonder oppervlak heeft /AP.",
    ),
    _eis(
        "weergave_vorm",
        {A2: "6.3.3-2"},
        "De weergave van een annotatie ({plaats}) heeft meer dan /N, of /N heeft de verkeerde vorm.",
        "/AP heeft alleen /N; die is een woordenboek bij een Widget-knop (/FT /Btn), anders een stream.",
    ),
    # --- Acties en formulieren --------------------------------------------------------------------------
    _eis(
        "actie_pdfa1",
        {A1: "6.6.1-1"},
        "De PDF bevat een actie van een soort die niet mag in PDF/A-1 ({detail}) ({plaats}).",
        "Acties zijn GoTo, GoToR, Thread, URI, Named of SubmitForm.",
    ),
    _eis(
        "actie_pdfa2",
        {A2: "6.5.1-1"},
        "De PDF bevat een actie van een soort die niet mag in PDF/A-2 ({detail}) ({plaats}).",
        "Acties zijn GoTo, GoToR, GoToE, Thread, URI, Named of SubmitForm.",
    ),
    _eis(
        "actie_benoemd",
        {A1: "6.6.1-2", A2: "6.5.1-2"},
        "De PDF bevat een benoemde actie die niet mag ({detail}) ({plaats}).",
        "Benoemde acties zijn NextPage, PrevPage, FirstPage of LastPage.",
    ),
    _eis(
        "widget_actie_pdfa1",
        {A1: "6.6.1-3"},
        "Een formulierveld ({plaats}) voert een actie uit (/A).",
        "Een Widget-annotatie heeft geen /A.",
    ),
    _eis(
        "widget_aa_pdfa1",
        {A1: "6.6.2-1"},
        "Een formulierveld ({plaats}) heeft extra acties (/AA).",
        "Een Widget-annotatie heeft geen /AA.",
    ),
    _eis(
        "widget_actie_pdfa2",
        {A2: "6.4.1-1"},
        "Een formulierveld ({plaats}) voert een actie uit (/A of /AA).",
        "Een Widget-annotatie heeft geen /A en geen /AA.",
    ),
    _eis(
        "veld_aa",
        {A1: "6.6.2-2", A2: "6.4.1-2"},
        "Een formulierveld ({plaats}) heeft extra acties (/AA).",
        "Een veldwoordenboek heeft geen /AA.",
    ),
    _eis(
        "catalogus_aa",
        {A1: "6.6.2-3", A2: "6.5.2-1"},
        "Het document heeft extra acties (/AA in de catalogus).",
        "De catalogus heeft geen /AA.",
    ),
    _eis("pagina_aa", {A2: "6.5.2-2"}, "Pagina {detail} heeft extra acties (/AA).", "Geen pagina heeft /AA."),
    _eis(
        "needappearances",
        {A1: "6.9-1", A2: "6.4.1-3"},
        "Het formulier vraagt de lezer de weergave zelf te maken (/NeedAppearances true).",
        "/NeedAppearances in /AcroForm is afwezig of false.",
    ),
    _eis(
        "widget_zonder_weergave",
        {A1: "6.9-2"},
        "Een formulierveld ({plaats}) heeft geen weergave (/AP).",
        "Elke Widget-annotatie heeft /AP.",
    ),
    _eis("xfa", {A2: "6.4.2-1"}, "Het formulier is een XFA-formulier (/XFA).", "/AcroForm heeft geen /XFA."),
    _eis(
        "needsrendering",
        {A2: "6.4.2-2"},
        "De catalogus vraagt de lezer het document zelf op te bouwen (/NeedsRendering true).",
        "/NeedsRendering in de catalogus is afwezig of false.",
    ),
    _eis(
        "perms",
        {A2: "6.1.12-1"},
        "Het toestemmingenwoordenboek (/Perms) heeft andere sleutels dan /UR3 en /DocMDP.",
        "/Perms heeft alleen /UR3 en /DocMDP.",
        "Digitale handtekeningen zelf (6.4.3) controleren we niet.",
    ),
    _eis(
        "alternatieve_presentaties",
        {A2: "6.10-1"},
        "De PDF bevat een diavoorstelling (/AlternatePresentations).",
        "Het namenwoordenboek heeft geen /AlternatePresentations.",
    ),
    _eis(
        "presentatiestappen",
        {A2: "6.10-2"},
        "Pagina {detail} heeft presentatiestappen (/PresSteps).",
        "Geen pagina heeft /PresSteps.",
    ),
    _eis(
        "vereisten",
        {A2: "6.11-1"},
        "De catalogus noemt vereisten aan de lezer (/Requirements).",
        "De catalogus heeft geen /Requirements.",
    ),
    # --- Metadata ---------------------------------------------------------------------------------------
    _eis(
        "metadata_ontbreekt",
        {A1: "6.7.2-1", A2: "6.6.2.1-1", UA: "7.1-8"},
        "De catalogus heeft geen XMP-metadata (/Metadata).",
        "De catalogus heeft een /Metadata-stream.",
    ),
    _eis(
        "metadata_filter",
        {A1: "6.7.2-2"},
        "De metadatastream is gecomprimeerd (/Filter); dat mag niet in PDF/A-1.",
        "De metadatastream van de catalogus heeft geen /Filter.",
    ),
    _eis(
        "xmp_bytes",
        {A1: "6.7.5-1", A2: "6.6.2.1-2"},
        "De kop van het XMP-pakket gebruikt het attribuut bytes.",
        "<?xpacket begin=...?> heeft geen bytes-attribuut.",
    ),
    _eis(
        "xmp_encoding",
        {A1: "6.7.5-2", A2: "6.6.2.1-3"},
        "De kop van het XMP-pakket gebruikt het attribuut encoding.",
        "<?xpacket begin=...?> heeft geen encoding-attribuut.",
    ),
    _eis(
        "xmp_ongeldig",
        {A1: "6.7.9-1", A2: "6.6.2.1-4"},
        "De XMP-metadata is geen goed gevormde XML met RDF ({detail}).",
        "De metadatastream is goed gevormde XML met een rdf:RDF-element.",
        "Of elke eigenschap in een voorgedefinieerd of uitbreidingsschema staat (6.7.9-2, 6.6.2.3-7) en de "
        "uitbreidingsschema's zelf (6.7.8, 6.6.2.3-1 tot -6) controleren we niet.",
    ),
    _eis(
        "xmp_utf8",
        {A2: "6.6.2.1-5"},
        "De XMP-metadata is niet in UTF-8 gecodeerd.",
        "De metadatastream is geldige UTF-8.",
    ),
    _eis(
        "info_aanmaakdatum",
        {A1: "6.7.3-1"},
        "De aanmaakdatum in het documentinformatiewoordenboek verschilt van xmp:CreateDate ({detail}).",
        "/CreationDate en xmp:CreateDate zijn hetzelfde moment.",
    ),
    _eis(
        "info_titel",
        {A1: "6.7.3-2"},
        "De titel in het documentinformatiewoordenboek verschilt van dc:title ({detail}).",
        "/Title is gelijk aan dc:title['x-default'].",
    ),
    _eis(
        "info_auteur",
        {A1: "6.7.3-3"},
        "De auteur in het documentinformatiewoordenboek verschilt van dc:creator ({detail}).",
        "/Author is gelijk aan de enige dc:creator.",
    ),
    _eis(
        "info_onderwerp",
        {A1: "6.7.3-4"},
        "Het onderwerp in het documentinformatiewoordenboek verschilt van dc:description ({detail}).",
        "/Subject is gelijk aan dc:description['x-default'].",
    ),
    _eis(
        "info_trefwoorden",
        {A1: "6.7.3-5"},
        "De trefwoorden in het documentinformatiewoordenboek verschillen van pdf:Keywords ({detail}).",
        "/Keywords is gelijk aan pdf:Keywords.",
    ),
    _eis(
        "info_maker",
        {A1: "6.7.3-6"},
        "Het programma (/Creator) in het documentinformatiewoordenboek verschilt van xmp:CreatorTool "
        "({detail}).",
        "/Creator is gelijk aan xmp:CreatorTool.",
    ),
    _eis(
        "info_producent",
        {A1: "6.7.3-7"},
        "De producent in het documentinformatiewoordenboek verschilt van pdf:Producer ({detail}).",
        "/Producer is gelijk aan pdf:Producer.",
    ),
    _eis(
        "info_wijzigdatum",
        {A1: "6.7.3-8"},
        "De wijzigingsdatum in het documentinformatiewoordenboek verschilt van xmp:ModifyDate ({detail}).",
        "/ModDate en xmp:ModifyDate zijn hetzelfde moment.",
    ),
    _eis(
        "pdfaid_ontbreekt",
        {A1: "6.7.11-1", A2: "6.6.4-1"},
        "De XMP-metadata noemt geen PDF/A-versie (pdfaid-schema).",
        "De metadata heeft pdfaid:part en pdfaid:conformance.",
    ),
    _eis(
        "pdfaid_deel",
        {A1: "6.7.11-2", A2: "6.6.4-2"},
        "De XMP-metadata noemt PDF/A-deel {detail}, niet het deel waartegen getoetst wordt.",
        "pdfaid:part is het deel van het getoetste profiel.",
    ),
    _eis(
        "pdfaid_conformiteit",
        {A1: "6.7.11-3", A2: "6.6.4-3"},
        "De XMP-metadata noemt conformiteitsniveau {detail}, dat niet past bij het getoetste profiel.",
        "pdfaid:conformance is A, B of (PDF/A-2) U en niet lager dan het getoetste niveau.",
    ),
    _eis(
        "pdfaid_voorvoegsel",
        {A1: "6.7.11-4", A2: "6.6.4-4"},
        "Het PDF/A-identificatieschema gebruikt het voorvoegsel {detail} in plaats van pdfaid.",
        "De naamruimte http://www.aiim.org/pdfa/ns/id/ heeft het voorvoegsel pdfaid.",
    ),
    _eis(
        "pdfuaid_ontbreekt",
        {UA: "5-1"},
        "De XMP-metadata noemt geen PDF/UA-versie (pdfuaid-schema).",
        "De metadata heeft pdfuaid:part.",
    ),
    _eis(
        "pdfuaid_deel",
        {UA: "5-2"},
        "De XMP-metadata noemt PDF/UA-deel {detail} in plaats van 1.",
        "pdfuaid:part is 1.",
    ),
    _eis(
        "titel_ontbreekt",
        {UA: "7.1-9"},
        "De XMP-metadata heeft geen documenttitel (dc:title).",
        "De metadata heeft een niet-lege dc:title.",
    ),
    _eis(
        "titel_niet_getoond",
        {UA: "7.1-10"},
        "De PDF toont bij openen de bestandsnaam in plaats van de titel (/DisplayDocTitle ontbreekt).",
        "/ViewerPreferences heeft /DisplayDocTitle true.",
    ),
    # --- Structuur (niveau a en PDF/UA) -------------------------------------------------------------------
    _eis(
        "niet_gemarkeerd",
        {A1: "6.8.2.2-1", A2: "6.7.2-1"},
        "De PDF is niet gemarkeerd als getagd (/MarkInfo /Marked true ontbreekt).",
        "De catalogus heeft /MarkInfo met /Marked true.",
        niveaus=NIVEAU_A,
    ),
    _eis(
        "geen_structuur",
        {A1: "6.8.3.3-1", A2: "6.7.3-1"},
        "De PDF heeft geen structuurboom (/StructTreeRoot).",
        "De catalogus heeft /StructTreeRoot.",
        niveaus=NIVEAU_A,
    ),
    _eis(
        "rol_niet_standaard",
        {A1: "6.8.3.4-1", A2: "6.7.3-2", UA: "7.1-5"},
        "Het structuurtype {detail} ({plaats}) is geen standaardtype en is niet naar een standaardtype "
        "vertaald in de /RoleMap.",
        "Elk structuurtype is een standaardtype uit ISO 32000-1 of wordt via de /RoleMap een standaardtype.",
        niveaus=NIVEAU_A,
    ),
    _eis(
        "rol_kringloop",
        {A1: "6.8.3.4-2", UA: "7.1-6"},
        "De /RoleMap vertaalt {detail} in een kring.",
        "De /RoleMap heeft geen kringen.",
        niveaus=NIVEAU_A,
    ),
    _eis(
        "rol_standaard_herdefinieerd",
        {UA: "7.1-7"},
        "De /RoleMap vertaalt het standaardtype {detail} naar iets anders.",
        "Geen standaardtype staat als sleutel in de /RoleMap.",
    ),
    _eis(
        "taal_ongeldig",
        {A1: "6.8.4-1", A2: "6.7.4-1", UA: "7.2-29"},
        "De taalaanduiding {detail} ({plaats}) is geen geldige taalcode (zoals nl-NL).",
        "/Lang in catalogus, structuurelementen en gemarkeerde inhoud is een taalcode volgens RFC 3066.",
        niveaus=NIVEAU_A,
    ),
    _eis(
        "taal_onbekend",
        {UA: "7.2-34"},
        "Van de tekst op pagina {detail} is de taal niet te bepalen (geen /Lang).",
        "Als de catalogus geen /Lang heeft, heeft de tekst op elke pagina een /Lang in zijn gemarkeerde "
        "inhoud.",
        "Taal van /Alt, /ActualText, /E, bladwijzers en annotaties (7.2-2, -21 tot -33) controleren we niet "
        "apart.",
    ),
    _eis(
        "suspects",
        {UA: "7.1-4"},
        "De PDF meldt zelf dat de tags onbetrouwbaar zijn (/MarkInfo /Suspects true).",
        "/Suspects in /MarkInfo is afwezig of false.",
    ),
    _eis(
        "artefact_in_tag",
        {UA: "7.1-1"},
        "Inhoud die als artefact gemarkeerd is, staat binnen getagde inhoud ({plaats}).",
        "Een /Artifact-markering staat niet binnen een markering met /MCID. " + _IN_INHOUD,
    ),
    _eis(
        "tag_in_artefact",
        {UA: "7.1-2"},
        "Getagde inhoud staat binnen een artefact ({plaats}).",
        "Een markering met /MCID staat niet binnen een /Artifact-markering. " + _IN_INHOUD,
    ),
    _eis(
        "ongetagde_inhoud",
        {UA: "7.1-3"},
        "Inhoud op de pagina is niet getagd en ook niet als artefact gemarkeerd ({plaats}).",
        "Elke tekst, lijn, vlak en afbeelding staat binnen een markering met /MCID of binnen /Artifact. "
        + _IN_INHOUD,
        "Of de /MCID ook echt in de structuurboom voorkomt, controleren we niet.",
    ),
    _eis(
        "figuur_zonder_alt",
        {UA: "7.3-1"},
        "Een figuur in de structuur ({plaats}) heeft geen alternatieve tekst (/Alt of /ActualText).",
        "Elk structuurelement van type Figure heeft een niet-lege /Alt of een /ActualText.",
    ),
    _eis(
        "formule_zonder_alt",
        {UA: "7.7-1"},
        "Een formule in de structuur ({plaats}) heeft geen alternatieve tekst (/Alt of /ActualText).",
        "Elk structuurelement van type Formula heeft een niet-lege /Alt of een /ActualText.",
    ),
    _eis(
        "kop_volgorde",
        {UA: "7.4.2-1"},
        "De koppen slaan een niveau over of beginnen niet bij H1 ({detail}).",
        "Genummerde koppen (H1 tot H6) beginnen bij H1 en dalen niet meer dan één niveau tegelijk.",
    ),
    _eis(
        "kop_meer_h",
        {UA: "7.4.4-1"},
        "Een structuurelement ({plaats}) heeft meer dan één kop van type H.",
        "Elk structuurelement heeft hoogstens één kind van type H.",
    ),
    _eis(
        "kop_gemengd_h",
        {UA: "7.4.4-2"},
        "De structuur gebruikt zowel H als genummerde koppen (H1 tot H6) ({plaats}).",
        "Een document gebruikt H of H1-H6, niet beide (melding bij H).",
    ),
    _eis(
        "kop_gemengd_hn",
        {UA: "7.4.4-3"},
        "De structuur gebruikt zowel genummerde koppen (H1 tot H6) als H ({plaats}).",
        "Een document gebruikt H of H1-H6, niet beide (melding bij Hn).",
    ),
    _eis(
        "tabelrij_ouder",
        {UA: "7.2-4"},
        "Een tabelrij (TR) staat in {detail} in plaats van in een tabel ({plaats}).",
        "TR staat in Table, THead, TBody of TFoot.",
    ),
    _eis(
        "tabelkop_ouder",
        {UA: "7.2-8"},
        "Een kopcel (TH) staat in {detail} in plaats van in een tabelrij ({plaats}).",
        "TH staat in TR.",
    ),
    _eis(
        "tabelcel_ouder",
        {UA: "7.2-9"},
        "Een tabelcel (TD) staat in {detail} in plaats van in een tabelrij ({plaats}).",
        "TD staat in TR.",
    ),
    _eis(
        "tabelrij_kinderen",
        {UA: "7.2-10"},
        "Een tabelrij ({plaats}) bevat {detail}; alleen TH en TD mogen.",
        "TR bevat alleen TH en TD.",
    ),
    _eis(
        "lijstitem_ouder",
        {UA: "7.2-17"},
        "Een lijstitem (LI) staat in {detail} in plaats van in een lijst ({plaats}).",
        "LI staat in L.",
    ),
    _eis(
        "lijstinhoud_ouder",
        {UA: "7.2-18"},
        "Lijstinhoud (LBody) staat in {detail} in plaats van in een lijstitem ({plaats}).",
        "LBody staat in LI.",
    ),
    _eis(
        "lijstitem_kinderen",
        {UA: "7.2-20"},
        "Een lijstitem ({plaats}) bevat {detail}; alleen Lbl en LBody mogen.",
        "LI bevat alleen Lbl en LBody.",
    ),
    _eis(
        "noot_id",
        {UA: "7.9-1"},
        "Een voetnoot (Note) in de structuur ({plaats}) heeft geen /ID.",
        "Elk Note-element heeft een niet-lege /ID.",
    ),
    _eis(
        "noot_id_dubbel",
        {UA: "7.9-2"},
        "Twee voetnoten hebben dezelfde /ID ({detail}).",
        "De /ID's van Note-elementen zijn uniek.",
    ),
    _eis(
        "annotatie_tag",
        {UA: "7.18.1-1"},
        "Een annotatie ({plaats}) staat in de structuur niet in een Annot-element ({detail}).",
        "Zichtbare annotaties behalve Widget, Popup en Link hangen via /StructParent aan een Annot-element.",
    ),
    _eis(
        "annotatie_beschrijving",
        {UA: "7.18.1-2"},
        "Een annotatie ({plaats}) heeft geen beschrijving (/Contents of /Alt).",
        "Zichtbare annotaties behalve Widget, Popup en Link hebben /Contents, of /Alt in hun "
        "structuurelement.",
    ),
    _eis(
        "veld_beschrijving",
        {UA: "7.18.1-3"},
        "Een formulierveld ({plaats}) heeft geen beschrijving (/TU of /Alt).",
        "Zichtbare Widget-annotaties hebben /TU (ook geërfd van het veld) of /Alt in hun structuurelement.",
    ),
    _eis(
        "trapnet",
        {UA: "7.18.2-1"},
        "De PDF bevat een TrapNet-annotatie ({plaats}).",
        "Geen zichtbare annotatie is van type TrapNet.",
    ),
    _eis(
        "tabvolgorde",
        {UA: "7.18.3-1"},
        "Pagina {detail} heeft annotaties maar geen tabvolgorde volgens de structuur (/Tabs /S).",
        "Elke pagina met annotaties heeft /Tabs /S.",
    ),
    _eis(
        "widget_tag",
        {UA: "7.18.4-1"},
        "Een formulierveld ({plaats}) staat in de structuur niet in een Form-element ({detail}).",
        "Zichtbare Widget-annotaties hangen via /StructParent aan een Form-element.",
    ),
    _eis(
        "link_tag",
        {UA: "7.18.5-1"},
        "Een link ({plaats}) staat in de structuur niet in een Link-element ({detail}).",
        "Zichtbare Link-annotaties hangen via /StructParent aan een Link-element.",
    ),
    _eis(
        "link_beschrijving",
        {UA: "7.18.5-2"},
        "Een link ({plaats}) heeft geen beschrijving (/Contents).",
        "Zichtbare Link-annotaties hebben een niet-lege /Contents.",
    ),
)

_EXTRA: dict[str, tuple[str, ...]] = {
    # Dezelfde clausule, op een andere plek gevonden.
    "formulier_opi": ("pdfa2-6.2.9-1",),
    "pdfaid_voorvoegsel_conformiteit": ("pdfa1-6.7.11-5", "pdfa2-6.6.4-4"),
}
_EXTRA_CLAUSULES = (
    Clausule(
        A1,
        "6.7.11-5",
        "Het PDF/A-identificatieschema gebruikt voor conformance het voorvoegsel {detail} in plaats van "
        "pdfaid.",
        "pdfaid:conformance heeft het voorvoegsel pdfaid.",
        "",
        ALLE_NIVEAUS,
    ),
)


def _clausules() -> dict[str, Clausule]:
    alle = [
        Clausule(norm, nummer, eis.melding, eis.controleert, eis.niet, eis.niveaus)
        for eis in _EISEN
        for norm, nummer in eis.nummers.items()
    ] + list(_EXTRA_CLAUSULES)
    per_id = {c.id: c for c in alle}
    if len(per_id) != len(alle):
        raise AssertionError("een clausule staat dubbel in de catalogus")
    return per_id


CLAUSULES: dict[str, Clausule] = _clausules()
"""Elke getoetste clausule, op id ("pdfa1-6.7.3-1")."""

CONTROLES: dict[str, tuple[str, ...]] = {
    **{
        eis.controle: tuple(f"{norm.value}-{nummer}" for norm, nummer in eis.nummers.items())
        for eis in _EISEN
    },
    **_EXTRA,
}
"""Controle van de adapter -> de clausules (hoogstens één per norm) die hij toetst."""


def clausules_voor(toetsing: Toetsing, schending: Schending) -> list[Clausule]:
    return [
        CLAUSULES[i]
        for i in CONTROLES[schending.controle]
        if toetsing.geldt(CLAUSULES[i].norm, CLAUSULES[i].niveaus)
    ]


def plaats_van(pagina: int | None, object: str | None) -> str:
    """ "op pagina 2, object 12 0", "in object 12 0" of "in het document"."""
    if pagina and object:
        return f"op pagina {pagina}, {object}"
    if pagina:
        return f"op pagina {pagina}"
    if object:
        return f"in {object}"
    return "in het document"


def geschonden(toetsing: Toetsing, schendingen: Iterable[Schending]) -> list[tuple[Clausule, Schending]]:
    """Elke schending met de clausule(s) die hij breekt in deze toetsing, zonder dubbelen."""
    gezien: set[tuple] = set()
    uit = []
    for schending in schendingen:
        for clausule in clausules_voor(toetsing, schending):
            sleutel = (clausule.id, schending.pagina, schending.object, schending.detail)
            if sleutel not in gezien:
                gezien.add(sleutel)
                uit.append((clausule, schending))
    return uit
