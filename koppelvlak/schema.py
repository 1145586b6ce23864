"""The koppelvlak's namespace, element names and XSDs, loaded once per process when first needed."""

from functools import cache
from pathlib import Path

from lxml import etree

NS = "http://schemas.rdw.nl/GEB/BerichtVerwerkService/Types/2009/01"
MAP = Path(__file__).resolve().parent


def tag(naam: str) -> str:
    """The element name as lxml writes it: `{namespace}Naam`."""
    return f"{{{NS}}}{naam}"


@cache
def schema(bestand: str) -> etree.XMLSchema:
    # The XSD is our own file; still parsed without network or DTDs, like everything else.
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    return etree.XMLSchema(etree.parse(str(MAP / bestand), parser))


def berichten_xsd() -> etree.XMLSchema:
    return schema("berichten.xsd")


def verslag_xsd() -> etree.XMLSchema:
    return schema("verslag.xsd")
