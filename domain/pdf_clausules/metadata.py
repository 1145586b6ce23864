"""The clauses on metadata: the XMP packet, its agreement with the document information
dictionary, the PDF/A and PDF/UA identification and the document title."""

from __future__ import annotations

from domain.pdf_clausules.eis import A1, A2, UA, Eis, eis

METADATA: tuple[Eis, ...] = (
    eis(
        "metadata_ontbreekt",
        {A1: "6.7.2-1", A2: "6.6.2.1-1", UA: "7.1-8"},
        "De catalogus heeft geen XMP-metadata (/Metadata).",
        "De catalogus heeft een /Metadata-stream.",
    ),
    eis(
        "metadata_filter",
        {A1: "6.7.2-2"},
        "De metadatastream is gecomprimeerd (/Filter); dat mag niet in PDF/A-1.",
        "De metadatastream van de catalogus heeft geen /Filter.",
    ),
    eis(
        "xmp_bytes",
        {A1: "6.7.5-1", A2: "6.6.2.1-2"},
        "De kop van het XMP-pakket gebruikt het attribuut bytes.",
        "<?xpacket begin=...?> heeft geen bytes-attribuut.",
    ),
    eis(
        "xmp_encoding",
        {A1: "6.7.5-2", A2: "6.6.2.1-3"},
        "De kop van het XMP-pakket gebruikt het attribuut encoding.",
        "<?xpacket begin=...?> heeft geen encoding-attribuut.",
    ),
    eis(
        "xmp_ongeldig",
        {A1: "6.7.9-1", A2: "6.6.2.1-4"},
        "De XMP-metadata is geen goed gevormde XML met RDF ({detail}).",
        "De metadatastream is goed gevormde XML met een rdf:RDF-element.",
        "Of elke eigenschap in een voorgedefinieerd of uitbreidingsschema staat (6.7.9-2, 6.6.2.3-7) en de "
        "uitbreidingsschema's zelf (6.7.8, 6.6.2.3-1 tot -6) controleren we niet.",
    ),
    eis(
        "xmp_utf8",
        {A2: "6.6.2.1-5"},
        "De XMP-metadata is niet in UTF-8 gecodeerd.",
        "De metadatastream is geldige UTF-8.",
    ),
    eis(
        "info_aanmaakdatum",
        {A1: "6.7.3-1"},
        "De aanmaakdatum in het documentinformatiewoordenboek verschilt van xmp:CreateDate ({detail}).",
        "/CreationDate en xmp:CreateDate zijn hetzelfde moment.",
    ),
    eis(
        "info_titel",
        {A1: "6.7.3-2"},
        "De titel in het documentinformatiewoordenboek verschilt van dc:title ({detail}).",
        "/Title is gelijk aan dc:title['x-default'].",
    ),
    eis(
        "info_auteur",
        {A1: "6.7.3-3"},
        "De auteur in het documentinformatiewoordenboek verschilt van dc:creator ({detail}).",
        "/Author is gelijk aan de enige dc:creator.",
    ),
    eis(
        "info_onderwerp",
        {A1: "6.7.3-4"},
        "Het onderwerp in het documentinformatiewoordenboek verschilt van dc:description ({detail}).",
        "/Subject is gelijk aan dc:description['x-default'].",
    ),
    eis(
        "info_trefwoorden",
        {A1: "6.7.3-5"},
        "De trefwoorden in het documentinformatiewoordenboek verschillen van pdf:Keywords ({detail}).",
        "/Keywords is gelijk aan pdf:Keywords.",
    ),
    eis(
        "info_maker",
        {A1: "6.7.3-6"},
        "Het programma (/Creator) in het documentinformatiewoordenboek verschilt van xmp:CreatorTool "
        "({detail}).",
        "/Creator is gelijk aan xmp:CreatorTool.",
    ),
    eis(
        "info_producent",
        {A1: "6.7.3-7"},
        "De producent in het documentinformatiewoordenboek verschilt van pdf:Producer ({detail}).",
        "/Producer is gelijk aan pdf:Producer.",
    ),
    eis(
        "info_wijzigdatum",
        {A1: "6.7.3-8"},
        "De wijzigingsdatum in het documentinformatiewoordenboek verschilt van xmp:ModifyDate ({detail}).",
        "/ModDate en xmp:ModifyDate zijn hetzelfde moment.",
    ),
    eis(
        "pdfaid_ontbreekt",
        {A1: "6.7.11-1", A2: "6.6.4-1"},
        "De XMP-metadata noemt geen PDF/A-versie (pdfaid-schema).",
        "De metadata heeft pdfaid:part en pdfaid:conformance.",
    ),
    eis(
        "pdfaid_deel",
        {A1: "6.7.11-2", A2: "6.6.4-2"},
        "De XMP-metadata noemt PDF/A-deel {detail}, niet het deel waartegen getoetst wordt.",
        "pdfaid:part is het deel van het getoetste profiel.",
    ),
    eis(
        "pdfaid_conformiteit",
        {A1: "6.7.11-3", A2: "6.6.4-3"},
        "De XMP-metadata noemt conformiteitsniveau {detail}, dat niet past bij het getoetste profiel.",
        "pdfaid:conformance is A, B of (PDF/A-2) U en niet lager dan het getoetste niveau.",
    ),
    eis(
        "pdfaid_voorvoegsel",
        {A1: "6.7.11-4", A2: "6.6.4-4"},
        "Het PDF/A-identificatieschema gebruikt het voorvoegsel {detail} in plaats van pdfaid.",
        "De naamruimte http://www.aiim.org/pdfa/ns/id/ heeft het voorvoegsel pdfaid.",
    ),
    eis(
        "pdfuaid_ontbreekt",
        {UA: "5-1"},
        "De XMP-metadata noemt geen PDF/UA-versie (pdfuaid-schema).",
        "De metadata heeft pdfuaid:part.",
    ),
    eis(
        "pdfuaid_deel",
        {UA: "5-2"},
        "De XMP-metadata noemt PDF/UA-deel {detail} in plaats van 1.",
        "pdfuaid:part is 1.",
    ),
    eis(
        "titel_ontbreekt",
        {UA: "7.1-9"},
        "De XMP-metadata heeft geen documenttitel (dc:title).",
        "De metadata heeft een niet-lege dc:title.",
    ),
    eis(
        "titel_niet_getoond",
        {UA: "7.1-10"},
        "De PDF toont bij openen de bestandsnaam in plaats van de titel (/DisplayDocTitle ontbreekt).",
        "/ViewerPreferences heeft /DisplayDocTitle true.",
    ),
)
