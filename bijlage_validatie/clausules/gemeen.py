"""Kleine hulpjes die elke clausulemodule gebruikt."""

from __future__ import annotations

from collections.abc import Iterator

import pikepdf

from bijlage_validatie.doorlopen import is_woordenboek, objectnaam


def naam(waarde: object) -> str:
    """De naam zonder schuine streep, "" als het geen naam is."""
    return str(waarde)[1:] if isinstance(waarde, pikepdf.Name) else ""


def tekst(waarde: object) -> str:
    if isinstance(waarde, pikepdf.String):
        return str(waarde)
    return ""


def getal(waarde: object) -> float | None:
    if isinstance(waarde, bool):
        return None
    try:
        return float(waarde)
    except (TypeError, ValueError, ArithmeticError):
        return None


def geheel(waarde: object) -> int | None:
    if isinstance(waarde, bool) or not isinstance(waarde, int):
        return None
    return waarde


def plek(obj: pikepdf.Object) -> str | None:
    return objectnaam(obj) if obj.is_indirect else None


def waarden(woordenboek: object) -> Iterator[tuple[str, pikepdf.Object]]:
    if is_woordenboek(woordenboek):
        yield from woordenboek.items()


def lijst(waarde: object) -> list:
    return list(waarde) if isinstance(waarde, pikepdf.Array) else []
