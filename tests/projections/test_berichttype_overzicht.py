from sqlalchemy import event

from domain.waarden import BerichttypeCode, Notificatiekenmerk, Oin, Rol, Status
from projections import queries
from tests.conftest import BEHEERDER, INTERMEDIAIR, actor_voor

PDF = b"%PDF-1.7 test"


def test_overzicht_is_sorted_by_code_and_case_sensitive_codes_are_distinct(portaal, doe):
    for code in ["B2", "a1", "A1", "C3"]:
        doe.berichttype(code)
    doe.bijwerken()
    pagina = queries.berichttype_overzicht(portaal, doe.afnemer)
    assert [r.code for r in pagina.regels] == sorted(["B2", "a1", "A1", "C3"])
    assert pagina.totaal == 4


def test_overzicht_filters_on_code_status_and_kenmerk(portaal, doe):
    doe.berichttype("AB1", kenmerk=Notificatiekenmerk.BETALEN)
    doe.berichttype("AB2", kenmerk=Notificatiekenmerk.VERNIEUWEN_NODIG)
    doe.berichttype("XY1", kenmerk=Notificatiekenmerk.BETALEN)
    doe.status("AB2", Status.ACTIEF)
    doe.bijwerken()
    assert [r.code for r in queries.berichttype_overzicht(portaal, doe.afnemer, code_bevat="ab").regels] == [
        "AB1",
        "AB2",
    ]
    assert [
        r.code for r in queries.berichttype_overzicht(portaal, doe.afnemer, status=Status.ACTIEF).regels
    ] == ["AB2"]
    gefilterd = queries.berichttype_overzicht(portaal, doe.afnemer, kenmerk=Notificatiekenmerk.BETALEN)
    assert [r.code for r in gefilterd.regels] == ["AB1", "XY1"]
    combinatie = queries.berichttype_overzicht(portaal, doe.afnemer, code_bevat="1", kenmerk="Betalen")
    assert [r.code for r in combinatie.regels] == ["AB1", "XY1"]


def test_code_filter_treats_like_wildcards_as_plain_text(portaal, doe):
    doe.berichttype("AB1")
    doe.bijwerken()
    assert queries.berichttype_overzicht(portaal, doe.afnemer, code_bevat="%").regels == []
    assert queries.berichttype_overzicht(portaal, doe.afnemer, code_bevat="_").regels == []


def test_overzicht_is_paginated(portaal, doe):
    codes = [f"C{n:02d}" for n in range(7)]
    for code in codes:
        doe.berichttype(code)
    doe.bijwerken()
    pagina = queries.berichttype_overzicht(portaal, doe.afnemer, pagina=2, per_pagina=3)
    assert [r.code for r in pagina.regels] == codes[3:6]
    assert (pagina.totaal, pagina.aantal_paginas) == (7, 3)
    assert [
        r.code for r in queries.berichttype_overzicht(portaal, doe.afnemer, pagina=3, per_pagina=3).regels
    ] == ["C06"]


def test_overzicht_shows_only_the_afnemers_own_berichttypes(portaal, doe, andere_afnemer):
    doe.berichttype("AB1")
    portaal.maak_berichttype(
        andere_afnemer,
        BerichttypeCode("ZZ9"),
        "Ander",
        Notificatiekenmerk.BETALEN,
        actor_voor(andere_afnemer),
    )
    doe.bijwerken()
    assert [r.code for r in queries.berichttype_overzicht(portaal, doe.afnemer).regels] == ["AB1"]
    assert [r.code for r in queries.berichttype_overzicht(portaal, andere_afnemer).regels] == ["ZZ9"]


def test_overzicht_shows_status_omschrijving_and_the_linked_diensten(portaal, doe):
    doe.berichttype("AB1", omschrijving="Aanslag")
    doe.status("AB1", Status.ACTIEF)
    doe.dienst("Zorg")
    doe.dienst("zorg")
    doe.koppel("Zorg", "AB1")
    doe.koppel("zorg", "AB1")
    portaal.wijzig_berichttype(
        doe.afnemer, BerichttypeCode("AB1"), "Aanslag 2026", Notificatiekenmerk.BETALEN, doe.actor
    )
    doe.bijwerken()
    (regel,) = queries.berichttype_overzicht(portaal, doe.afnemer).regels
    assert (regel.omschrijving, regel.status, regel.kenmerk) == ("Aanslag 2026", "Actief", "Betalen")
    assert regel.diensten == ["Zorg", "zorg"]


def test_details_keep_attachments_in_their_order_after_moves_and_removals(portaal, doe):
    doe.berichttype("AB1")
    code = BerichttypeCode("AB1")
    bestanden = [(f"{n}.pdf", PDF + bytes([n])) for n in range(3)]
    toegevoegd = [portaal.voeg_bijlage_toe(doe.afnemer, code, n, pdf, doe.actor) for n, pdf in bestanden]
    ids = [v.id for v in toegevoegd]
    portaal.verplaats_bijlage(doe.afnemer, code, ids[2], -1, doe.actor)
    doe.bijwerken()
    assert [b.naam for b in queries.berichttype_details(portaal, doe.afnemer, "AB1").bijlagen] == [
        "0.pdf",
        "2.pdf",
        "1.pdf",
    ]
    portaal.verwijder_bijlage(doe.afnemer, code, ids[0], doe.actor)
    doe.bijwerken()
    details = queries.berichttype_details(portaal, doe.afnemer, "AB1")
    assert [b.naam for b in details.bijlagen] == ["2.pdf", "1.pdf"]
    assert details.regel.aantal_bijlagen == 2


def test_details_show_the_status_history_with_moment_and_actor(portaal, doe, klok):
    doe.berichttype("AB1")
    doe.status("AB1", Status.ACTIEF)
    doe.status("AB1", Status.INACTIEF)
    doe.bijwerken()
    historie = queries.berichttype_details(portaal, doe.afnemer, "AB1").statushistorie
    assert [h.status for h in historie] == ["Nieuw", "Actief", "Inactief"]
    assert historie[-1].moment == klok.nu
    assert {h.actor_oin for h in historie} == {str(doe.afnemer)}


def test_the_status_history_names_the_organisations_in_the_same_query(portaal, doe):
    """Who changed the status and for whom, by name from the register, and the OIN alone where the register
    does not know it; the names cost no query per row."""
    portaal.registreer_organisatie(
        INTERMEDIAIR,
        "Berichtenleverancier Test BV",
        Rol.INTERMEDIAIR,
        list(Notificatiekenmerk),
        actor_voor(BEHEERDER),
    )
    doe.berichttype("AB1")
    doe.berichttype("AB2")
    portaal.wijzig_berichttype_status(
        doe.afnemer, BerichttypeCode("AB2"), Status.ACTIEF, actor_voor(INTERMEDIAIR, doe.afnemer)
    )
    onbekend = Oin("00000099000000000999")
    portaal.wijzig_berichttype_status(
        doe.afnemer, BerichttypeCode("AB2"), Status.INACTIEF, actor_voor(onbekend, doe.afnemer)
    )
    doe.bijwerken()
    _, een = tel_queries(portaal, lambda: queries.berichttype_details(portaal, doe.afnemer, "AB1"))
    details, drie = tel_queries(portaal, lambda: queries.berichttype_details(portaal, doe.afnemer, "AB2"))
    assert drie == een
    assert [(h.actor_naam, h.actor_oin, h.namens_naam, h.namens) for h in details.statushistorie] == [
        ("Gemeente Voorbeeldstad", str(doe.afnemer), "Gemeente Voorbeeldstad", str(doe.afnemer)),
        ("Berichtenleverancier Test BV", INTERMEDIAIR.waarde, "Gemeente Voorbeeldstad", str(doe.afnemer)),
        (None, onbekend.waarde, "Gemeente Voorbeeldstad", str(doe.afnemer)),
    ]


def tel_queries(portaal, vraag):
    """The answer of `vraag` and the number of SQL statements it sent."""
    gezien = []

    def tel(*_):
        gezien.append(1)

    event.listen(portaal.engine, "before_cursor_execute", tel)
    try:
        return vraag(), len(gezien)
    finally:
        event.remove(portaal.engine, "before_cursor_execute", tel)


def test_details_of_an_unknown_berichttype_are_none(portaal, doe):
    doe.bijwerken()
    assert queries.berichttype_details(portaal, doe.afnemer, "NOPE") is None
