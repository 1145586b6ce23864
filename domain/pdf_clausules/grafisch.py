"""The clauses on images, form XObjects and the graphics state, and on transparency."""

from __future__ import annotations

from domain.pdf_clausules.eis import A1, A2, IN_INHOUD, UA, Eis, eis

AFBEELDINGEN: tuple[Eis, ...] = (
    eis(
        "afbeelding_alternates",
        {A1: "6.2.4-1", A2: "6.2.8-1"},
        "Een afbeelding ({plaats}) heeft alternatieve versies (/Alternates).",
        "Geen afbeelding heeft /Alternates.",
    ),
    eis(
        "xobject_opi",
        {A1: "6.2.4-2"},
        "Een XObject ({plaats}) heeft een /OPI-sleutel.",
        "Geen afbeelding of formulier-XObject heeft /OPI.",
    ),
    eis(
        "afbeelding_opi",
        {A2: "6.2.8-2"},
        "Een afbeelding ({plaats}) heeft een /OPI-sleutel.",
        "Geen afbeelding heeft /OPI.",
    ),
    eis(
        "afbeelding_interpoleren",
        {A1: "6.2.4-3", A2: "6.2.8-3"},
        "Een afbeelding ({plaats}) vraagt om interpolatie (/Interpolate true).",
        "Geen afbeelding, ook geen inline afbeelding, heeft /Interpolate (/I) true.",
    ),
    eis(
        "afbeelding_bits",
        {A1: "6.2.4-4"},
        "Een afbeelding ({plaats}) heeft {detail} bits per kleurcomponent; toegestaan zijn 1, 2, 4 en 8.",
        "/BitsPerComponent van een afbeelding is 1, 2, 4 of 8.",
        "JPEG 2000-gegevens (6.2.8.3 in PDF/A-2) ontleden we niet.",
    ),
    eis(
        "formulier_ps",
        {A1: "6.2.5-1", A2: "6.2.9-1"},
        "Een formulier-XObject ({plaats}) bevat PostScript (/PS, /Subtype2 /PS) of (PDF/A-2) /OPI.",
        "Geen formulier-XObject heeft /PS, /Subtype2 /PS of (PDF/A-2) /OPI.",
    ),
    eis(
        "referentie_xobject",
        {A1: "6.2.6-1", A2: "6.2.9-2", UA: "7.20-1"},
        "Een formulier-XObject ({plaats}) verwijst naar een andere PDF (/Ref).",
        "Geen formulier-XObject heeft /Ref.",
    ),
    eis(
        "postscript_xobject",
        {A1: "6.2.7-1", A2: "6.2.9-3"},
        "De PDF bevat een PostScript-XObject ({plaats}).",
        "Geen XObject heeft /Subtype /PS.",
    ),
    eis(
        "extgstate_tr",
        {A1: "6.2.8-1", A2: "6.2.5-1"},
        "Een grafische toestand ({plaats}) heeft een overdrachtsfunctie (/TR).",
        "Geen ExtGState heeft /TR.",
    ),
    eis(
        "extgstate_tr2",
        {A1: "6.2.8-2", A2: "6.2.5-2"},
        "Een grafische toestand ({plaats}) heeft /TR2 met een andere waarde dan /Default.",
        "/TR2 in een ExtGState is afwezig of /Default.",
    ),
    eis(
        "extgstate_htp",
        {A2: "6.2.5-3"},
        "Een grafische toestand ({plaats}) heeft een /HTP-sleutel.",
        "Geen ExtGState heeft /HTP.",
    ),
    eis(
        "raster_soort",
        {A2: "6.2.5-4"},
        "Een raster ({plaats}) heeft /HalftoneType {detail}; toegestaan zijn 1 en 5.",
        "Elk halftone-woordenboek heeft /HalftoneType 1 of 5.",
    ),
    eis(
        "raster_naam",
        {A2: "6.2.5-5"},
        "Een raster ({plaats}) heeft een /HalftoneName.",
        "Geen halftone-woordenboek heeft /HalftoneName.",
    ),
    eis(
        "weergavebedoeling",
        {A1: "6.2.9-1", A2: "6.2.6-1"},
        "Een onbekende weergavebedoeling ({detail}) wordt gebruikt ({plaats}).",
        "/RI, /Intent en de operator ri gebruiken alleen RelativeColorimetric, AbsoluteColorimetric, "
        "Perceptual of Saturation.",
    ),
    eis(
        "onbekende_operator",
        {A1: "6.2.10-1", A2: "6.2.2-1"},
        "De pagina-inhoud gebruikt de onbekende operator {detail} ({plaats}).",
        "Inhoudsstreams gebruiken alleen operatoren uit de PDF-specificatie, ook tussen BX en EX. "
        + IN_INHOUD,
    ),
    eis(
        "geerfde_resources",
        {A2: "6.2.2-2"},
        "Pagina {detail} heeft geen eigen resources maar erft ze van de paginaboom.",
        "Elke pagina heeft een eigen /Resources.",
    ),
)

DOORZICHTIGHEID: tuple[Eis, ...] = (
    eis(
        "smask_extgstate",
        {A1: "6.4-1"},
        "Een grafische toestand ({plaats}) heeft een zacht masker (/SMask); doorzichtigheid mag niet in "
        "PDF/A-1.",
        "/SMask in een ExtGState is afwezig of /None.",
    ),
    eis(
        "smask_xobject",
        {A1: "6.4-2"},
        "Een XObject ({plaats}) heeft een zacht masker (/SMask); doorzichtigheid mag niet in PDF/A-1.",
        "Geen XObject heeft /SMask.",
    ),
    eis(
        "transparantiegroep",
        {A1: "6.4-3"},
        "Een pagina of formulier ({plaats}) is een transparantiegroep; dat mag niet in PDF/A-1.",
        "Geen /Group met /S /Transparency.",
    ),
    eis(
        "mengmodus_pdfa1",
        {A1: "6.4-4"},
        "Een grafische toestand ({plaats}) gebruikt mengmodus {detail}; PDF/A-1 staat alleen Normal en "
        "Compatible toe.",
        "/BM in een ExtGState is Normal of Compatible.",
    ),
    eis(
        "dekking_lijn",
        {A1: "6.4-5"},
        "Een grafische toestand ({plaats}) maakt lijnen doorzichtig (/CA {detail}).",
        "/CA in een ExtGState is 1,0.",
    ),
    eis(
        "dekking_vlak",
        {A1: "6.4-6"},
        "Een grafische toestand ({plaats}) maakt vlakken doorzichtig (/ca {detail}).",
        "/ca in een ExtGState is 1,0.",
    ),
    eis(
        "mengmodus_pdfa2",
        {A2: "6.2.10-1"},
        "Een grafische toestand ({plaats}) gebruikt de onbekende mengmodus {detail}.",
        "/BM in een ExtGState is een mengmodus uit ISO 32000-1.",
    ),
    eis(
        "transparantie_zonder_ruimte",
        {A2: "6.2.10-2"},
        "Pagina {detail} gebruikt doorzichtigheid zonder OutputIntent en zonder mengkleurruimte "
        "(/Group /CS).",
        "Een pagina met doorzichtigheid heeft een OutputIntent of een /Group met /CS.",
        "Doorzichtigheid herkennen we aan de resources van de pagina (ExtGState en afbeeldingen met /SMask).",
    ),
)
