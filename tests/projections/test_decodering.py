"""The read side's fast decoder gives the same events as the application's own mapper."""

from domain.profiel import Profiel
from domain.waarden import BerichttypeCode
from projections.gebeurtenissen import Bron
from scripts.bench.geschiedenis import Omvang, genereer
from tests.conftest import BEHEERDER, actor_voor
from tests.projections.test_berichttype_overzicht import PDF


def _vergelijk(portaal) -> int:
    bron = Bron(portaal)
    notificaties = portaal.recorder.select_notifications(1, 100_000)
    snel = bron.lees(0, 100_000)
    assert [g.positie for g in snel] == [n.id for n in notificaties]
    for g, n in zip(snel, notificaties, strict=True):
        verwacht = portaal.mapper.to_domain_event(n)
        assert type(g.event) is type(verwacht)
        assert g.event.__dict__ == verwacht.__dict__, g.naam
        assert g.sleutel == str(verwacht.originator_id)
    return len(snel)


def test_every_kind_of_event_decodes_as_the_mapper_decodes_it(portaal, doe, andere_afnemer):
    doe.berichttype("AB1")
    for n in range(3):
        portaal.voeg_bijlage_toe(doe.afnemer, BerichttypeCode("AB1"), f"{n}.pdf", PDF + bytes([n]), doe.actor)
    portaal.wijzig_profiel(doe.afnemer, Profiel("Toelichting", "Lijst", "Bijzonder"), doe.actor)
    portaal.plaats_mededeling("Titel", "Tekst", actor_voor(BEHEERDER))
    doe.dienst("D1")
    doe.koppel("D1", "AB1")
    doe.ontkoppel("D1", "AB1")
    doe.deactiveer("D1")
    doe.activeer("D1")
    genereer(portaal, omvang=Omvang(afnemers=3, berichttypes=30, diensten=10, events=600))
    assert _vergelijk(portaal) > 600
