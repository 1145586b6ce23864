"""The clauses on colour: the OutputIntent and its ICC profile, ICC-based and device colour
spaces, DeviceN and Separation colourants."""

from __future__ import annotations

from domain.pdf_clausules.eis import A1, A2, Eis, eis

KLEUR: tuple[Eis, ...] = (
    eis(
        "outputintent_profiel",
        {A1: "6.2.2-1", A2: "6.2.3-1"},
        "Het kleurprofiel van de OutputIntent ({plaats}) is geen geldig ICC-uitvoerprofiel ({detail}).",
        "Het DestOutputProfile van een PDF/A-OutputIntent is een ICC-profiel van klasse prtr of mntr, "
        "kleurruimte GRAY, RGB of CMYK, versie lager dan 3 (PDF/A-1) of 5 (PDF/A-2).",
        "We lezen de kop en de tagtabel van het profiel, niet de kleurtabellen zelf.",
    ),
    eis(
        "outputintent_verschillend",
        {A1: "6.2.2-2", A2: "6.2.3-2"},
        "De OutputIntents verwijzen naar verschillende kleurprofielen; dat moet één en hetzelfde profiel "
        "zijn.",
        "Alle OutputIntents met een DestOutputProfile verwijzen naar hetzelfde object.",
    ),
    eis(
        "icc_ongeldig",
        {A1: "6.2.3.2-1", A2: "6.2.4.2-1"},
        "Een ICC-kleurprofiel ({plaats}) is ongeldig of niet toegestaan ({detail}).",
        "Elk ICCBased-profiel heeft een geldige kop: klasse prtr, mntr, scnr of spac, kleurruimte GRAY, RGB, "
        "CMYK of Lab, versie lager dan 3 (PDF/A-1) of 5 (PDF/A-2).",
        "De kleurtabellen van het profiel controleren we niet.",
    ),
    eis(
        "icc_kanalen",
        {A1: "6.2.3.2-2"},
        "Het aantal kleurkanalen (/N) past niet bij het ICC-profiel ({plaats}, {detail}).",
        "/N van een ICCBased-profiel is 1, 3 of 4 en past bij de kleurruimte in de kop van het profiel.",
    ),
    eis(
        "device_rgb",
        {A1: "6.2.3.3-1", A2: "6.2.4.3-2"},
        "DeviceRGB wordt gebruikt ({plaats}) zonder OutputIntent met een RGB-profiel.",
        "DeviceRGB (in inhoud, afbeeldingen, arceringen en als alternatieve ruimte) alleen met een RGB-"
        "OutputIntent, of (PDF/A-2) met een DefaultRGB in de resources.",
        "Kleurruimten in resources die nergens gebruikt worden, tellen ook mee.",
    ),
    eis(
        "device_cmyk",
        {A1: "6.2.3.3-2", A2: "6.2.4.3-3"},
        "DeviceCMYK wordt gebruikt ({plaats}) zonder OutputIntent met een CMYK-profiel.",
        "DeviceCMYK alleen met een CMYK-OutputIntent, of (PDF/A-2) met een DefaultCMYK in de resources.",
        "Kleurruimten in resources die nergens gebruikt worden, tellen ook mee.",
    ),
    eis(
        "device_gray",
        {A1: "6.2.3.3-3", A2: "6.2.4.3-4"},
        "DeviceGray wordt gebruikt ({plaats}) zonder OutputIntent.",
        "DeviceGray, ook de standaardkleur van tekst en lijnen, alleen met een OutputIntent, of (PDF/A-2) "
        "met een DefaultGray in de resources.",
    ),
    eis(
        "devicen_kleurstoffen",
        {A2: "6.2.4.4-1"},
        "Een DeviceN-kleurruimte ({plaats}) beschrijft steunkleur {detail} niet in /Colorants.",
        "Elke steunkleur van een DeviceN-ruimte (geen proceskleur, All of None) staat in /Colorants.",
    ),
    eis(
        "separation_ongelijk",
        {A2: "6.2.4.4-2"},
        "Steunkleur {detail} is op verschillende plaatsen verschillend gedefinieerd ({plaats}).",
        "Separation-ruimten met dezelfde naam hebben dezelfde alternatieve ruimte en tintfunctie.",
        "Tintfuncties vergelijken we op hun ruwe bytes; twee gelijke functies met verschillende compressie "
        "gelden als verschillend.",
    ),
)
