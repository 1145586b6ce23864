"""A key that does not fit the events stops every process at start-up with a Dutch sentence saying what does
not fit (events_store.sleutelcontrole), on the database the run uses."""

import base64
import hashlib

import pytest
from click.testing import CliRunner

from events_store.sleutelcontrole import Sleutelfout
from scripts.cli import main
from service_layer.samenstelling import bouw


def _sleutel(zaad: bytes) -> dict[str, str]:
    return {"PORTAAL_CIPHER_KEY": base64.b64encode(hashlib.sha256(zaad).digest()).decode()}


def _vastgelegd(database_url: str, env: dict[str, str]) -> None:
    """A store with events in every log, written with this environment's key (or none)."""
    uitkomst = CliRunner().invoke(main, ["seed-demo"], env={"DATABASE_URL": database_url, **env})
    assert uitkomst.exit_code == 0, uitkomst.output


@pytest.mark.parametrize(
    ("geschreven", "gelezen", "verwacht"),
    [
        (
            _sleutel(b"een"),
            _sleutel(b"twee"),
            "PORTAAL_CIPHER_KEY past niet bij de events van eventlog portaal",
        ),
        (_sleutel(b"een"), {}, "zijn versleuteld, maar PORTAAL_CIPHER_KEY is niet gezet"),
        ({}, _sleutel(b"een"), "PORTAAL_CIPHER_KEY is gezet, maar de events van eventlog portaal zijn niet"),
    ],
)
def test_a_key_that_does_not_fit_stops_the_process_before_anything_reads(
    database_url, geschreven, gelezen, verwacht
):
    _vastgelegd(database_url, geschreven)
    with pytest.raises(Sleutelfout, match=verwacht):
        bouw({**gelezen}, url=database_url)
    uitkomst = CliRunner().invoke(
        main, ["projections", "rebuild"], env={"DATABASE_URL": database_url, **gelezen}
    )
    assert uitkomst.exit_code == 1
    assert verwacht in uitkomst.output
    assert "Traceback" not in uitkomst.output


def test_the_right_key_and_an_empty_store_start(database_url):
    sleutel = _sleutel(b"een")
    bouw(sleutel, url=database_url).sluit()  # nothing written yet: nothing to check
    _vastgelegd(database_url, sleutel)
    bouw(sleutel, url=database_url).sluit()
