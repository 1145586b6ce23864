"""Berichttype wijzigen: details and status together or not at all, and a kenmerk the beheerder withdrew."""

import pytest

from domain.berichttype import OVERGANGEN, controleer_kenmerkkeuze, controleer_overgang
from domain.fouten import NietToegestaan, OngeldigeWaarde
from domain.waarden import Notificatiekenmerk, Status
from tests.domain.maak import ALLE_KENMERKEN, DOOR, berichttype, moment

BETALEN, KRIJGEN = Notificatiekenmerk.BETALEN, Notificatiekenmerk.INFORMATIE_KRIJGEN
ALLEEN_KRIJGEN = [KRIJGEN]


VASTGELEGD = {Status.ACTIEF: "Activated", Status.INACTIEF: "Deactivated", Status.ARCHIEF: "Archived"}


def _soorten(item) -> list[str]:
    return [type(e).__qualname__.removeprefix("Berichttype.") for e in item.collect_events()]


@pytest.mark.parametrize(
    ("van", "naar"), [(v, n) for v, naar in OVERGANGEN.items() for n in naar], ids=lambda s: s.value
)
def test_details_and_an_allowed_status_are_recorded_together(van, naar):
    item = berichttype(status=van)
    item.collect_events()
    item.wijzig("Nieuwe naam", KRIJGEN, ALLE_KENMERKEN, naar, DOOR, moment(5))
    assert (item.omschrijving, item.kenmerk, item.status) == ("Nieuwe naam", KRIJGEN, naar)
    assert _soorten(item) == ["DetailsChanged", VASTGELEGD[naar]]


def test_a_refused_status_records_no_details_either():
    item = berichttype(status=Status.NIEUW)
    versie = item.version
    with pytest.raises(NietToegestaan, match="Nieuw kan niet de status Archief krijgen") as fout:
        item.wijzig("Nieuwe naam", KRIJGEN, ALLE_KENMERKEN, Status.ARCHIEF, DOOR, moment(5))
    assert fout.value.veld == "status"
    assert (item.omschrijving, item.kenmerk, item.version) == ("Aanslag", BETALEN, versie)


@pytest.mark.parametrize("status", [None, Status.NIEUW])
def test_no_status_or_the_current_one_keeps_the_status(status):
    item = berichttype()
    item.collect_events()
    item.wijzig("Nieuwe naam", BETALEN, ALLE_KENMERKEN, status, DOOR, moment(5))
    assert _soorten(item) == ["DetailsChanged"] and item.status is Status.NIEUW


def test_unchanged_details_with_a_new_status_record_only_the_status():
    item = berichttype()
    item.collect_events()
    item.wijzig("Aanslag", BETALEN, ALLE_KENMERKEN, Status.ACTIEF, DOOR, moment(5))
    assert _soorten(item) == ["Activated"]


def test_a_withdrawn_kenmerk_may_be_kept_when_the_details_change():
    item = berichttype()
    item.wijzig_details("Nieuwe naam", BETALEN, ALLEEN_KRIJGEN, DOOR, moment(5))
    assert (item.omschrijving, item.kenmerk) == ("Nieuwe naam", BETALEN)


def test_a_withdrawn_kenmerk_cannot_be_chosen_anew_once_left():
    item = berichttype()
    item.wijzig_details("Aanslag", KRIJGEN, ALLEEN_KRIJGEN, DOOR, moment(5))
    with pytest.raises(OngeldigeWaarde, match="niet beschikbaar") as fout:
        item.wijzig_details("Aanslag", BETALEN, ALLEEN_KRIJGEN, DOOR, moment(6))
    assert fout.value.veld == "notificatiekenmerk" and item.kenmerk is KRIJGEN


def test_the_kenmerk_rule_keeps_the_current_and_checks_a_new_choice():
    controleer_kenmerkkeuze(BETALEN, BETALEN, ALLEEN_KRIJGEN)
    controleer_kenmerkkeuze(BETALEN, KRIJGEN, ALLEEN_KRIJGEN)
    with pytest.raises(OngeldigeWaarde):
        controleer_kenmerkkeuze(KRIJGEN, BETALEN, ALLEEN_KRIJGEN)


@pytest.mark.parametrize("naar", list(Status), ids=lambda s: s.value)
def test_the_lifecycle_check_matches_the_transitions(naar):
    for van, toegestaan in OVERGANGEN.items():
        if naar in toegestaan:
            controleer_overgang(van, naar)
        else:
            with pytest.raises(NietToegestaan, match=f"{van.value} kan niet de status {naar.value}"):
                controleer_overgang(van, naar)
