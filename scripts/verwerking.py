"""`portaal verwerking run`: the processing worker beside the web processes (PostgreSQL with
PORTAAL_PROJECTIE_WERKER=1); embedded, a batch is processed in the request that delivers it."""

import click

from scripts.observatie import observeer_werker, werkeropties
from scripts.signalen import stop_netjes
from service_layer.samenstelling import bouw
from service_layer.volgen import verwerk_doorlopend


@click.group("verwerking")
def verwerking() -> None:
    """Aangeleverde batches verwerken."""


def meld(tekst: str) -> None:
    click.echo(tekst, err=True)


@verwerking.command("run")
@click.option("--interval", default=0.5, show_default=True, help="Seconden tussen twee keer kijken.")
@werkeropties
def run(interval: float, **observatie) -> None:
    """Verwerk de wachtende batches en wacht op nieuwe (een eigen proces naast de webservers).

    Elke batch wordt precies één keer verwerkt; na een onderbreking gaat de verwerking verder met wat nog
    wacht. Is de database weg (een herstart), dan stopt de werker met status 75: laat systemd hem opnieuw
    starten (Restart=on-failure). Een tweede werker wacht tot de eerste stopt en neemt het dan
    over."""
    stop_netjes()
    samenstelling = bouw()
    try:
        observeer_werker(samenstelling, **observatie)
        for motor in samenstelling.motoren.values():
            motor.start(melding=meld)
        verwerk_doorlopend(samenstelling.verwerker, samenstelling.motoren, interval, melding=meld)
    except KeyboardInterrupt:
        click.echo("Gestopt.", err=True)
    finally:
        samenstelling.sluit()
