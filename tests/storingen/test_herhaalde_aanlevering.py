"""A batch delivered again after the answer to its first delivery was lost (a 503 while the database
restarted, the worker down as well): the first delivery is in the log, not yet in the read models. The answer
to the second is the batch's status, never a 500."""

import io

from projections import hartslag
from tests.conftest import AFNEMER
from tests.support.proefportaal import Proefportaal
from tests.verwerking.wereld import richt_in
from tests.web.api.hulp import Leverancier, batch_xml, bericht


def test_a_batch_sent_again_before_the_read_models_show_its_first_delivery_is_answered_with_its_status(
    maak_app, pki, klok
):
    app = maak_app(PORTAAL_PROJECTIE_WERKER=True)
    samenstelling = app.extensions["samenstelling"]
    richt_in(Proefportaal(samenstelling), klok.nu)
    # The workers are alive but behind (a live worker is counted on, so nothing catches up in this process).
    for logboek in samenstelling.motoren:
        hartslag.Kloppend(samenstelling.engine, hartslag.projecties(logboek)).begin()
    xml = batch_xml(AFNEMER, [bericht(0), bericht(1)], klok.nu, "6f1c1a52-8f47-4c43-9d2e-0a4b8a1c2d3e")
    # Recorded, but nothing waited for it: the worker has not got to it, so no read model shows it yet.
    samenstelling.portaal.lever_batch_aan(io.BytesIO(xml), AFNEMER, "test")
    assert samenstelling.lezen.batch("6f1c1a52-8f47-4c43-9d2e-0a4b8a1c2d3e") is None

    antwoord = Leverancier(app.test_client(), pki.pem(AFNEMER)).lever(xml)

    assert antwoord.status_code == 202
    status = antwoord.get_json()
    assert status["nieuw"] is False
    assert (status["batch_id"], status["aantal_berichten"]) == ("6f1c1a52-8f47-4c43-9d2e-0a4b8a1c2d3e", 2)
