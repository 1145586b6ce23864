"""`portaal machtigingen import FILE.csv`: DigiD Machtigen's file into the machtigingen register, streamed
(millions of rows in bounded memory), one event per 10,000 rows, with a progress bar. Refused rows are
reported by line number and reason, never by their contents (a BSN must not reach a terminal log)."""

import sys
from collections.abc import Iterator
from pathlib import Path

import click

from domain.machtigingenbestand import BestandGeweigerd
from domain.waarden import Actor, Oin, Rol
from service_layer.samenstelling import bouw


@click.group("machtigingen")
def machtigingen() -> None:
    """Het machtigingenregister (DigiD Machtigen)."""


def _regels(pad: Path, voortgang) -> Iterator[str]:
    with pad.open("rb") as bestand:
        for ruw in bestand:
            voortgang.update(len(ruw))
            yield ruw.decode("utf-8-sig")


@machtigingen.command("import")
@click.argument("bestand", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--feed", "feed", required=True, help="OIN van de DigiD Machtigen-koppeling (rol Machtigingen)."
)
def importeer(bestand: Path, feed: str) -> None:
    """Lees een bestand van DigiD Machtigen in (kopregel: machtiging;belanghebbende;gemachtigde;afnemer;
    dienst_id;geldig_van;geldig_tot;ingetrokken_op)."""
    samenstelling = bouw()
    try:
        organisatie = (
            samenstelling.lezen.organisatie(Oin(feed)) if feed.isdigit() and len(feed) == 20 else None
        )
        if organisatie is None or organisatie.rol is not Rol.MACHTIGINGEN:
            raise click.ClickException(f"OIN {feed} is niet geregistreerd als DigiD Machtigen-koppeling.")
        actor = Actor(organisatie.oin, organisatie.oin, "cli")
        with click.progressbar(length=bestand.stat().st_size, label="Machtigingen", file=sys.stderr) as balk:
            try:
                verslag = samenstelling.portaal.importeer_machtigingen(
                    _regels(bestand, balk), actor, lambda v, _deel: samenstelling.na_commando(v)
                )
            except BestandGeweigerd as fout:
                raise click.ClickException(fout.melding) from None
        samenstelling.na_commando(verslag.positie)
    finally:
        samenstelling.sluit()
    click.echo(f"{verslag.vastgelegd} machtigingen vastgelegd, {verslag.overgeslagen} regels overgeslagen.")
    for fout in verslag.fouten:
        click.echo(f"  {fout}")
    if verslag.overgeslagen > len(verslag.fouten):
        click.echo(f"  ... en {verslag.overgeslagen - len(verslag.fouten)} regels meer.")
