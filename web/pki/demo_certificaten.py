"""The demo certificates as the demo login page lists them, read from the manifest of the demo PKI."""

import json
from dataclasses import dataclass
from pathlib import Path

from web.pki import demo_bestanden


@dataclass(frozen=True)
class DemoCertificaat:
    id: str
    label: str
    oin: str | None
    organisatie: str
    rol: str | None
    verwachte_uitkomst: str
    certificaat: str
    sleutel: str
    keten: str
    p12: str


class OnbekendDemoCertificaat(LookupError):
    """No demo certificate with this id: a form value that did not come from the list."""


def demo_certificaten(pki_dir: Path) -> list[DemoCertificaat]:
    manifest = json.loads((Path(pki_dir) / demo_bestanden.MANIFEST_BESTAND).read_text(encoding="utf-8"))
    return [DemoCertificaat(**gegevens) for gegevens in manifest["certificaten"]]


def lees_demo_certificaat_pem(pki_dir: Path, id: str) -> str:
    """The certificate with its chain as PEM, ready for `Certificaatverificatie.verifieer_pem`.

    The id is looked up in the manifest, never used as a path, so a posted value cannot reach other files.
    """
    for certificaat in demo_certificaten(pki_dir):
        if certificaat.id == id:
            return (Path(pki_dir) / certificaat.keten).read_text(encoding="utf-8")
    raise OnbekendDemoCertificaat(id)
