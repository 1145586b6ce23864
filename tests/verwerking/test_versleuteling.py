"""With PORTAAL_CIPHER_KEY set, what the processing log stores holds no BSN and no message text in the clear:
not the events, not the berichten's contents (stored by hash beside them); the contents read back."""

from eventsourcing.cryptography import AESCipher
from sqlalchemy import text

from events_store.berichtinhoud import adres
from service_layer.intake import inhoud_van
from service_layer.samenstelling import bouw
from tests.conftest import AFNEMER
from tests.support.proefportaal import Proefportaal
from tests.verwerking.wereld import batch_stroom, richt_in
from tests.web.api.hulp import MET_BOX, bericht


def test_encrypted_events_and_contents_hold_no_bsn_or_text(database_url, klok):
    samenstelling = bouw({"PORTAAL_CIPHER_KEY": AESCipher.create_key(32)}, url=database_url, klok=klok)
    try:
        portaal = Proefportaal(samenstelling)
        richt_in(portaal, klok.nu)
        geheim = "Uw aanslag bedraagt 1234 euro voor burger 111222333"
        berichten = [bericht(0, tekst=geheim), bericht(1, tekst=geheim, gebruiker=MET_BOX[1])]
        aanlevering = portaal.lever_batch_aan(batch_stroom(0, berichten, klok.nu), AFNEMER, "test")
        samenstelling.na_commando(*aanlevering.vastgelegd)
        assert samenstelling.lezen.batch(aanlevering.batch_id).verwerkt == 2
        with samenstelling.engine.connect() as connection:
            opgeslagen = [
                bytes(waarde)
                for tabel, kolom in (("verwerking_events", "state"), ("bericht_inhoud", "inhoud"))
                for (waarde,) in connection.execute(text(f"SELECT {kolom} FROM {tabel}"))  # noqa: S608
            ]
        assert len(opgeslagen) >= 3
        for waarde in opgeslagen:
            for gevoelig in (*MET_BOX[:2], "aanslag bedraagt", bericht(0).onderwerp):
                assert gevoelig.encode() not in waarde
        inhoud = inhoud_van(berichten[0])
        assert samenstelling.verwerking.inhoud.lees(adres(inhoud)) == inhoud
    finally:
        samenstelling.sluit()
