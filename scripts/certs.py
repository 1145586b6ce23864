"""`portaal certs init`: make the local test PKI that demo mode logs in with."""

from pathlib import Path

import click

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
    default=Path("var/pki"),
    show_default=True,
    help="Map voor de demo-PKI.",
)
@click.option("--force", is_flag=True, help="Maak de demo-PKI opnieuw, ook als die al bestaat.")
def init(map_: Path, force: bool) -> None:
    """Maak een test-root, een tussen-CA en clientcertificaten voor de demo-organisaties."""
    if bestaat(map_) and not force:
        click.echo(f"De demo-PKI bestaat al in {map_}; er is niets gewijzigd.")
        click.echo("Gebruik --force om hem opnieuw te maken.")
        return
    certificaten = maak_demo_pki(map_)
    click.echo(f"Demo-PKI gemaakt in {map_} met {len(certificaten)} certificaten:")
    for certificaat in certificaten:
        click.echo(f"  {certificaat.p12:45} {certificaat.label} -> {certificaat.verwachte_uitkomst}")
    click.echo(f"Wachtwoord van de .p12-bestanden: {demo_bestanden.P12_WACHTWOORD}")
