"""`portaal eerste-beheerder --oin OIN --naam NAAM`: the first organisation with the role beheerder on a new
(production) database, so someone can log in and register the other organisations in the portal."""

import click

from domain.fouten import DomeinFout, OngeldigeWaarde
from domain.waarden import Oin
from service_layer.eerste_beheerder import CERTIFICAAT, registreer_eerste_beheerder
from service_layer.samenstelling import bouw


def _oin(ctx: click.Context, param: click.Parameter, waarde: str) -> Oin:
    try:
        return Oin(waarde.strip())
    except OngeldigeWaarde as fout:
        raise click.BadParameter(fout.melding) from None


def _wacht_op_ander() -> None:
    click.echo(
        "Een ander registreert op dit moment een eerste beheerder; dit commando wacht daarop.", err=True
    )


@click.command("eerste-beheerder")
@click.option(
    "--oin",
    required=True,
    callback=_oin,
    help="OIN van de beheerorganisatie: het OIN in het PKIoverheid-certificaat waarmee zij inlogt.",
)
@click.option("--naam", required=True, help="Naam van de beheerorganisatie, zoals het portaal die toont.")
def eerste_beheerder(oin: Oin, naam: str) -> None:
    """Registreer de eerste beheerder op een nieuwe database.

    Alleen zolang er nog geen beheerder is: een volgende beheerder wordt door een beheerder in het portaal
    geregistreerd (tabblad Beheer). De wijziging staat in de geschiedenis op naam van de organisatie zelf, met
    "cli" als certificaat. Daarna kan een geldig PKIoverheid-certificaat met dit OIN meteen inloggen als
    beheerder."""
    samenstelling = bouw()
    try:
        beheerder = registreer_eerste_beheerder(samenstelling, oin, naam, _wacht_op_ander)
    except DomeinFout as fout:
        raise click.ClickException(fout.melding) from None
    finally:
        samenstelling.sluit()
    click.echo(
        f"{beheerder.naam} (OIN {beheerder.oin}) is geregistreerd als beheerder, vastgelegd namens {oin} "
        f"(certificaat: {CERTIFICAAT}). Log in met een PKIoverheid-certificaat met dit OIN."
    )
