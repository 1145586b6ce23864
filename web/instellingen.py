"""The app's configuration, read from the environment once per `create_app`; explicit config wins.

SECRET_KEY: from the environment in production. Demo mode generates one and keeps it under var/, so a
restart of `make run` does not log everybody out; production refuses to start without one rather than
sign sessions with a key nobody chose.

Sessions end after PORTAAL_SESSIE_INACTIEF_MINUTEN without a click and PORTAAL_SESSIE_MAXIMAAL_UREN after
login (web/sessie_opslag.py); a form's CSRF token lives no longer than the longest session.
"""

import secrets
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from service_layer.samenstelling import database_url, var_dir
from web.pki.instellingen import PkiInstellingen
from web.sessie_opslag import (
    INACTIEF,
    MAXIMAAL,
    STANDAARD_INACTIEF_MINUTEN,
    STANDAARD_MAXIMAAL_UREN,
)

# Room for the Bijlage validatie tab: several PDFs of at most 2 MB each in one upload, plus form overhead.
MAX_VERZOEK = 12 * 1024 * 1024
SLEUTEL_BESTAND = "secret_key"


def _aan(waarde: str | None) -> bool:
    return (waarde or "").strip().lower() in {"1", "true", "ja", "yes", "on"}


def laad(environ: Mapping[str, str], config: Mapping[str, Any]) -> dict[str, Any]:
    gekozen: dict[str, Any] = {
        "PORTAAL_DEMO": _aan(environ.get("PORTAAL_DEMO")),
        "PORTAAL_ACHTER_TLS": _aan(environ.get("PORTAAL_ACHTER_TLS")),
        "PORTAAL_VAR": var_dir(environ),
        "MAX_CONTENT_LENGTH": MAX_VERZOEK,
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        INACTIEF: _aantal(environ, INACTIEF, STANDAARD_INACTIEF_MINUTEN),
        MAXIMAAL: _aantal(environ, MAXIMAAL, STANDAARD_MAXIMAAL_UREN),
        **config,
    }
    # A form may be open as long as a session can last, never longer (the token is also tied to the
    # session's own secret, which a new login replaces).
    gekozen.setdefault("WTF_CSRF_TIME_LIMIT", gekozen[MAXIMAAL] * 3600)
    gekozen["PORTAAL_VAR"] = Path(gekozen["PORTAAL_VAR"])
    gekozen.setdefault("SESSION_COOKIE_SECURE", gekozen["PORTAAL_ACHTER_TLS"])
    if "DATABASE_URL" not in gekozen:
        gekozen["DATABASE_URL"] = database_url(environ)
    if not gekozen.get("SECRET_KEY"):
        gekozen["SECRET_KEY"] = _geheime_sleutel(environ, gekozen)
    if "PKI_INSTELLINGEN" not in gekozen:
        gekozen["PKI_INSTELLINGEN"] = _pki(environ, gekozen)
    gekozen.setdefault("PKI_DEMO_MAP", gekozen["PORTAAL_VAR"] / "pki")
    return gekozen


def _aantal(environ: Mapping[str, str], naam: str, standaard: int) -> int:
    waarde = environ.get(naam, "").strip()
    if not waarde:
        return standaard
    if not waarde.isdigit() or int(waarde) < 1:
        raise RuntimeError(f"{naam} moet een geheel getal van ten minste 1 zijn, niet {waarde!r}.")
    return int(waarde)


def _geheime_sleutel(environ: Mapping[str, str], gekozen: Mapping[str, Any]) -> str:
    if environ.get("SECRET_KEY"):
        return environ["SECRET_KEY"]
    if not gekozen["PORTAAL_DEMO"]:
        raise RuntimeError("SECRET_KEY ontbreekt: zet de omgevingsvariabele SECRET_KEY (of PORTAAL_DEMO=1).")
    return demo_sleutel(gekozen["PORTAAL_VAR"])


def demo_sleutel(var: Path) -> str:
    pad = var / SLEUTEL_BESTAND
    if not pad.is_file():
        var.mkdir(parents=True, exist_ok=True)
        pad.write_text(secrets.token_urlsafe(48), encoding="utf-8")
        pad.chmod(0o600)
    return pad.read_text(encoding="utf-8").strip()


def _pki(environ: Mapping[str, str], gekozen: Mapping[str, Any]) -> PkiInstellingen:
    if gekozen["PORTAAL_DEMO"]:
        return PkiInstellingen.demo(gekozen["PORTAAL_VAR"])
    return PkiInstellingen.uit_omgeving(environ)
