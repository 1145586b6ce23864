"""Logging and metrics for the `portaal` commands that run as a service: `serve` and the workers.

`--log-formaat json|tekst` (or PORTAAL_LOG_FORMAAT; default JSON, plain text in demo mode): one line per
record on stderr, with the BSN mask (service_layer.logregels). A worker has no web server, so
`--metrics-poort N` (or PORTAAL_METRICS_POORT) starts prometheus_client's own HTTP server for its `/metrics`,
on `--metrics-host` (default 127.0.0.1, or PORTAAL_METRICS_HOST): the worker's counters and the stand of
the logs, projections and queue (service_layer.metingen).
"""

import functools
import os
from collections.abc import Callable

import click
from prometheus_client import start_http_server

from service_layer import logregels
from service_layer.samenstelling import Samenstelling

_AAN = {"1", "true", "ja", "yes", "on"}


def log_optie(command: Callable) -> Callable:
    return click.option(
        "--log-formaat",
        type=click.Choice(logregels.FORMATEN),
        default=None,
        help="Logregels als JSON of als tekst; zonder deze optie geldt PORTAAL_LOG_FORMAAT "
        "(standaard json, in demomodus tekst).",
    )(command)


def werkeropties(command: Callable) -> Callable:
    """--log-formaat, --metrics-poort and --metrics-host for a worker command."""

    @click.option(
        "--metrics-host",
        envvar="PORTAAL_METRICS_HOST",
        default="127.0.0.1",
        show_default=True,
        help="Adres waarop /metrics luistert (PORTAAL_METRICS_HOST).",
    )
    @click.option(
        "--metrics-poort",
        envvar="PORTAAL_METRICS_POORT",
        type=click.IntRange(1, 65535),
        default=None,
        help="Poort voor /metrics van deze werker (PORTAAL_METRICS_POORT); zonder: geen /metrics.",
    )
    @log_optie
    @functools.wraps(command)
    def met_opties(*args, **kwargs):
        return command(*args, **kwargs)

    return met_opties


def formaat(gekozen: str | None, demo: bool | None = None) -> str:
    if gekozen:
        return gekozen
    if demo is None:
        demo = os.environ.get("PORTAAL_DEMO", "").strip().lower() in _AAN
    try:
        return logregels.formaat_uit(os.environ, demo)
    except RuntimeError as fout:
        raise click.UsageError(str(fout)) from None


def configureer_logging(gekozen: str | None, filters=(), demo: bool | None = None) -> None:
    """Install the log handler for the rest of this command; removed again when the command ends."""
    handler = logregels.configureer(formaat(gekozen, demo), filters)
    click.get_current_context().call_on_close(lambda: logregels.herstel(handler))


def observeer_werker(
    samenstelling: Samenstelling, log_formaat: str | None, metrics_poort: int | None, metrics_host: str
) -> None:
    """A worker's logging and, when a port is given, its /metrics, for the rest of the command."""
    configureer_logging(log_formaat)
    if metrics_poort is None:
        return
    server, _ = start_http_server(metrics_poort, metrics_host, registry=samenstelling.metingen.register)
    click.echo(f"Metrics op http://{metrics_host}:{metrics_poort}/metrics", err=True)

    def stop() -> None:
        server.shutdown()
        server.server_close()

    click.get_current_context().call_on_close(stop)
