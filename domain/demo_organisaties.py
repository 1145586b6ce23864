"""The demo organisations with their test OINs (prefix 00000099): pure data.

Read by `portaal seed-demo` (to register them) and by `portaal certs init` (to issue their certificates),
so both agree on who exists without either importing the other.
"""

from dataclasses import dataclass
from typing import Literal

Rol = Literal["beheerder", "afnemer", "intermediair", "mijnoverheid"]


@dataclass(frozen=True)
class DemoOrganisatie:
    oin: str
    naam: str
    rol: Rol
    bedient: tuple[str, ...] = ()


DEMO_ORGANISATIES: tuple[DemoOrganisatie, ...] = (
    DemoOrganisatie(oin="00000099000000000001", naam="Logius Beheer", rol="beheerder"),
    DemoOrganisatie(oin="00000099000000000101", naam="Gemeente Voorbeeldstad", rol="afnemer"),
    DemoOrganisatie(oin="00000099000000000102", naam="Dienst Toeslagen Test", rol="afnemer"),
    DemoOrganisatie(oin="00000099000000000103", naam="Waterschap Testland", rol="afnemer"),
    DemoOrganisatie(
        oin="00000099000000000201",
        naam="Berichtenleverancier Test BV",
        rol="intermediair",
        bedient=("00000099000000000101", "00000099000000000102"),
    ),
    # The feed that keeps the Berichtenbox users register current: its certificate calls the API only.
    DemoOrganisatie(oin="00000099000000000301", naam="MijnOverheid Gebruikersregister", rol="mijnoverheid"),
)
