"""`portaal bench`: runs every benchmark module and writes var/bench.json plus a readable table.

A benchmark module in this package exposes `run() -> dict[str, tuple[float, str]]` (name -> value, unit)
and `BESCHRIJVING` (name -> what exactly it measures, on which data, with which settings, and its target),
and is listed in MODULES. The table puts the previous run's figure (the JSON file being replaced) beside
each new one whose name existed before.
"""

import importlib
import json
import textwrap
from pathlib import Path

import click

MODULES: list[str] = [
    "scripts.bench.pdf",
    "scripts.bench.portaal",
    "scripts.bench.hot_dienst",
    "scripts.bench.projecties",
    "scripts.bench.intake",
    "scripts.bench.koppelvlak",
    "scripts.bench.gebruikers",
    "scripts.bench.toegang",
    "scripts.bench.rapportage",
    "scripts.bench.werkers",
    "scripts.bench.gezondheid",
    "scripts.bench.last",
]
# Other names a module may be asked for by (`portaal bench load`).
ALIASSEN = {"load": "last"}


def _table(results: dict[str, dict], oud: dict[str, dict], beschrijvingen: dict[str, str]) -> str:
    width = max((len(name) for name in results), default=10)
    lines = [f"{'meting'.ljust(width)}  {'nu':>14}  {'vorige run':>14}  eenheid"]
    for name, item in results.items():
        vorig = f"{oud[name]['value']:>14.3f}" if name in oud else f"{'-':>14}"
        lines.append(f"{name.ljust(width)}  {item['value']:>14.3f}  {vorig}  {item['unit']}")
    lines.append("")
    for name in results:
        lines.append(f"{name}:")
        lines.extend(
            textwrap.wrap(beschrijvingen.get(name, ""), 100, initial_indent="    ", subsequent_indent="    ")
        )
    verdwenen = sorted(set(oud) - set(results))
    if verdwenen:
        lines.append("")
        lines.append("Niet meer gemeten (in de vorige run): " + ", ".join(verdwenen))
    return "\n".join(lines)


@click.command("bench")
@click.argument("modules", nargs=-1)
@click.option("--only", multiple=True, help="Alleen deze benchmarkmodules (bijv. portaal, load).")
@click.option("--output", type=click.Path(path_type=Path), default=Path("var/bench.json"), show_default=True)
def bench(modules: tuple[str, ...], only: tuple[str, ...], output: Path) -> None:
    """Draai de benchmarks en schrijf var/bench.json en een leesbare tabel.

    MODULES (bijv. `portaal bench load`) doet hetzelfde als --only."""
    only = tuple(ALIASSEN.get(naam, naam) for naam in (*modules, *only))
    bekend = {m.rsplit(".", 1)[-1] for m in MODULES}
    if onbekend := sorted(set(only) - bekend):
        raise click.UsageError(
            f"onbekende benchmark {', '.join(onbekend)}; kies uit {', '.join(sorted(bekend | set(ALIASSEN)))}"
        )
    results: dict[str, dict] = {}
    beschrijvingen: dict[str, str] = {}
    oud = json.loads(output.read_text()) if output.exists() else {}
    for module_name in MODULES:
        if only and module_name.rsplit(".", 1)[-1] not in only:
            continue
        click.echo(f"-- {module_name}", err=True)
        module = importlib.import_module(module_name)
        for name, (value, unit) in module.run().items():
            results[name] = {"value": round(float(value), 3), "unit": unit}
    if only:  # a partial run keeps the other figures of the previous one
        results = {**{k: v for k, v in oud.items() if k not in results}, **results}
    for module_name in MODULES:  # descriptions of the figures kept from the previous run, too
        beschrijvingen.update(getattr(importlib.import_module(module_name), "BESCHRIJVING", {}))
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(json.dumps(results, indent=2, sort_keys=True) + "\n")
    table = _table(results, oud, beschrijvingen)
    output.with_suffix(".txt").write_text(table + "\n")
    click.echo(table)
