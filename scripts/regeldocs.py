"""docs/pdf-regels.md: elke regel van de Bijlage validatie met zijn bron, wat hij controleert en wat niet.

De pagina komt uit de catalogus zelf (`domain.pdf_regels`, `domain.pdf_clausules`); een test houdt het bestand
gelijk aan wat `markdown()` maakt. Opnieuw schrijven: `python -m scripts.regeldocs`.
"""

from __future__ import annotations

from pathlib import Path

from domain.pdf_clausules.catalogus import CLAUSULES, CONTROLES
from domain.pdf_regels import REGELS
from domain.pdf_toets import NORM_NAAM, Norm

PAD = Path(__file__).resolve().parent.parent / "docs" / "pdf-regels.md"

NIET_GETOETST = {
    Norm.PDFA1: (
        "6.1.3-4 (/ID van een gelineariseerde PDF), 6.1.4-1 en -2 (witruimte in de kruisverwijzingstabel), "
        "6.1.6-1 en -2 (hexadecimale strings), 6.1.7-1 en -2 (/Length en witruimte rond stream), 6.1.8-1 "
        "(witruimte rond obj), 6.1.12-7 (meer dan 8388607 objecten: zo'n bestand weigert het portaal al "
        "als te complex), 6.1.12-10 (CID boven 65535), 6.3.3.3-2 (WMode van ingesloten CMaps), 6.3.5-1 (elk "
        "gebruikt teken in het lettertypebestand), 6.7.8-1 tot en met -19 (uitbreidingsschema's), 6.7.9-2 "
        "en -3 (XMP-eigenschappen en hun typen), 6.7.11-6 en verder (amd/corr-voorvoegsels)."
    ),
    Norm.PDFA2: (
        "6.1.3-4, 6.1.4-1 en -2, 6.1.6-1 en -2, 6.1.7.1-1 en -2, 6.1.8-1 (UTF-8 in namen), 6.1.9-1, 6.1.12-2 "
        "(DigestLocation bij DocMDP), 6.1.13-7 en -10, 6.2.3-3 (DestOutputProfileRef), 6.2.4.2-2 "
        "(overdrukmodus bij ICC-CMYK), 6.2.5-6 (TransferFunction in rasters), 6.2.8.3-1 tot en met -5 "
        "(JPEG 2000), "
        "6.2.11.3.3-2 en -3 (WMode en verwijzende CMaps), 6.2.11.4.1-2 (elk gebruikt teken in het "
        "lettertypebestand), 6.2.11.4.2-1 en -2 (kloppen /CharSet en /CIDSet), 6.2.11.7-3 (privégebruik-"
        "tekens met ActualText), 6.2.11.8-1 (.notdef), 6.4.3-1 en -2 (digitale handtekeningen), 6.6.2.3-1 "
        "tot en met -7 (uitbreidingsschema's en XMP-eigenschappen)."
    ),
    Norm.PDFUA1: (
        "7.2-2, -3, -5 tot en met -7, -11 tot en met -15, -19, -21 tot en met -27, -30 tot en met -33 en -36 "
        "tot en met -38 (taal van bladwijzers, alternatieve teksten en annotaties; de overige tabel- en "
        "lijstregels; regelmatige tabellen), 7.5-1 (Scope van kopcellen), 7.15-1 (dynamische XFA), 7.16-1 "
        "(bit 10 van /P bij versleuteling: qpdf zet die altijd aan), 7.18.4-2 (Form-element zonder Role), "
        "7.18.6.2-1 en -2 (mediaclips: multimedia weigert het portaal al), 7.18.8-1 (PrinterMark), 7.20-2 "
        "(formulier-XObjects met MCID die vaker getekend worden), 7.21.3.3-2 en -3, 7.21.4.1-2, 7.21.4.2-1 "
        "en -2, 7.21.8-1 (.notdef)."
    ),
}


def _cel(tekst: str) -> str:
    return tekst.replace("|", "\\|").replace("\n", " ")


def markdown() -> str:
    regels = [
        "# Regels van de Bijlage validatie",
        "",
        "Deze pagina is gemaakt uit de catalogus van het portaal (`python -m scripts.regeldocs`); een test",
        "houdt hem gelijk aan de code. Het tabblad Bijlage validatie toont dezelfde regels (pagina Regels).",
        "",
        "## Hoe er getoetst wordt",
        "",
        "- Elk bestand krijgt de regels van het portaal zelf (beleid en handleiding, eerste tabel).",
        "- Daarnaast wordt het clausule voor clausule getoetst tegen een PDF/A-profiel: het profiel dat op",
        "  het tabblad of met `portaal valideer-pdf --pdfa 1b|1a|2b|2u|2a` gekozen is, anders het profiel",
        "  dat het bestand in zijn XMP-metadata claimt. Persoonlijke bijlagen toetsen we zonder keuze tegen",
        "  wat het koppelvlak vraagt: PDF/A-1a als het bestand dat claimt, anders PDF/A-2a",
        "  (`bijlage_validatie.valideer_persoonlijke_bijlagen`).",
        "- PDF/UA-1 (ISO 14289-1) toetsen we als dat gekozen is (`--pdfua`) of als het bestand het claimt.",
        "- Een geschonden clausule is een fout voor het getoetste profiel. De nummers zijn die van veraPDF",
        "  (clausule-testnummer), zodat een bevinding één op één naast die van veraPDF te leggen is.",
        "- Claimt een bestand PDF/A-3 of -4, dan toetsen we het niet clausule voor clausule (waarschuwing",
        "  `pdfa_niet_getoetst`) en gelden alleen de regels van het portaal.",
        "",
        "## Regels van het portaal",
        "",
        "| Regel | Ernst | Bron | Wat het betekent |",
        "|---|---|---|---|",
    ]
    for regel in REGELS.values():
        if regel.id in CLAUSULES:
            continue
        regels.append(f"| `{regel.id}` | {regel.ernst.value} | {_cel(regel.bron)} | {_cel(regel.uitleg)} |")
    for norm in Norm:
        regels += [
            "",
            f"## {NORM_NAAM[norm]}",
            "",
            "| Clausule (veraPDF) | Regel | Niveaus | Controleert | Controleert niet |",
            "|---|---|---|---|---|",
        ]
        for clausule in CLAUSULES.values():
            if clausule.norm is not norm:
                continue
            niveaus = "-" if norm is Norm.PDFUA1 else ", ".join(sorted(clausule.niveaus))
            regels.append(
                f"| {clausule.nummer} | `{clausule.id}` | {niveaus} | {_cel(clausule.controleert)} | "
                f"{_cel(clausule.niet) or '-'} |"
            )
        regels += ["", f"Niet getoetst in {NORM_NAAM[norm]}: {NIET_GETOETST[norm]}"]
    regels += [
        "",
        "## Wat de adapter per clausule doet",
        "",
        "De controles in `bijlage_validatie/clausules/` melden wat ze vinden; per norm is dat de clausule:",
        "",
        "| Controle | Clausules |",
        "|---|---|",
    ]
    regels += [f"| `{c}` | {', '.join(f'`{i}`' for i in ids)} |" for c, ids in CONTROLES.items()]
    return "\n".join(regels) + "\n"


if __name__ == "__main__":
    PAD.write_text(markdown(), encoding="utf-8")
