"""The clauses on optional content (layers), actions and forms: for each clause a file that breaks it and a
file that keeps it (see `clausulegevallen`)."""

from __future__ import annotations

import pikepdf
from pikepdf import Array, Dictionary, Name, String

from tests.bijlage_validatie import pdfs
from tests.bijlage_validatie.clausulegevallen import (
    geval,
    op_pagina,
    toetsen,
    veld,
    w,
    zet,
)
from tests.bijlage_validatie.wijzigingen import actie, annotatie


def lagen(**configuratie: object) -> pdfs.Wijziging:
    def wijzig(pdf: pikepdf.Pdf) -> None:
        laag = pdf.make_indirect(Dictionary(Type=Name.OCG, Name=String("Laag")))
        configuratie_ = {"Name": String("Standaard"), "Order": Array([laag])} | configuratie
        pdf.Root.OCProperties = Dictionary(
            OCGs=Array([laag]), D=Dictionary(**{k: v for k, v in configuratie_.items() if v is not None})
        )

    return wijzig


GEVALLEN = [
    *geval("lagen_pdfa1", w(lagen())),
    *geval("lagen_naam", w(lagen(Name=None)), w(lagen())),
    *geval(
        "lagen_naam_dubbel",
        w(
            lagen(),
            lambda p: p.Root.OCProperties.__setitem__(
                "/Configs", Array([Dictionary(Name=String("Standaard"))])
            ),
        ),
        w(lagen()),
    ),
    *geval("lagen_volgorde", w(lagen(Order=Array())), w(lagen())),
    *geval("lagen_as", w(lagen(AS=Array())), w(lagen())),
    *geval(
        "actie_pdfa1",
        w(lambda p: annotatie(p, Subtype=Name.Link, A=actie("GoToE"))),
        w(lambda p: annotatie(p, Subtype=Name.Link, A=actie("URI", URI="https://x.nl"))),
    ),
    *geval(
        "actie_pdfa2",
        w(lambda p: annotatie(p, Subtype=Name.Link, A=actie("Hide"))),
        w(lambda p: annotatie(p, Subtype=Name.Link, A=actie("GoToE"))),
    ),
    *geval(
        "actie_benoemd",
        w(lambda p: annotatie(p, Subtype=Name.Link, A=actie("Named", N=Name.Print))),
        w(lambda p: annotatie(p, Subtype=Name.Link, A=actie("Named", N=Name.NextPage))),
    ),
    *geval("widget_actie_pdfa1", w(veld(A=actie("URI", URI="https://x.nl"))), w(veld())),
    *geval("widget_aa_pdfa1", w(veld(AA=Dictionary(E=actie("URI", URI="https://x.nl"))))),
    *geval("widget_actie_pdfa2", w(veld(A=actie("URI", URI="https://x.nl"))), w(veld())),
    *geval("veld_aa", w(veld(AA=Dictionary(K=actie("URI", URI="https://x.nl"))))),
    *geval("catalogus_aa", w(zet("/AA", lambda p: Dictionary(WC=actie("URI", URI="https://x.nl"))))),
    *geval("pagina_aa", w(op_pagina("/AA", lambda p: Dictionary(O=actie("URI", URI="https://x.nl"))))),
    *geval(
        "needappearances",
        w(veld(), lambda p: p.Root.AcroForm.__setitem__("/NeedAppearances", True)),
        w(veld()),
    ),
    *geval("widget_zonder_weergave", w(veld(AP=None)), w(veld())),
    *geval("xfa", w(zet("/AcroForm", lambda p: Dictionary(Fields=Array(), XFA=p.make_stream(b"<xdp/>"))))),
    *geval(
        "needsrendering",
        w(zet("/NeedsRendering", lambda p: True)),
        w(zet("/NeedsRendering", lambda p: False)),
    ),
    *geval(
        "perms",
        w(zet("/Perms", lambda p: Dictionary(Ander=Dictionary()))),
        w(zet("/Perms", lambda p: Dictionary(DocMDP=Dictionary()))),
    ),
    *geval(
        "alternatieve_presentaties",
        w(zet("/Names", lambda p: Dictionary(AlternatePresentations=Dictionary()))),
    ),
    *geval("presentatiestappen", w(op_pagina("/PresSteps", lambda p: Dictionary()))),
    *geval("vereisten", w(zet("/Requirements", lambda p: Array()))),
]

(
    test_a_file_that_breaks_the_clause_gets_its_finding,
    test_a_file_that_keeps_the_clause_gets_no_finding,
) = toetsen(GEVALLEN)
