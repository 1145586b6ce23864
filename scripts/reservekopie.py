"""`portaal backup DEST` and `portaal restore SRC` (docs/backup.md): the store of DATABASE_URL (or the SQLite
file under PORTAAL_VAR) copied consistently while the portal runs, and put back into an empty database.

Neither builds the composition root: that would create the portal's tables, and a restore needs the target
empty."""

import os
from pathlib import Path

import click

from events_store import pg_reservekopie, reservekopie
from events_store.instellingen import database_url
from events_store.reservekopie import ReservekopieFout


@click.command("backup")
@click.argument("doel", metavar="DEST", type=click.Path(path_type=Path, dir_okay=False))
def backup(doel: Path) -> None:
    """Maak een reservekopie van de hele opslag (SQLite: online backup; PostgreSQL: pg_dump -Fc)."""
    url = database_url(os.environ)
    try:
        if reservekopie.is_sqlite(url):
            stand = reservekopie.maak_sqlite(url, doel)
        else:
            stand = pg_reservekopie.maak(url, doel)
    except ReservekopieFout as fout:
        raise click.ClickException(fout.melding) from None
    click.echo(f"Reservekopie gemaakt: {doel} ({doel.stat().st_size / 1_000_000:.1f} MB).")
    click.echo(f"Eventlogs: {stand.beschrijving()}.")
    click.echo(
        "Bewaar PORTAAL_CIPHER_KEY (als die gezet is) apart van de kopie: zonder die sleutel zijn de events "
        "in de kopie onleesbaar."
    )


@click.command("restore")
@click.argument("bron", metavar="SRC", type=click.Path(path_type=Path, dir_okay=False))
def restore(bron: Path) -> None:
    """Zet een reservekopie terug in een LEGE database (DATABASE_URL, of het SQLite-bestand onder
    PORTAAL_VAR)."""
    url = database_url(os.environ)
    try:
        if reservekopie.is_sqlite(url):
            stand = reservekopie.zet_terug_sqlite(url, bron)
        else:
            stand = pg_reservekopie.zet_terug(url, bron)
    except ReservekopieFout as fout:
        raise click.ClickException(fout.melding) from None
    click.echo(f"Teruggezet uit {bron}. Eventlogs: {stand.beschrijving()}.")
    click.echo("Bouw nu de read models opnieuw op en controleer ze:")
    click.echo("  portaal projections rebuild")
    click.echo("  portaal replay --verify-all")
