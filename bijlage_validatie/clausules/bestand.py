"""De bytes van het bestand zelf: kop, binaire commentaarregel, wat na %%EOF staat, xref-streams, trailer."""

from __future__ import annotations

import re

import pikepdf

from bijlage_validatie.clausules.omgeving import Omgeving
from domain.pdf_clausules.clausule import Schending

KOP = re.compile(rb"%PDF-(\d)\.(\d)(\r\n|\r|\n)")
XREF_STREAM = re.compile(rb"/Type\s*/XRef\b")
EOF = b"%%EOF"


def schendingen(omgeving: Omgeving) -> list[Schending]:
    data = omgeving.data
    gevonden = _kop(data, omgeving.deel)
    gevonden += _staart(data)
    if XREF_STREAM.search(data):
        gevonden.append(Schending("xref_stream"))
    trailer = omgeving.pdf.trailer
    id_ = trailer.get("/ID")
    if not isinstance(id_, pikepdf.Array) or len(id_) == 0 or not any(len(bytes(i)) for i in id_):
        gevonden.append(Schending("trailer_id"))
    if omgeving.pdf.is_encrypted:
        gevonden.append(Schending("versleuteld"))
    return gevonden


def _kop(data: bytes, deel: int | None) -> list[Schending]:
    kop = KOP.match(data)
    if kop is None:
        return [Schending("koptekst", detail=repr(data[:12].decode("latin-1")))]
    gevonden = []
    if deel == 2 and (kop.group(1) != b"1" or kop.group(2) > b"7"):
        gevonden.append(Schending("koptekst", detail=kop.group(0).strip().decode("ascii")))
    commentaar = data[kop.end() : kop.end() + 5]
    if len(commentaar) < 5 or commentaar[:1] != b"%" or any(b <= 127 for b in commentaar[1:5]):
        gevonden.append(Schending("binaire_kop"))
    return gevonden


def _staart(data: bytes) -> list[Schending]:
    einde = data.rfind(EOF)
    if einde < 0:
        return []
    rest = data[einde + len(EOF) :]
    if rest in (b"", b"\n", b"\r", b"\r\n"):
        return []
    return [Schending("na_eof", detail=str(len(rest)))]
