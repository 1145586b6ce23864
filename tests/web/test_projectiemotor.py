"""The app's projection engine: a projection version change is rebuilt beside the requests, never in one."""

import threading

from domain.waarden import BerichttypeCode, Notificatiekenmerk
from projections import herbouw
from projections.handlers import PROJECTIES
from projections.motor import Projectiemotor
from tests.conftest import AFNEMER, actor_voor
from tests.support.proefportaal import Proefportaal, open_proefportaal
from tests.web.conftest import registreer_cast
from tests.web.helpers import Bezoeker


def _codes(bezoeker: Bezoeker) -> list[str]:
    pagina = bezoeker.get("berichttypes.index")
    return [th.get_text(strip=True) for th in pagina.select("table.berichttypes tbody th")]


def _maak(portaal: Proefportaal, code: str) -> None:
    portaal.maak_berichttype(
        AFNEMER, BerichttypeCode(code), "Omschrijving", Notificatiekenmerk.BETALEN, actor_voor(AFNEMER)
    )


def test_the_apps_composition_root_owns_a_projectiemotor(maak_app):
    app = maak_app()
    assert isinstance(app.extensions["samenstelling"].motor, Projectiemotor)


def test_a_request_during_a_rebuild_is_served_from_the_old_tables_without_waiting(
    maak_app, pki, database_url, monkeypatch
):
    # What the old code built: the cast and one berichttype, caught up.
    eerder = open_proefportaal(database_url)
    try:
        registreer_cast(eerder)
        _maak(eerder, "OUD1")
        Projectiemotor(eerder).bijwerken()
        # The new code: another version of the berichttypes projection. Another process is rebuilding
        # (it holds the rebuild lock), so this app's background rebuild cannot finish while we look.
        monkeypatch.setattr(type(PROJECTIES["berichttypes"]), "versie", PROJECTIES["berichttypes"].versie + 1)
        draden: list[threading.Thread | None] = []
        start = Projectiemotor.start_op_achtergrond
        monkeypatch.setattr(
            Projectiemotor, "start_op_achtergrond", lambda m: draden.append(start(m)) or draden[-1]
        )
        with herbouw.een_tegelijk(eerder.engine):
            app = maak_app()
            # One motor per log; only the configuration log's has an outdated projection to rebuild.
            [achtergrond] = [d for d in draden if d is not None]
            assert achtergrond is not None and achtergrond.is_alive()
            _maak(Proefportaal(app.extensions["samenstelling"]), "NIEUW1")
            gezien: list[list[str]] = []

            def verzoek() -> None:
                bezoeker = Bezoeker(app)
                bezoeker.log_in(pki.pem(AFNEMER))
                gezien.append(_codes(bezoeker))

            draad = threading.Thread(target=verzoek)
            draad.start()
            draad.join(timeout=60)
            # Served while the rebuild cannot finish, from the tables the old code built.
            assert not draad.is_alive(), "het verzoek wacht op de herbouw"
            assert gezien == [["OUD1"]]
            assert achtergrond.is_alive()
        achtergrond.join(timeout=60)
        assert not achtergrond.is_alive()
        # Swapped in: the new tables, with what was added meanwhile.
        bezoeker = Bezoeker(app)
        bezoeker.log_in(pki.pem(AFNEMER))
        assert _codes(bezoeker) == ["NIEUW1", "OUD1"]
    finally:
        eerder.close()
        eerder.engine.dispose()
