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


class _Regels:
    """Rows of the download. The texts that repeat (a batch's moments, a reason's explanation) are made
    once per download, not once per bericht: a download may hold a hundred thousand rows."""

    def __init__(self) -> None:
        self._momenten: dict = {}
        self._uitkomsten: dict = {}

    def _moment(self, moment) -> str:
        if moment not in self._momenten:
            self._momenten[moment] = moment_als_tekst(moment, seconden=True)
        return self._momenten[moment]

    def _uitkomst(
        self, code: str | None, waarschuwing: str | None, reden: str | None
    ) -> tuple[str, str, str]:
        sleutel = (code, waarschuwing, reden)
        if sleutel not in self._uitkomsten:
            if code is None:
                self._uitkomsten[sleutel] = ("", "", "")
            else:
                k = kleur(code, waarschuwing)
                tekst = waarschuwing or reden or ""
                self._uitkomsten[sleutel] = (UITKOMST[k.value], tekst, uitleg(code, tekst, k))
        return self._uitkomsten[sleutel]

    def regel(self, r: Foutregel) -> tuple:
        uitkomst, reden, tekst = self._uitkomst(r.code, r.waarschuwing, r.reden)
        return (
            r.batch_id,
            r.leverancier,
            self._moment(r.ontvangen_op),
            self._moment(r.verwerkt_op),
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
    maak = _Regels()
    for teller, regel in enumerate(regels, 1):
        schrijver.writerow(maak.regel(regel))
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
