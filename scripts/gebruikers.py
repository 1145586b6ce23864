"""`portaal gebruikers import FILE.csv`: the MijnOverheid feed's file into the Berichtenbox users register
(format: docs/gebruikers-register.md), streamed, with a progress bar on stderr."""

import gc
import io
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import click

from domain.fouten import OngeldigeWaarde
from domain.gebruikersbestand import BestandGeweigerd, Deel
from domain.waarden import Actor, Oin, Rol
from events_store.basis import Vastgelegd
from events_store.gebruikers import Importverslag
from service_layer.samenstelling import Samenstelling, bouw


@click.group("gebruikers")
def gebruikers() -> None:
    """Het register van Berichtenbox-gebruikers (gevoed door MijnOverheid)."""


@contextmanager
def _tekst(pad: Path) -> Iterator[io.TextIOWrapper]:
    # utf-8-sig: a file saved by a spreadsheet starts with a byte order mark; newline="" as csv asks.
    with pad.open("rb") as ruw, io.TextIOWrapper(ruw, encoding="utf-8-sig", newline="") as bestand:
        yield bestand


def _bron(samenstelling: Samenstelling, oin: str | None) -> Actor:
    """The feed the file comes from: the organisation registered with the MijnOverheid role (the one there
    is, or the one named), acting for itself."""
    if oin is None:
        feeds = samenstelling.lezen.organisaties(Rol.MIJNOVERHEID)
        if len(feeds) != 1:
            raise click.UsageError(
                "Geef met --bron de OIN van de MijnOverheid-koppeling "
                f"({len(feeds)} organisaties hebben die rol)."
            )
        return Actor(feeds[0].oin, feeds[0].oin, "portaal gebruikers import")
    try:
        organisatie = samenstelling.lezen.organisatie(Oin(oin))
    except OngeldigeWaarde as fout:
        raise click.BadParameter(fout.melding, param_hint="--bron") from None
    if organisatie is None or organisatie.rol is not Rol.MIJNOVERHEID:
        raise click.BadParameter(
            f"OIN {oin} is niet geregistreerd als MijnOverheid-koppeling.", param_hint="--bron"
        )
    return Actor(organisatie.oin, organisatie.oin, "portaal gebruikers import")


def _meld_fouten(verslag: Importverslag) -> None:
    for fout in verslag.fouten:
        click.echo(f"  {fout}", err=True)
    if verslag.overgeslagen > len(verslag.fouten):
        click.echo(f"  ... en nog {verslag.overgeslagen - len(verslag.fouten)} regels.", err=True)


@gebruikers.command("import")
@click.argument("bestand", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--bron", metavar="OIN", help="OIN van de MijnOverheid-koppeling (als er meer dan één is).")
@click.option(
    "--alles-of-niets",
    is_flag=True,
    help="Lees het bestand eerst helemaal na en leg niets vast als één regel fout is.",
)
def importeer(bestand: Path, bron: str | None, alles_of_niets: bool) -> None:
    """Lees een bestand van MijnOverheid in (bsn;actief_van;actief_tot;uitgeschakeld).

    Zonder --alles-of-niets worden foute regels overgeslagen en gemeld (regelnummer en reden); de goede
    regels worden vastgelegd. Elke regel is de volledige stand van één burger, dus het verbeterde bestand
    (of alleen de verbeterde regels) opnieuw inlezen is veilig."""
    samenstelling = bouw()
    try:
        actor = _bron(samenstelling, bron)
        if alles_of_niets:
            _controleer_eerst(samenstelling, bestand)
        verslag = _importeer(samenstelling, bestand, actor)
    except BestandGeweigerd as fout:
        raise click.ClickException(fout.melding) from None
    finally:
        samenstelling.sluit()
    click.echo(
        f"Levering {verslag.levering}: {verslag.vastgelegd} regels vastgelegd, "
        f"{verslag.overgeslagen} overgeslagen."
    )
    if verslag.overgeslagen:
        click.echo("Overgeslagen regels:", err=True)
        _meld_fouten(verslag)
        sys.exit(1)


def _controleer_eerst(samenstelling: Samenstelling, bestand: Path) -> None:
    with _tekst(bestand) as tekst:
        verslag = samenstelling.portaal.controleer_gebruikersbestand(tekst)
    if verslag.overgeslagen:
        click.echo(f"Niets vastgelegd: {verslag.overgeslagen} regels zijn fout.", err=True)
        _meld_fouten(verslag)
        sys.exit(1)


@contextmanager
def _zonder_cyclische_gc() -> Iterator[Callable[[], None]]:
    """Python's cyclic garbage collector, left on, runs every 700 new container objects and walks every
    row the import and its projection batch hold: it took half the import's time. The rows hold no cycles
    and are freed by their reference counts, so the collector runs once per part instead (young generations:
    what survives a part is not walked again)."""
    aan = gc.isenabled()
    gc.disable()
    try:
        yield lambda: gc.collect(1)
    finally:
        if aan:
            gc.enable()


def _importeer(samenstelling: Samenstelling, bestand: Path, actor: Actor) -> Importverslag:
    with _zonder_cyclische_gc() as opruimen, _tekst(bestand) as tekst, click.progressbar(
        length=bestand.stat().st_size, label="Inlezen", file=sys.stderr
    ) as balk:
        stand = {"gelezen": 0, "delen": 0}
        per_keer = samenstelling.gebruikers.log.gebeurtenissen_per_batch

        def na_deel(vastgelegd: Vastgelegd, deel: Deel) -> None:
            # The read models catch up as the import goes, a projection batch at a time: one transaction per
            # part would rewrite the register's pages touched by every part (the BSNs come in any order).
            stand["delen"] += 1
            opruimen()
            if stand["delen"] % per_keer == 0:
                samenstelling.na_commando(vastgelegd)
            gelezen = tekst.buffer.tell()
            balk.update(gelezen - stand["gelezen"])
            stand["gelezen"] = gelezen

        verslag = samenstelling.portaal.importeer_gebruikers(tekst, actor, na_deel)
        samenstelling.na_commando(verslag.positie)
    return verslag
