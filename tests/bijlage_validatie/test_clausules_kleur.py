"""The clauses on colour: OutputIntents, ICC profiles, device colour spaces, DeviceN and Separation: for each
clause a file that breaks it and a file that keeps it (see `clausulegevallen`)."""

from __future__ import annotations

import pikepdf
from pikepdf import Array, Dictionary, Name

from tests.bijlage_validatie import pdfs
from tests.bijlage_validatie.clausulegevallen import (
    ICC_GRIJS,
    devicen,
    geval,
    icc,
    inhoud,
    met_beeld,
    met_ruimte,
    met_uitvoerprofiel,
    tekst_in,
    toetsen,
    w,
    zonder,
)
from tests.bijlage_validatie.wijzigingen import pagina

ICC_V4 = pdfs.SRGB[:8] + bytes([4, 0x20]) + pdfs.SRGB[10:]


ICC_SCANNER = pdfs.SRGB[:12] + b"scnr" + pdfs.SRGB[16:]


def twee_uitvoerprofielen(zelfde: bool) -> pdfs.Wijziging:
    def wijzig(pdf: pikepdf.Pdf) -> None:
        eerste = pdfs.outputintent(pdf)
        tweede = Dictionary(
            Type=Name.OutputIntent,
            S=Name.GTS_PDFX,
            OutputConditionIdentifier="sRGB",
            DestOutputProfile=eerste.DestOutputProfile if zelfde else pdf.make_stream(pdfs.SRGB, N=3),
        )
        pdf.Root.OutputIntents = Array([eerste, tweede])

    return wijzig


def separations(gelijk: bool) -> pdfs.Wijziging:
    def wijzig(pdf: pikepdf.Pdf) -> None:
        alternatief = Array([Name.ICCBased, icc(pdf)])
        een = pdf.make_stream(b"{pop 1 0 0}", FunctionType=4, Domain=[0, 1], Range=[0, 1, 0, 1, 0, 1])
        twee = (
            een
            if gelijk
            else pdf.make_stream(b"{pop 0 1 0}", FunctionType=4, Domain=[0, 1], Range=[0, 1] * 3)
        )
        pagina(pdf).Resources.ColorSpace = Dictionary(
            CS0=Array([Name.Separation, Name.Steun, alternatief, een]),
            CS1=Array([Name.Separation, Name.Steun, alternatief, twee]),
        )

    return wijzig


RGB_INHOUD = tekst_in(b"/P <</MCID 1>> BDC 1 0 0 rg 0 0 10 10 re f EMC")


CMYK_INHOUD = tekst_in(b"/P <</MCID 1>> BDC 0 0 0 1 k 0 0 10 10 re f EMC")


GEVALLEN = [
    *geval(
        "outputintent_profiel", w(met_uitvoerprofiel(b"geen icc-profiel" * 10)), alleen=("pdfa1-6.2.2-1",)
    ),
    *geval(
        "outputintent_profiel", w(met_uitvoerprofiel(ICC_SCANNER)), alleen=("pdfa2-6.2.3-1",), naam="scanner"
    ),
    *geval("outputintent_profiel", w(met_uitvoerprofiel(ICC_V4)), alleen=("pdfa1-6.2.2-1",), naam="icc-v4"),
    *geval("outputintent_verschillend", w(twee_uitvoerprofielen(False)), w(twee_uitvoerprofielen(True))),
    *geval("icc_ongeldig", w(met_ruimte(lambda p: Array([Name.ICCBased, icc(p, b"kapot" * 40)])))),
    *geval(
        "icc_kanalen",
        w(met_ruimte(lambda p: Array([Name.ICCBased, icc(p, kanalen=1)]))),
        w(met_ruimte(lambda p: Array([Name.ICCBased, icc(p, kanalen=3)]))),
    ),
    *geval("device_rgb", w(inhoud(RGB_INHOUD), met_uitvoerprofiel(ICC_GRIJS)), w(inhoud(RGB_INHOUD))),
    *geval(
        "device_rgb",
        w(met_beeld(ColorSpace=Name.DeviceRGB), met_uitvoerprofiel(ICC_GRIJS)),
        naam="afbeelding",
    ),
    *geval(
        "device_rgb",
        w(inhoud(RGB_INHOUD), zonder("/OutputIntents")),
        w(
            inhoud(RGB_INHOUD),
            zonder("/OutputIntents"),
            met_ruimte(lambda p: Array([Name.ICCBased, icc(p)])),
            lambda p: p.pages[0].Resources.ColorSpace.__setitem__(
                "/DefaultRGB", Array([Name.ICCBased, icc(p)])
            ),
        ),
        naam="defaultrgb",
        alleen=("pdfa2-6.2.4.3-2",),
    ),
    *geval("device_cmyk", w(inhoud(CMYK_INHOUD))),
    *geval("device_gray", w(zonder("/OutputIntents"))),
    *geval(
        "devicen_kleurstoffen",
        w(met_ruimte(devicen(["Steun"], kleurstoffen=False))),
        w(met_ruimte(devicen(["Steun"]))),
    ),
    *geval("separation_ongelijk", w(separations(False)), w(separations(True))),
]

(
    test_a_file_that_breaks_the_clause_gets_its_finding,
    test_a_file_that_keeps_the_clause_gets_no_finding,
) = toetsen(GEVALLEN)
