"""Writing a batch in the koppelvlak's XML, streaming: a batch of 100 MB never has to be in memory at once.

The inverse of `koppelvlak.lezen`: what `schrijf_batch` writes, `lees_batch` reads back as the same values
(moments in UTC with their zone, GUIDs in lower case).
"""

import base64
from collections.abc import Iterable
from datetime import date, datetime
from typing import BinaryIO

from lxml import etree

from domain.levering import Batchkop, Berichtlevering, Bijlagelevering
from koppelvlak.schema import NS, tag


def _tijd(waarde: date | datetime | None) -> str:
    return "" if waarde is None else waarde.isoformat()


def _veld(xf, naam: str, tekst: str) -> None:
    with xf.element(tag(naam)):
        xf.write(tekst)


def schrijf_batch(uit: BinaryIO, kop: Batchkop, berichten: Iterable[Berichtlevering]) -> None:
    """Writes `Berichten` with the kop and every bericht, flushing after each bericht. A bijlage without
    `inhoud` cannot be written (its bytes were never read) and raises ValueError."""
    with etree.xmlfile(uit, encoding="UTF-8", buffered=True) as xf:
        xf.write_declaration()
        with xf.element(tag("Berichten"), nsmap={None: NS}):
            xf.write("\n")
            with xf.element(tag("BatchInformatie")):
                _veld(xf, "BatchID", kop.batch_id)
                _veld(xf, "AanmaakDatum", _tijd(kop.aanmaakdatum))
                _veld(xf, "BerichtLeverancierID", kop.leverancier)
            xf.write("\n")
            for bericht in berichten:
                _schrijf_bericht(xf, kop.batch_id, bericht)
                xf.write("\n")
                xf.flush()


def _schrijf_bericht(xf, batch_id: str, bericht: Berichtlevering) -> None:
    with xf.element(tag("Bericht")):
        with xf.element(tag("BerichtInformatie")):
            _veld(xf, "BatchID", batch_id)
            _veld(xf, "BerichtID", bericht.bericht_id)
            _veld(xf, "BerichtType", bericht.berichttype)
            # Empty rather than absent: publish at once, no term; every bericht has the same ten fields.
            _veld(xf, "PublicatieDatum", _tijd(bericht.publicatiedatum))
            _veld(xf, "EindDatumHandelingsTermijn", _tijd(bericht.einddatum_handelingstermijn))
            _veld(xf, "Onderwerp", bericht.onderwerp)
            _veld(xf, "BerichtTekst", bericht.tekst)
            _veld(xf, "Referentie", bericht.referentie)
            _veld(xf, "GebruikerID", bericht.gebruiker)
            _veld(xf, "SoortGebruiker", bericht.soort_gebruiker)
        if bericht.bijlagen:
            with xf.element(tag("Bijlagen")):
                for bijlage in bericht.bijlagen:
                    _schrijf_bijlage(xf, bijlage)


def _schrijf_bijlage(xf, bijlage: Bijlagelevering) -> None:
    if bijlage.inhoud is None:
        raise ValueError("Een bijlage zonder inhoud kan niet worden geschreven.")
    with xf.element(tag("Bijlage")):
        _veld(xf, "Inhoud", base64.b64encode(bijlage.inhoud).decode("ascii"))
        _veld(xf, "BijlageType", "Pdf")
        _veld(xf, "Omschrijving", bijlage.omschrijving)
        _veld(xf, "Volgorde", str(bijlage.volgorde))
