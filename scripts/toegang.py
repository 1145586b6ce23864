"""`portaal toegang`: the three access questions of chapter 6 for auditors on the command line, with the
same answers as the API (`--json` prints exactly the API's JSON). Whoever runs this holds the database, so
it answers about every afnemer; the answers name BSNs, so they go to the terminal only, never to a log."""

import json
from datetime import timedelta

import click

from domain.fouten import DomeinFout
from service_layer import toegangsvragen as vragen
from service_layer.samenstelling import bouw


@click.group("toegang")
def toegang() -> None:
    """Wie kon welk bericht lezen, op welk moment, en waarom."""


def _beantwoord(vraag, als_json: bool, tekst) -> None:
    samenstelling = bouw()
    try:
        antwoord = vraag(samenstelling)
    except DomeinFout as fout:
        raise click.ClickException(fout.melding) from None
    finally:
        samenstelling.sluit()
    click.echo(json.dumps(antwoord, ensure_ascii=False, indent=2) if als_json else tekst(antwoord))


@toegang.command("nagaan")
@click.option("--gemachtigde", required=True, help="BSN van de gemachtigde.")
@click.option("--belanghebbende", required=True, help="BSN van de belanghebbende.")
@click.option("--afnemer", required=True, help="OIN van de afnemer.")
@click.option("--berichttype", required=True, help="Code van het berichttype.")
@click.option("--op", help="Moment (ISO 8601; standaard nu).")
@click.option("--json", "als_json", is_flag=True, help="Het antwoord van de API, als JSON.")
def nagaan(gemachtigde, belanghebbende, afnemer, berichttype, op, als_json) -> None:
    """Mocht de gemachtigde de berichten van dit type van de belanghebbende lezen?"""
    velden = {
        "gemachtigde": gemachtigde,
        "belanghebbende": belanghebbende,
        "afnemer": afnemer,
        "berichttype": berichttype,
        "op": op,
    }

    def vraag(s):
        return vragen.toegang(s.lezen, vragen.lees_toegangsvraag(velden, s.klok()), None)

    def tekst(a):
        return ("Toegang: ja. " if a["toegang"] else "Toegang: nee. ") + a["uitleg"]["tekst"]

    _beantwoord(vraag, als_json, tekst)


@toegang.command("lezers")
@click.argument("bericht_id")
@click.option("--op", help="Moment (ISO 8601; standaard nu).")
@click.option("--json", "als_json", is_flag=True, help="Het antwoord van de API, als JSON.")
def lezers(bericht_id, op, als_json) -> None:
    """Wie kon dit bericht lezen op het moment, en sinds wanneer?"""

    def vraag(s):
        return vragen.lezers(s.lezen, bericht_id, vragen.moment(op, "op", s.klok()), None)

    def tekst(a):
        regels = [f"{a['aantal']} gemachtigde(n) konden bericht {a['bericht_id']} lezen op {a['op']}."]
        regels += [f"  {lezer['gemachtigde']} sinds {lezer['sinds']}" for lezer in a["lezers"]]
        return "\n".join(regels)

    _beantwoord(vraag, als_json, tekst)


@toegang.command("zichtbaarheid")
@click.option("--afnemer", required=True, help="OIN van de afnemer.")
@click.option("--berichttype", required=True, help="Code van het berichttype.")
@click.option("--van", help="Begin van de periode (ISO 8601; standaard 30 dagen voor tot).")
@click.option("--tot", help="Einde van de periode (ISO 8601; standaard nu).")
@click.option("--json", "als_json", is_flag=True, help="Het antwoord van de API, als JSON.")
def zichtbaarheid(afnemer, berichttype, van, tot, als_json) -> None:
    """Aan welke diensten was het berichttype gekoppeld, en hoeveel gemachtigden konden het lezen?"""

    def vraag(s):
        einde = vragen.moment(tot, "tot", s.klok())
        begin = vragen.moment(van, "van", einde - timedelta(days=30))
        return vragen.zichtbaarheid(
            s.lezen, vragen.oin(afnemer), vragen.code(berichttype), begin, einde, None
        )

    def tekst(a):
        regels = [
            f"Berichttype {a['berichttype']} van {a['van']} tot {a['tot']}: "
            f"{a['gemachtigden']} gemachtigde(n) "
            f"konden het lezen ({a['gemachtigden_aan_begin']} aan het begin, "
            f"{a['gemachtigden_aan_einde']} aan het einde).",
            "Gekoppelde diensten:",
        ]
        regels += [
            f"  {d['dienst_id']!r} van {d['gekoppeld_van']} tot {d['gekoppeld_tot'] or 'nu'}"
            for d in a["diensten"]
        ]
        return "\n".join(regels)

    _beantwoord(vraag, als_json, tekst)
