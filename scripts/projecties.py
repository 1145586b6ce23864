"""`portaal projections run` (the worker that follows the event logs) and `portaal projections rebuild
[NAME]`."""

import sys

import click

from projections.handlers import PROJECTIES
from projections.handlers.basis import logboek_van
from projections.herbouw_parallel import standaard_processen
from scripts.observatie import observeer_werker, werkeropties
from scripts.signalen import stop_netjes
from service_layer.samenstelling import bouw
from service_layer.volgen import volg_alle


@click.group("projections")
def projections() -> None:
    """Read models bijwerken of opnieuw opbouwen uit de events."""


@projections.command("run")
@click.option("--interval", default=0.1, show_default=True, help="Seconden tussen twee keer kijken.")
@werkeropties
def run(interval: float, **observatie) -> None:
    """Volg de eventlogs en werk de read models bij (een eigen proces naast de webservers).

    Projecties waarvan de tabellen door een andere versie van hun code zijn gebouwd, worden eerst opnieuw
    opgebouwd; de werker meldt welke en waarom. Is de database weg (een herstart), dan stopt de werker met
    status 75: laat systemd hem opnieuw starten (Restart=on-failure); hij gaat verder waar hij was.
    Een tweede werker wacht tot de eerste stopt en neemt het dan over."""
    stop_netjes()
    samenstelling = bouw()
    try:
        observeer_werker(samenstelling, **observatie)
        volg_alle(samenstelling.motoren, interval, melding=lambda tekst: click.echo(tekst, err=True))
        click.echo("Gestopt.", err=True)
    finally:
        samenstelling.sluit()


@projections.command("rebuild")
@click.argument("naam", required=False, type=click.Choice(sorted(PROJECTIES)))
@click.option("--batch", default=20_000, show_default=True, help="Events per transactie.")
@click.option(
    "--processen",
    type=click.IntRange(min=1),
    default=standaard_processen,
    show_default="het aantal processorkernen (hoogstens 8)",
    help="Werkprocessen die de projecties van een eventlog naast elkaar opbouwen.",
)
def rebuild(naam: str | None, batch: int, processen: int) -> None:
    """Bouw een projectie (of alle) opnieuw op; lezers zien de oude tabellen tot de nieuwe klaar zijn."""
    samenstelling = bouw()
    try:
        motoren = samenstelling.motoren
        gekozen = {logboek_van(PROJECTIES[naam]): [naam]} if naam else {log: None for log in motoren}
        for logboek, namen in gekozen.items():
            motor = motoren[logboek]
            label = f"Opbouwen ({logboek})"
            with click.progressbar(length=motor.hoogste(), label=label, file=sys.stderr) as balk:
                stand = {"positie": 0}

                def voortgang(positie: int, balk=balk, stand=stand) -> None:
                    balk.update(positie - stand["positie"])
                    stand["positie"] = positie

                positie = motor.herbouw(
                    namen,
                    voortgang=voortgang,
                    batch=batch,
                    melding=lambda tekst: click.echo(tekst, err=True),
                    processen=processen,
                )
            click.echo(f"Eventlog {logboek} opnieuw opgebouwd tot positie {positie}.")
        click.echo(f"Opnieuw opgebouwd: {naam or ', '.join(PROJECTIES)}.")
    finally:
        samenstelling.sluit()
