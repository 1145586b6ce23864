"""The clauses on features of the document as a whole: optional content (layers), actions, forms
and what the catalogue asks of the reader."""

from __future__ import annotations

from domain.pdf_clausules.eis import A1, A2, UA, Eis, eis

LAGEN: tuple[Eis, ...] = (
    eis(
        "lagen_pdfa1",
        {A1: "6.1.13-1"},
        "De PDF gebruikt lagen (optionele inhoud, /OCProperties); dat mag niet in PDF/A-1.",
        "De catalogus heeft geen /OCProperties.",
    ),
    eis(
        "lagen_naam",
        {A2: "6.9-1", UA: "7.10-1"},
        "Een laagconfiguratie ({plaats}) heeft geen naam (/Name).",
        "Elke configuratie in /OCProperties (/D en /Configs) heeft een niet-lege /Name.",
    ),
    eis(
        "lagen_naam_dubbel",
        {A2: "6.9-2"},
        "Twee laagconfiguraties hebben dezelfde naam ({detail}).",
        "De namen van de configuraties in /OCProperties zijn uniek.",
    ),
    eis(
        "lagen_volgorde",
        {A2: "6.9-3"},
        "De volgorde van een laagconfiguratie ({plaats}) noemt niet alle lagen.",
        "Een configuratie met /Order noemt daarin alle lagen uit /OCGs.",
    ),
    eis(
        "lagen_as",
        {A2: "6.9-4", UA: "7.10-2"},
        "Een laagconfiguratie ({plaats}) heeft een /AS-sleutel; dat mag niet.",
        "Geen configuratie in /OCProperties heeft /AS.",
    ),
)

ACTIES: tuple[Eis, ...] = (
    eis(
        "actie_pdfa1",
        {A1: "6.6.1-1"},
        "De PDF bevat een actie van een soort die niet mag in PDF/A-1 ({detail}) ({plaats}).",
        "Acties zijn GoTo, GoToR, Thread, URI, Named of SubmitForm.",
    ),
    eis(
        "actie_pdfa2",
        {A2: "6.5.1-1"},
        "De PDF bevat een actie van een soort die niet mag in PDF/A-2 ({detail}) ({plaats}).",
        "Acties zijn GoTo, GoToR, GoToE, Thread, URI, Named of SubmitForm.",
    ),
    eis(
        "actie_benoemd",
        {A1: "6.6.1-2", A2: "6.5.1-2"},
        "De PDF bevat een benoemde actie die niet mag ({detail}) ({plaats}).",
        "Benoemde acties zijn NextPage, PrevPage, FirstPage of LastPage.",
    ),
    eis(
        "widget_actie_pdfa1",
        {A1: "6.6.1-3"},
        "Een formulierveld ({plaats}) voert een actie uit (/A).",
        "Een Widget-annotatie heeft geen /A.",
    ),
    eis(
        "widget_aa_pdfa1",
        {A1: "6.6.2-1"},
        "Een formulierveld ({plaats}) heeft extra acties (/AA).",
        "Een Widget-annotatie heeft geen /AA.",
    ),
    eis(
        "widget_actie_pdfa2",
        {A2: "6.4.1-1"},
        "Een formulierveld ({plaats}) voert een actie uit (/A of /AA).",
        "Een Widget-annotatie heeft geen /A en geen /AA.",
    ),
    eis(
        "veld_aa",
        {A1: "6.6.2-2", A2: "6.4.1-2"},
        "Een formulierveld ({plaats}) heeft extra acties (/AA).",
        "Een veldwoordenboek heeft geen /AA.",
    ),
    eis(
        "catalogus_aa",
        {A1: "6.6.2-3", A2: "6.5.2-1"},
        "Het document heeft extra acties (/AA in de catalogus).",
        "De catalogus heeft geen /AA.",
    ),
    eis("pagina_aa", {A2: "6.5.2-2"}, "Pagina {detail} heeft extra acties (/AA).", "Geen pagina heeft /AA."),
    eis(
        "needappearances",
        {A1: "6.9-1", A2: "6.4.1-3"},
        "Het formulier vraagt de lezer de weergave zelf te maken (/NeedAppearances true).",
        "/NeedAppearances in /AcroForm is afwezig of false.",
    ),
    eis(
        "widget_zonder_weergave",
        {A1: "6.9-2"},
        "Een formulierveld ({plaats}) heeft geen weergave (/AP).",
        "Elke Widget-annotatie heeft /AP.",
    ),
    eis("xfa", {A2: "6.4.2-1"}, "Het formulier is een XFA-formulier (/XFA).", "/AcroForm heeft geen /XFA."),
    eis(
        "needsrendering",
        {A2: "6.4.2-2"},
        "De catalogus vraagt de lezer het document zelf op te bouwen (/NeedsRendering true).",
        "/NeedsRendering in de catalogus is afwezig of false.",
    ),
    eis(
        "perms",
        {A2: "6.1.12-1"},
        "Het toestemmingenwoordenboek (/Perms) heeft andere sleutels dan /UR3 en /DocMDP.",
        "/Perms heeft alleen /UR3 en /DocMDP.",
        "Digitale handtekeningen zelf (6.4.3) controleren we niet.",
    ),
    eis(
        "alternatieve_presentaties",
        {A2: "6.10-1"},
        "De PDF bevat een diavoorstelling (/AlternatePresentations).",
        "Het namenwoordenboek heeft geen /AlternatePresentations.",
    ),
    eis(
        "presentatiestappen",
        {A2: "6.10-2"},
        "Pagina {detail} heeft presentatiestappen (/PresSteps).",
        "Geen pagina heeft /PresSteps.",
    ),
    eis(
        "vereisten",
        {A2: "6.11-1"},
        "De catalogus noemt vereisten aan de lezer (/Requirements).",
        "De catalogus heeft geen /Requirements.",
    ),
)
