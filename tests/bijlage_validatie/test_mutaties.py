"""Verminkte PDF's: altijd een oordeel, nooit een uitzondering, nooit langer dan de tijdgrens."""

import json
import time

from hypothesis import given, settings
from hypothesis import strategies as st
from pikepdf import Dictionary, Name

from bijlage_validatie.geisoleerd import WANDKLOK_SECONDEN
from domain.pdf_validatie import Oordeel, Soort, Uitslag
from tests.bijlage_validatie import pdfs, vijandig, wijzigingen
from tests.bijlage_validatie.pdfs import bouw
from tests.bijlage_validatie.wijzigingen import actie, link_met

BASIS = [
    bouw(),
    bouw(link_met(actie("JavaScript", JS="app.alert(1)")), pdfa="1b"),
    bouw(
        wijzigingen.met_lettertype_op_pagina(wijzigingen.niet_ingesloten_lettertype),
        wijzigingen.transparante_groep,
    ),
    bouw(
        wijzigingen.met_bijlage,
        lambda pdf: wijzigingen.annotatie(pdf, Subtype=Name.Text, AA=Dictionary(E=actie("URI"))),
    ),
    # Een bom van 150 MB: verminkt moet het meten ervan ook binnen de tijdgrens blijven.
    pdfs.bouw_gecodeerd(vijandig.extra_inhoud(vijandig.nullen_gecomprimeerd(150), Name.FlateDecode)),
]
LOSSE_OBJECTEN = [
    b"7 0 obj << /Type /Page /Parent 7 0 R /Kids [7 0 R] >> endobj\n",
    b"3 0 obj << /Length 999999999 /Filter /FlateDecode >> stream\nxx\nendstream endobj\n",
    b"2 0 obj [ 2 0 R [ [ [ [ [ [ ] ] ] ] ] ] ] endobj\n",
    b"xref\n0 99999999\n0000000000 65535 f \ntrailer << /Size 99999999 /Root 2 0 R >>\n",
    b"<< /S /JavaScript /JS (x) /Next 5 0 R >>",
]


@st.composite
def verminkt(draw) -> bytes:
    data = bytearray(draw(st.sampled_from(BASIS)))
    for _ in range(draw(st.integers(1, 4))):
        soort = draw(st.sampled_from(["omdraaien", "afkappen", "invoegen", "wissen"]))
        plek = draw(st.integers(0, max(len(data) - 1, 0)))
        if soort == "omdraaien" and data:
            data[plek] ^= draw(st.integers(1, 255))
        elif soort == "afkappen":
            del data[plek:]
        elif soort == "invoegen":
            data[plek:plek] = draw(st.sampled_from(LOSSE_OBJECTEN))
        else:
            del data[plek : plek + draw(st.integers(1, 200))]
    return bytes(data)


@settings(max_examples=60, deadline=None)
@given(data=verminkt())
def test_a_mutated_pdf_always_gets_a_verdict(pool, data):
    begin = time.monotonic()
    uitslag = pool.valideer("verminkt.pdf", data, Soort.PERSOONLIJK)
    assert time.monotonic() - begin < WANDKLOK_SECONDEN
    assert isinstance(uitslag, Uitslag)
    assert uitslag.oordeel in Oordeel
    json.dumps(uitslag.to_json_dict())
