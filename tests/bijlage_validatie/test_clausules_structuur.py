"""The clauses on tagged PDF: the structure tree, marked content, alternative texts, headings, tables, lists:
for each clause a file that breaks it and a file that keeps it (see `clausulegevallen`)."""

from __future__ import annotations

import pikepdf
from pikepdf import Array, Dictionary, Name, String

from tests.bijlage_validatie import pdfs
from tests.bijlage_validatie.clausulegevallen import (
    geval,
    inhoud,
    op_pagina,
    tekst_in,
    toetsen,
    w,
    zet,
    zonder,
)
from tests.bijlage_validatie.wijzigingen import annotatie, pagina


def structuur(*elementen: Dictionary, rollen: Dictionary | None = None) -> pdfs.Wijziging:
    """Extra structuurelementen onder het Document-element van de schone bijlage."""

    def wijzig(pdf: pikepdf.Pdf) -> None:
        document = pdf.Root.StructTreeRoot.K
        for element in elementen:
            document.K.append(pdf.make_indirect(_kopie(element)))
        if rollen is not None:
            pdf.Root.StructTreeRoot.RoleMap = rollen

    return wijzig


def _kopie(element: Dictionary) -> Dictionary:
    return Dictionary({k: (_kopie(v) if isinstance(v, Dictionary) else v) for k, v in element.items()})


def el(soort: str, *kinderen: Dictionary, **velden: object) -> Dictionary:
    velden = {"Type": Name.StructElem, "S": Name("/" + soort)} | velden
    if kinderen:
        velden["K"] = Array(list(kinderen))
    return Dictionary(**velden)


def getagde_annotatie(soort: str, tag: str, **velden: object) -> pdfs.Wijziging:
    """Een annotatie die via /StructParent 1 aan een element `tag` hangt."""

    def wijzig(pdf: pikepdf.Pdf) -> None:
        annot = annotatie(pdf, Subtype=Name("/" + soort), StructParent=1, **velden)
        element = pdf.make_indirect(
            Dictionary(
                Type=Name.StructElem,
                S=Name("/" + tag),
                Pg=pagina(pdf),
                K=Dictionary(Type=Name.OBJR, Obj=annot),
            )
        )
        pdf.Root.StructTreeRoot.K.K.append(element)
        pdf.Root.StructTreeRoot.ParentTree.Nums.extend([1, element])
        pagina(pdf).Tabs = Name.S
        if soort == "Widget":
            pdf.Root.AcroForm = Dictionary(Fields=Array([annot]))

    return wijzig


GEVALLEN = [
    *geval("niet_gemarkeerd", w(zonder("/MarkInfo"))),
    *geval("geen_structuur", w(zonder("/StructTreeRoot"))),
    *geval(
        "rol_niet_standaard",
        w(structuur(el("Alinea"))),
        w(structuur(el("Alinea"), rollen=Dictionary(Alinea=Name.P))),
    ),
    *geval(
        "rol_kringloop",
        w(structuur(el("A1"), rollen=Dictionary(A1=Name.A2, A2=Name.A1))),
        w(structuur(el("A1"), rollen=Dictionary(A1=Name.A2, A2=Name.P))),
    ),
    *geval("rol_standaard_herdefinieerd", w(structuur(el("P"), rollen=Dictionary(P=Name.Span)))),
    *geval(
        "taal_ongeldig",
        w(zet("/Lang", lambda p: String("Nederlands!"))),
        w(zet("/Lang", lambda p: String("nl"))),
    ),
    *geval("taal_ongeldig", w(structuur(el("P", Lang=String("1x")))), naam="structuur"),
    *geval(
        "taal_onbekend",
        w(zonder("/Lang")),
        w(zonder("/Lang"), inhoud(b"/P <</MCID 0 /Lang (nl)>> BDC BT /F1 12 Tf (x) Tj ET EMC")),
    ),
    *geval("suspects", w(zet("/MarkInfo", lambda p: Dictionary(Marked=True, Suspects=True)))),
    *geval("artefact_in_tag", w(inhoud(b"/P <</MCID 0>> BDC /Artifact BMC 0 0 1 1 re f EMC EMC"))),
    *geval("tag_in_artefact", w(inhoud(b"/Artifact BMC /P <</MCID 0>> BDC 0 0 1 1 re f EMC EMC"))),
    *geval(
        "ongetagde_inhoud",
        w(inhoud(tekst_in(b"0 0 1 1 re f"))),
        w(inhoud(tekst_in(b"/Artifact BMC 0 0 1 1 re f EMC"))),
    ),
    *geval("figuur_zonder_alt", w(structuur(el("Figure"))), w(structuur(el("Figure", Alt=String("Logo"))))),
    *geval(
        "formule_zonder_alt",
        w(structuur(el("Formula"))),
        w(structuur(el("Formula", ActualText=String("a+b")))),
    ),
    *geval("kop_volgorde", w(structuur(el("H1"), el("H3"))), w(structuur(el("H1"), el("H2"), el("H1")))),
    *geval(
        "kop_meer_h",
        w(structuur(el("Sect", el("H"), el("H")))),
        w(structuur(el("Sect", el("H")), el("Sect", el("H")))),
    ),
    *geval("kop_gemengd_h", w(structuur(el("H1"), el("Sect", el("H"))))),
    *geval("kop_gemengd_hn", w(structuur(el("H1"), el("Sect", el("H"))))),
    *geval(
        "tabelrij_ouder", w(structuur(el("Div", el("TR")))), w(structuur(el("Table", el("TR", el("TD")))))
    ),
    *geval("tabelkop_ouder", w(structuur(el("Table", el("TH"))))),
    *geval("tabelcel_ouder", w(structuur(el("Table", el("TD"))))),
    *geval("tabelrij_kinderen", w(structuur(el("Table", el("TR", el("P")))))),
    *geval(
        "lijstitem_ouder", w(structuur(el("Div", el("LI")))), w(structuur(el("L", el("LI", el("LBody")))))
    ),
    *geval("lijstinhoud_ouder", w(structuur(el("L", el("LBody"))))),
    *geval("lijstitem_kinderen", w(structuur(el("L", el("LI", el("P")))))),
    *geval("noot_id", w(structuur(el("Note"))), w(structuur(el("Note", ID=String("n1"))))),
    *geval(
        "noot_id_dubbel",
        w(structuur(el("Note", ID=String("n1")), el("Note", ID=String("n1")))),
        w(structuur(el("Note", ID=String("n1")), el("Note", ID=String("n2")))),
    ),
    *geval(
        "annotatie_tag",
        w(getagde_annotatie("Text", "Span", Contents=String("Let op"))),
        w(getagde_annotatie("Text", "Annot", Contents=String("Let op"))),
    ),
    *geval(
        "annotatie_beschrijving",
        w(getagde_annotatie("Text", "Annot")),
        w(getagde_annotatie("Text", "Annot", Contents=String("Let op"))),
    ),
    *geval(
        "veld_beschrijving",
        w(getagde_annotatie("Widget", "Form", FT=Name.Tx, AP=Dictionary())),
        w(getagde_annotatie("Widget", "Form", FT=Name.Tx, TU=String("Naam"), AP=Dictionary())),
    ),
    *geval("trapnet", w(getagde_annotatie("TrapNet", "Annot", Contents=String("x")))),
    *geval(
        "tabvolgorde",
        w(getagde_annotatie("Text", "Annot", Contents=String("x")), op_pagina("/Tabs", lambda p: Name.R)),
    ),
    *geval(
        "widget_tag",
        w(getagde_annotatie("Widget", "Span", FT=Name.Tx, TU=String("Naam"))),
        w(getagde_annotatie("Widget", "Form", FT=Name.Tx, TU=String("Naam"))),
    ),
    *geval(
        "link_tag",
        w(getagde_annotatie("Link", "Span", Contents=String("Site"))),
        w(getagde_annotatie("Link", "Link", Contents=String("Site"))),
    ),
    *geval(
        "link_beschrijving",
        w(getagde_annotatie("Link", "Link")),
        w(getagde_annotatie("Link", "Link", Contents=String("Site"))),
    ),
]

(
    test_a_file_that_breaks_the_clause_gets_its_finding,
    test_a_file_that_keeps_the_clause_gets_no_finding,
) = toetsen(GEVALLEN)
