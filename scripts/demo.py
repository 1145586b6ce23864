"""`portaal demo` (what `make run` calls): set up the embedded store with demo data."""

import click

from scripts.seed import seed_demo


@click.command("demo")
@click.pass_context
def demo(context: click.Context) -> None:
    """Zet de demo klaar in de ingebouwde opslag (SQLite onder var/)."""
    context.invoke(seed_demo)
    click.echo("Het webportaal is nog niet beschikbaar; de demogegevens staan klaar in var/portaal.sqlite3.")
