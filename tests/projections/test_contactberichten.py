from projections import contact_queries, queries
from projections.motor import Projectiemotor
from tests.conftest import AFNEMER, BEHEERDER, INTERMEDIAIR, actor_voor


def bijgewerkt(portaal):
    motor = Projectiemotor(portaal)
    motor.bijwerken()
    motor.sluit()
    return portaal


def test_contactberichten_are_listed_newest_first_with_sender_and_afnemer(portaal):
    portaal.verstuur_contactbericht("eerste", "t", "a@b.nl", actor_voor(AFNEMER))
    portaal.verstuur_contactbericht("tweede", "t", "c@d.nl", actor_voor(INTERMEDIAIR, namens=AFNEMER))
    pagina = contact_queries.contactberichten(bijgewerkt(portaal))
    assert [(c.onderwerp, c.afzender_oin, c.namens) for c in pagina.regels] == [
        ("tweede", INTERMEDIAIR.waarde, AFNEMER.waarde),
        ("eerste", AFNEMER.waarde, AFNEMER.waarde),
    ]
    assert pagina.totaal == 2


def test_contactberichten_are_paginated(portaal):
    for n in range(5):
        portaal.verstuur_contactbericht(f"vraag {n}", "t", "a@b.nl", actor_voor(AFNEMER))
    tweede = contact_queries.contactberichten(bijgewerkt(portaal), pagina=2, per_pagina=2)
    assert [c.onderwerp for c in tweede.regels] == ["vraag 2", "vraag 1"]
    assert tweede.aantal_paginas == 3


def test_withdrawn_mededelingen_are_left_out(portaal):
    blijft = portaal.plaats_mededeling("Onderhoud", "Zaterdag", actor_voor(BEHEERDER))
    weg = portaal.plaats_mededeling("Oud", "Voorbij", actor_voor(BEHEERDER))
    portaal.trek_mededeling_in(weg, actor_voor(BEHEERDER))
    assert [m.mededeling_id for m in queries.actieve_mededelingen(bijgewerkt(portaal))] == [str(blijft)]
