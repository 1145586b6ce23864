"""`portaal batch`: batches in the koppelvlak's XML. `voorbeeld` writes realistic ones for demos and
benchmarks; `submit` delivers them to the configured store as the API does and prints the report."""

import json
import sys
from pathlib import Path

import click

from domain.fouten import DomeinFout, OngeldigeWaarde
from domain.waarden import Oin, Status
from koppelvlak.schrijven import schrijf_batch
from koppelvlak.verslag import verslag_json
from koppelvlak.voorbeeld import voorbeeld_berichten, voorbeeld_kop
from scripts.seed import AFNEMERS, GEMEENTE_BERICHTTYPES
from scripts.voorbeeld_pdf import voorbeeld_pdf
from service_layer.samenstelling import bouw

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


def _verslag_tekst(verslag) -> str:
    regels = [f"Batch {verslag.batch_id} van {verslag.leverancier} voor {verslag.afnemer}:"]
    if not verslag.afgerond:
        regels.append(f"  ontvangen ({verslag.ontvangen_aantal} berichten), nog niet verwerkt")
        return "\n".join(regels)
    regels += [f"  {naam}: {aantal}" for naam, aantal in verslag.tellers().items()]
    regels.append(f"  Proceskenmerk: {verslag.proceskenmerk}")
    return "\n".join(regels)


@batch.command("submit")
@click.argument(
    "bestanden", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path)
)
@click.option("--leverancier", required=True, callback=_oin, help="OIN van de berichtleverancier.")
@click.option("--afnemer", callback=lambda c, p, w: _oin(c, p, w) if w else None, help="OIN van de afnemer.")
@click.option("--json", "als_json", is_flag=True, help="Het verwerkingsverslag als JSON.")
def submit(bestanden: tuple[Path, ...], leverancier: str, afnemer: str | None, als_json: bool) -> None:
    """Lever batches aan op de geconfigureerde opslag, zoals de API dat doet, en toon het verslag.

    Een intermediair geeft met --afnemer aan voor wie de batch is. Zonder verwerker (ingebed) is het verslag
    meteen klaar; met een verwerker (PostgreSQL) staat er wat tot nu toe bekend is."""
    samenstelling = bouw()
    verslagen, status = [], 0
    try:
        for bestand in bestanden:
            try:
                with bestand.open("rb") as stroom:
                    aanlevering = samenstelling.portaal.lever_batch_aan(
                        stroom, Oin(leverancier), "cli", Oin(afnemer) if afnemer else None
                    )
            except DomeinFout as fout:
                code = getattr(fout, "code", None)
                regel = getattr(fout, "regel", None)
                waar = f" (regel {regel})" if regel else ""
                click.echo(
                    f"{bestand}: geweigerd{waar}: {fout.melding}" + (f" [{code.value}]" if code else ""),
                    err=True,
                )
                status = 1
                continue
            samenstelling.na_commando(*aanlevering.vastgelegd)
            verslag = samenstelling.lezen.verslag(aanlevering.batch_id)
            if not aanlevering.nieuw:
                click.echo(
                    f"{bestand}: deze batch was al aangeleverd; het bestaande verslag volgt.", err=True
                )
            verslagen.append(verslag_json(verslag) if als_json else _verslag_tekst(verslag))
    finally:
        samenstelling.sluit()
    if als_json:
        click.echo(json.dumps(verslagen, ensure_ascii=False, indent=2))
    else:
        for tekst in verslagen:
            click.echo(tekst)
    sys.exit(status)
