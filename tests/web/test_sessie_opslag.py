"""A login lives on the server too: Uitloggen, an idle quarter of an hour or a working day ends it, and a
copy of the cookie is worth nothing afterwards."""

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from service_layer.sessies import sessies
from tests.conftest import AFNEMER
from tests.web.helpers import Bezoeker, meldingen
from web import instellingen
from web.beveiliging import CSP

VERLOPEN = "Waarschuwing: Uw sessie is verlopen of beëindigd. Log opnieuw in."


def _cookie(bezoeker: Bezoeker) -> str:
    return bezoeker.client.get_cookie("session").value


def _met_cookie(app, waarde: str) -> Bezoeker:
    """Another browser holding a copy of the cookie."""
    kopie = Bezoeker(app)
    kopie.client.set_cookie("session", waarde)
    return kopie


def _aantal_sessies(app) -> int:
    with app.extensions["samenstelling"].engine.connect() as verbinding:
        return verbinding.scalar(select(func.count()).select_from(sessies))


def test_a_cookie_copied_before_uitloggen_no_longer_works_afterwards(app, ingelogd):
    bezoeker = ingelogd(AFNEMER)
    kopie = _cookie(bezoeker)
    bezoeker.post("inloggen.uitloggen")
    _met_cookie(app, kopie).get("home.index", status=302)
    assert _aantal_sessies(app) == 0


def test_a_copy_of_the_cookie_works_while_the_session_lives(app, ingelogd):
    """The check itself: the same cookie in another browser is the same session until it ends."""
    _met_cookie(app, _cookie(ingelogd(AFNEMER))).get("home.index")


def test_logging_in_again_ends_the_previous_session(app, ingelogd, pki):
    bezoeker = ingelogd(AFNEMER)
    eerste = _cookie(bezoeker)
    bezoeker.log_in(pki.pem(AFNEMER))
    _met_cookie(app, eerste).get("home.index", status=302)
    bezoeker.get("home.index")
    assert _aantal_sessies(app) == 1


def test_a_session_idle_longer_than_the_limit_ends_with_a_message(app, ingelogd, klok):
    bezoeker = ingelogd(AFNEMER)
    bezoeker.get("home.index")
    klok.nu += timedelta(minutes=15)
    bezoeker.get("home.index", status=302)
    assert VERLOPEN in meldingen(bezoeker.get("inloggen.index"))


def test_a_click_within_the_idle_limit_keeps_the_session(ingelogd, klok):
    bezoeker = ingelogd(AFNEMER)
    for _ in range(6):
        klok.nu += timedelta(minutes=10)
        bezoeker.get("home.index")


def test_an_active_session_ends_after_the_absolute_lifetime(ingelogd, klok):
    bezoeker = ingelogd(AFNEMER)
    for _ in range(47):  # a click every ten minutes for 7 hours 50
        klok.nu += timedelta(minutes=10)
        bezoeker.get("home.index")
    klok.nu += timedelta(minutes=10)
    bezoeker.get("home.index", status=302)


def test_the_limits_come_from_the_configuration(maak_app, organisaties_voor, pki, klok):
    app = maak_app(PORTAAL_SESSIE_INACTIEF_MINUTEN=2)
    organisaties_voor(app)
    bezoeker = Bezoeker(app)
    bezoeker.log_in(pki.pem(AFNEMER))
    klok.nu += timedelta(minutes=2)
    bezoeker.get("home.index", status=302)


def test_the_database_holds_only_a_hash_of_the_token(app, ingelogd):
    bezoeker = ingelogd(AFNEMER)
    with bezoeker.client.session_transaction() as sessie:
        token = sessie["sessie"]
    with app.extensions["samenstelling"].engine.connect() as verbinding:
        rij = verbinding.execute(select(sessies)).one()
    assert token not in [str(w) for w in rij] and rij.oin == AFNEMER.waarde


def test_a_signed_cookie_without_a_session_record_is_no_login(app, organisaties):
    """A cookie signed with the key (leaked, or from before this check) but never issued by a login."""
    bezoeker = Bezoeker(app)
    with bezoeker.client.session_transaction() as sessie:
        sessie.update(oin=AFNEMER.waarde, rol="afnemer", certificaat="1", sessie="verzonnen")
    bezoeker.get("home.index", status=302)


# -- configuration ------------------------------------------------------------------------------------------


def _laad(omgeving: dict, config: dict | None = None) -> dict:
    return instellingen.laad(
        {"SECRET_KEY": "k", **omgeving}, {"PKI_INSTELLINGEN": object(), **(config or {})}
    )


def test_sessions_last_15_minutes_idle_and_8_hours_at_most_by_default():
    gekozen = _laad({})
    assert (gekozen["PORTAAL_SESSIE_INACTIEF_MINUTEN"], gekozen["PORTAAL_SESSIE_MAXIMAAL_UREN"]) == (15, 8)


def test_a_form_token_lives_no_longer_than_the_longest_session():
    assert _laad({})["WTF_CSRF_TIME_LIMIT"] == 8 * 3600
    assert _laad({"PORTAAL_SESSIE_MAXIMAAL_UREN": "4"})["WTF_CSRF_TIME_LIMIT"] == 4 * 3600


def test_the_limits_are_read_from_the_environment():
    gekozen = _laad({"PORTAAL_SESSIE_INACTIEF_MINUTEN": "30", "PORTAAL_SESSIE_MAXIMAAL_UREN": "10"})
    assert (gekozen["PORTAAL_SESSIE_INACTIEF_MINUTEN"], gekozen["PORTAAL_SESSIE_MAXIMAAL_UREN"]) == (30, 10)


@pytest.mark.parametrize("waarde", ["0", "-5", "kwartier", "1.5"])
def test_a_limit_that_is_no_whole_number_stops_the_start(waarde):
    with pytest.raises(RuntimeError, match="PORTAAL_SESSIE_INACTIEF_MINUTEN moet een geheel getal"):
        _laad({"PORTAAL_SESSIE_INACTIEF_MINUTEN": waarde})


def test_the_csp_allows_no_plugins(bezoeker):
    antwoord = bezoeker.client.get(bezoeker.url("inloggen.index"))
    assert antwoord.headers["Content-Security-Policy"] == CSP
    assert "object-src 'none'" in CSP.split("; ")
