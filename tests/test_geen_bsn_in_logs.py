"""The run-wide check of tests/support/geen_bsn_in_logs.py can fail: a run whose test logs a BSN fails."""

from pathlib import Path

import pytest

WORTEL = Path(__file__).resolve().parents[1]

pytest_plugins = ["pytester"]


def test_a_run_that_logs_a_bsn_fails(pytester: pytest.Pytester, monkeypatch):
    monkeypatch.setenv("PYTHONPATH", str(WORTEL))
    pytester.makeconftest('pytest_plugins = ["tests.support.geen_bsn_in_logs"]')
    pytester.makepyfile(
        """
        import logging

        def test_lek():
            logging.getLogger("portaal").warning("bericht voor 111222333 geweigerd")

        def test_zonder_lek():
            logging.getLogger("portaal").warning("bericht voor 111222334 geweigerd, positie 123456789012")
        """
    )
    uitslag = pytester.runpytest_subprocess()
    assert uitslag.ret == pytest.ExitCode.TESTS_FAILED
    uitslag.stdout.fnmatch_lines(["*BSN in een logregel*", "*test_lek*111222333*"])
    assert "test_zonder_lek: " not in uitslag.stdout.str()
