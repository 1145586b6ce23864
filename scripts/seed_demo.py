"""`portaal seed-demo`: fills an empty store with a realistic demo history: the configuration
(scripts/seed.py), then citizens and a few nights of processed batches (scripts/demo_verwerking.py)."""

import click

from scripts.demo_verwerking import vul_verwerking
from scripts.seed import DemoKlok, vul_demo
from service_layer.samenstelling import bouw


@click.command("seed-demo")
def seed_demo() -> None:
    """Vul een lege opslag met demogegevens (organisaties, berichttypes, diensten en koppelingen)."""
    samenstelling = bouw(klok=DemoKlok())
    try:
        if samenstelling.motor.hoogste():
            click.echo("De opslag bevat al gebeurtenissen; er zijn geen demogegevens toegevoegd.")
            return
        klok = samenstelling.klok
        vul_demo(samenstelling.portaal)
        aantal = samenstelling.motor.hoogste()
        batches = vul_verwerking(samenstelling, klok)
        # Build the read models now (installing their tables), so the portal's first page need not wait.
        for motor in samenstelling.motoren.values():
            motor.bijwerken()
        click.echo(
            f"Demogegevens toegevoegd: {aantal} gebeurtenissen en {batches} verwerkte batches in "
            f"{samenstelling.engine.url}."
        )
    finally:
        samenstelling.sluit()
