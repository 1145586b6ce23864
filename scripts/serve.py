"""`portaal serve`: the web portal under waitress, behind a TLS-terminating proxy in production."""

import click
import waitress

from scripts.observatie import configureer_logging, log_optie
from web.app import create_app, sluit
from web.observatie import Verzoekcontext

# Waitress trusts no proxy (REMOTE_ADDR stays the proxy's address, which the login checks) and by default
# would also strip the proxy's X-Forwarded-For; kept, it tells the app a request came through the proxy, for
# which /metrics is not there (web.observatie.bewaking). Nothing else reads it.
WAITRESS = {"ident": "portaal", "clear_untrusted_proxy_headers": False}


def configuratie(demo: bool | None) -> dict:
    """Only what the command line says; the rest comes from the environment (web/instellingen.py)."""
    return {} if demo is None else {"PORTAAL_DEMO": demo}


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="Adres om op te luisteren.")
@click.option("--port", default=8080, show_default=True, type=click.IntRange(1, 65535), help="Poort.")
@click.option("--threads", default=8, show_default=True, type=click.IntRange(1, 256), help="Aantal threads.")
@click.option(
    "--demo/--no-demo",
    default=None,
    help="Demomodus (inloggen met de demo-PKI) aan of uit; zonder deze optie geldt PORTAAL_DEMO.",
)
@log_optie
def serve(host: str, port: int, threads: int, demo: bool | None, log_formaat: str | None) -> None:
    """Start het webportaal.

    Elk waitress-proces heeft zijn eigen /metrics: laat Prometheus elk proces op zijn eigen poort lezen."""
    configureer_logging(log_formaat, [Verzoekcontext()], demo)
    app = create_app(configuratie(demo))
    # Behind the TLS proxy the app sees plain http; telling waitress the scheme makes request.is_secure
    # true, so HSTS and https links follow. REMOTE_ADDR stays the proxy's address, which the login checks.
    schema = "https" if app.config["PORTAAL_ACHTER_TLS"] else "http"
    if app.config["PORTAAL_DEMO"]:
        click.echo("Demomodus: inloggen met de certificaten van de demo-PKI. NIET VOOR PRODUCTIE.")
    click.echo(f"Het portaal luistert op http://{host}:{port}/")
    try:
        waitress.serve(app, host=host, port=port, threads=threads, url_scheme=schema, **WAITRESS)
    finally:
        sluit(app)
