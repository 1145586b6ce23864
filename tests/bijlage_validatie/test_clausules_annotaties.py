"""The clauses on annotations: for each clause a file that breaks it and a file that keeps it (see
`clausulegevallen`)."""

from __future__ import annotations

from decimal import Decimal

from pikepdf import Array, Dictionary, Name

from tests.bijlage_validatie import wijzigingen
from tests.bijlage_validatie.clausulegevallen import (
    ICC_GRIJS,
    geval,
    met_uitvoerprofiel,
    toetsen,
    veld,
    w,
    xobject,
)
from tests.bijlage_validatie.wijzigingen import annotatie

GEVALLEN = [
    *geval(
        "annotatie_soort_pdfa1",
        w(wijzigingen.annotatie_van_soort("Caret")),
        w(wijzigingen.annotatie_van_soort("Text")),
    ),
    *geval(
        "annotatie_soort_pdfa2",
        w(wijzigingen.annotatie_van_soort("3D")),
        w(wijzigingen.annotatie_van_soort("Caret")),
    ),
    *geval("annotatie_dekking", w(lambda p: annotatie(p, Subtype=Name.Link, CA=Decimal("0.5")))),
    *geval("annotatie_vlaggen_pdfa1", w(lambda p: annotatie(p, Subtype=Name.Link, F=6))),
    *geval("annotatie_f", w(lambda p: annotatie(p, Subtype=Name.Link).__delitem__("/F"))),
    *geval("annotatie_vlaggen", w(lambda p: annotatie(p, Subtype=Name.Link, F=4 + 256))),
    *geval(
        "annotatie_kleur",
        w(lambda p: annotatie(p, Subtype=Name.Link, C=Array([1, 0, 0])), met_uitvoerprofiel(ICC_GRIJS)),
        w(lambda p: annotatie(p, Subtype=Name.Link, C=Array([1, 0, 0]))),
    ),
    *geval(
        "weergave_alleen_n_pdfa1",
        w(lambda p: annotatie(p, Subtype=Name.Square, AP=Dictionary(N=xobject(p), D=xobject(p)))),
    ),
    *geval(
        "weergave_knop_pdfa1",
        w(veld("Btn")),
        w(lambda p: veld("Btn", AP=Dictionary(N=Dictionary(Aan=xobject(p))))(p)),
    ),
    *geval(
        "weergave_stream_pdfa1",
        w(lambda p: annotatie(p, Subtype=Name.Square, AP=Dictionary(N=Dictionary(Aan=xobject(p))))),
    ),
    *geval(
        "weergave_ontbreekt",
        w(lambda p: annotatie(p, Subtype=Name.Square)),
        w(lambda p: annotatie(p, Subtype=Name.Square, Rect=[72, 72, 72, 72])),
    ),
    *geval(
        "weergave_vorm",
        w(lambda p: annotatie(p, Subtype=Name.Square, AP=Dictionary(N=xobject(p), R=xobject(p)))),
        w(lambda p: annotatie(p, Subtype=Name.Square, AP=Dictionary(N=xobject(p)))),
    ),
]

(
    test_a_file_that_breaks_the_clause_gets_its_finding,
    test_a_file_that_keeps_the_clause_gets_no_finding,
) = toetsen(GEVALLEN)
