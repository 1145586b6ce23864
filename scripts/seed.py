"""The demo's configuration for `portaal seed-demo` (scripts/seed_demo.py): organisations, berichttypes,
diensten and koppelingen.

The history is written with a clock that starts 90 days ago and moves on a few minutes per change, so the
koppeling history has real begin and einddatums in the past.
"""

import io
import random
from datetime import UTC, datetime, timedelta

from domain.demo_organisaties import DEMO_ORGANISATIES, DemoOrganisatie
from domain.profiel import Profiel
from domain.waarden import Actor, BerichttypeCode, DienstId, Notificatiekenmerk, Oin, Rol, Status
from service_layer.portaal import Portaal

K = Notificatiekenmerk
BEHEERDER = next(o for o in DEMO_ORGANISATIES if o.rol == "beheerder")
AFNEMERS = [o for o in DEMO_ORGANISATIES if o.rol == "afnemer"]
INTERMEDIAIR = next(o for o in DEMO_ORGANISATIES if o.rol == "intermediair")

KENMERKEN: dict[str, tuple[Notificatiekenmerk, ...]] = {
    # The beheerder decides per organisation which categories it may use (REFERENCE.md).
    "00000099000000000101": tuple(K),
    "00000099000000000102": (K.BETALEN, K.INFORMATIE_GEVEN, K.REACTIE_ONTVANGEN),
    "00000099000000000103": (K.BETALEN, K.INFORMATIE_KRIJGEN),
}

PROFIELEN = {
    "00000099000000000101": Profiel(
        "Gemeente Voorbeeldstad stuurt steeds meer post digitaal. U ontvangt de aanslag gemeentelijke "
        "belastingen en de WOZ-beschikking in uw Berichtenbox.",
        "Aanslagbiljet en WOZ-beschikking",
        "Staat u onder curatele, dan gaat uw post naar uw wettelijk vertegenwoordiger.",
    ),
    "00000099000000000102": Profiel(
        "Dienst Toeslagen Test stuurt berichten over uw toeslagen naar de Berichtenbox.",
        "Beschikkingen toeslagen",
        "Heeft u een machtiging afgegeven, dan leest uw gemachtigde mee.",
    ),
    "00000099000000000103": Profiel(
        "Waterschap Testland is met ingang van 2026 aangesloten op de Berichtenbox van MijnOverheid.",
        "Aanslag waterschapsbelasting",
        "Bij een betalingsregeling ontvangt u ook een brief per post.",
    ),
}

# code, omschrijving, kenmerk, the statuses it passes through after Nieuw
GEMEENTE_BERICHTTYPES = [
    ("AANSLAG", "Aanslag gemeentelijke belastingen", K.BETALEN, [Status.ACTIEF]),
    ("WOZ", "WOZ-beschikking", K.INFORMATIE_KRIJGEN, [Status.ACTIEF]),
    ("PASPOORT", "Verlopen reisdocument", K.VERNIEUWEN_NODIG, [Status.ACTIEF]),
    ("PARKEER", "Parkeervergunning", K.REACTIE_ONTVANGEN, [Status.ACTIEF, Status.INACTIEF]),
    ("HONDBEL", "Hondenbelasting (afgeschaft)", K.BETALEN, [Status.ACTIEF, Status.ARCHIEF]),
    ("ENQ2025", "Enquête 2025", K.INFORMATIE_GEVEN, [Status.ACTIEF, Status.INACTIEF, Status.ARCHIEF]),
    ("KWIJT", "Kwijtschelding", K.REACTIE_ONTVANGEN, [Status.ACTIEF, Status.INACTIEF, Status.ACTIEF]),
    ("CAMPAGNE", "Campagne afvalpas", K.INFORMATIE_KRIJGEN, []),
    ("wmo", "Wmo-beschikking", K.REACTIE_ONTVANGEN, [Status.ACTIEF]),
    ("WMO", "Wmo-herindicatie", K.INFORMATIE_GEVEN, []),
] + [
    (
        f"BRF{n:03d}",
        f"Brief uit reeks {n}",
        list(K)[n % 5],
        [[], [Status.ACTIEF], [Status.ACTIEF, Status.INACTIEF], [Status.ACTIEF, Status.ARCHIEF]][n % 4],
    )
    for n in range(1, 41)
]


class DemoKlok:
    def __init__(self) -> None:
        self.nu = datetime.now(UTC) - timedelta(days=90)

    def __call__(self) -> datetime:
        self.nu += timedelta(minutes=37)
        return self.nu


def actor(org: DemoOrganisatie, namens: DemoOrganisatie | None = None) -> Actor:
    return Actor(Oin(org.oin), Oin((namens or org).oin), "seed-demo")


def registreer_organisaties(portaal: Portaal) -> None:
    beheer = actor(BEHEERDER)
    for org in DEMO_ORGANISATIES:
        kenmerken = KENMERKEN.get(org.oin, tuple(K))
        portaal.registreer_organisatie(Oin(org.oin), org.naam, Rol(org.rol), kenmerken, beheer)
    for afnemer in INTERMEDIAIR.bedient:
        portaal.bedien_afnemer(Oin(INTERMEDIAIR.oin), Oin(afnemer), beheer)
    for org in AFNEMERS:
        portaal.wijzig_profiel(Oin(org.oin), PROFIELEN[org.oin], actor(org))
    portaal.plaats_mededeling(
        "Onderhoud zaterdag",
        "Zaterdag tussen 06:00 en 10:00 uur is het Leveranciersportaal niet beschikbaar wegens onderhoud.",
        beheer,
    )
    portaal.plaats_mededeling(
        "Nieuwe notificatieteksten",
        "De notificatieteksten per notificatiekenmerk zijn vernieuwd. Bekijk ze bij uw berichttypes.",
        beheer,
    )


def maak_berichttypes(portaal: Portaal, org: DemoOrganisatie, lijst, door: Actor) -> None:
    afnemer = Oin(org.oin)
    for code, omschrijving, kenmerk, statussen in lijst:
        portaal.maak_berichttype(afnemer, BerichttypeCode(code), omschrijving, kenmerk, door)
        for status in statussen:
            portaal.wijzig_berichttype_status(afnemer, BerichttypeCode(code), status, door)


def maak_diensten(portaal: Portaal) -> None:
    gemeente, toeslagen = AFNEMERS[0], AFNEMERS[1]
    g, door = Oin(gemeente.oin), actor(gemeente)
    c = BerichttypeCode
    portaal.maak_dienst(g, DienstId("Belastingzaken"), "Gemeentelijke belastingen regelen", door)
    portaal.pas_koppelingen_toe(g, DienstId("Belastingzaken"), [c("AANSLAG"), c("WOZ"), c("KWIJT")], [], door)
    portaal.maak_dienst(g, DienstId("Parkeren"), "Parkeervergunningen", door)
    portaal.pas_koppelingen_toe(g, DienstId("Parkeren"), [c("PARKEER"), c("BRF001")], [], door)
    portaal.ontkoppel(g, DienstId("Parkeren"), c("BRF001"), door)
    portaal.maak_dienst(g, DienstId("Zorg en ondersteuning"), "Wmo", door)
    portaal.pas_koppelingen_toe(g, DienstId("Zorg en ondersteuning"), [c("wmo"), c("WMO")], [], door)
    portaal.maak_dienst(g, DienstId("zorg en ondersteuning "), "Oude schrijfwijze, gedeactiveerd", door)
    portaal.koppel(g, DienstId("zorg en ondersteuning "), c("wmo"), door)
    portaal.deactiveer_dienst(g, DienstId("zorg en ondersteuning "), door)
    t, via = Oin(toeslagen.oin), actor(INTERMEDIAIR, toeslagen)
    portaal.maak_dienst(t, DienstId("Toeslagen"), "Huur- en zorgtoeslag", via)
    portaal.pas_koppelingen_toe(t, DienstId("Toeslagen"), [c("BESCHIK"), c("TERUG")], [], via)


def gebruikersbestand(aantal: int = 600) -> str:
    """Citizens for the users register: boxes opened over the last fourteen months, one in ten closed, some
    who switched the gemeente or the waterschap off (valid BSNs, the same every run)."""
    rng = random.Random(1234)
    vandaag = datetime.now(UTC).date()
    regels = ["bsn;actief_van;actief_tot;uitgeschakeld"]
    basis = 30_000_000
    while len(regels) <= aantal:
        basis += 7
        acht = f"{basis:08d}"
        controle = sum(int(c) * w for c, w in zip(acht, (9, 8, 7, 6, 5, 4, 3, 2), strict=True)) % 11
        if controle == 10:
            continue
        van = vandaag - timedelta(days=rng.randrange(430))
        tot = van + timedelta(days=rng.randrange(1, (vandaag - van).days + 2)) if rng.random() < 0.1 else None
        uit = " ".join(o.oin for o in AFNEMERS if o is not AFNEMERS[1] and rng.random() < 0.08)
        regels.append(f"{acht}{controle};{van.isoformat()};{tot.isoformat() if tot else ''};{uit}")
    return "\n".join(regels) + "\n"


def vul_gebruikersregister(portaal: Portaal) -> None:
    feed = next(o for o in DEMO_ORGANISATIES if o.rol == "mijnoverheid")
    portaal.importeer_gebruikers(io.StringIO(gebruikersbestand()), actor(feed))


def vul_demo(portaal: Portaal) -> None:
    registreer_organisaties(portaal)
    gemeente, toeslagen, waterschap = AFNEMERS
    maak_berichttypes(portaal, gemeente, GEMEENTE_BERICHTTYPES, actor(gemeente))
    maak_berichttypes(
        portaal,
        toeslagen,
        [
            ("BESCHIK", "Beschikking toeslag", K.REACTIE_ONTVANGEN, [Status.ACTIEF]),
            ("TERUG", "Terugvordering", K.BETALEN, [Status.ACTIEF]),
            ("INFO", "Informatieverzoek", K.INFORMATIE_GEVEN, []),
        ],
        actor(INTERMEDIAIR, toeslagen),
    )
    maak_berichttypes(
        portaal,
        waterschap,
        [
            ("AANSLAG", "Aanslag waterschapsbelasting", K.BETALEN, [Status.ACTIEF]),
        ],
        actor(waterschap),
    )
    maak_diensten(portaal)
    vul_gebruikersregister(portaal)
