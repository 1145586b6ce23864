"""`portaal bench`: runs every benchmark module and writes var/bench.json plus a readable table.

A benchmark module in this package exposes `run() -> dict[str, tuple[float, str]]` (name -> value, unit)
and is listed in MODULES.
"""

import importlib
import json
from pathlib import Path

import click

MODULES: list[str] = [
    "scripts.bench.commands",
    "scripts.bench.pdf",
    "scripts.bench.portaal",
    "scripts.bench.projecties",
]


def _table(results: dict[str, dict]) -> str:
    width = max((len(name) for name in results), default=10)
    lines = [f"{'meting'.ljust(width)}  {'waarde':>14}  eenheid"]
    for name, item in results.items():
        lines.append(f"{name.ljust(width)}  {item['value']:>14.3f}  {item['unit']}")
    return "\n".join(lines)


@click.command("bench")
@click.option("--only", multiple=True, help="Alleen deze benchmarkmodules (bijv. commands).")
@click.option("--output", type=click.Path(path_type=Path), default=Path("var/bench.json"), show_default=True)
def bench(only: tuple[str, ...], output: Path) -> None:
    """Draai de benchmarks en schrijf var/bench.json en een leesbare tabel."""
    results: dict[str, dict] = {}
    for module_name in MODULES:
        if only and module_name.rsplit(".", 1)[-1] not in only:
            continue
        click.echo(f"-- {module_name}", err=True)
        module = importlib.import_module(module_name)
        for name, (value, unit) in module.run().items():
            results[name] = {"value": round(float(value), 3), "unit": unit}
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(json.dumps(results, indent=2, sort_keys=True) + "\n")
    table = _table(results)
    output.with_suffix(".txt").write_text(table + "\n")
    click.echo(table)
