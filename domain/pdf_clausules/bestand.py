"""The clauses on the file itself: its header, trailer and streams (PDF/A clause 6.1), and the
implementation limits on numbers, strings, names, arrays, dictionaries and page sizes."""

from __future__ import annotations

from domain.pdf_clausules.eis import A1, A2, IN_INHOUD, UA, Eis, eis

OPBOUW: tuple[Eis, ...] = (
    eis(
        "koptekst",
        {A1: "6.1.2-1", A2: "6.1.2-1"},
        "Het bestand begint niet met een geldige PDF-kop ({detail}).",
        "Het bestand begint op positie 0 met %PDF-n.m (PDF/A-2: versie 1.0 tot en met 1.7).",
    ),
    eis(
        "binaire_kop",
        {A1: "6.1.2-2", A2: "6.1.2-2"},
        "Na de PDF-kop ontbreekt de commentaarregel met vier bytes boven 127 die het bestand als binair "
        "merkt.",
        "De tweede regel is % met ten minste vier bytes boven 127.",
    ),
    eis(
        "trailer_id",
        {A1: "6.1.3-1", A2: "6.1.3-1"},
        "De trailer van de PDF heeft geen bestandsidentificatie (/ID).",
        "De laatste trailer heeft een niet-lege /ID.",
        "Bij een gelineariseerde PDF vergelijken we de /ID van de eerste pagina niet met de laatste "
        "(6.1.3-4).",
    ),
    eis(
        "versleuteld",
        {A1: "6.1.3-2", A2: "6.1.3-2"},
        "De PDF is versleuteld (/Encrypt in de trailer); dat mag niet in PDF/A.",
        "De trailer heeft geen /Encrypt.",
    ),
    eis(
        "na_eof",
        {A1: "6.1.3-3", A2: "6.1.3-3"},
        "Na de laatste %%EOF-markering staan nog {detail} bytes.",
        "Na de laatste %%EOF staat hoogstens één regeleinde.",
    ),
    eis(
        "xref_stream",
        {A1: "6.1.4-3"},
        "De PDF gebruikt een xref-stream; PDF/A-1 vraagt een gewone kruisverwijzingstabel.",
        "Het bestand bevat geen object met /Type /XRef.",
        "De witruimte in de kruisverwijzingstabel (6.1.4-1 en -2) controleren we niet.",
    ),
    eis(
        "stream_extern",
        {A1: "6.1.7-3", A2: "6.1.7.1-3"},
        "Een stream ({plaats}) verwijst naar een extern bestand (/F, /FFilter of /FDecodeParms).",
        "Geen streamwoordenboek heeft /F, /FFilter of /FDecodeParms.",
        "Of /Length klopt en de witruimte rond stream/endstream (PDF/A-1 6.1.7-1 en -2, PDF/A-2 6.1.7.1-1 "
        "en -2) controleren we niet: qpdf "
        "herstelt dat bij het lezen.",
    ),
    eis(
        "lzw",
        {A1: "6.1.10-1"},
        "Een onderdeel ({plaats}) is gecomprimeerd met LZW; dat mag niet in PDF/A-1.",
        "Geen stream gebruikt het filter LZWDecode.",
    ),
    eis(
        "filter",
        {A2: "6.1.7.2-1"},
        "Een onderdeel ({plaats}) gebruikt het filter {detail}; dat mag niet in PDF/A-2.",
        "Elke stream gebruikt alleen standaardfilters zonder LZW, en Crypt alleen met /Name /Identity.",
    ),
    eis(
        "inline_lzw",
        {A1: "6.1.10-2"},
        "Een afbeelding in de pagina-inhoud ({plaats}) is gecomprimeerd met LZW.",
        "Geen inline afbeelding gebruikt LZW. " + IN_INHOUD,
    ),
    eis(
        "inline_filter",
        {A2: "6.1.10-1"},
        "Een afbeelding in de pagina-inhoud ({plaats}) gebruikt het filter {detail}; dat mag niet.",
        "Inline afbeeldingen gebruiken alleen standaardfilters zonder LZW, Crypt en JBIG2/JPX. " + IN_INHOUD,
    ),
    eis(
        "ingesloten_ef",
        {A1: "6.1.11-1"},
        "Een bestandsverwijzing ({plaats}) bevat een ingesloten bestand (/EF); dat mag niet in PDF/A-1.",
        "Geen bestandsspecificatie heeft /EF.",
    ),
    eis(
        "ingesloten_namen",
        {A1: "6.1.11-2"},
        "De PDF heeft een lijst met ingesloten bestanden (/Names /EmbeddedFiles).",
        "Het namenwoordenboek heeft geen /EmbeddedFiles.",
    ),
    eis(
        "ingesloten_geen_pdfa",
        {A2: "6.8-5"},
        "Een ingesloten bestand ({plaats}) is niet als PDF/A te controleren; PDF/A-2 staat alleen ingesloten "
        "PDF/A-bestanden toe.",
        "Elk ingesloten bestand wordt gemeld.",
        "We toetsen het ingesloten bestand niet zelf; ook een ingesloten PDF/A-bestand wordt gemeld.",
    ),
    eis(
        "ingesloten_naam",
        {A2: "6.8-2", UA: "7.11-1"},
        "Een ingesloten bestand ({plaats}) heeft niet zowel een /F- als een /UF-bestandsnaam.",
        "Een bestandsspecificatie met /EF heeft niet-lege /F en /UF.",
    ),
)

GRENZEN: tuple[Eis, ...] = (
    eis(
        "geheel_getal",
        {A1: "6.1.12-1", A2: "6.1.13-1"},
        "Een geheel getal ({detail}) valt buiten het bereik van 32 bits ({plaats}).",
        "Gehele getallen in objecten en pagina-inhoud liggen tussen -2147483648 en 2147483647.",
    ),
    eis(
        "reeel_pdfa1",
        {A1: "6.1.12-2"},
        "Een reëel getal ({detail}) is groter dan 32767 ({plaats}).",
        "Reële getallen in objecten en pagina-inhoud liggen tussen -32767 en 32767.",
    ),
    eis(
        "reeel_pdfa2",
        {A2: "6.1.13-2"},
        "Een reëel getal ({detail}) valt buiten ±3,403 × 10^38 ({plaats}).",
        "Reële getallen in objecten en pagina-inhoud liggen binnen ±3,403 × 10^38.",
    ),
    eis(
        "reeel_klein",
        {A2: "6.1.13-5"},
        "Een reëel getal ({detail}) ligt dichter bij nul dan 1,175 × 10^-38 ({plaats}).",
        "Geen reëel getal ongelijk aan 0 ligt dichter bij 0 dan 1,175 × 10^-38.",
    ),
    eis(
        "tekst_pdfa1",
        {A1: "6.1.12-3"},
        "Een tekstwaarde is langer dan 65535 bytes ({plaats}).",
        "Geen string is langer dan 65535 bytes.",
    ),
    eis(
        "tekst_pdfa2",
        {A2: "6.1.13-3"},
        "Een tekstwaarde is langer dan 32767 bytes ({plaats}).",
        "Geen string is langer dan 32767 bytes.",
    ),
    eis(
        "naam_lang",
        {A1: "6.1.12-4", A2: "6.1.13-4"},
        "Een naam is langer dan 127 bytes ({plaats}).",
        "Geen naam is langer dan 127 bytes.",
    ),
    eis(
        "array_groot",
        {A1: "6.1.12-5"},
        "Een lijst heeft meer dan 8191 elementen ({plaats}).",
        "Geen array heeft meer dan 8191 elementen.",
    ),
    eis(
        "woordenboek_groot",
        {A1: "6.1.12-6"},
        "Een woordenboek heeft meer dan 4095 sleutels ({plaats}).",
        "Geen woordenboek heeft meer dan 4095 sleutels.",
    ),
    eis(
        "q_diep",
        {A1: "6.1.12-8", A2: "6.1.13-8"},
        "De grafische toestand is dieper dan 28 niveaus genest (q/Q) ({plaats}).",
        "q/Q nesten hoogstens 28 diep. " + IN_INHOUD,
    ),
    eis(
        "devicen_pdfa1",
        {A1: "6.1.12-9"},
        "Een DeviceN-kleurruimte heeft meer dan 8 kleurstoffen ({plaats}).",
        "DeviceN-kleurruimten hebben hoogstens 8 kleurstoffen.",
    ),
    eis(
        "devicen_pdfa2",
        {A2: "6.1.13-9"},
        "Een DeviceN-kleurruimte heeft meer dan 32 kleurstoffen ({plaats}).",
        "DeviceN-kleurruimten hebben hoogstens 32 kleurstoffen.",
    ),
    eis(
        "paginamaat",
        {A2: "6.1.13-11"},
        "Een paginagrens ({detail}) is kleiner dan 3 of groter dan 14400 eenheden ({plaats}).",
        "MediaBox, CropBox, BleedBox, TrimBox en ArtBox zijn tussen 3 en 14400 eenheden breed en hoog.",
    ),
)
