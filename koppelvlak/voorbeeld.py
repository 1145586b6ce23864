"""Realistic example batches for demos, tests and benchmarks: valid BSNs, Dutch subjects and texts, and on
request a mix of berichten that processing must refuse, one of each kind.

Everything follows from `seed`: the same seed gives the same batch, and `voorbeeld_bsns(n, seed)` gives the
citizens a demo can register as Berichtenbox users before it delivers the batch.
"""

import random
import uuid
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime, timedelta

from domain.levering import Batchkop, Berichtlevering, Bijlagelevering

# (onderwerp, tekst) per berichttype code of the demo; other codes get a general letter.
TEKSTEN = {
    "AANSLAG": (
        "Aanslag gemeentelijke belastingen {jaar}",
        "Geachte heer, mevrouw,\n\nIn de bijlage vindt u de aanslag gemeentelijke belastingen {jaar}. Het "
        "bedrag wordt in tien termijnen afgeschreven als u ons een machtiging heeft gegeven. Bent u het niet "
        "eens met de aanslag? Dan kunt u binnen zes weken bezwaar maken.\n\nMet vriendelijke groet,\n"
        "Team Belastingen",
    ),
    "WOZ": (
        "WOZ-beschikking {jaar}",
        "Geachte heer, mevrouw,\n\nDe WOZ-waarde van uw woning op 1 januari {vorig} is vastgesteld. U vindt "
        "de beschikking en het taxatieverslag in de bijlage.\n\nMet vriendelijke groet,\nTeam WOZ",
    ),
    "PASPOORT": (
        "Uw paspoort verloopt binnenkort",
        "Geachte heer, mevrouw,\n\nUw paspoort verloopt over vier maanden. Maak op tijd een afspraak om een "
        "nieuw paspoort aan te vragen; neem een recente pasfoto mee.\n\nMet vriendelijke groet,\n"
        "Publiekszaken",
    ),
    "KWIJT": (
        "Besluit op uw verzoek om kwijtschelding",
        "Geachte heer, mevrouw,\n\nWij hebben uw verzoek om kwijtschelding van de gemeentelijke belastingen "
        "beoordeeld. Ons besluit leest u in de bijlage.\n\nMet vriendelijke groet,\nTeam Belastingen",
    ),
    "wmo": (
        "Beschikking Wmo-maatwerkvoorziening",
        "Geachte heer, mevrouw,\n\nU heeft een maatwerkvoorziening aangevraagd op grond van de Wet "
        "maatschappelijke ondersteuning. In deze beschikking leest u ons besluit.\n\nMet vriendelijke "
        "groet,\nTeam Zorg en Ondersteuning",
    ),
    "BESCHIK": (
        "Beschikking voorschot toeslagen {jaar}",
        "Geachte heer, mevrouw,\n\nWij hebben het voorschot van uw huurtoeslag en zorgtoeslag voor {jaar} "
        "berekend. Klopt uw inkomen niet meer? Geef wijzigingen dan snel door.\n\nMet vriendelijke groet,\n"
        "Dienst Toeslagen",
    ),
    "TERUG": (
        "Terugvordering toeslag {vorig}",
        "Geachte heer, mevrouw,\n\nU heeft over {vorig} te veel toeslag ontvangen. In de bijlage leest u hoe "
        "u het bedrag kunt terugbetalen en hoe u een betalingsregeling aanvraagt.\n\nMet vriendelijke "
        "groet,\nDienst Toeslagen",
    ),
}
ALGEMEEN = (
    "Bericht over uw dossier",
    "Geachte heer, mevrouw,\n\nEr is een nieuw bericht over uw dossier. U leest het in de bijlage of op "
    "onze website met uw DigiD.\n\nMet vriendelijke groet,\nKlantcontact",
)
ONBEKEND_BERICHTTYPE = "ONBEKEND"
_GEWICHTEN = (9, 8, 7, 6, 5, 4, 3, 2)


def voorbeeld_bsns(aantal: int, seed: int = 0) -> Iterator[str]:
    """`aantal` distinct BSNs that pass the elfproef, the same ones for the same seed.

    The first eight digits walk a permutation of all 10^8 (an affine map with a multiplier coprime to 10^8),
    so no BSN repeats and nothing has to be remembered; the ninth digit makes the elfproef hold, and a prefix
    for which no digit does is skipped."""
    kansen = random.Random(seed)
    stap = kansen.randrange(1, 10**7) * 10 + kansen.choice((1, 3, 7, 9))  # odd, not a multiple of 5
    begin = kansen.randrange(10**8)
    gegeven, i = 0, 0
    while gegeven < aantal:
        voorloop = f"{(begin + i * stap) % 10**8:08d}"
        i += 1
        som = sum(int(c) * g for c, g in zip(voorloop, _GEWICHTEN, strict=True))
        controle = som % 11
        if controle == 10 or som == 0:
            continue
        gegeven += 1
        yield voorloop + str(controle)


def geen_elfproef(bsn: str) -> str:
    """The same nine digits with the last one changed: the elfproef fails (the sum moves by 1 or 9 mod 11)."""
    return bsn[:8] + str((int(bsn[8]) + 1) % 10)


def voorbeeld_kop(leverancier: str, seed: int = 0, nu: datetime | None = None) -> Batchkop:
    kansen = random.Random(f"kop-{seed}")
    moment = (nu or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    return Batchkop(str(uuid.UUID(int=kansen.getrandbits(128), version=4)), moment, leverancier)


def voorbeeld_berichten(
    aantal: int,
    berichttypes: Sequence[str],
    *,
    seed: int = 0,
    fouten: bool = False,
    bijlage: bytes | None = None,
    grote_bijlage: bytes | None = None,
    nu: datetime | None = None,
) -> Iterator[Berichtlevering]:
    """`aantal` berichten for the citizens of `voorbeeld_bsns(aantal, seed)`, the berichttypes in turn.

    `bijlage` (a PDF, made by the caller) goes with every third bericht. With `fouten`, of every ten berichten
    five are meant to be refused by processing: an unknown berichttype, a BSN failing the elfproef, a
    publicatiedatum 20 days ahead, the BerichtID of the bericht before it, and a bijlage over 500 kB
    (`grote_bijlage`, when given)."""
    kansen = random.Random(f"berichten-{seed}")
    moment = (nu or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    vorige_id = None
    for i, bsn in enumerate(voorbeeld_bsns(aantal, seed)):
        code = berichttypes[i % len(berichttypes)]
        onderwerp, tekst = TEKSTEN.get(code, ALGEMEEN)
        jaren = {"jaar": moment.year, "vorig": moment.year - 1}
        bericht_id = str(uuid.UUID(int=kansen.getrandbits(128), version=4))
        bijlagen = ()
        if bijlage and i % 3 == 0:
            bijlagen = (Bijlagelevering("bijlage.pdf", 1, len(bijlage), bijlage),)
        publicatie = moment + timedelta(days=kansen.choice((0, 1, 2, 7))) if i % 4 == 0 else None
        geval = i % 10 if fouten else 0
        if geval == 1:
            code = ONBEKEND_BERICHTTYPE
        elif geval == 2:
            bsn = geen_elfproef(bsn)
        elif geval == 3:
            publicatie = moment + timedelta(days=20)
        elif geval == 4 and vorige_id is not None:
            bericht_id = vorige_id
        elif geval == 5 and grote_bijlage is not None:
            bijlagen = (Bijlagelevering("groot.pdf", 1, len(grote_bijlage), grote_bijlage),)
        vorige_id = bericht_id
        yield Berichtlevering(
            bericht_id=bericht_id,
            berichttype=code,
            onderwerp=onderwerp.format_map(jaren)[:50],
            tekst=tekst.format_map(jaren),
            referentie=f"{code[:8]}-{moment.year}-{i + 1:06d}",
            gebruiker=bsn,
            soort_gebruiker="Burger",
            publicatiedatum=publicatie,
            einddatum_handelingstermijn=(moment + timedelta(days=42)).date() if code == "AANSLAG" else None,
            bijlagen=bijlagen,
        )
