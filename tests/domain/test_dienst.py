import pytest

from domain.fouten import NietToegestaan, OngeldigeWaarde
from domain.waarden import BerichttypeCode, Status
from tests.domain.maak import DOOR, dienst, moment

AB1 = BerichttypeCode("AB1")
AB2 = BerichttypeCode("AB2")


def test_a_new_dienst_is_active_at_once_with_no_links():
    nieuw = dienst()
    assert nieuw.actief and nieuw.koppelingen == {} and nieuw.gedeactiveerd_op is None


@pytest.mark.parametrize("status", [Status.NIEUW, Status.ACTIEF, Status.INACTIEF])
def test_a_berichttype_that_is_not_archived_can_be_linked(status):
    item = dienst()
    item.koppel(AB1, status, DOOR, moment(5))
    assert item.koppelingen == {AB1: moment(5)}


def test_an_archived_berichttype_cannot_be_linked():
    with pytest.raises(NietToegestaan, match="gearchiveerd"):
        dienst().koppel(AB1, Status.ARCHIEF, DOOR, moment(5))


def test_a_berichttype_cannot_be_linked_twice():
    item = dienst()
    item.koppel(AB1, Status.ACTIEF, DOOR, moment(5))
    with pytest.raises(NietToegestaan, match="al aan deze dienst"):
        item.koppel(AB1, Status.ACTIEF, DOOR, moment(6))


def test_an_inactive_dienst_cannot_get_links():
    item = dienst()
    item.deactiveer(DOOR, moment(5))
    with pytest.raises(NietToegestaan, match="inactieve dienst"):
        item.koppel(AB1, Status.ACTIEF, DOOR, moment(6))


def test_unlinking_ends_only_that_link():
    item = dienst()
    item.koppel(AB1, Status.ACTIEF, DOOR, moment(5))
    item.koppel(AB2, Status.ACTIEF, DOOR, moment(6))
    item.ontkoppel(AB1, DOOR, moment(7))
    assert list(item.koppelingen) == [AB2]


def test_unlinking_a_berichttype_that_is_not_linked_is_refused():
    with pytest.raises(NietToegestaan, match="niet aan deze dienst"):
        dienst().ontkoppel(AB1, DOOR, moment(5))


def test_deactivation_records_its_date_and_ends_every_open_link():
    item = dienst()
    item.koppel(AB1, Status.ACTIEF, DOOR, moment(5))
    item.koppel(AB2, Status.ACTIEF, DOOR, moment(6))
    item.deactiveer(DOOR, moment(10))
    assert not item.actief and item.gedeactiveerd_op == moment(10) and item.koppelingen == {}


def test_reactivation_brings_no_links_back():
    item = dienst()
    item.koppel(AB1, Status.ACTIEF, DOOR, moment(5))
    item.deactiveer(DOOR, moment(10))
    item.activeer(DOOR, moment(11))
    assert item.actief and item.koppelingen == {} and item.gedeactiveerd_op is None


def test_deactivating_an_inactive_dienst_or_activating_an_active_one_is_refused():
    item = dienst()
    with pytest.raises(NietToegestaan, match="al actief"):
        item.activeer(DOOR, moment(5))
    item.deactiveer(DOOR, moment(6))
    with pytest.raises(NietToegestaan, match="al inactief"):
        item.deactiveer(DOOR, moment(7))


def test_only_the_omschrijving_of_a_dienst_changes():
    item = dienst("Toeslagen ")
    item.wijzig_omschrijving("Huurtoeslag", DOOR, moment(5))
    assert (item.dienst_id.waarde, item.omschrijving) == ("Toeslagen ", "Huurtoeslag")


@pytest.mark.parametrize("omschrijving", ["", "x" * 256])
def test_an_empty_or_too_long_omschrijving_of_a_dienst_is_refused(omschrijving):
    with pytest.raises(OngeldigeWaarde):
        dienst().wijzig_omschrijving(omschrijving, DOOR, moment(5))
