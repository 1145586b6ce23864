"""The real portal under waitress on a free localhost port, and Debian's Chromium driven by Playwright.

Every page a test visits is checked with axe-core (from npm, `npm ci`) for WCAG 2.1 A and AA. CI needs
`apt-get install -y chromium` and `npm ci`; without /usr/bin/chromium or node_modules/axe-core these tests
are skipped with that reason.
"""

import functools
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import waitress
from flask import Flask

from scripts.seed import registreer_organisaties
from web.app import create_app, sluit

CHROMIUM = Path("/usr/bin/chromium")
AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
VLAGGEN = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def pytest_collection_modifyitems(config, items):
    reden = None
    if not CHROMIUM.exists():
        reden = f"{CHROMIUM} ontbreekt: apt-get install -y chromium"
    elif not AXE.exists():
        reden = f"{AXE} ontbreekt: npm ci (in de hoofdmap van de repository)"
    for item in items:
        if item.get_closest_marker("browser") and reden:
            item.add_marker(pytest.mark.skip(reason=reden))


def demo_app(map_: Path, vul=registreer_organisaties) -> Flask:
    """The portal in demo mode on a fresh SQLite store under `map_`, filled by `vul`."""
    app = create_app(
        {
            "PORTAAL_DEMO": True,
            "PORTAAL_VAR": map_ / "var",
            "DATABASE_URL": f"sqlite:///{map_ / 'portaal.sqlite3'}",
            "SECRET_KEY": "browsertest",
        }
    )
    vul(app.extensions["samenstelling"].portaal)
    return app


@contextmanager
def geserveerd(app: Flask) -> Iterator[str]:
    """The app served by waitress on a free localhost port; yields its base URL, closes the app after."""
    server = waitress.create_server(app, host="127.0.0.1", port=0, threads=4, ident="portaal")
    draad = threading.Thread(target=server.run, daemon=True)
    draad.start()
    try:
        yield f"http://127.0.0.1:{server.effective_port}"
    finally:
        server.close()
        draad.join(timeout=5)
        sluit(app)


@pytest.fixture(scope="module")
def portaal_url(tmp_path_factory) -> Iterator[str]:
    """The portal in demo mode on a fresh SQLite store with the demo organisations, served by waitress."""
    with geserveerd(demo_app(tmp_path_factory.mktemp("portaal"))) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=VLAGGEN, headless=True)
        yield chromium
        chromium.close()


@pytest.fixture
def pagina(browser):
    # bypass_csp: the portal's CSP forbids injected script, and axe-core must be injected to run.
    context = browser.new_context(bypass_csp=True, locale="nl-NL")
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


def leesbaar(overtredingen: list[dict]) -> str:
    regels = []
    for o in overtredingen:
        regels.append(f"- {o['id']} ({o.get('impact')}): {o['help']} <{o.get('helpUrl')}>")
        for node in o["nodes"][:5]:
            regels.append(f"    bij {', '.join(map(str, node['target']))}: {node.get('failureSummary', '')}")
    return "\n".join(regels)


@functools.cache
def _axe_bron() -> str:
    return AXE.read_text(encoding="utf-8")


def controleer_toegankelijkheid(page) -> None:
    """axe-core on the page as it stands: no WCAG 2.1 A or AA violations.

    axe is evaluated as source rather than added as a <script> tag, and asked for violations only (not the
    passes): together that takes a page from about 0.7 s to 0.2 s, which the tour of every page needs."""
    if not page.evaluate("typeof axe !== 'undefined'"):
        page.evaluate(_axe_bron())
    uitkomst = page.evaluate(
        "async (tags) => await axe.run(document,"
        " {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        WCAG,
    )
    overtredingen = uitkomst["violations"]
    assert not overtredingen, f"WCAG-overtredingen op {page.url}:\n{leesbaar(overtredingen)}"
