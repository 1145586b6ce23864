"""`portaal projections run` (the worker that follows the log) and `portaal projections rebuild [NAME]`."""

import sys

import click

from projections.handlers import PROJECTIES
from service_layer.samenstelling import bouw


@click.group("projections")
def projections() -> None:
    """Read models bijwerken of opnieuw opbouwen uit de events."""


@projections.command("run")
@click.option("--interval", default=0.1, show_default=True, help="Seconden tussen twee keer kijken.")
def run(interval: float) -> None:
    """Volg het eventlog en werk de read models bij (een eigen proces naast de webservers).

    Projecties waarvan de tabellen door een andere versie van hun code zijn gebouwd, worden eerst opnieuw
    opgebouwd; de werker meldt welke en waarom."""
    samenstelling = bouw()
    motor = samenstelling.motor
    try:
        click.echo(f"Projecties volgen het eventlog vanaf positie {motor.positie()}.", err=True)
        motor.volg(interval=interval, melding=lambda tekst: click.echo(tekst, err=True))
    except KeyboardInterrupt:
        click.echo("Gestopt.", err=True)
    finally:
        samenstelling.sluit()


@projections.command("rebuild")
@click.argument("naam", required=False, type=click.Choice(sorted(PROJECTIES)))
@click.option("--batch", default=20_000, show_default=True, help="Events per transactie.")
def rebuild(naam: str | None, batch: int) -> None:
    """Bouw een projectie (of alle) opnieuw op; lezers zien de oude tabellen tot de nieuwe klaar zijn."""
    samenstelling = bouw()
    try:
        totaal = samenstelling.motor.hoogste()
        with click.progressbar(length=totaal, label="Opbouwen", file=sys.stderr) as balk:
            stand = {"positie": 0}

            def voortgang(positie: int) -> None:
                balk.update(positie - stand["positie"])
                stand["positie"] = positie

            positie = samenstelling.motor.herbouw([naam] if naam else None, voortgang=voortgang, batch=batch)
        click.echo(f"Opnieuw opgebouwd tot positie {positie}: {naam or ', '.join(PROJECTIES)}.")
    finally:
        samenstelling.sluit()
