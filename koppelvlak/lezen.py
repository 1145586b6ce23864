"""Reading a delivered batch: safe, bounded and streaming.

    with lees_batch(stroom) as lezing:
        kop = lezing.kop
        for bericht in lezing.berichten():
            ...

Safe: no DTD (a DOCTYPE is refused outright), no entities, no network. Bounded: the bytes are counted as
they are read and the batch is refused as soon as it passes `max_bytes`; a text node over 10 MB stops libxml2;
each bericht is removed from the tree once it is handed over, so memory holds one bericht at a time.

Validation: the published XSD, on the tree as far as it is read. BatchInformatie is validated on its own
the moment it is complete (so `kop` is known on entry); after every block of the stream the tree so far (the
root, BatchInformatie, the berichten not yet handed over) is validated as a whole, and errors inside a bericht
still being read wait until it is complete. libxml2's validator-while-parsing (`schema=` on the parser) would
report an error only at the very end of the document and without a line number; this way a wrong bericht on
line 12 of a 100 MB batch is refused after the first block, with line 12 in the reason.

Every refusal is `BatchGeweigerd(VerwerkingsCode.XML_ONGELDIG, Dutch reason, line or None)`.
"""

import binascii
import itertools
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import BinaryIO

from lxml import etree

from domain.fouten import BatchGeweigerd
from domain.levering import (
    MAX_BATCH_BYTES,
    MAX_BERICHTEN,
    MAX_PERSOONLIJKE_BIJLAGEN_BYTES,
    Batchkop,
    Berichtlevering,
    Bijlagelevering,
)
from domain.verwerking import VerwerkingsCode
from koppelvlak import meldingen
from koppelvlak.schema import berichten_xsd, tag
from koppelvlak.tijd import begin_van_dag, datum_of_tijdstip, tijdstip

BLOK = 1024 * 1024
KOP_BINNEN = 1024 * 1024
WORTEL, KOP, BERICHT = tag("Berichten"), tag("BatchInformatie"), tag("Bericht")
# BerichtInformatie's children in the XSD's order; all ten present is the common case, read by position.
_VOLGORDE_VELDEN = tuple(
    tag(naam)
    for naam in (
        "BatchID", "BerichtID", "BerichtType", "PublicatieDatum", "EindDatumHandelingsTermijn", "Onderwerp",
        "BerichtTekst", "Referentie", "GebruikerID", "SoortGebruiker",
    )
)  # fmt: skip
_INHOUD, _OMSCHRIJVING, _VOLGORDE = tag("Inhoud"), tag("Omschrijving"), tag("Volgorde")
_WIT = str.maketrans("", "", " \t\r\n")


def _weiger(melding: str, regel: int | None = None) -> BatchGeweigerd:
    return BatchGeweigerd(VerwerkingsCode.XML_ONGELDIG, melding, regel)


class Lezing:
    """One batch being read: `kop` is known on entry, `berichten()` hands the berichten over one by one."""

    def __init__(self, stroom: BinaryIO, max_bytes: int) -> None:
        self._stroom = stroom
        self._max_bytes = max_bytes
        self._gelezen = 0
        etree.clear_error_log()
        self._parser = etree.XMLPullParser(
            events=("start", "end"),
            # In any namespace: a root in the wrong one must still be seen, to be named in the refusal.
            tag=("{*}Berichten", "{*}BatchInformatie", "{*}Bericht"),
            resolve_entities=False,
            no_network=True,
            load_dtd=False,
            huge_tree=False,
            remove_comments=True,
            remove_pis=True,
        )
        self._blokken = self._lees()
        self._gesloten = False
        self._wortel: etree._Element | None = None
        self._kop_element: etree._Element | None = None
        self._rest: list[tuple[str, etree._Element]] = []
        self._aantal = 0
        self.kop = self._lees_kop()

    # -- the stream ------------------------------------------------------------------------------------

    def _lees(self) -> Iterator[list[tuple[str, etree._Element]]]:
        """The parser's events per block read, counting the stream's bytes as they come in."""
        while True:
            blok = self._stroom.read(BLOK)
            if not blok:
                break
            self._gelezen += len(blok)
            if self._gelezen > self._max_bytes:
                raise _weiger(meldingen.te_groot(self._max_bytes))
            self._voer(blok)
            yield list(self._parser.read_events())
        self._sluit()
        yield list(self._parser.read_events())

    def _voer(self, blok: bytes) -> None:
        try:
            self._parser.feed(blok)
        except etree.XMLSyntaxError as fout:
            raise self._syntaxfout(fout) from None

    def _sluit(self) -> None:
        try:
            wortel = self._parser.close()
        except etree.XMLSyntaxError as fout:
            raise self._syntaxfout(fout) from None
        self._gesloten = True
        if self._wortel is None:  # a root whose name gave no event
            self._begin_wortel(wortel)

    def _syntaxfout(self, fout: etree.XMLSyntaxError) -> BatchGeweigerd:
        # A DOCTYPE whose entities broke the document is refused for the DOCTYPE, the real cause.
        if self._wortel is not None and _heeft_doctype(self._wortel):
            return _weiger(meldingen.DOCTYPE, 1)
        # libxml2's own entry says more than lxml's summary ("no element found" after an undefined entity).
        # The log lxml hands over can be the thread's global one: an empty document adds no entry of its own,
        # and the last entry was then an earlier schema error. Only this parse's own entries count (the log is
        # cleared when a reading starts; schema errors come from validation, not from parsing).
        fouten = [
            f
            for f in fout.error_log.filter_from_errors()
            if f.domain != etree.ErrorDomains.SCHEMASV
        ]
        tekst, regel = (fouten[-1].message, fouten[-1].line) if fouten else (str(fout), fout.lineno)
        if "ntity" in tekst:
            return _weiger(meldingen.ENTITEIT, regel or None)
        return _weiger(meldingen.syntax_melding(tekst), regel or None)

    # -- the parts -------------------------------------------------------------------------------------

    def _lees_kop(self) -> Batchkop:
        for gebeurtenissen in self._blokken:
            for i, (soort, element) in enumerate(gebeurtenissen):
                if self._wortel is None:
                    self._begin_wortel(element.getroottree().getroot())
                if soort == "end" and element.tag == KOP:
                    self._rest = gebeurtenissen[i + 1 :]
                    self._kop_element = element
                    return self._maak_kop(element)
                if element.tag != KOP and element is not self._wortel:
                    raise _weiger(_xsd_onverwacht(element, "BatchInformatie"), element.sourceline)
            if self._gelezen > KOP_BINNEN:
                # BatchInformatie comes first and is small; a document without it is not read any further.
                raise _weiger(
                    meldingen.GEEN_KOP, self._wortel.sourceline if self._wortel is not None else None
                )
        raise _weiger(meldingen.GEEN, self._wortel.sourceline if self._wortel is not None else None)

    def _begin_wortel(self, wortel: etree._Element) -> None:
        self._wortel = wortel
        if _heeft_doctype(wortel):
            raise _weiger(meldingen.DOCTYPE, 1)
        if wortel.tag != WORTEL:
            raise _weiger(meldingen.verkeerde_wortel(wortel.tag), wortel.sourceline)

    def _maak_kop(self, element: etree._Element) -> Batchkop:
        self._valideer(element)
        batch_id, aanmaakdatum, leverancier = (kind.text or "" for kind in element)
        try:
            moment = tijdstip(aanmaakdatum)
        except ValueError:
            raise _weiger("De AanmaakDatum is geen bestaand tijdstip.", element[1].sourceline) from None
        return Batchkop(batch_id.lower(), moment, leverancier)

    def _valideer(self, element: etree._Element, open_bericht: etree._Element | None = None) -> None:
        """Validates against the XSD. Errors inside `open_bericht` (still being read, so still incomplete)
        wait until it is complete. libxml2 names only a line: an error on a later line is in the open bericht,
        an earlier one is real; on its first line (XML written on one line) each complete part is validated
        on its own to tell."""
        xsd = berichten_xsd()
        if xsd.validate(element):
            return
        fouten = xsd.error_log.filter_from_errors()
        vanaf = open_bericht.sourceline if open_bericht is not None else None
        for fout in fouten:
            if vanaf is None or not fout.line or fout.line < vanaf:
                raise _weiger(meldingen.xsd_melding(fout.message), fout.line or element.sourceline)
        if any(fout.line == vanaf for fout in fouten):
            for deel in element:
                if deel is not open_bericht:
                    self._valideer(deel)

    def berichten(self) -> Iterator[Berichtlevering]:
        """The berichten in the order of the batch. After each block read, the tree so far is validated as a
        whole (the XSD sees the root's structure too); handed-over berichten then leave the tree, the last
        one excepted: libxml2 may still be appending the text after it, so it stays, whole, and is validated
        once more with the next block."""
        gebeurtenissen, open_bericht, self._rest = self._rest, None, []
        for volgende in itertools.chain((None,), self._blokken):
            gebeurtenissen = gebeurtenissen if volgende is None else volgende
            klaar = []
            for soort, element in gebeurtenissen:
                if element.tag != BERICHT:
                    continue
                if soort == "start":
                    self._aantal += 1
                    if self._aantal > MAX_BERICHTEN:
                        raise _weiger(meldingen.TE_VEEL, element.sourceline)
                    open_bericht = element
                else:
                    klaar.append(element)
                    open_bericht = None
            if self._gesloten and self._aantal == 0:
                raise _weiger(meldingen.GEEN, self._wortel.sourceline)
            if klaar or self._gesloten:
                self._valideer(self._wortel, open_bericht)
            for element in klaar:
                yield self._maak_bericht(element)
            if klaar:
                self._ruim_op(klaar[-1])

    def _ruim_op(self, laatste: etree._Element) -> None:
        # BatchInformatie is the first child (validated); everything between it and `laatste` was handed over.
        wortel = self._wortel
        del wortel[1 : wortel.index(laatste)]

    def _maak_bericht(self, element: etree._Element) -> Berichtlevering:
        informatie = element[0]
        kinderen = list(informatie)
        if len(kinderen) == len(_VOLGORDE_VELDEN):
            teksten = [kind.text or "" for kind in kinderen]
        else:  # optional elements left out: place by name
            gegeven = {kind.tag: kind.text or "" for kind in kinderen}
            teksten = [gegeven.get(naam, "") for naam in _VOLGORDE_VELDEN]
        batch_id, bericht_id, soort, publicatie, eind, onderwerp, tekst, referentie, gebruiker, wie = teksten
        if batch_id.lower() != self.kop.batch_id:
            raise _weiger(
                "De BatchID van een bericht is niet de BatchID van de batch (BatchInformatie).",
                informatie[0].sourceline,
            )
        try:
            publicatiedatum = _publicatiedatum(publicatie) if publicatie else None
            einddatum = datum_of_tijdstip(eind) if eind.strip() else None
        except ValueError:
            melding = "Een datum van dit bericht is geen bestaande datum."
            raise _weiger(melding, informatie.sourceline) from None
        bijlagen = tuple(_bijlage(b) for b in element[1]) if len(element) > 1 else ()
        return Berichtlevering(
            bericht_id.lower(), soort, onderwerp, tekst, referentie, gebruiker, wie,
            publicatiedatum, einddatum, bijlagen,
        )  # fmt: skip


def _publicatiedatum(tekst: str) -> datetime | None:
    """Empty means: publish at once. A date without a time is the start of that Dutch day."""
    if not tekst.strip():
        return None
    waarde = datum_of_tijdstip(tekst)
    return waarde if isinstance(waarde, datetime) else begin_van_dag(waarde)


def _bijlage(element: etree._Element) -> Bijlagelevering:
    inhoud, omschrijving, volgorde = (element.find(naam) for naam in (_INHOUD, _OMSCHRIJVING, _VOLGORDE))
    tekst = (inhoud.text or "").translate(_WIT)
    grootte = len(tekst) // 4 * 3 - len(tekst[-2:]) + len(tekst[-2:].rstrip("="))
    if grootte > MAX_PERSOONLIJKE_BIJLAGEN_BYTES:
        # Too big to be delivered anyway: the bytes are never decoded (processing says BijlageTeGroot).
        return Bijlagelevering(omschrijving.text, int(volgorde.text), grootte, None)
    try:
        bytes_ = binascii.a2b_base64(tekst, strict_mode=True)
    except (binascii.Error, ValueError):
        raise _weiger("De Inhoud van een bijlage is geen geldige base64.", inhoud.sourceline) from None
    return Bijlagelevering(omschrijving.text, int(volgorde.text), len(bytes_), bytes_)


def _xsd_onverwacht(element: etree._Element, verwacht: str) -> str:
    return meldingen.xsd_melding(
        f"Element '{element.tag}': This element is not expected. Expected is ( {verwacht} )."
    )


def _heeft_doctype(wortel: etree._Element) -> bool:
    info = wortel.getroottree().docinfo
    return bool(info.doctype) or info.internalDTD is not None or info.externalDTD is not None


@contextmanager
def lees_batch(stroom: BinaryIO, max_bytes: int = MAX_BATCH_BYTES) -> Iterator[Lezing]:
    """Reads the batch's BatchInformatie on entry; raises BatchGeweigerd (XmlValidatieTegenXsdValtNegatiefUit)
    for anything that is not a safe, valid koppelvlak batch, on entry or while the berichten are read."""
    lezing = Lezing(stroom, max_bytes)
    try:
        yield lezing
    finally:
        lezing._blokken.close()


__all__ = ["Lezing", "lees_batch"]
