"""Over the whole test run: no log line holds a BSN. Every record any logger emits at INFO or above, in this
process, is formatted as the operator would read it (message and traceback) and checked with the same rule
the portal uses to spot a BSN in free text (`bevat_bsn`: nine digits passing the elfproef). A run in which one
did fails, with the test that logged it.

SQLAlchemy's own loggers stay at WARNING: at INFO they would print every statement with its parameters,
which is a setting no deployment of the portal uses (and which would leak BSNs by design)."""

import logging

import pytest

from domain.waarden import bevat_bsn


class _Controle(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
        self.test = "(buiten een test)"
        self.gevonden: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        try:
            regel = self.format(record)
        except Exception:  # a broken record is the logging module's to report, not ours
            return
        if bevat_bsn(regel):
            self.gevonden.append(f"{self.test}: {regel.splitlines()[0][:200]}")


def pytest_configure(config: pytest.Config) -> None:
    controle = _Controle()
    config.stash[_SLEUTEL] = controle
    wortel = logging.getLogger()
    wortel.addHandler(controle)
    if wortel.level > logging.INFO or wortel.level == logging.NOTSET:
        wortel.setLevel(logging.INFO)
    logging.getLogger("sqlalchemy").setLevel(logging.WARNING)


def pytest_runtest_setup(item: pytest.Item) -> None:
    item.config.stash[_SLEUTEL].test = item.nodeid


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    controle = session.config.stash[_SLEUTEL]
    if controle.gevonden:
        verslag = session.config.pluginmanager.get_plugin("terminalreporter")
        if verslag is not None:
            verslag.write_sep("=", "BSN in een logregel", red=True)
            for regel in controle.gevonden[:20]:
                verslag.write_line(regel)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


_SLEUTEL = pytest.StashKey[_Controle]()
