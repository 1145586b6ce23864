import stat

import pytest
from flask import Flask

import web.app
from web import instellingen
from web.pki.instellingen import STANDAARD_HEADER


def test_importing_the_app_module_builds_no_app():
    assert not [naam for naam, waarde in vars(web.app).items() if isinstance(waarde, Flask)]


def test_production_refuses_to_start_without_a_secret_key(tmp_path):
    with pytest.raises(RuntimeError, match="SECRET_KEY ontbreekt"):
        instellingen.laad({"PORTAAL_VAR": str(tmp_path)}, {"DATABASE_URL": "sqlite://"})


def test_the_secret_key_comes_from_the_environment(tmp_path):
    config = instellingen.laad({"SECRET_KEY": "uit-de-omgeving", "PORTAAL_VAR": str(tmp_path)}, {})
    assert config["SECRET_KEY"] == "uit-de-omgeving"
    assert not (tmp_path / instellingen.SLEUTEL_BESTAND).exists()


def test_demo_mode_generates_a_secret_key_once_and_keeps_it_private(tmp_path):
    omgeving = {"PORTAAL_DEMO": "1", "PORTAAL_VAR": str(tmp_path)}
    eerste = instellingen.laad(omgeving, {})["SECRET_KEY"]
    assert len(eerste) >= 32
    assert instellingen.laad(omgeving, {})["SECRET_KEY"] == eerste
    assert stat.S_IMODE((tmp_path / instellingen.SLEUTEL_BESTAND).stat().st_mode) == 0o600


def test_the_database_url_and_pki_settings_come_from_the_environment(tmp_path):
    config = instellingen.laad(
        {
            "SECRET_KEY": "x",
            "DATABASE_URL": "postgresql+psycopg://postgres@127.0.0.1:5432/portaal",
            "PORTAAL_PKI_PROXIES": "10.1.2.3",
            "PORTAAL_VAR": str(tmp_path),
        },
        {},
    )
    assert config["DATABASE_URL"] == "postgresql+psycopg://postgres@127.0.0.1:5432/portaal"
    assert config["PORTAAL_DEMO"] is False
    assert [str(n) for n in config["PKI_INSTELLINGEN"].proxy_netwerken] == ["10.1.2.3/32"]
    assert config["PKI_INSTELLINGEN"].header == STANDAARD_HEADER


def test_without_database_url_the_store_is_an_sqlite_file_under_var(tmp_path):
    config = instellingen.laad({"SECRET_KEY": "x", "PORTAAL_VAR": str(tmp_path)}, {})
    assert config["DATABASE_URL"] == f"sqlite:///{(tmp_path / 'portaal.sqlite3').resolve()}"


def test_explicit_config_wins_over_the_environment(tmp_path):
    config = instellingen.laad(
        {"SECRET_KEY": "omgeving", "PORTAAL_VAR": str(tmp_path)}, {"SECRET_KEY": "expliciet"}
    )
    assert config["SECRET_KEY"] == "expliciet"


def test_cookies_are_secure_behind_tls_only(tmp_path):
    basis = {"SECRET_KEY": "x", "PORTAAL_VAR": str(tmp_path)}
    assert instellingen.laad(basis, {})["SESSION_COOKIE_SECURE"] is False
    assert instellingen.laad({**basis, "PORTAAL_ACHTER_TLS": "1"}, {})["SESSION_COOKIE_SECURE"] is True


def test_the_app_has_one_composition_root_closed_by_sluit(maak_app):
    app = maak_app()
    portaal = app.extensions["samenstelling"]
    app.test_client().get("/inloggen/")
    app.test_client().get("/inloggen/")
    assert app.extensions["samenstelling"] is portaal
