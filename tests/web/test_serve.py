"""`portaal serve`: waitress is the edge here, so it is replaced by a recorder; the app itself is real."""

import pytest
from click.testing import CliRunner

from scripts import serve as serve_module


@pytest.fixture
def gestart(monkeypatch, tmp_path, database_url):
    gezien = {}

    def serve(app, **opties):
        gezien.update(app=app, samenstelling=app.extensions["samenstelling"], **opties)
        assert app.test_client().get("/inloggen/").status_code == 200

    monkeypatch.setattr(serve_module.waitress, "serve", serve)
    monkeypatch.setenv("PORTAAL_VAR", str(tmp_path))
    monkeypatch.setenv("DATABASE_URL", database_url)
    monkeypatch.setenv("SECRET_KEY", "test")
    monkeypatch.delenv("PORTAAL_DEMO", raising=False)
    monkeypatch.delenv("PORTAAL_ACHTER_TLS", raising=False)
    return gezien


def test_serve_runs_waitress_with_the_app_and_closes_it_after(gestart):
    uitkomst = CliRunner().invoke(serve_module.serve, ["--port", "8099", "--threads", "4"])
    assert uitkomst.exit_code == 0, uitkomst.output
    assert (gestart["host"], gestart["port"], gestart["threads"], gestart["url_scheme"]) == (
        "127.0.0.1", 8099, 4, "http",
    )  # fmt: skip
    assert gestart["app"].config["PORTAAL_DEMO"] is False
    assert "samenstelling" not in gestart["app"].extensions


def test_serve_demo_turns_on_demo_mode(gestart, tmp_path):
    uitkomst = CliRunner().invoke(serve_module.serve, ["--demo"])
    assert uitkomst.exit_code == 0, uitkomst.output
    assert gestart["app"].config["PORTAAL_DEMO"] is True
    assert "NIET VOOR PRODUCTIE" in uitkomst.output
    assert (tmp_path / "pki" / "manifest.json").is_file()


def test_behind_tls_the_scheme_is_https(gestart, monkeypatch):
    monkeypatch.setenv("PORTAAL_ACHTER_TLS", "1")
    assert CliRunner().invoke(serve_module.serve, []).exit_code == 0
    assert gestart["url_scheme"] == "https"
