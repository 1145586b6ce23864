"""Downloads as CSV the way Excel in the Netherlands opens them: UTF-8 with a byte order mark (else Excel
reads it as Windows-1252), `;` between fields (the Dutch list separator), Dutch column names. Streamed: a
download of a hundred thousand rows never sits in memory as a whole."""

import csv
import io
from collections.abc import Iterable, Iterator

from flask import Response, stream_with_context

from domain.redenen import uitleg
from domain.verwerking import kleur
from service_layer.rapportage import Foutregel
from web.sjablonen import moment_als_tekst

KOLOMMEN = (
    "Batch ID",
    "Berichtleverancier",
    "Ontvangen op",
    "Verwerkt op",
    "Volgnummer",
    "Bericht ID",
    "Berichttype",
    "Stadium",
    "VerwerkingsCode",
    "Uitkomst",
    "Reden",
    "Uitleg",
    "Proceskenmerk",
)
UITKOMST = {"groen": "Verwerkt", "oranje": "Verwerkt met waarschuwing", "rood": "Niet verwerkt"}
PER_KEER = 2000  # rows per chunk written to the response


def _regel(r: Foutregel) -> tuple:
    if r.code is None:
        uitkomst = reden = tekst = ""
    else:
        k = kleur(r.code, r.waarschuwing)
        uitkomst = UITKOMST[k.value]
        reden = r.waarschuwing or r.reden or ""
        tekst = uitleg(r.code, reden, k)
    return (
        r.batch_id,
        r.leverancier,
        moment_als_tekst(r.ontvangen_op, seconden=True),
        moment_als_tekst(r.verwerkt_op, seconden=True),
        r.volgnummer + 1,
        r.bericht_id,
        r.berichttype,
        r.stadium or "",
        r.code or "Nog niet verwerkt",
        uitkomst,
        reden,
        tekst,
        r.proceskenmerk or "",
    )


def regels_als_csv(regels: Iterable[Foutregel]) -> Iterator[str]:
    buffer = io.StringIO()
    schrijver = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    buffer.write("\ufeff")
    schrijver.writerow(KOLOMMEN)
    for teller, regel in enumerate(regels, 1):
        schrijver.writerow(_regel(regel))
        if teller % PER_KEER == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def csv_antwoord(regels: Iterable[Foutregel], bestandsnaam: str) -> Response:
    return Response(
        stream_with_context(regels_als_csv(regels)),
        mimetype="text/csv",
        headers={
            "Content-Disposition": f'attachment; filename="{bestandsnaam}"',
            "Cache-Control": "no-store",
        },
    )
