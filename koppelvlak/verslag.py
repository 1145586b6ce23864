"""The processing report in the koppelvlak's form (`BerichtVerwerkResponse`), as XML and as JSON.

Only what the report names goes in: the counters, the dates, and per bericht its BerichtID, BerichtType,
VerwerkingsCode and Stadium (JSON adds the Dutch explanation, and a warning or reason where there is one).
Never a BSN: the report has no field for one, and a free text that looks like one is masked.
"""

import re
from datetime import datetime
from xml.sax.saxutils import escape

from domain.verslag import Berichtuitkomst, Verwerkingsverslag
from domain.waarden import bevat_bsn
from koppelvlak.schema import NS

_NEGEN_CIJFERS = re.compile(r"[0-9](?:[ .-]?[0-9]){8}")


def _tijd(moment: datetime | None) -> str | None:
    return None if moment is None else moment.isoformat()


def _kop(verslag: Verwerkingsverslag) -> dict[str, object]:
    return (
        {"BerichtLeverancierCode": verslag.leverancier, "BatchID": verslag.batch_id}
        | verslag.tellers()
        | {"DatumOntvangen": _tijd(verslag.ontvangen), "DatumVerwerkt": _tijd(verslag.verwerkt)}
    )


def verslag_xml(verslag: Verwerkingsverslag) -> bytes:
    """The report as the koppelvlak's XML (koppelvlak/verslag.xsd); DatumVerwerkt is left out while the batch
    waits for processing."""
    delen = ['<?xml version="1.0" encoding="UTF-8"?>\n', f'<BerichtVerwerkResponse xmlns="{NS}">']
    for naam, waarde in _kop(verslag).items():
        if waarde is not None:
            delen.append(f"<{naam}>{escape(str(waarde))}</{naam}>")
    delen.extend(
        f"<Bericht><BerichtID>{escape(u.bericht_id)}</BerichtID><BerichtType>{escape(u.berichttype)}"
        f"</BerichtType><VerwerkingsCode>{u.code.value}</VerwerkingsCode><Stadium>{u.stadium.value}</Stadium>"
        "</Bericht>"
        for u in verslag.uitkomsten
    )
    delen.append("</BerichtVerwerkResponse>\n")
    return "".join(delen).encode("utf-8")


def verslag_json(verslag: Verwerkingsverslag) -> dict[str, object]:
    """The report with the XML's names as keys, plus `Proceskenmerk`, and per bericht the Dutch `uitleg` of
    its code and its `waarschuwing` or `reden` when there is one."""
    return _kop(verslag) | {
        "Proceskenmerk": verslag.proceskenmerk,
        "Berichten": [_bericht_json(u) for u in verslag.uitkomsten],
    }


def _bericht_json(uitkomst: Berichtuitkomst) -> dict[str, str]:
    bericht = {
        "BerichtID": uitkomst.bericht_id,
        "BerichtType": uitkomst.berichttype,
        "VerwerkingsCode": uitkomst.code.value,
        "Stadium": uitkomst.stadium.value,
        "uitleg": uitkomst.code.uitleg,
    }
    if uitkomst.waarschuwing:
        bericht["waarschuwing"] = _zonder_bsn(uitkomst.waarschuwing)
    if uitkomst.reden:
        bericht["reden"] = _zonder_bsn(uitkomst.reden)
    return bericht


def _zonder_bsn(tekst: str) -> str:
    # A reason quotes a PDF finding or a rule; should it ever hold what could be a BSN, that is hidden.
    return _NEGEN_CIJFERS.sub("*********", tekst) if bevat_bsn(tekst) else tekst
