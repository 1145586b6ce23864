"""`portaal demo` (what `make run` calls): the demo PKI, the demo data, and the portal in demo mode."""

from pathlib import Path

import click

from events_store.instellingen import var_dir
from scripts.certs import certs
from scripts.seed_demo import seed_demo
from scripts.serve import serve


@click.command("demo")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8080, show_default=True, type=click.IntRange(1, 65535))
@click.pass_context
def demo(context: click.Context, host: str, port: int) -> None:
    """Zet de demo klaar (test-PKI en demogegevens in SQLite onder var/) en start het portaal."""
    init = certs.get_command(context, "init")
    context.invoke(init, map_=Path(var_dir()) / "pki")
    context.invoke(seed_demo)
    context.invoke(serve, host=host, port=port, demo=True)
