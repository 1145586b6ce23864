import itertools

import pytest

from domain.berichttype import Berichttype
from domain.bijlage_limieten import MAX_STANDAARD_TOTAAL_BYTES
from domain.fouten import NietGevonden, NietToegestaan, OngeldigeWaarde
from domain.waarden import BerichttypeCode, Notificatiekenmerk, Status
from tests.domain.maak import AFNEMER, ALLE_KENMERKEN, DOOR, berichttype, bijlage, met_bijlagen, moment

TOEGESTAAN = {
    (Status.NIEUW, Status.ACTIEF),
    (Status.ACTIEF, Status.INACTIEF),
    (Status.ACTIEF, Status.ARCHIEF),
    (Status.INACTIEF, Status.ACTIEF),
    (Status.INACTIEF, Status.ARCHIEF),
}
ALLE_PAREN = list(itertools.product(Status, Status))


def test_a_new_berichttype_has_status_nieuw_and_no_attachments():
    nieuw = berichttype()
    assert nieuw.status is Status.NIEUW and nieuw.bijlagen == []
    assert nieuw.id == Berichttype.create_id(AFNEMER, BerichttypeCode("AB1"))


@pytest.mark.parametrize(("van", "naar"), sorted(TOEGESTAAN, key=str))
def test_an_allowed_status_change_is_recorded(van, naar):
    item = berichttype(status=van)
    item.wijzig_status(naar, DOOR, moment(5))
    assert item.status is naar


@pytest.mark.parametrize(("van", "naar"), [p for p in ALLE_PAREN if p not in TOEGESTAAN])
def test_every_other_status_change_is_refused_and_changes_nothing(van, naar):
    item = berichttype(status=van)
    versie = item.version
    with pytest.raises(NietToegestaan) as fout:
        item.wijzig_status(naar, DOOR, moment(5))
    assert item.status is van and item.version == versie
    assert fout.value.veld == "status"


def test_an_archived_berichttype_can_never_be_activated_again():
    item = berichttype(status=Status.ARCHIEF)
    with pytest.raises(NietToegestaan, match="Archief kan niet de status Actief"):
        item.activeer(DOOR, moment(5))


@pytest.mark.parametrize("lengte", [1, 40])
def test_an_omschrijving_up_to_forty_characters_is_accepted(lengte):
    item = berichttype()
    item.wijzig_details("o" * lengte, Notificatiekenmerk.BETALEN, ALLE_KENMERKEN, DOOR, moment(5))
    assert item.omschrijving == "o" * lengte


@pytest.mark.parametrize("omschrijving", ["o" * 41, "", "   "])
def test_an_omschrijving_that_is_empty_or_longer_than_forty_is_refused(omschrijving):
    with pytest.raises(OngeldigeWaarde) as fout:
        berichttype().wijzig_details(
            omschrijving, Notificatiekenmerk.BETALEN, ALLE_KENMERKEN, DOOR, moment(5)
        )
    assert fout.value.veld == "omschrijving"


def test_a_kenmerk_the_afnemer_may_not_use_is_refused_at_creation():
    with pytest.raises(OngeldigeWaarde, match="niet beschikbaar") as fout:
        Berichttype.aanmaken(
            AFNEMER,
            BerichttypeCode("X"),
            "x",
            Notificatiekenmerk.BETALEN,
            [Notificatiekenmerk.INFORMATIE_GEVEN],
            DOOR,
            moment(),
        )
    assert fout.value.veld == "notificatiekenmerk"


def test_a_kenmerk_the_afnemer_may_not_use_is_refused_when_changed():
    with pytest.raises(OngeldigeWaarde, match="niet beschikbaar"):
        berichttype().wijzig_details(
            "x", Notificatiekenmerk.VERNIEUWEN_NODIG, [Notificatiekenmerk.BETALEN], DOOR, moment()
        )


@pytest.mark.parametrize("status", [Status.NIEUW, Status.ACTIEF, Status.INACTIEF])
def test_details_may_change_in_nieuw_actief_and_inactief(status):
    item = berichttype(status=status)
    item.wijzig_details("Nieuw", Notificatiekenmerk.INFORMATIE_GEVEN, ALLE_KENMERKEN, DOOR, moment(5))
    assert (item.omschrijving, item.kenmerk) == ("Nieuw", Notificatiekenmerk.INFORMATIE_GEVEN)


def test_details_of_an_archived_berichttype_cannot_change():
    with pytest.raises(NietToegestaan, match="gearchiveerd"):
        berichttype(status=Status.ARCHIEF).wijzig_details(
            "Nieuw", Notificatiekenmerk.BETALEN, ALLE_KENMERKEN, DOOR, moment(5)
        )


def test_unchanged_details_record_no_event():
    item = berichttype()
    versie = item.version
    item.wijzig_details(item.omschrijving, item.kenmerk, ALLE_KENMERKEN, DOOR, moment(5))
    assert item.version == versie


# -- standaard bijlagen ------------------------------------------------------------------------------


def test_three_attachments_are_accepted_and_a_fourth_is_refused():
    item = met_bijlagen(3)
    with pytest.raises(NietToegestaan, match="maximaal 3"):
        item.voeg_bijlage_toe(bijlage(nummer=9), DOOR, moment(9))
    assert len(item.bijlagen) == 3


def test_attachments_of_exactly_two_megabytes_together_are_accepted():
    item = met_bijlagen(1, grootte=MAX_STANDAARD_TOTAAL_BYTES - 1)
    item.voeg_bijlage_toe(bijlage(grootte=1, nummer=7), DOOR, moment(7))
    assert sum(b.grootte for b in item.bijlagen) == MAX_STANDAARD_TOTAAL_BYTES


def test_attachments_one_byte_over_two_megabytes_together_are_refused():
    item = met_bijlagen(1, grootte=MAX_STANDAARD_TOTAAL_BYTES)
    with pytest.raises(NietToegestaan, match="2 MB"):
        item.voeg_bijlage_toe(bijlage(grootte=1, nummer=7), DOOR, moment(7))


@pytest.mark.parametrize("lengte", [5, 128])
def test_a_file_name_of_up_to_128_characters_is_accepted(lengte):
    item = berichttype()
    naam = "b" * (lengte - 4) + ".pdf"
    item.voeg_bijlage_toe(bijlage(naam=naam), DOOR, moment(1))
    assert item.bijlagen[0].naam == naam


def test_a_file_name_of_129_characters_is_refused():
    with pytest.raises(OngeldigeWaarde, match="128"):
        berichttype().voeg_bijlage_toe(bijlage(naam="b" * 125 + ".pdf"), DOOR, moment(1))


def test_a_file_that_is_not_a_pdf_is_refused():
    with pytest.raises(OngeldigeWaarde, match="PDF"):
        berichttype().voeg_bijlage_toe(bijlage(naam="brochure.docx"), DOOR, moment(1))


@pytest.mark.parametrize("status", [Status.ACTIEF, Status.INACTIEF, Status.ARCHIEF])
def test_attachments_cannot_be_added_outside_nieuw(status):
    with pytest.raises(NietToegestaan, match="status Nieuw"):
        berichttype(status=status).voeg_bijlage_toe(bijlage(), DOOR, moment(9))


def test_attachments_cannot_be_removed_or_moved_once_activated():
    item = met_bijlagen(2)
    item.activeer(DOOR, moment(9))
    with pytest.raises(NietToegestaan):
        item.verwijder_bijlage("bijlage-0", DOOR, moment(10))
    with pytest.raises(NietToegestaan):
        item.verplaats_bijlage("bijlage-1", -1, DOOR, moment(10))
    assert [b.bijlage_id for b in item.bijlagen] == ["bijlage-0", "bijlage-1"]


def test_removing_an_attachment_keeps_the_order_of_the_rest():
    item = met_bijlagen(3)
    item.verwijder_bijlage("bijlage-1", DOOR, moment(9))
    assert [b.bijlage_id for b in item.bijlagen] == ["bijlage-0", "bijlage-2"]


def test_removing_an_unknown_attachment_is_refused():
    with pytest.raises(NietGevonden):
        met_bijlagen(1).verwijder_bijlage("bestaat-niet", DOOR, moment(9))


@pytest.mark.parametrize(
    ("bijlage_id", "stap", "volgorde"),
    [
        ("bijlage-1", -1, ["bijlage-1", "bijlage-0", "bijlage-2"]),
        ("bijlage-1", 1, ["bijlage-0", "bijlage-2", "bijlage-1"]),
        ("bijlage-2", -1, ["bijlage-0", "bijlage-2", "bijlage-1"]),
        ("bijlage-0", 1, ["bijlage-1", "bijlage-0", "bijlage-2"]),
    ],
)
def test_an_attachment_moves_up_or_down_one_place(bijlage_id, stap, volgorde):
    item = met_bijlagen(3)
    item.verplaats_bijlage(bijlage_id, stap, DOOR, moment(9))
    assert [b.bijlage_id for b in item.bijlagen] == volgorde


@pytest.mark.parametrize(("bijlage_id", "stap"), [("bijlage-0", -1), ("bijlage-2", 1), ("bijlage-1", 2)])
def test_an_attachment_cannot_move_past_either_end(bijlage_id, stap):
    with pytest.raises(NietToegestaan):
        met_bijlagen(3).verplaats_bijlage(bijlage_id, stap, DOOR, moment(9))


def test_every_event_carries_the_actor_and_the_moment_of_the_command():
    item = berichttype()
    item.activeer(DOOR, moment(42))
    laatste = item.collect_events()[-1]
    assert type(laatste).__name__ == "Activated"
    assert laatste.actor == DOOR and laatste.timestamp == moment(42)


@pytest.mark.parametrize("naam", ["brochure-0.pdf", "Brochure-0.PDF"])
def test_a_file_name_already_on_the_berichttype_is_refused(naam):
    item = met_bijlagen(1)
    with pytest.raises(NietToegestaan, match="al een bijlage met de naam"):
        item.voeg_bijlage_toe(bijlage(naam=naam, nummer=7), DOOR, moment(7))
    assert [b.naam for b in item.bijlagen] == ["brochure-0.pdf"]


def test_a_removed_file_name_may_be_added_again():
    item = met_bijlagen(1)
    item.verwijder_bijlage("bijlage-0", DOOR, moment(5))
    item.voeg_bijlage_toe(bijlage(naam="brochure-0.pdf", nummer=7), DOOR, moment(7))
    assert [b.naam for b in item.bijlagen] == ["brochure-0.pdf"]
