"""`portaal batch`: batches in the koppelvlak's XML. `voorbeeld` writes realistic ones for demos and
benchmarks."""

import sys
from pathlib import Path

import click

from domain.fouten import OngeldigeWaarde
from domain.waarden import Oin, Status
from koppelvlak.schrijven import schrijf_batch
from koppelvlak.voorbeeld import voorbeeld_berichten, voorbeeld_kop
from scripts.seed import AFNEMERS, GEMEENTE_BERICHTTYPES
from scripts.voorbeeld_pdf import voorbeeld_pdf

# The demo gemeente's named berichttypes that end up Actief in `portaal seed-demo`.
DEMO_BERICHTTYPES = tuple(
    code
    for code, _, _, statussen in GEMEENTE_BERICHTTYPES
    if statussen and statussen[-1] is Status.ACTIEF and not code.startswith("BRF")
)
GROTE_BIJLAGE_BYTES = 600 * 1024


@click.group("batch")
def batch() -> None:
    """Batches in het XML van het koppelvlak."""


def _oin(context: click.Context, parameter: click.Parameter, waarde: str) -> str:
    try:
        return str(Oin(waarde))
    except OngeldigeWaarde as fout:
        raise click.BadParameter(fout.melding) from None


@batch.command("voorbeeld")
@click.option("--berichten", "aantal", default=100, show_default=True, type=click.IntRange(1, 1000))
@click.option("--fouten", is_flag=True, help="Ook berichten die de verwerking weigert (de helft).")
@click.option("--bijlagen", is_flag=True, help="Een kleine PDF bij elk derde bericht.")
@click.option(
    "--leverancier", default=AFNEMERS[0].oin, show_default=True, callback=_oin, help="OIN van de leverancier."
)
@click.option(
    "--berichttype",
    "berichttypes",
    multiple=True,
    default=DEMO_BERICHTTYPES,
    show_default=True,
    help="Berichttypecode; herhaal de optie voor meer codes.",
)
@click.option("--seed", default=0, show_default=True, help="Dezelfde seed geeft dezelfde batch.")
@click.option("--uit", type=click.Path(dir_okay=False, path_type=Path), help="Bestand (standaard: stdout).")
def voorbeeld(
    aantal: int,
    fouten: bool,
    bijlagen: bool,
    leverancier: str,
    berichttypes: tuple[str, ...],
    seed: int,
    uit: Path | None,
) -> None:
    """Schrijf een realistische batch: geldige BSN's, de berichttypes van de demo en, met --fouten, een mix
    van uitkomsten."""
    berichten = voorbeeld_berichten(
        aantal,
        berichttypes,
        seed=seed,
        fouten=fouten,
        bijlage=voorbeeld_pdf() if bijlagen else None,
        grote_bijlage=voorbeeld_pdf(GROTE_BIJLAGE_BYTES) if fouten else None,
    )
    kop = voorbeeld_kop(leverancier, seed)
    if uit is None:
        schrijf_batch(sys.stdout.buffer, kop, berichten)
        return
    with uit.open("wb") as bestand:
        schrijf_batch(bestand, kop, berichten)
    click.echo(f"Batch {kop.batch_id} met {aantal} berichten geschreven naar {uit}.", err=True)
