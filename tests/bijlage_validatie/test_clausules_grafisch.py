"""The clauses on images, form XObjects, the graphics state and transparency: for each clause a file that
breaks it and a file that keeps it (see `clausulegevallen`)."""

from __future__ import annotations

from decimal import Decimal

import pikepdf
from pikepdf import Array, Dictionary, Name, String

from tests.bijlage_validatie import pdfs, wijzigingen
from tests.bijlage_validatie.clausulegevallen import (
    geval,
    icc,
    inhoud,
    met_beeld,
    met_uitvoerprofiel,
    met_xobject,
    op_pagina,
    tekst_in,
    toetsen,
    w,
    zonder,
)
from tests.bijlage_validatie.wijzigingen import pagina


def resources(soort: str, **items: object) -> pdfs.Wijziging:
    def wijzig(pdf: pikepdf.Pdf) -> None:
        pagina(pdf).Resources[soort] = Dictionary(**items)

    return wijzig


def toestand(**velden: object) -> pdfs.Wijziging:
    return resources("/ExtGState", GS1=Dictionary(Type=Name.ExtGState, **velden))


GEVALLEN = [
    *geval("afbeelding_alternates", w(met_beeld(Alternates=Array()))),
    *geval("xobject_opi", w(met_xobject(OPI=Dictionary()))),
    *geval("afbeelding_opi", w(met_beeld(OPI=Dictionary()))),
    *geval("afbeelding_interpoleren", w(met_beeld(Interpolate=True)), w(met_beeld(Interpolate=False))),
    *geval("afbeelding_bits", w(met_beeld(BitsPerComponent=16)), w(met_beeld(BitsPerComponent=8))),
    *geval("formulier_ps", w(met_xobject(PS=pikepdf.Dictionary()))),
    *geval("formulier_opi", w(met_xobject(OPI=Dictionary()))),
    *geval("referentie_xobject", w(met_xobject(Ref=Dictionary(F=String("ander.pdf"), Page=0)))),
    *geval(
        "postscript_xobject",
        w(
            lambda p: pagina(p).Resources.__setitem__(
                "/XObject", Dictionary(P=p.make_stream(b"%!", Type=Name.XObject, Subtype=Name.PS))
            )
        ),
    ),
    *geval("extgstate_tr", w(toestand(TR=Name.Identity))),
    *geval("extgstate_tr2", w(toestand(TR2=Name.Identity)), w(toestand(TR2=Name.Default))),
    *geval("extgstate_htp", w(toestand(HTP=Array([0])))),
    *geval(
        "raster_soort",
        w(toestand(HT=Dictionary(Type=Name.Halftone, HalftoneType=6))),
        w(
            toestand(
                HT=Dictionary(
                    Type=Name.Halftone, HalftoneType=1, Frequency=60, Angle=45, SpotFunction=Name.Round
                )
            )
        ),
    ),
    *geval(
        "raster_naam",
        w(
            toestand(
                HT=Dictionary(
                    Type=Name.Halftone,
                    HalftoneType=1,
                    HalftoneName=String("x"),
                    Frequency=60,
                    Angle=45,
                    SpotFunction=Name.Round,
                )
            )
        ),
    ),
    *geval("weergavebedoeling", w(toestand(RI=Name.Onbekend)), w(toestand(RI=Name.Perceptual))),
    *geval(
        "weergavebedoeling",
        w(inhoud(tekst_in(b"/Vaag ri"))),
        w(inhoud(tekst_in(b"/Saturation ri"))),
        naam="operator",
    ),
    *geval("onbekende_operator", w(inhoud(tekst_in(b"BX 1 2 foo EX"))), w(inhoud(tekst_in(b"BX EX")))),
    *geval(
        "geerfde_resources",
        w(
            lambda p: (
                p.Root.Pages.__setitem__("/Resources", pagina(p).Resources),
                pagina(p).__delitem__("/Resources"),
            )
        ),
    ),
    *geval("smask_extgstate", w(wijzigingen.transparante_extgstate), w(toestand(SMask=Name("/None")))),
    *geval("smask_xobject", w(wijzigingen.afbeelding_met_masker, met_uitvoerprofiel(pdfs.SRGB))),
    *geval("transparantiegroep", w(wijzigingen.transparante_groep)),
    *geval("mengmodus_pdfa1", w(toestand(BM=Name.Multiply)), w(toestand(BM=Name.Compatible))),
    *geval("dekking_lijn", w(toestand(CA=Decimal("0.5"))), w(toestand(CA=Decimal("1.0")))),
    *geval("dekking_vlak", w(toestand(ca=Decimal("0.5"))), w(toestand(ca=Decimal("0.9999999")))),
    *geval("mengmodus_pdfa2", w(toestand(BM=Name.Vaag)), w(toestand(BM=Name.Multiply))),
    *geval(
        "transparantie_zonder_ruimte",
        w(toestand(ca=Decimal("0.5")), zonder("/OutputIntents")),
        w(
            toestand(ca=Decimal("0.5")),
            zonder("/OutputIntents"),
            op_pagina("/Group", lambda p: Dictionary(S=Name.Transparency, CS=Array([Name.ICCBased, icc(p)]))),
        ),
    ),
]

(
    test_a_file_that_breaks_the_clause_gets_its_finding,
    test_a_file_that_keeps_the_clause_gets_no_finding,
) = toetsen(GEVALLEN)
