"""The clauses on annotations: their kinds, flags, colours and appearances."""

from __future__ import annotations

from domain.pdf_clausules.eis import A1, A2, Eis, eis

ANNOTATIES: tuple[Eis, ...] = (
    eis(
        "annotatie_soort_pdfa1",
        {A1: "6.5.2-1"},
        "Een annotatie ({plaats}) is van een soort die niet mag in PDF/A-1 ({detail}).",
        "Annotaties zijn van een soort uit PDF 1.4, behalve FileAttachment, Sound en Movie.",
    ),
    eis(
        "annotatie_soort_pdfa2",
        {A2: "6.3.1-1"},
        "Een annotatie ({plaats}) is van een soort die niet mag in PDF/A-2 ({detail}).",
        "Annotaties zijn van een soort uit ISO 32000-1, behalve 3D, Sound, Screen en Movie.",
    ),
    eis(
        "annotatie_dekking",
        {A1: "6.5.3-1"},
        "Een annotatie ({plaats}) is doorzichtig (/CA {detail}).",
        "/CA van een annotatie is afwezig of 1,0.",
    ),
    eis(
        "annotatie_vlaggen_pdfa1",
        {A1: "6.5.3-2"},
        "Een annotatie ({plaats}) wordt niet afgedrukt of is verborgen (/F {detail}).",
        "Elke annotatie heeft /F met Print aan en Hidden, Invisible en NoView uit.",
    ),
    eis(
        "annotatie_f",
        {A2: "6.3.2-1"},
        "Een annotatie ({plaats}) heeft geen vlaggen (/F).",
        "Elke annotatie behalve Popup heeft /F.",
    ),
    eis(
        "annotatie_vlaggen",
        {A2: "6.3.2-2"},
        "Een annotatie ({plaats}) wordt niet afgedrukt of is verborgen (/F {detail}).",
        "/F heeft Print aan en Hidden, Invisible, ToggleNoView en NoView uit.",
    ),
    eis(
        "annotatie_kleur",
        {A1: "6.5.3-3"},
        "Een annotatie ({plaats}) heeft een kleur (/C of /IC) zonder RGB-OutputIntent.",
        "Een annotatie heeft alleen /C of /IC als de OutputIntent een RGB-profiel heeft.",
    ),
    eis(
        "weergave_alleen_n_pdfa1",
        {A1: "6.5.3-4"},
        "De weergave van een annotatie ({plaats}) heeft meer dan alleen /N.",
        "Een /AP-woordenboek heeft alleen /N.",
    ),
    eis(
        "weergave_knop_pdfa1",
        {A1: "6.5.3-5"},
        "De weergave van een knop ({plaats}) is geen woordenboek met toestanden.",
        "Bij een Widget met /FT /Btn is /AP /N een woordenboek.",
    ),
    eis(
        "weergave_stream_pdfa1",
        {A1: "6.5.3-6"},
        "De weergave van een annotatie ({plaats}) is geen weergavestream.",
        "Bij andere annotaties is /AP /N een stream.",
    ),
    eis(
        "weergave_ontbreekt",
        {A2: "6.3.3-1"},
        "Een annotatie ({plaats}) heeft geen weergave (/AP).",
        "Elke annotatie behalve Popup, Link en annotaties zonder oppervlak heeft /AP.",
    ),
    eis(
        "weergave_vorm",
        {A2: "6.3.3-2"},
        "De weergave van een annotatie ({plaats}) heeft meer dan /N, of /N heeft de verkeerde vorm.",
        "/AP heeft alleen /N; die is een woordenboek bij een Widget-knop (/FT /Btn), anders een stream.",
    ),
)
