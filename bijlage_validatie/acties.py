"""Actieve inhoud herkennen aan één woordenboek: acties, annotaties en ingesloten bestanden."""

from __future__ import annotations

import pikepdf

from bijlage_validatie.doorlopen import Knoop
from domain.pdf_validatie import Bevinding, bevinding

ACTIE_REGELS = {
    "/JavaScript": "javascript",
    "/Launch": "launch_actie",
    "/ImportData": "importdata_actie",
    "/SubmitForm": "submitform_actie",
    "/Movie": "multimedia",
    "/Sound": "multimedia",
    "/Rendition": "multimedia",
    "/GoTo3DView": "multimedia",
    "/RichMediaExecute": "multimedia",
    "/URI": "externe_link",
}

ANNOTATIE_REGELS = {
    "/FileAttachment": "bestandsbijlage_annotatie",
    "/Movie": "multimedia",
    "/Sound": "multimedia",
    "/Screen": "multimedia",
    "/RichMedia": "multimedia",
    "/3D": "multimedia",
}

MAX_LINKTEKST = 80


def bevindingen_in(knoop: Knoop) -> list[Bevinding]:
    woordenboek = knoop.woordenboek
    gevonden = []
    if _is_actie(woordenboek):
        gevonden.append(_actie(knoop, str(woordenboek.get("/S"))))
    if "/JS" in woordenboek:
        # Ook een Rendition-actie of een ander woordenboek kan via /JS een script meedragen.
        gevonden.append(bevinding("javascript", knoop.pagina, knoop.object))
    regel = ANNOTATIE_REGELS.get(_naam(woordenboek.get("/Subtype")))
    if regel:
        gevonden.append(bevinding(regel, knoop.pagina, knoop.object))
    if "/EF" in woordenboek:
        # One embedded file, one finding: at its file specification, the only way a reader reaches the file.
        # Its stream (often /Type /EmbeddedFile) is visited too; reporting that as well named one file twice.
        gevonden.append(bevinding("ingesloten_bestand", knoop.pagina, knoop.object))
    return [b for b in gevonden if b is not None]


def _is_actie(woordenboek: pikepdf.Object) -> bool:
    # /S komt ook voor in structuurelementen, groepen en overgangen; die hebben /K of een ander /Type.
    if _naam(woordenboek.get("/S")) not in ACTIE_REGELS or "/K" in woordenboek:
        return False
    soort = _naam(woordenboek.get("/Type"))
    return soort in ("", "/Action")


def _actie(knoop: Knoop, actiesoort: str) -> Bevinding:
    regel = ACTIE_REGELS[actiesoort]
    if regel != "externe_link":
        return bevinding(regel, knoop.pagina, knoop.object)
    adres = knoop.woordenboek.get("/URI")
    tekst = _tekst(adres)[:MAX_LINKTEKST] if adres is not None else "onbekend adres"
    return bevinding(regel, knoop.pagina, knoop.object, detail=tekst)


def _naam(waarde: object) -> str:
    return str(waarde) if isinstance(waarde, pikepdf.Name) else ""


def _tekst(waarde: object) -> str:
    if isinstance(waarde, pikepdf.String):
        return bytes(waarde).decode("latin-1", errors="replace")
    return str(waarde)
