"""Building blocks for the changes that break the clean attachment of `pdfs`: annotations, actions,
form XObjects, fonts, form fields, JavaScript and transparency."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import pikepdf
from pikepdf import Array, Dictionary, Name, String

from tests.bijlage_validatie.pdfs import Wijziging, zet_metadata


def niet_ingesloten_lettertype(pdf: pikepdf.Pdf) -> pikepdf.Object:
    return pdf.make_indirect(Dictionary(Type=Name.Font, Subtype=Name.Type1, BaseFont=Name.Helvetica))


def pagina(pdf: pikepdf.Pdf) -> pikepdf.Object:
    return pdf.pages[0].obj


def annotatie(pdf: pikepdf.Pdf, **velden: object) -> pikepdf.Object:
    # Afdrukbaar (/F 4), zoals PDF/A vraagt; een test die de vlaggen wil breken, geeft /F zelf mee.
    velden = {"F": 4, "Rect": [72, 72, 144, 144]} | velden
    annot = pdf.make_indirect(Dictionary(Type=Name.Annot, **velden))
    if "/Annots" not in pagina(pdf):
        pagina(pdf).Annots = Array()
    pagina(pdf).Annots.append(annot)
    return annot


def actie(soort: str, **velden: object) -> Dictionary:
    return Dictionary(Type=Name.Action, S=Name("/" + soort), **velden)


def link_met(gevolg: Dictionary) -> Wijziging:
    return lambda pdf: annotatie(pdf, Subtype=Name.Link, A=gevolg)


def annotatie_van_soort(soort: str) -> Wijziging:
    return lambda pdf: annotatie(pdf, Subtype=Name("/" + soort))


def formulier_xobject(pdf: pikepdf.Pdf, resources: Dictionary, **velden: object) -> pikepdf.Object:
    return pdf.make_stream(
        b"BT /F2 10 Tf (x) Tj ET",
        Type=Name.XObject,
        Subtype=Name.Form,
        BBox=[0, 0, 100, 100],
        Resources=resources,
        **velden,
    )


def extra_stream(**velden: object) -> Wijziging:
    def wijzig(pdf: pikepdf.Pdf) -> None:
        xobject = formulier_xobject(pdf, Dictionary(), **velden)
        pagina(pdf).Resources.XObject = Dictionary(X1=xobject)

    return wijzig


def zonder(sleutel: str) -> Wijziging:
    def wijzig(pdf: pikepdf.Pdf) -> None:
        del pdf.Root[sleutel]

    return wijzig


def met_bijlage(pdf: pikepdf.Pdf) -> None:
    pdf.attachments["gegevens.txt"] = pikepdf.AttachedFileSpec(
        pdf, b"geheime gegevens", filename="gegevens.txt"
    )


def met_metadata(inhoud: bytes, **sleutels: object) -> Wijziging:
    return lambda pdf: zet_metadata(pdf, inhoud, **sleutels)


def met_lettertype_op_pagina(maak: Callable[[pikepdf.Pdf], pikepdf.Object]) -> Wijziging:
    def wijzig(pdf: pikepdf.Pdf) -> None:
        pagina(pdf).Resources.Font.F2 = maak(pdf)

    return wijzig


def type0(
    beschrijving_van: Callable[[pikepdf.Pdf], pikepdf.Object],
) -> Callable[[pikepdf.Pdf], pikepdf.Object]:
    def maak(pdf: pikepdf.Pdf) -> pikepdf.Object:
        afstammeling = beschrijving_van(pdf)
        afstammeling.Subtype = Name.CIDFontType2
        return pdf.make_indirect(
            Dictionary(
                Type=Name.Font,
                Subtype=Name.Type0,
                BaseFont=Name.Cid,
                Encoding=Name("/Identity-H"),
                DescendantFonts=Array([afstammeling]),
            )
        )

    return maak


def type3(pdf: pikepdf.Pdf) -> pikepdf.Object:
    return pdf.make_indirect(
        Dictionary(
            Type=Name.Font,
            Subtype=Name.Type3,
            FontBBox=[0, 0, 1, 1],
            FontMatrix=[1, 0, 0, 1, 0, 0],
            CharProcs=Dictionary(),
            Encoding=Dictionary(),
            FirstChar=0,
            LastChar=0,
            Widths=[0],
        )
    )


def lettertype_in_formulier(maak: Callable[[pikepdf.Pdf], pikepdf.Object], diepte: int = 2) -> Wijziging:
    """Een lettertype in een formulier-XObject dat `diepte` niveaus diep genest is."""

    def wijzig(pdf: pikepdf.Pdf) -> None:
        resources = Dictionary(Font=Dictionary(F2=maak(pdf)))
        for _ in range(diepte):
            resources = Dictionary(XObject=Dictionary(X=formulier_xobject(pdf, resources)))
        pagina(pdf).Resources.XObject = resources.XObject

    return wijzig


def lettertype_in_weergave(maak: Callable[[pikepdf.Pdf], pikepdf.Object]) -> Wijziging:
    def wijzig(pdf: pikepdf.Pdf) -> None:
        weergave = formulier_xobject(pdf, Dictionary(Font=Dictionary(F2=maak(pdf))))
        annotatie(pdf, Subtype=Name.FreeText, DA="/F2 10 Tf", AP=Dictionary(N=weergave))

    return wijzig


def formulierveld(**velden: object) -> Wijziging:
    def wijzig(pdf: pikepdf.Pdf) -> None:
        veld = pdf.make_indirect(Dictionary(FT=Name.Tx, T="veld", **velden))
        ouder = pdf.make_indirect(Dictionary(T="groep", Kids=Array([veld])))
        pdf.Root.AcroForm = Dictionary(Fields=Array([ouder]))

    return wijzig


def javascript_in_names(pdf: pikepdf.Pdf) -> None:
    script = pdf.make_indirect(actie("JavaScript", JS="app.alert('hoi')"))
    pdf.Root.Names = Dictionary(JavaScript=Dictionary(Names=Array([String("start"), script])))


def javascript_in_next_keten(pdf: pikepdf.Pdf) -> None:
    laatste = pdf.make_indirect(actie("JavaScript", JS="app.alert(1)"))
    midden = pdf.make_indirect(actie("GoTo", D=Array([pagina(pdf), Name.Fit]), Next=laatste))
    annotatie(pdf, Subtype=Name.Link, A=actie("GoTo", D=Array([pagina(pdf), Name.Fit]), Next=Array([midden])))


def transparante_extgstate(pdf: pikepdf.Pdf) -> None:
    masker = Dictionary(Type=Name.Mask, S=Name.Luminosity, G=formulier_xobject(pdf, Dictionary()))
    pagina(pdf).Resources.ExtGState = Dictionary(GS1=Dictionary(Type=Name.ExtGState, SMask=masker))


def transparante_groep(pdf: pikepdf.Pdf) -> None:
    pagina(pdf).Group = Dictionary(Type=Name.Group, S=Name.Transparency, CS=Name.DeviceRGB)


def halfdoorzichtig(pdf: pikepdf.Pdf) -> None:
    pagina(pdf).Resources.ExtGState = Dictionary(GS1=Dictionary(Type=Name.ExtGState, ca=0.5))


def met_dekking(waarde: str):
    """An ExtGState whose opacity is written exactly as `waarde` (a PDF real, as a producer rounds it)."""

    def wijziging(pdf: pikepdf.Pdf) -> None:
        dekking = Decimal(waarde)
        pagina(pdf).Resources.ExtGState = Dictionary(
            GS1=Dictionary(Type=Name.ExtGState, CA=dekking, ca=dekking)
        )

    return wijziging


def afbeelding_met_masker(pdf: pikepdf.Pdf) -> None:
    masker = pdf.make_stream(
        b"\xff",
        Type=Name.XObject,
        Subtype=Name.Image,
        Width=1,
        Height=1,
        ColorSpace=Name.DeviceGray,
        BitsPerComponent=8,
    )
    beeld = pdf.make_stream(
        b"\x00\x00\x00",
        Type=Name.XObject,
        Subtype=Name.Image,
        Width=1,
        Height=1,
        ColorSpace=Name.DeviceRGB,
        BitsPerComponent=8,
        SMask=masker,
    )
    pagina(pdf).Resources.XObject = Dictionary(Im1=beeld)


def dekkende_extgstate(pdf: pikepdf.Pdf) -> None:
    staat = Dictionary(Type=Name.ExtGState, SMask=Name("/None"), CA=1, ca=1.0, BM=Name.Normal)
    pagina(pdf).Resources.ExtGState = Dictionary(GS1=staat)
