"""Berichttype wijzigen with its status in one command, and the Gekoppelde diensten changed from the
berichttype in one transaction, on the store the environment names."""

import pytest

from domain.fouten import NietGevonden, NietToegestaan, OngeldigeWaarde
from domain.waarden import BerichttypeCode, DienstId, Notificatiekenmerk, Status
from tests.conftest import actor_voor

AB1 = BerichttypeCode("AB1")


@pytest.fixture
def door(portaal, afnemer):
    door = actor_voor(afnemer)
    portaal.maak_berichttype(afnemer, AB1, "Aanslag", Notificatiekenmerk.BETALEN, door)
    return door


def _events(portaal) -> list[tuple[int, str]]:
    return [
        (n.id, n.topic.rsplit(".", 1)[-1])
        for n in portaal.recorder.select_notifications(start=None, limit=1000)
    ]


def test_details_and_status_are_stored_together_in_one_transaction(portaal, afnemer, door):
    voor = _events(portaal)
    vastgelegd = portaal.wijzig_berichttype(
        afnemer, AB1, "Nieuwe naam", Notificatiekenmerk.INFORMATIE_KRIJGEN, door, status=Status.ACTIEF
    )
    nieuw = _events(portaal)[len(voor) :]
    assert [t for _, t in nieuw] == ["DetailsChanged", "Activated"]
    assert vastgelegd.positie == nieuw[-1][0]
    berichttype = portaal.berichttype(afnemer, AB1)
    assert (berichttype.omschrijving, berichttype.status) == ("Nieuwe naam", Status.ACTIEF)


def test_a_refused_status_stores_the_details_neither(portaal, afnemer, door):
    voor = _events(portaal)
    with pytest.raises(NietToegestaan, match="Nieuw kan niet de status Archief krijgen") as fout:
        portaal.wijzig_berichttype(
            afnemer, AB1, "Nieuwe naam", Notificatiekenmerk.BETALEN, door, status=Status.ARCHIEF
        )
    assert fout.value.veld == "status"
    assert _events(portaal) == voor
    assert portaal.berichttype(afnemer, AB1).omschrijving == "Aanslag"


def _dienst(portaal, afnemer, door, naam: str, actief: bool = True) -> DienstId:
    dienst = DienstId(naam)
    portaal.maak_dienst(afnemer, dienst, f"Dienst {naam}", door)
    if not actief:
        portaal.deactiveer_dienst(afnemer, dienst, door)
    return dienst


def test_gekoppelde_diensten_change_together_in_one_transaction(portaal, afnemer, door):
    d1, d2, d3 = (_dienst(portaal, afnemer, door, n) for n in ("D1", "D2", "D3"))
    portaal.koppel(afnemer, d1, AB1, door)
    voor = _events(portaal)
    portaal.pas_gekoppelde_diensten_toe(afnemer, AB1, [d2, d3], [d1], door)
    assert [t for _, t in _events(portaal)[len(voor) :]] == ["Unlinked", "Linked", "Linked"]
    assert [AB1 in portaal.dienst(afnemer, d).koppelingen for d in (d1, d2, d3)] == [False, True, True]


def test_a_refusal_on_one_dienst_leaves_every_dienst_as_it_was(portaal, afnemer, door):
    d1, d2 = _dienst(portaal, afnemer, door, "D1"), _dienst(portaal, afnemer, door, "D2")
    inactief = _dienst(portaal, afnemer, door, "Oud", actief=False)
    portaal.koppel(afnemer, d1, AB1, door)
    voor = _events(portaal)
    with pytest.raises(NietToegestaan, match="Dienst 'Oud': Aan een inactieve dienst"):
        portaal.pas_gekoppelde_diensten_toe(afnemer, AB1, [d2, inactief], [d1], door)
    assert _events(portaal) == voor
    with pytest.raises(NietGevonden):
        portaal.pas_gekoppelde_diensten_toe(afnemer, AB1, [d2, DienstId("Onbekend")], [], door)
    assert _events(portaal) == voor


def test_an_archived_berichttype_gets_no_new_dienst(portaal, afnemer, door):
    dienst = _dienst(portaal, afnemer, door, "D1")
    for status in (Status.ACTIEF, Status.ARCHIEF):
        portaal.wijzig_berichttype_status(afnemer, AB1, status, door)
    with pytest.raises(NietToegestaan, match="gearchiveerd"):
        portaal.pas_gekoppelde_diensten_toe(afnemer, AB1, [dienst], [], door)


def test_one_dienst_both_linked_and_unlinked_is_refused(portaal, afnemer, door):
    dienst = _dienst(portaal, afnemer, door, "D1")
    with pytest.raises(OngeldigeWaarde, match="niet allebei"):
        portaal.pas_gekoppelde_diensten_toe(afnemer, AB1, [dienst], [dienst], door)
