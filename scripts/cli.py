"""The `portaal` command line: one click group; each command lives in its own module."""

import click

from scripts import (
    batch,
    bench,
    certs,
    demo,
    gebruikers,
    machtigingen,
    projecties,
    replay,
    reservekopie,
    seed_demo,
    serve,
    toegang,
    valideer_pdf,
    verwerking,
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def main() -> None:
    """Berichtenbox Leveranciersportaal: beheer, demo, projecties en metingen."""


main.add_command(seed_demo.seed_demo)
main.add_command(demo.demo)
main.add_command(bench.bench)
main.add_command(certs.certs)
main.add_command(valideer_pdf.valideer_pdf)
main.add_command(serve.serve)
main.add_command(projecties.projections)
main.add_command(replay.replay)
main.add_command(batch.batch)
main.add_command(verwerking.verwerking)
main.add_command(gebruikers.gebruikers)
main.add_command(machtigingen.machtigingen)
main.add_command(toegang.toegang)
main.add_command(reservekopie.backup)
main.add_command(reservekopie.restore)
