"""The clauses on tagged PDF (PDF/A level a and PDF/UA-1): marking, the structure tree and its
role map, language, artifacts, alternative texts, headings, tables, lists, notes and the
tagging of annotations."""

from __future__ import annotations

from domain.pdf_clausules.eis import A1, A2, IN_INHOUD, NIVEAU_A, UA, Eis, eis

STRUCTUUR: tuple[Eis, ...] = (
    eis(
        "niet_gemarkeerd",
        {A1: "6.8.2.2-1", A2: "6.7.2-1"},
        "De PDF is niet gemarkeerd als getagd (/MarkInfo /Marked true ontbreekt).",
        "De catalogus heeft /MarkInfo met /Marked true.",
        niveaus=NIVEAU_A,
    ),
    eis(
        "geen_structuur",
        {A1: "6.8.3.3-1", A2: "6.7.3-1"},
        "De PDF heeft geen structuurboom (/StructTreeRoot).",
        "De catalogus heeft /StructTreeRoot.",
        niveaus=NIVEAU_A,
    ),
    eis(
        "rol_niet_standaard",
        {A1: "6.8.3.4-1", A2: "6.7.3-2", UA: "7.1-5"},
        "Het structuurtype {detail} ({plaats}) is geen standaardtype en is niet naar een standaardtype "
        "vertaald in de /RoleMap.",
        "Elk structuurtype is een standaardtype uit ISO 32000-1 of wordt via de /RoleMap een standaardtype.",
        niveaus=NIVEAU_A,
    ),
    eis(
        "rol_kringloop",
        {A1: "6.8.3.4-2", UA: "7.1-6"},
        "De /RoleMap vertaalt {detail} in een kring.",
        "De /RoleMap heeft geen kringen.",
        niveaus=NIVEAU_A,
    ),
    eis(
        "rol_standaard_herdefinieerd",
        {UA: "7.1-7"},
        "De /RoleMap vertaalt het standaardtype {detail} naar iets anders.",
        "Geen standaardtype staat als sleutel in de /RoleMap.",
    ),
    eis(
        "taal_ongeldig",
        {A1: "6.8.4-1", A2: "6.7.4-1", UA: "7.2-29"},
        "De taalaanduiding {detail} ({plaats}) is geen geldige taalcode (zoals nl-NL).",
        "/Lang in catalogus, structuurelementen en gemarkeerde inhoud is een taalcode volgens RFC 3066.",
        niveaus=NIVEAU_A,
    ),
    eis(
        "taal_onbekend",
        {UA: "7.2-34"},
        "Van de tekst op pagina {detail} is de taal niet te bepalen (geen /Lang).",
        "Als de catalogus geen /Lang heeft, heeft de tekst op elke pagina een /Lang in zijn gemarkeerde "
        "inhoud.",
        "Taal van /Alt, /ActualText, /E, bladwijzers en annotaties (7.2-2, -21 tot -33) controleren we niet "
        "apart.",
    ),
    eis(
        "suspects",
        {UA: "7.1-4"},
        "De PDF meldt zelf dat de tags onbetrouwbaar zijn (/MarkInfo /Suspects true).",
        "/Suspects in /MarkInfo is afwezig of false.",
    ),
    eis(
        "artefact_in_tag",
        {UA: "7.1-1"},
        "Inhoud die als artefact gemarkeerd is, staat binnen getagde inhoud ({plaats}).",
        "Een /Artifact-markering staat niet binnen een markering met /MCID. " + IN_INHOUD,
    ),
    eis(
        "tag_in_artefact",
        {UA: "7.1-2"},
        "Getagde inhoud staat binnen een artefact ({plaats}).",
        "Een markering met /MCID staat niet binnen een /Artifact-markering. " + IN_INHOUD,
    ),
    eis(
        "ongetagde_inhoud",
        {UA: "7.1-3"},
        "Inhoud op de pagina is niet getagd en ook niet als artefact gemarkeerd ({plaats}).",
        "Elke tekst, lijn, vlak en afbeelding staat binnen een markering met /MCID of binnen /Artifact. "
        + IN_INHOUD,
        "Of de /MCID ook echt in de structuurboom voorkomt, controleren we niet.",
    ),
    eis(
        "figuur_zonder_alt",
        {UA: "7.3-1"},
        "Een figuur in de structuur ({plaats}) heeft geen alternatieve tekst (/Alt of /ActualText).",
        "Elk structuurelement van type Figure heeft een niet-lege /Alt of een /ActualText.",
    ),
    eis(
        "formule_zonder_alt",
        {UA: "7.7-1"},
        "Een formule in de structuur ({plaats}) heeft geen alternatieve tekst (/Alt of /ActualText).",
        "Elk structuurelement van type Formula heeft een niet-lege /Alt of een /ActualText.",
    ),
    eis(
        "kop_volgorde",
        {UA: "7.4.2-1"},
        "De koppen slaan een niveau over of beginnen niet bij H1 ({detail}).",
        "Genummerde koppen (H1 tot H6) beginnen bij H1 en dalen niet meer dan één niveau tegelijk.",
    ),
    eis(
        "kop_meer_h",
        {UA: "7.4.4-1"},
        "Een structuurelement ({plaats}) heeft meer dan één kop van type H.",
        "Elk structuurelement heeft hoogstens één kind van type H.",
    ),
    eis(
        "kop_gemengd_h",
        {UA: "7.4.4-2"},
        "De structuur gebruikt zowel H als genummerde koppen (H1 tot H6) ({plaats}).",
        "Een document gebruikt H of H1-H6, niet beide (melding bij H).",
    ),
    eis(
        "kop_gemengd_hn",
        {UA: "7.4.4-3"},
        "De structuur gebruikt zowel genummerde koppen (H1 tot H6) als H ({plaats}).",
        "Een document gebruikt H of H1-H6, niet beide (melding bij Hn).",
    ),
    eis(
        "tabelrij_ouder",
        {UA: "7.2-4"},
        "Een tabelrij (TR) staat in {detail} in plaats van in een tabel ({plaats}).",
        "TR staat in Table, THead, TBody of TFoot.",
    ),
    eis(
        "tabelkop_ouder",
        {UA: "7.2-8"},
        "Een kopcel (TH) staat in {detail} in plaats van in een tabelrij ({plaats}).",
        "TH staat in TR.",
    ),
    eis(
        "tabelcel_ouder",
        {UA: "7.2-9"},
        "Een tabelcel (TD) staat in {detail} in plaats van in een tabelrij ({plaats}).",
        "TD staat in TR.",
    ),
    eis(
        "tabelrij_kinderen",
        {UA: "7.2-10"},
        "Een tabelrij ({plaats}) bevat {detail}; alleen TH en TD mogen.",
        "TR bevat alleen TH en TD.",
    ),
    eis(
        "lijstitem_ouder",
        {UA: "7.2-17"},
        "Een lijstitem (LI) staat in {detail} in plaats van in een lijst ({plaats}).",
        "LI staat in L.",
    ),
    eis(
        "lijstinhoud_ouder",
        {UA: "7.2-18"},
        "Lijstinhoud (LBody) staat in {detail} in plaats van in een lijstitem ({plaats}).",
        "LBody staat in LI.",
    ),
    eis(
        "lijstitem_kinderen",
        {UA: "7.2-20"},
        "Een lijstitem ({plaats}) bevat {detail}; alleen Lbl en LBody mogen.",
        "LI bevat alleen Lbl en LBody.",
    ),
    eis(
        "noot_id",
        {UA: "7.9-1"},
        "Een voetnoot (Note) in de structuur ({plaats}) heeft geen /ID.",
        "Elk Note-element heeft een niet-lege /ID.",
    ),
    eis(
        "noot_id_dubbel",
        {UA: "7.9-2"},
        "Twee voetnoten hebben dezelfde /ID ({detail}).",
        "De /ID's van Note-elementen zijn uniek.",
    ),
    eis(
        "annotatie_tag",
        {UA: "7.18.1-1"},
        "Een annotatie ({plaats}) staat in de structuur niet in een Annot-element ({detail}).",
        "Zichtbare annotaties behalve Widget, Popup en Link hangen via /StructParent aan een Annot-element.",
    ),
    eis(
        "annotatie_beschrijving",
        {UA: "7.18.1-2"},
        "Een annotatie ({plaats}) heeft geen beschrijving (/Contents of /Alt).",
        "Zichtbare annotaties behalve Widget, Popup en Link hebben /Contents, of /Alt in hun "
        "structuurelement.",
    ),
    eis(
        "veld_beschrijving",
        {UA: "7.18.1-3"},
        "Een formulierveld ({plaats}) heeft geen beschrijving (/TU of /Alt).",
        "Zichtbare Widget-annotaties hebben /TU (ook geërfd van het veld) of /Alt in hun structuurelement.",
    ),
    eis(
        "trapnet",
        {UA: "7.18.2-1"},
        "De PDF bevat een TrapNet-annotatie ({plaats}).",
        "Geen zichtbare annotatie is van type TrapNet.",
    ),
    eis(
        "tabvolgorde",
        {UA: "7.18.3-1"},
        "Pagina {detail} heeft annotaties maar geen tabvolgorde volgens de structuur (/Tabs /S).",
        "Elke pagina met annotaties heeft /Tabs /S.",
    ),
    eis(
        "widget_tag",
        {UA: "7.18.4-1"},
        "Een formulierveld ({plaats}) staat in de structuur niet in een Form-element ({detail}).",
        "Zichtbare Widget-annotaties hangen via /StructParent aan een Form-element.",
    ),
    eis(
        "link_tag",
        {UA: "7.18.5-1"},
        "Een link ({plaats}) staat in de structuur niet in een Link-element ({detail}).",
        "Zichtbare Link-annotaties hangen via /StructParent aan een Link-element.",
    ),
    eis(
        "link_beschrijving",
        {UA: "7.18.5-2"},
        "Een link ({plaats}) heeft geen beschrijving (/Contents).",
        "Zichtbare Link-annotaties hebben een niet-lege /Contents.",
    ),
)
