import pytest

from domain.fouten import NietToegestaan, OngeldigeWaarde
from domain.notificatie import notificatietekst
from domain.organisatie import Organisatie
from domain.profiel import Profiel
from domain.waarden import Actor, Notificatiekenmerk, Oin, Rol
from tests.domain.maak import moment

BEHEERDER = Oin("00000099000000000001")
DOOR = Actor(BEHEERDER, BEHEERDER, "test")


def organisatie(oin: str, rol: Rol, kenmerken=tuple(Notificatiekenmerk)) -> Organisatie:
    return Organisatie.registreren(Oin(oin), f"Organisatie {oin[-3:]}", rol, kenmerken, DOOR, moment())


def test_kenmerken_are_kept_in_the_manuals_order_without_duplicates():
    org = organisatie(
        "00000099000000000101",
        Rol.AFNEMER,
        [Notificatiekenmerk.VERNIEUWEN_NODIG, Notificatiekenmerk.BETALEN, Notificatiekenmerk.BETALEN],
    )
    assert org.kenmerken == (Notificatiekenmerk.BETALEN, Notificatiekenmerk.VERNIEUWEN_NODIG)


def test_an_organisation_needs_at_least_one_kenmerk():
    with pytest.raises(OngeldigeWaarde, match="ten minste één"):
        organisatie("00000099000000000101", Rol.AFNEMER, [])


def test_an_intermediair_serves_an_afnemer_until_it_stops():
    intermediair = organisatie("00000099000000000201", Rol.INTERMEDIAIR)
    afnemer = organisatie("00000099000000000101", Rol.AFNEMER)
    intermediair.bedien_afnemer(afnemer, DOOR, moment(1))
    assert afnemer.oin in intermediair.bediende_afnemers
    intermediair.stop_bedienen(afnemer.oin, DOOR, moment(2))
    assert afnemer.oin not in intermediair.bediende_afnemers


def test_only_an_intermediair_serves_and_only_afnemers_are_served():
    afnemer = organisatie("00000099000000000101", Rol.AFNEMER)
    with pytest.raises(NietToegestaan, match="Alleen een intermediair"):
        organisatie("00000099000000000102", Rol.AFNEMER).bedien_afnemer(afnemer, DOOR, moment(1))
    with pytest.raises(NietToegestaan, match="geen afnemer"):
        organisatie("00000099000000000201", Rol.INTERMEDIAIR).bedien_afnemer(
            organisatie("00000099000000000202", Rol.INTERMEDIAIR), DOOR, moment(1)
        )


def test_only_an_afnemer_has_a_profiel():
    with pytest.raises(NietToegestaan, match="organisatieprofiel"):
        organisatie("00000099000000000201", Rol.INTERMEDIAIR).wijzig_profiel(
            Profiel.controleer("Toelichting", "", "Geen"), DOOR, moment(1)
        )


@pytest.mark.parametrize("kenmerk", list(Notificatiekenmerk))
def test_every_notification_text_names_the_afzender(kenmerk):
    tekst = notificatietekst(kenmerk, "Gemeente {Test}")
    assert "Gemeente {Test}" in tekst and "{Afzender}" not in tekst and "MijnOverheid" in tekst
