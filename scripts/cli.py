"""The `portaal` command line: one click group; each command lives in its own module."""

import click

from events_store.sleutelcontrole import Sleutelfout
from scripts import (
    batch,
    bench,
    certs,
    demo,
    eerste_beheerder,
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
from service_layer.storingen import ONBEREIKBAAR, VOL, soort

# EX_TEMPFAIL (sysexits.h): try again later. A worker that exits with it is restarted by its supervisor
# (deploy/: systemd's Restart=on-failure) and resumes where its last transaction left off.
STORING = 75
_STORINGEN = {
    ONBEREIKBAAR: "Storing: de database is niet bereikbaar (bijvoorbeeld tijdens een herstart van "
    "PostgreSQL). Wat al was vastgelegd blijft heel; start de opdracht opnieuw zodra de database weer "
    "werkt. Een werker onder systemd wordt vanzelf opnieuw gestart en gaat verder waar hij was.",
    VOL: "Storing: de opslag is vol (de schijf van de database heeft geen ruimte meer). Wat al was "
    "vastgelegd blijft heel; maak ruimte vrij en start de opdracht opnieuw.",
}


class _Portaal(click.Group):
    """Every command: a fault of the store ends it with a clear message and status 75, a key that does not fit
    the events with one and status 1; never a trace."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except Sleutelfout as fout:
            click.echo(str(fout), err=True)
            ctx.exit(1)
        except Exception as fout:
            welke = soort(fout)
            if welke is None:
                raise
            click.echo(_STORINGEN[welke], err=True)
            ctx.exit(STORING)


@click.group(cls=_Portaal, context_settings={"help_option_names": ["-h", "--help"]})
def main() -> None:
    """Berichtenbox Leveranciersportaal: beheer, demo, projecties en metingen."""


main.add_command(seed_demo.seed_demo)
main.add_command(eerste_beheerder.eerste_beheerder)
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
