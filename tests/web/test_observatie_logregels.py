"""Log lines: JSON with time, level, logger and message; the request id from the proxy or made, in the
response and in every line of the request; the acting OIN; the BSN mask on the portal's handler. Records
with a BSN are handed to that handler directly, never through the root logger, whose run-wide check
(tests/support/geen_bsn_in_logs.py) would rightly fail the run."""

import json
import logging
import sys
import uuid

import pytest
from click.testing import CliRunner

from scripts import serve as serve_module
from service_layer import logregels
from service_layer.logregels import BsnMasker, formaat_uit
from tests.conftest import AFNEMER, INTERMEDIAIR
from tests.web.helpers import Bezoeker
from web.observatie import Verzoekcontext

BSN = "123456782"
GEEN_BSN = "123456789"  # nine digits failing the elfproef
OIN = "00000099000000000101"


def _record(msg, *args, exc_info=None, **extra) -> logging.LogRecord:
    record = logging.LogRecord("portaal.proef", logging.WARNING, __file__, 1, msg, args or None, exc_info)
    record.__dict__.update(extra)
    return record


def _gemaskeerd(record: logging.LogRecord) -> logging.LogRecord:
    assert BsnMasker().filter(record) is True
    return record


# -- the mask ---------------------------------------------------------------------------------------------


def test_a_bsn_in_the_arguments_is_masked_in_the_message():
    record = _gemaskeerd(_record("batch voor %s geweigerd (%d)", BSN, 3))
    assert record.getMessage() == "batch voor ********* geweigerd (3)"


def test_a_bsn_in_the_message_itself_is_masked():
    record = _gemaskeerd(_record(f"pad /api/v1/gebruikers/{BSN}"))
    assert record.getMessage() == "pad /api/v1/gebruikers/*********"


def test_extra_fields_are_masked_as_text_and_as_number():
    record = _gemaskeerd(_record("x", pad=f"/g/{BSN}", nummer=int(BSN), lijst=[BSN], aantal=12))
    gezien = (record.pad, record.nummer, record.lijst, record.aantal)
    assert gezien == ("/g/*********", "*********", "['*********']", 12)


def test_a_bsn_in_a_traceback_is_masked():
    try:
        raise ValueError(f"onbekend BSN {BSN}")
    except ValueError:
        record = _gemaskeerd(_record("fout", exc_info=sys.exc_info()))
    regel = logregels.formatter("json").format(record)
    assert BSN not in regel and "onbekend BSN *********" in json.loads(regel)["exc_info"]


def test_a_dict_message_is_masked_per_value():
    assert _gemaskeerd(_record({"bsn": BSN, "n": 1})).msg == {"bsn": "*********", "n": 1}


@pytest.mark.parametrize("tekst", [GEEN_BSN, OIN, "positie 1274, de replay op 1262"])
def test_numbers_that_are_no_bsn_are_left_alone(tekst):
    record = _gemaskeerd(_record("waarde %s", tekst, veld=tekst, getal=int(tekst.split()[-1])))
    assert record.getMessage() == f"waarde {tekst}"
    assert record.veld == tekst and record.getal == int(tekst.split()[-1])


# -- the handler and its format -----------------------------------------------------------------------------


@pytest.fixture
def json_handler():
    handler = logregels.configureer("json", [Verzoekcontext()])
    yield handler
    logregels.herstel(handler)


def _regels(capsys) -> list[dict]:
    return [json.loads(r) for r in capsys.readouterr().err.splitlines() if r.startswith("{")]


def test_a_json_line_has_time_level_logger_and_message(json_handler, capsys):
    logging.getLogger("portaal.proef").warning("hallo %s", "wereld")
    (regel,) = [r for r in _regels(capsys) if r.get("logger") == "portaal.proef"]
    assert (regel["level"], regel["message"]) == ("WARNING", "hallo wereld")
    assert regel["time"].endswith("+00:00")
    assert "request_id" not in regel  # outside a request


def test_the_portal_handler_masks_what_reaches_it(json_handler, capsys):
    json_handler.handle(_record("voor %s", BSN, pad=f"/g/{BSN}"))
    (regel,) = _regels(capsys)
    assert BSN not in json.dumps(regel) and regel["message"] == "voor *********"


def test_the_test_runs_own_check_still_sees_every_record(json_handler):
    wortel = logging.getLogger()
    controles = [h for h in wortel.handlers if type(h).__name__ == "_Controle"]
    assert len(controles) == 1 and json_handler in wortel.handlers


def test_configuring_again_replaces_the_handler_instead_of_doubling_lines(json_handler):
    tweede = logregels.configureer("tekst")
    try:
        assert json_handler not in logging.getLogger().handlers
    finally:
        logregels.herstel(tweede)


def test_a_text_line_carries_the_request_id_or_a_dash(capsys):
    handler = logregels.configureer("tekst")
    try:
        logging.getLogger("portaal.proef").warning("buiten een verzoek")
    finally:
        logregels.herstel(handler)
    assert "WARNING portaal.proef [-] buiten een verzoek" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("omgeving", "demo", "verwacht"),
    [({}, False, "json"), ({}, True, "tekst"), ({"PORTAAL_LOG_FORMAAT": "tekst"}, False, "tekst")],
)
def test_json_is_the_default_except_in_demo_mode(omgeving, demo, verwacht):
    assert formaat_uit(omgeving, demo) == verwacht


def test_an_unknown_format_is_refused_in_dutch():
    with pytest.raises(RuntimeError, match="PORTAAL_LOG_FORMAAT moet 'json' of 'tekst' zijn"):
        formaat_uit({"PORTAAL_LOG_FORMAAT": "xml"})


# -- in a request ---------------------------------------------------------------------------------------


@pytest.fixture
def logt(app):
    def view():
        logging.getLogger("portaal.proef").warning("in het verzoek")
        return "ok"

    app.add_url_rule("/proef/logt", "proef_logt", view)
    return app


def _verzoekregel(capsys) -> dict:
    (regel,) = [r for r in _regels(capsys) if r.get("message") == "in het verzoek"]
    return regel


def test_the_proxys_request_id_is_returned_and_logged(logt, json_handler, capsys):
    antwoord = logt.test_client().get("/proef/logt", headers={"X-Request-ID": "9f86d081884c7d65-a.1"})
    assert antwoord.headers["X-Request-ID"] == "9f86d081884c7d65-a.1"
    assert _verzoekregel(capsys)["request_id"] == "9f86d081884c7d65-a.1"


@pytest.mark.parametrize("kop", [None, "met spatie", "<script>", "x" * 129, BSN])
def test_a_missing_or_odd_request_id_is_replaced_by_one_made_here(logt, json_handler, capsys, kop):
    antwoord = logt.test_client().get("/proef/logt", headers={"X-Request-ID": kop} if kop else {})
    gemaakt = antwoord.headers["X-Request-ID"]
    assert gemaakt != kop and len(gemaakt) == 32
    assert _verzoekregel(capsys)["request_id"] == gemaakt


def test_a_made_request_id_never_holds_what_the_bsn_mask_would_hide(logt, json_handler, capsys, monkeypatch):
    # The first uuid drawn ends in nine digits that pass the elfproef (a CI run met one by chance).
    getrokken = ("738a891fe3ba46989778dac543434552", "738a891fe3ba46989778dacabcdef012")
    gelot = iter(uuid.UUID(h) for h in getrokken)
    monkeypatch.setattr(uuid, "uuid4", lambda: next(gelot))
    gemaakt = logt.test_client().get("/proef/logt").headers["X-Request-ID"]
    assert gemaakt == "738a891fe3ba46989778dacabcdef012"
    assert _verzoekregel(capsys)["request_id"] == gemaakt


def test_every_page_answers_with_a_request_id(app):
    assert len(app.test_client().get("/inloggen/").headers["X-Request-ID"]) == 32


def test_the_acting_oin_and_the_afnemer_acted_for_are_logged(logt, organisaties, pki, json_handler, capsys):
    bezoeker = Bezoeker(logt)
    bezoeker.log_in(pki.pem(INTERMEDIAIR))
    bezoeker.client.get("/proef/logt")
    regel = _verzoekregel(capsys)
    assert (regel["oin"], regel["namens"]) == (INTERMEDIAIR.waarde, AFNEMER.waarde)


def test_without_a_login_no_oin_is_logged(logt, json_handler, capsys):
    logt.test_client().get("/proef/logt")
    regel = _verzoekregel(capsys)
    assert (regel["oin"], regel["namens"]) == (None, None)


# -- portaal serve --------------------------------------------------------------------------------------


def test_serve_logs_through_the_portal_handler_while_it_runs(monkeypatch, tmp_path, database_url):
    gezien = {}

    def serve(app, **opties):
        handlers = [h for h in logging.getLogger().handlers if isinstance(h, logregels._Stderr)]
        gezien["handlers"] = handlers
        gezien["json"] = [isinstance(h.formatter, type(logregels.formatter("json"))) for h in handlers]

    monkeypatch.setattr(serve_module.waitress, "serve", serve)
    monkeypatch.setenv("PORTAAL_VAR", str(tmp_path))
    monkeypatch.setenv("DATABASE_URL", database_url)
    monkeypatch.setenv("SECRET_KEY", "test")
    monkeypatch.delenv("PORTAAL_DEMO", raising=False)
    monkeypatch.delenv("PORTAAL_LOG_FORMAAT", raising=False)
    assert CliRunner().invoke(serve_module.serve, []).exit_code == 0
    assert len(gezien["handlers"]) == 1 and gezien["json"] == [True]
    filters = [type(f) for f in gezien["handlers"][0].filters]
    assert filters == [Verzoekcontext, BsnMasker]  # the mask last: it sees what the context added
    assert not [h for h in logging.getLogger().handlers if isinstance(h, logregels._Stderr)]
