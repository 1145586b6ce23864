"""Eigenschappen van het document als geheel, uit de catalogus en de trailer."""

from __future__ import annotations

import pikepdf

from bijlage_validatie.doorlopen import is_woordenboek
from bijlage_validatie.metadata import Metadata
from domain.pdf_validatie import Bevinding, PdfuaFeiten, bevinding


def document_bevindingen(catalogus: pikepdf.Object) -> list[Bevinding]:
    """Wat op documentniveau verboden is, ook als de losse objecten onvindbaar of vreemd opgebouwd zijn."""
    gevonden = []
    namen = catalogus.get("/Names")
    if is_woordenboek(namen) and "/JavaScript" in namen:
        gevonden.append(bevinding("javascript", object="documentscripts (/Names /JavaScript)"))
    if is_woordenboek(namen) and "/EmbeddedFiles" in namen:
        gevonden.append(bevinding("ingesloten_bestand", object="bestandenlijst (/Names /EmbeddedFiles)"))
    formulier = catalogus.get("/AcroForm")
    if is_woordenboek(formulier) and "/XFA" in formulier:
        gevonden.append(bevinding("xfa_formulier", object="formulier (/AcroForm /XFA)"))
    return gevonden


def pdfua_feiten(pdf: pikepdf.Pdf, metadata: Metadata) -> PdfuaFeiten:
    catalogus = pdf.Root
    markering = catalogus.get("/MarkInfo")
    voorkeuren = catalogus.get("/ViewerPreferences")
    taal = catalogus.get("/Lang")
    return PdfuaFeiten(
        gemarkeerd=is_woordenboek(markering) and markering.get("/Marked") is True,
        structuur=is_woordenboek(catalogus.get("/StructTreeRoot")),
        taal=isinstance(taal, pikepdf.String) and bool(str(taal).strip()),
        titel=metadata.titel or _info_titel(pdf),
        titel_getoond=is_woordenboek(voorkeuren) and voorkeuren.get("/DisplayDocTitle") is True,
    )


def _info_titel(pdf: pikepdf.Pdf) -> bool:
    info = pdf.trailer.get("/Info")
    titel = info.get("/Title") if is_woordenboek(info) else None
    return isinstance(titel, pikepdf.String) and bool(str(titel).strip())
