"""Batch intake: a berichtleverancier's batch in the koppelvlak's XML, read safely and in one pass
(koppelvlak/lezen.py), its contents stored by hash, the batch recorded as one event, and, embedded,
processed at once so its report is ready when the delivery returns.

Who may deliver for whom: the certificate's OIN must be the batch's `BerichtLeverancierID`
(`OinInCPAKomtNietOvereenMetOinInBericht`). The koppelvlak's XML does not name the afnemer, so the delivery
does: an afnemer delivers for itself (naming no afnemer, or itself); an intermediair names the afnemer it
delivers for (`?afnemer=OIN` on the API, `--afnemer` on the command line) and must serve that afnemer at the
moment of delivery.

Sending a BatchID again is idempotent: the stored batch and its report are the answer, nothing is stored
twice, and the rest of the XML is not even read.
"""

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import BinaryIO

from domain.batch import Bijlageverwijzing, OntvangenBericht
from domain.fouten import BatchGeweigerd, BestaatAl, NietToegestaan
from domain.levering import MAX_BATCH_BYTES, Berichtlevering
from domain.verwerking import VerwerkingsCode
from domain.waarden import Actor, Oin, Rol
from events_store.basis import Vastgelegd
from events_store.berichtinhoud import Inhoudschrijver
from events_store.verwerking import Verwerking
from koppelvlak.lezen import lees_batch
from service_layer.lezen import Lezen
from service_layer.verwerken import Beoordeling, Verwerker, nieuw_proceskenmerk


@dataclass(frozen=True)
class Aanlevering:
    """The answer to a delivery: the BatchID, whether this delivery recorded it (False for a resend), and what
    was recorded (the receipt, and the processing when it ran inline)."""

    batch_id: str
    nieuw: bool
    vastgelegd: tuple[Vastgelegd, ...] = ()


# What a stored bericht holds, in this order: a JSON array, the cheapest form to write a thousand times per
# batch.
INHOUD = ("onderwerp", "tekst", "referentie", "einddatum_handelingstermijn", "publicatiedatum")
_JSON = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


def inhoud_van(bericht: Berichtlevering) -> bytes:
    """What the citizen reads, as stored (and addressed by its hash): no BSN, which the events hold."""
    einddatum, publicatie = bericht.einddatum_handelingstermijn, bericht.publicatiedatum
    return _JSON.encode(
        [
            bericht.onderwerp,
            bericht.tekst,
            bericht.referentie,
            einddatum.isoformat() if einddatum else None,
            publicatie.isoformat() if publicatie else None,
        ]
    ).encode()


def _ontvangen(bericht: Berichtlevering, schrijver: Inhoudschrijver) -> OntvangenBericht:
    bijlagen = tuple(
        Bijlageverwijzing(
            schrijver.bewaar(b.inhoud) if b.inhoud is not None else None, b.grootte, b.omschrijving
        )
        for b in sorted(bericht.bijlagen, key=lambda b: b.volgorde)
    )
    return OntvangenBericht(
        bericht.bericht_id,
        bericht.berichttype,
        bericht.gebruiker,
        schrijver.bewaar(inhoud_van(bericht)),
        bericht.publicatiedatum,
        bijlagen,
    )


class Intake:
    def __init__(
        self, verwerking: Verwerking, lezen: Lezen, verwerker: Verwerker, inline: Callable[[], bool]
    ) -> None:
        """`inline()`: whether this process processes a batch itself right after receiving it (embedded), or
        leaves it to `portaal verwerking run` (with a worker)."""
        self.verwerking = verwerking
        self.lezen = lezen
        self.verwerker = verwerker
        self._inline = inline

    def lever_aan(
        self,
        stroom: BinaryIO,
        leverancier: Oin,
        certificaat: str,
        afnemer: Oin | None = None,
        max_bytes: int = MAX_BATCH_BYTES,
    ) -> Aanlevering:
        """Receive a batch from `leverancier` (the OIN its certificate proves) for `afnemer`.

        Raises BatchGeweigerd (XML refused, OIN mismatch), NietToegestaan (not this leverancier's afnemer),
        BestaatAl (the BatchID belongs to another leverancier's batch)."""
        with lees_batch(stroom, max_bytes) as lezing:
            kop = lezing.kop
            if kop.leverancier != leverancier.waarde:
                raise BatchGeweigerd(
                    VerwerkingsCode.OIN_KOMT_NIET_OVEREEN,
                    "Het BerichtLeverancierID in de batch is niet de OIN van uw certificaat "
                    f"({leverancier}).",
                )
            voor = self._afnemer(leverancier, afnemer)
            bestaand = self.verwerking.batches.batch(kop.batch_id)
            if bestaand is not None:
                return self._opnieuw(bestaand, leverancier, kop.batch_id)
            with self.verwerking.inhoud.levering() as schrijver:
                berichten = [_ontvangen(b, schrijver) for b in lezing.berichten()]
        actor = Actor(leverancier, voor, certificaat)
        batches = self.verwerking.batches
        try:
            if self._inline():
                beoordeling = Beoordeling(self.verwerker.beoordeel)
                vastgelegd = batches.ontvang_en_verwerk(
                    kop, voor, berichten, actor, nieuw_proceskenmerk(), beoordeling
                )
                self.verwerker.na_verwerking(beoordeling.uitkomsten)
            else:
                vastgelegd = batches.ontvang_batch(kop, voor, berichten, actor)
        except BestaatAl:
            # The same batch delivered twice at once: the other delivery recorded it.
            return self._opnieuw(batches.batch(kop.batch_id), leverancier, kop.batch_id)
        return Aanlevering(kop.batch_id, True, (vastgelegd,))

    def _opnieuw(self, bestaand, leverancier: Oin, batch_id: str) -> Aanlevering:
        if bestaand is None or bestaand.leverancier != leverancier:
            raise BestaatAl("Deze BatchID is al gebruikt door een andere berichtleverancier.")
        # The first delivery's answer may have been lost before the read models showed the batch (a 503
        # while the database restarted, with a worker that was down too): the answer to this one waits for
        # the log as it stands now, which holds the first delivery.
        return Aanlevering(batch_id, False, (self.verwerking.log.stand(),))

    def _afnemer(self, leverancier: Oin, afnemer: Oin | None) -> Oin:
        organisatie = self.lezen.organisatie(leverancier)
        if organisatie is None:
            raise NietToegestaan(f"OIN {leverancier} hoort niet bij een aangesloten organisatie.")
        if organisatie.rol is Rol.AFNEMER and afnemer in (None, leverancier):
            return leverancier
        if organisatie.rol is Rol.INTERMEDIAIR:
            if afnemer is None:
                raise NietToegestaan("Geef aan voor welke afnemer deze batch is (de OIN van de afnemer).")
            if afnemer in organisatie.bediende_afnemers:
                return afnemer
            raise NietToegestaan(f"U levert niet aan namens afnemer {afnemer}.")
        raise NietToegestaan("Deze organisatie mag geen batches aanleveren voor deze afnemer.")
