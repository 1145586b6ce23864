"""The clauses on fonts: the font dictionary, composite fonts and their CMaps, embedding and
subsets, widths, TrueType encodings and cmaps, and ToUnicode."""

from __future__ import annotations

from domain.pdf_clausules.eis import A1, A2, NIVEAU_U_A, UA, Eis, eis

LETTERTYPEN: tuple[Eis, ...] = (
    eis(
        "font_type",
        {A1: "6.3.2-1", A2: "6.2.11.2-1"},
        "Een lettertypewoordenboek ({plaats}) heeft niet /Type /Font.",
        "Elk lettertype in de resources heeft /Type /Font.",
    ),
    eis(
        "font_subtype",
        {A1: "6.3.2-2", A2: "6.2.11.2-2"},
        "Een lettertype ({plaats}) heeft een onbekend /Subtype ({detail}).",
        "/Subtype is Type1, MMType1, TrueType, Type3, Type0, CIDFontType0 of CIDFontType2.",
    ),
    eis(
        "font_basefont",
        {A1: "6.3.2-3", A2: "6.2.11.2-3"},
        "Een lettertype ({plaats}) heeft geen naam (/BaseFont).",
        "Elk lettertype behalve Type 3 heeft /BaseFont.",
    ),
    eis(
        "font_firstchar",
        {A1: "6.3.2-4", A2: "6.2.11.2-4"},
        "Lettertype {detail} ({plaats}) mist /FirstChar.",
        "Een eenvoudig lettertype dat niet een van de 14 standaardlettertypen is, heeft /FirstChar.",
    ),
    eis(
        "font_lastchar",
        {A1: "6.3.2-5", A2: "6.2.11.2-5"},
        "Lettertype {detail} ({plaats}) mist /LastChar.",
        "Een eenvoudig lettertype dat niet een van de 14 standaardlettertypen is, heeft /LastChar.",
    ),
    eis(
        "font_widths",
        {A1: "6.3.2-6", A2: "6.2.11.2-6"},
        "Lettertype {detail} ({plaats}) mist /Widths of heeft er te weinig of te veel.",
        "/Widths heeft LastChar - FirstChar + 1 breedtes.",
    ),
    eis(
        "fontbestand_soort_pdfa1",
        {A1: "6.3.2-7"},
        "Het ingesloten lettertypebestand ({plaats}) heeft een onbekend /Subtype ({detail}).",
        "/Subtype van een FontFile3 is Type1C of CIDFontType0C.",
    ),
    eis(
        "fontbestand_soort_pdfa2",
        {A2: "6.2.11.2-7"},
        "Het ingesloten lettertypebestand ({plaats}) heeft een onbekend /Subtype ({detail}).",
        "/Subtype van een FontFile3 is Type1C, CIDFontType0C of OpenType.",
    ),
    eis(
        "cidsysteminfo",
        {A1: "6.3.3.1-1", A2: "6.2.11.3.1-1", UA: "7.21.3.1-1"},
        "De CIDSystemInfo van samengesteld lettertype {detail} ({plaats}) past niet bij die van zijn CMap.",
        "Bij een Type 0-lettertype met een ingesloten CMap zijn Registry en Ordering (en PDF/A-2, PDF/UA: "
        "Supplement niet hoger) gelijk aan die van het CIDFont.",
        "Bij een voorgedefinieerde CMap-naam anders dan Identity vergelijken we niet.",
    ),
    eis(
        "cidtogidmap",
        {A1: "6.3.3.2-1", A2: "6.2.11.3.2-1", UA: "7.21.3.2-1"},
        "Het CIDFontType2-lettertype {detail} ({plaats}) heeft geen /CIDToGIDMap.",
        "Elk ingesloten CIDFontType2 heeft /CIDToGIDMap.",
    ),
    eis(
        "cmap_pdfa1",
        {A1: "6.3.3.3-1"},
        "Samengesteld lettertype {detail} ({plaats}) gebruikt een CMap die niet in de PDF zit.",
        "De CMap van een Type 0-lettertype is Identity-H, Identity-V of ingesloten.",
    ),
    eis(
        "cmap",
        {A2: "6.2.11.3.3-1", UA: "7.21.3.3-1"},
        "Samengesteld lettertype {detail} ({plaats}) gebruikt een CMap die niet in de PDF zit.",
        "De CMap is een voorgedefinieerde CMap uit ISO 32000-1, tabel 118, of ingesloten.",
    ),
    eis(
        "lettertype_niet_ingesloten",
        {A1: "6.3.4-1", A2: "6.2.11.4.1-1", UA: "7.21.4.1-1"},
        "Het lettertype {detail} ({plaats}) zit niet in de PDF.",
        "Elk lettertype in de resources van pagina's, formulieren, patronen en annotatieweergaven (behalve "
        "Type 3) heeft een FontFile, FontFile2 of FontFile3.",
        "Een lettertype dat alleen onzichtbaar (tekstweergave 3) gebruikt wordt, melden we ook.",
    ),
    eis(
        "charset",
        {A1: "6.3.5-2"},
        "De Type 1-subset {detail} ({plaats}) heeft geen /CharSet.",
        "Een Type 1-subset (naam met zes hoofdletters en +) heeft /CharSet in zijn FontDescriptor.",
        "Of /CharSet alle tekens opsomt en of elk gebruikt teken in het lettertype zit (6.3.5-1), "
        "controleren we niet.",
    ),
    eis(
        "cidset",
        {A1: "6.3.5-3"},
        "De CID-subset {detail} ({plaats}) heeft geen /CIDSet.",
        "Een CIDFont-subset heeft /CIDSet in zijn FontDescriptor.",
        "Of /CIDSet klopt met het lettertypebestand controleren we niet (ook niet 6.2.11.4.2-2 in PDF/A-2).",
    ),
    eis(
        "breedtes",
        {A1: "6.3.6-1", A2: "6.2.11.5-1", UA: "7.21.5-1"},
        "De breedtes van lettertype {detail} ({plaats}) kloppen niet met het ingesloten lettertypebestand.",
        "Voor ingesloten TrueType- en CFF-lettertypen: /Widths (of /W) wijkt voor geen enkel teken meer dan "
        "1/1000 em af van de breedte in het lettertypebestand.",
        "Type 1-lettertypebestanden (FontFile) ontleden we niet; die breedtes controleren we niet.",
    ),
    eis(
        "truetype_codering_pdfa1",
        {A1: "6.3.7-1"},
        "Het niet-symbolische TrueType-lettertype {detail} ({plaats}) heeft geen MacRoman- of WinAnsi-"
        "codering, of gebruikt /Differences.",
        "Een niet-symbolisch TrueType-lettertype heeft /Encoding MacRomanEncoding of WinAnsiEncoding, "
        "zonder /Differences.",
    ),
    eis(
        "truetype_codering",
        {A2: "6.2.11.6-2", UA: "7.21.6-2"},
        "Het niet-symbolische TrueType-lettertype {detail} ({plaats}) heeft geen bruikbare codering.",
        "Een niet-symbolisch TrueType-lettertype heeft MacRoman- of WinAnsi-codering; /Differences alleen "
        "met namen uit de Adobe Glyph List en een (3,1)-cmap in het lettertypebestand.",
    ),
    eis(
        "truetype_symbolisch_codering",
        {A1: "6.3.7-2", A2: "6.2.11.6-3", UA: "7.21.6-3"},
        "Het symbolische TrueType-lettertype {detail} ({plaats}) heeft een /Encoding; dat mag niet.",
        "Een symbolisch TrueType-lettertype heeft geen /Encoding.",
    ),
    eis(
        "truetype_symbolisch_cmap_pdfa1",
        {A1: "6.3.7-3"},
        "Het symbolische TrueType-lettertype {detail} ({plaats}) heeft niet precies één cmap-tabel.",
        "Het lettertypebestand van een symbolisch TrueType-lettertype heeft precies één cmap-subtabel.",
    ),
    eis(
        "truetype_symbolisch_cmap",
        {A2: "6.2.11.6-4", UA: "7.21.6-4"},
        "Het symbolische TrueType-lettertype {detail} ({plaats}) heeft geen bruikbare cmap-tabel.",
        "Het lettertypebestand van een symbolisch TrueType-lettertype heeft één cmap-subtabel of een (3,0).",
    ),
    eis(
        "truetype_cmap",
        {A2: "6.2.11.6-1", UA: "7.21.6-1"},
        "Het niet-symbolische TrueType-lettertype {detail} ({plaats}) heeft geen niet-symbolische "
        "cmap-tabel.",
        "Het lettertypebestand van een niet-symbolisch TrueType-lettertype heeft een cmap-subtabel anders "
        "dan (3,0).",
    ),
    eis(
        "tounicode",
        {A1: "6.3.8-1", A2: "6.2.11.7-1", UA: "7.21.7-1"},
        "De tekens van lettertype {detail} ({plaats}) zijn niet naar Unicode te vertalen (geen /ToUnicode).",
        "Elk lettertype heeft /ToUnicode, of is een eenvoudig lettertype met een standaardcodering en "
        "tekennamen uit de Adobe Glyph List.",
        "We kijken per lettertype, niet per gebruikt teken.",
        NIVEAU_U_A,
    ),
    eis(
        "tounicode_waarde",
        {A2: "6.2.11.7-2", UA: "7.21.7-2"},
        "De /ToUnicode van lettertype {detail} ({plaats}) vertaalt een teken naar U+0000, U+FEFF of U+FFFE.",
        "De ToUnicode-CMap vertaalt geen teken naar 0, FEFF of FFFE.",
        "Tekens uit het privégebruikgebied van Unicode (6.2.11.7-3) controleren we niet.",
        NIVEAU_U_A,
    ),
)
