"""`portaal certs init`: make the local test PKI that demo mode logs in with."""

import os
from pathlib import Path

import click

from events_store.instellingen import var_dir
from web.pki import demo_bestanden
from web.pki.demo_pki import bestaat, maak_demo_pki


@click.group()
def certs() -> None:
    """Test-certificaten voor de demo (NIET VOOR PRODUCTIE)."""


@certs.command("init")
@click.option(
    "--dir",
    "map_",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Map voor de demo-PKI. Standaard de map pki in PORTAAL_VAR (zonder PORTAAL_VAR: var/pki).",
)
@click.option("--force", is_flag=True, help="Maak de demo-PKI opnieuw, ook als die al bestaat.")
def init(map_: Path | None, force: bool) -> None:
    """Maak een test-root, een tussen-CA en clientcertificaten voor de demo-organisaties."""
    # Read at run time, not at import: the web app looks for the demo PKI in PORTAAL_VAR/pki.
    map_ = map_ or demo_pki_map()
    if bestaat(map_) and not force:
        click.echo(f"De demo-PKI bestaat al in {map_}; er is niets gewijzigd.")
        click.echo("Gebruik --force om hem opnieuw te maken.")
        return
    certificaten = maak_demo_pki(map_)
    click.echo(f"Demo-PKI gemaakt in {map_} met {len(certificaten)} certificaten:")
    for certificaat in certificaten:
        click.echo(f"  {certificaat.p12:45} {certificaat.label} -> {certificaat.verwachte_uitkomst}")
    click.echo(f"Wachtwoord van de .p12-bestanden: {demo_bestanden.P12_WACHTWOORD}")


def demo_pki_map() -> Path:
    """Where `create_app` in demo mode looks for the PKI (PKI_DEMO_MAP): PORTAAL_VAR/pki."""
    return var_dir(os.environ) / "pki"
