"""`portaal verwerking run`: the processing worker beside the web processes (PostgreSQL with
PORTAAL_PROJECTIE_WERKER=1); embedded, a batch is processed in the request that delivers it."""

import click

from scripts.observatie import observeer_werker, werkeropties
from service_layer.samenstelling import bouw
from service_layer.volgen import verwerk_doorlopend


@click.group("verwerking")
def verwerking() -> None:
    """Aangeleverde batches verwerken."""


@verwerking.command("run")
@click.option("--interval", default=0.5, show_default=True, help="Seconden tussen twee keer kijken.")
@werkeropties
def run(interval: float, **observatie) -> None:
    """Verwerk de wachtende batches en wacht op nieuwe (een eigen proces naast de webservers).

    Elke batch wordt precies één keer verwerkt; na een onderbreking gaat de verwerking verder met wat nog
    wacht."""
    samenstelling = bouw()
    try:
        observeer_werker(samenstelling, **observatie)
        for motor in samenstelling.motoren.values():
            motor.start(melding=lambda tekst: click.echo(tekst, err=True))
        click.echo(
            f"Verwerking wacht op batches ({len(samenstelling.lezen.wachtende_batches())} wachtend).",
            err=True,
        )
        verwerk_doorlopend(samenstelling.verwerker, samenstelling.motoren, interval)
    except KeyboardInterrupt:
        click.echo("Gestopt.", err=True)
    finally:
        samenstelling.sluit()
