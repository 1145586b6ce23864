"""The helpers views use: the actor of each role, and the one place for tenant isolation."""

import pytest
from flask import jsonify

from domain.fouten import NietGevonden
from domain.waarden import BerichttypeCode, Notificatiekenmerk
from tests.conftest import AFNEMER, ANDERE_AFNEMER, BEHEERDER, INTERMEDIAIR, actor_voor
from tests.web.helpers import Bezoeker
from web.lezen import lezen
from web.sessie import afnemer_vereist, current_actor, inlog_vereist, van_afnemer

CODE = BerichttypeCode("AANSLAG")


@pytest.fixture
def proefapp(app, organisaties):
    """Two routes of the kind the Berichttypes tab will have, added to the real app for these tests."""

    @inlog_vereist
    def wie():
        actor = current_actor()
        return jsonify(oin=actor.oin.waarde, namens=actor.namens.waarde, certificaat=actor.certificaat)

    @afnemer_vereist
    def berichttype(code: str):
        gevonden = van_afnemer(lambda afnemer: _details(afnemer, BerichttypeCode(code)))
        return jsonify(omschrijving=gevonden.regel.omschrijving)

    app.add_url_rule("/proef/wie", "proef_wie", wie)
    app.add_url_rule("/proef/berichttype/<code>", "proef_berichttype", berichttype)
    return app


def _details(afnemer, code):
    gevonden = lezen().berichttype_details(afnemer, code)
    if gevonden is None:
        raise NietGevonden("onbekend")
    return gevonden


def _wie(bezoeker: Bezoeker) -> dict:
    return bezoeker.client.get("/proef/wie").get_json()


@pytest.mark.parametrize(
    ("oin", "namens"), [(AFNEMER, AFNEMER), (BEHEERDER, BEHEERDER), (INTERMEDIAIR, AFNEMER)]
)
def test_the_actor_is_the_certificates_organisation_acting_for_the_afnemer(proefapp, pki, oin, namens):
    bezoeker = Bezoeker(proefapp)
    bezoeker.log_in(pki.pem(oin))
    wie = _wie(bezoeker)
    assert (wie["oin"], wie["namens"]) == (oin.waarde, namens.waarde)
    with bezoeker.client.session_transaction() as sessie:
        assert wie["certificaat"] == sessie["certificaat"]


def test_an_intermediair_acts_for_the_afnemer_it_switched_to(proefapp, pki):
    bezoeker = Bezoeker(proefapp)
    bezoeker.log_in(pki.pem(INTERMEDIAIR))
    bezoeker.post("home.wissel_afnemer", {"afnemer": ANDERE_AFNEMER.waarde})
    assert _wie(bezoeker)["namens"] == ANDERE_AFNEMER.waarde


def test_an_object_of_another_afnemer_is_not_found(proefapp, pki, organisaties):
    kenmerk = Notificatiekenmerk.BETALEN
    organisaties.maak_berichttype(ANDERE_AFNEMER, CODE, "Van Toeslagen", kenmerk, actor_voor(ANDERE_AFNEMER))
    eigen, vreemd = Bezoeker(proefapp), Bezoeker(proefapp)
    eigen.log_in(pki.pem(ANDERE_AFNEMER))
    vreemd.log_in(pki.pem(AFNEMER))
    assert eigen.client.get(f"/proef/berichttype/{CODE}").get_json() == {"omschrijving": "Van Toeslagen"}
    assert vreemd.client.get(f"/proef/berichttype/{CODE}").status_code == 404


def test_the_beheerder_has_no_afnemer_pages(proefapp, pki):
    bezoeker = Bezoeker(proefapp)
    bezoeker.log_in(pki.pem(BEHEERDER))
    assert bezoeker.client.get(f"/proef/berichttype/{CODE}").status_code == 403


def test_a_session_for_an_organisation_that_is_not_registered_is_dropped(proefapp):
    bezoeker = Bezoeker(proefapp)
    with bezoeker.client.session_transaction() as sessie:
        sessie.update(oin="00000099000000009999", rol="afnemer", certificaat="1")
    assert bezoeker.client.get("/proef/wie").status_code == 302


def test_a_session_whose_role_no_longer_matches_is_dropped(proefapp):
    bezoeker = Bezoeker(proefapp)
    with bezoeker.client.session_transaction() as sessie:
        sessie.update(oin=AFNEMER.waarde, rol="beheerder", certificaat="1")
    assert bezoeker.client.get("/proef/wie").status_code == 302
    with bezoeker.client.session_transaction() as sessie:
        assert "oin" not in sessie
