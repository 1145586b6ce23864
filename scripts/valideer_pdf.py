"""`portaal valideer-pdf`: PDF-bijlagen controleren zoals de Bijlage validatie dat doet.

De bestanden worden als één set gecontroleerd (zoals de bijlagen van één bericht of één berichttype), dus
ook tegen het maximale aantal en de maximale totale grootte van de gekozen soort.
"""

from __future__ import annotations

import json
from pathlib import Path

import click

from bijlage_validatie import Werkerpool, valideer_set
from domain.pdf_validatie import Oordeel, Soort, Uitslag

OORDEEL_TEKST = {
    Oordeel.VOLDOET: "voldoet",
    Oordeel.WAARSCHUWING: "voldoet, met waarschuwingen",
    Oordeel.VOLDOET_NIET: "voldoet niet",
}


@click.command("valideer-pdf")
@click.argument(
    "bestanden", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path)
)
@click.option(
    "--soort",
    required=True,
    type=click.Choice([s.value for s in Soort]),
    help="Persoonlijke bijlagen (bij een bericht) of standaardbijlagen (bij een berichttype).",
)
@click.option("--json", "als_json", is_flag=True, help="Eén JSON-document met per bestand het oordeel.")
def valideer_pdf(bestanden: tuple[Path, ...], soort: str, als_json: bool) -> None:
    """Controleer PDF-bijlagen. Afsluitcode 0: alles aangenomen; 1: iets geweigerd; 2: verkeerd gebruik."""
    # Only the worker pool: checking files needs no database, so this command builds no composition root.
    with Werkerpool() as pool:
        set_uitslag = valideer_set([(pad.name, pad.read_bytes()) for pad in bestanden], Soort(soort), pool)
    uitslagen = set_uitslag.per_bestand()
    if als_json:
        click.echo(json.dumps([u.to_json_dict() for u in uitslagen], ensure_ascii=False, indent=2))
    else:
        click.echo("\n\n".join(verslag(u) for u in uitslagen))
    raise SystemExit(0 if set_uitslag.geaccepteerd else 1)


def verslag(uitslag: Uitslag) -> str:
    pdfa = f"PDF/A-{uitslag.pdfa}" if uitslag.pdfa else "geen PDF/A"
    regels = [f"{uitslag.bestand} ({uitslag.soort.value}, {pdfa}): {OORDEEL_TEKST[uitslag.oordeel]}"]
    for b in uitslag.bevindingen:
        plek = f", pagina {b.pagina}" if b.pagina else ""
        regels.append(f"  - {b.ernst.value}{plek}: {b.melding} [{b.regel}]")
    return "\n".join(regels)
