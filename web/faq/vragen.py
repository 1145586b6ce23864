"""The FAQ content, kept in `vragen.json` so it can change without touching code or templates."""

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

_BESTAND = Path(__file__).with_name("vragen.json")


@dataclass(frozen=True)
class Vraag:
    vraag: str
    antwoord: str


@cache
def vragen() -> tuple[Vraag, ...]:
    inhoud = json.loads(_BESTAND.read_text(encoding="utf-8"))
    return tuple(Vraag(**v) for v in inhoud["vragen"])
