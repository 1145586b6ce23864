"""`portaal replay --as-of T [--afnemer OIN]` and `portaal replay --verify-all`: do the read models tell
the truth? Exit status 0 when replay and projection agree, 1 with the differences when they do not."""

import sys
from collections.abc import Iterable
from datetime import UTC, datetime

import click

from projections import replay as audit_replay
from projections.motor import Projectiemotor
from projections.vergelijk import verifieer_alles
from service_layer.samenstelling import bouw


def _moment(ctx, param, waarde: str | None) -> datetime | None:
    if waarde is None:
        return None
    try:
        moment = datetime.fromisoformat(waarde)
    except ValueError:
        raise click.BadParameter("Gebruik ISO 8601, bijvoorbeeld 2026-01-05T09:00:00Z.") from None
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def _as_of(motor: Projectiemotor, moment: datetime, afnemer: str | None) -> int:
    vergelijking = audit_replay.vergelijk_koppelingen(motor, moment, afnemer)
    click.echo(f"Koppelingen op {moment.isoformat()} volgens de events ({len(vergelijking.replay)}):")
    for afn, dienst_id, code, van in sorted(vergelijking.replay):
        click.echo(f"  {afn}  {dienst_id!r}  {code}  sinds {van.isoformat()}")
    if vergelijking.gelijk:
        click.echo("De projectie geeft hetzelfde antwoord.")
        return 0
    click.echo("VERSCHIL tussen replay en projectie:")
    for rij in vergelijking.alleen_replay:
        click.echo(f"  alleen in de replay:   {rij}")
    for rij in vergelijking.alleen_projectie:
        click.echo(f"  alleen in de projectie: {rij}")
    return 1


def _machtigingen_as_of(motor: Projectiemotor, moment: datetime, afnemer: str | None) -> int:
    """The machtigingen valid at T: counted and compared by their id only, so no BSN reaches the terminal
    (or a log that captures it)."""
    vergelijking = audit_replay.vergelijk_machtigingen(motor, moment, afnemer)
    click.echo(f"Machtigingen geldig op {moment.isoformat()} volgens de events: {len(vergelijking.replay)}.")
    if vergelijking.gelijk:
        click.echo("De machtigingenprojectie geeft hetzelfde antwoord.")
        return 0
    click.echo("VERSCHIL tussen replay en machtigingenprojectie:")
    for rij in vergelijking.alleen_replay:
        click.echo(f"  alleen in de replay:   machtiging {rij[0]} (afnemer {rij[3]}, dienst {rij[4]!r})")
    for rij in vergelijking.alleen_projectie:
        click.echo(f"  alleen in de projectie: machtiging {rij[0]} (afnemer {rij[3]}, dienst {rij[4]!r})")
    return 1


def _verify_all(motoren: Iterable[Projectiemotor]) -> int:
    verschillen = [regel for motor in motoren for regel in verifieer_alles(motor)]
    if not verschillen:
        click.echo("Alle read models zijn gelijk aan een replay uit de events.")
        return 0
    click.echo("VERSCHIL tussen de live read models en de replay:")
    for regel in verschillen:
        click.echo(regel)
    return 1


@click.command("replay")
@click.option(
    "--as-of", "moment", callback=_moment, help="Moment (ISO 8601, UTC als er geen zone bij staat)."
)
@click.option("--afnemer", help="Alleen de koppelingen van deze afnemer (OIN).")
@click.option("--verify-all", is_flag=True, help="Speel alle projecties af in een kladdatabase en vergelijk.")
def replay(moment: datetime | None, afnemer: str | None, verify_all: bool) -> None:
    """Speel de events af en vergelijk met de projecties."""
    if moment is None and not verify_all:
        raise click.UsageError("Geef --as-of T of --verify-all.")
    samenstelling = bouw()
    try:
        for motor in samenstelling.motoren.values():
            motor.start()
        status = 0
        if moment is not None:
            status = _as_of(samenstelling.motor, moment, afnemer)
            motor = samenstelling.motoren[samenstelling.machtigingen.log.name]
            status = max(status, _machtigingen_as_of(motor, moment, afnemer))
        if verify_all:
            status = max(status, _verify_all(samenstelling.motoren.values()))
    finally:
        samenstelling.sluit()
    sys.exit(status)
