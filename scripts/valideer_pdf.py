"""`portaal valideer-pdf`: PDF-bijlagen controleren zoals de Bijlage validatie dat doet.

De bestanden worden als één set gecontroleerd (zoals de bijlagen van één bericht of één berichttype), dus
ook tegen het maximale aantal en de maximale totale grootte van de gekozen soort. Elk bestand wordt clausule
voor clausule getoetst tegen PDF/A (`--pdfa`, anders wat het bestand claimt; persoonlijke bijlagen tegen wat
het koppelvlak vraagt) en met `--pdfua` ook tegen PDF/UA-1.
"""

from __future__ import annotations

import json
from pathlib import Path

import click

from bijlage_validatie import Werkerpool, valideer_set
from domain.pdf_clausules.catalogus import CLAUSULES
from domain.pdf_toets import PDFA_PROFIELEN, Norm, norm_van
from domain.pdf_validatie import Oordeel, Soort, Uitslag, toets_voor

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
@click.option(
    "--pdfa",
    type=click.Choice(PDFA_PROFIELEN),
    default=None,
    help="Toets tegen dit PDF/A-profiel. Zonder: de claim; persoonlijke bijlagen: PDF/A-1a of -2a.",
)
@click.option("--pdfua", is_flag=True, help="Toets ook tegen PDF/UA-1 (ISO 14289-1).")
@click.option("--json", "als_json", is_flag=True, help="Eén JSON-document met per bestand het oordeel.")
def valideer_pdf(
    bestanden: tuple[Path, ...], soort: str, pdfa: str | None, pdfua: bool, als_json: bool
) -> None:
    """Controleer PDF-bijlagen. Afsluitcode 0: alles aangenomen; 1: iets geweigerd; 2: verkeerd gebruik."""
    gekozen = Soort(soort)
    toets = toets_voor(gekozen, pdfa, pdfua)
    # Only the worker pool: checking files needs no database, so this command builds no composition root.
    with Werkerpool() as pool:
        set_uitslag = valideer_set([(pad.name, pad.read_bytes()) for pad in bestanden], gekozen, pool, toets)
    uitslagen = set_uitslag.per_bestand()
    if als_json:
        click.echo(json.dumps([u.to_json_dict() for u in uitslagen], ensure_ascii=False, indent=2))
    else:
        click.echo("\n\n".join(verslag(u) for u in uitslagen))
    raise SystemExit(0 if set_uitslag.geaccepteerd else 1)


def verslag(uitslag: Uitslag) -> str:
    pdfa = f"PDF/A-{uitslag.pdfa}" if uitslag.pdfa else "geen PDF/A"
    regels = [f"{uitslag.bestand} ({uitslag.soort.value}, {pdfa}): {OORDEEL_TEKST[uitslag.oordeel]}"]
    regels += [f"  {tekst}" for tekst in toetsingsverslag(uitslag)]
    for b in uitslag.bevindingen:
        plek = f", pagina {b.pagina}" if b.pagina else ""
        regels.append(f"  - {b.ernst.value}{plek}: {b.melding} [{b.regel}]")
    return "\n".join(regels)


def toetsingsverslag(uitslag: Uitslag) -> list[str]:
    """Per getoetste norm het oordeel, en de geschonden clausules met hun aantal."""
    toetsing = uitslag.toetsing
    normen = [(f"PDF/A-{toetsing.pdfa}", norm_van(toetsing.pdfa))] if toetsing.pdfa else []
    normen += [("PDF/UA-1", Norm.PDFUA1)] if toetsing.pdfua else []
    regels = [f"{naam}: {'voldoet' if uitslag.conform(norm) else 'voldoet niet'}" for naam, norm in normen]
    for regel, aantal in uitslag.clausules():
        regels.append(f"  clausule {CLAUSULES[regel].bron}: {aantal}x")
    return regels
