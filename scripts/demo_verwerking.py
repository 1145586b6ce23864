"""The processing part of `portaal seed-demo`: citizens with a Berichtenbox (the MijnOverheid feed's file,
spread over the last fifteen months so Home has a year to draw), and a few nights of batches with every
colour of the Berichtverwerking tab, delivered by the gemeente itself and by the intermediair for Dienst
Toeslagen Test."""

import io
import random
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from domain.demo_organisaties import DEMO_ORGANISATIES
from domain.waarden import Oin
from koppelvlak.schrijven import schrijf_batch
from koppelvlak.voorbeeld import voorbeeld_berichten, voorbeeld_bsns, voorbeeld_kop
from scripts.batch import DEMO_BERICHTTYPES, GROTE_BIJLAGE_BYTES
from scripts.seed import AFNEMERS, INTERMEDIAIR, actor
from scripts.voorbeeld_pdf import voorbeeld_pdf

NEDERLAND = ZoneInfo("Europe/Amsterdam")
TOESLAGEN_BERICHTTYPES = ("BESCHIK", "TERUG")


@dataclass(frozen=True)
class Demobatch:
    nacht: int  # nights ago
    leverancier: str
    afnemer: str
    berichttypes: tuple[str, ...]
    aantal: int
    seed: int
    fouten: bool = False


GEMEENTE, TOESLAGEN = AFNEMERS[0].oin, AFNEMERS[1].oin
BATCHES = (
    Demobatch(3, GEMEENTE, GEMEENTE, DEMO_BERICHTTYPES, 250, 101),
    Demobatch(2, GEMEENTE, GEMEENTE, DEMO_BERICHTTYPES, 400, 102),
    Demobatch(2, INTERMEDIAIR.oin, TOESLAGEN, TOESLAGEN_BERICHTTYPES, 180, 103),
    Demobatch(1, GEMEENTE, GEMEENTE, DEMO_BERICHTTYPES, 300, 104),
    Demobatch(1, GEMEENTE, GEMEENTE, DEMO_BERICHTTYPES, 60, 105, fouten=True),
    Demobatch(1, INTERMEDIAIR.oin, TOESLAGEN, TOESLAGEN_BERICHTTYPES, 120, 106, fouten=True),
)


def _gebruikersbestand(nu: datetime) -> list[str]:
    """Every demo batch's citizens, active since a day in the last fifteen months; some closed their box
    since, some switched the gemeente off."""
    kansen = random.Random("demo-gebruikers")
    regels = ["bsn;actief_van;actief_tot;uitgeschakeld"]
    # Also the citizens of `portaal batch voorbeeld` with its default seed, so a batch made that way and
    # delivered to the demo is mostly Verwerkt.
    burgers = [(b.aantal, b.seed) for b in BATCHES] + [(1000, 0)]
    for aantal, seed in burgers:
        for bsn in voorbeeld_bsns(aantal, seed):
            van = (nu - timedelta(days=kansen.randrange(20, 450))).date()
            tot, uit = "", ""
            if kansen.random() < 0.03:
                tot = (nu - timedelta(days=kansen.randrange(1, 19))).date().isoformat()
            elif kansen.random() < 0.03:
                uit = GEMEENTE
            regels.append(f"{bsn};{van.isoformat()};{tot};{uit}")
    return regels


def _om(nacht: int, nu: datetime, kwartier: int) -> datetime:
    dag = (nu.astimezone(NEDERLAND) - timedelta(days=nacht)).date()
    return datetime.combine(dag, time(1, 30), NEDERLAND) + timedelta(minutes=15 * kwartier)


def vul_verwerking(samenstelling, klok) -> int:
    """Deliver the demo's batches; `klok` is the seed's clock, set to each delivery's night. Returns how many
    batches were delivered."""
    portaal = samenstelling.portaal
    nu = datetime.now(NEDERLAND)
    feed = actor(next(o for o in DEMO_ORGANISATIES if o.rol == "mijnoverheid"))
    klok.nu = nu - timedelta(days=5)
    portaal.importeer_gebruikers(_gebruikersbestand(nu), feed)
    bijlage, te_groot = voorbeeld_pdf(), voorbeeld_pdf(GROTE_BIJLAGE_BYTES)
    for kwartier, batch in enumerate(BATCHES):
        moment = _om(batch.nacht, nu, kwartier)
        klok.nu = moment
        berichten = voorbeeld_berichten(
            batch.aantal,
            batch.berichttypes,
            seed=batch.seed,
            fouten=batch.fouten,
            bijlage=bijlage,
            grote_bijlage=te_groot if batch.fouten else None,
            nu=moment,
        )
        xml = io.BytesIO()
        schrijf_batch(xml, voorbeeld_kop(batch.leverancier, batch.seed, moment), berichten)
        xml.seek(0)
        afnemer = Oin(batch.afnemer) if batch.leverancier != batch.afnemer else None
        aanlevering = portaal.lever_batch_aan(xml, Oin(batch.leverancier), "seed-demo", afnemer)
        samenstelling.na_commando(*aanlevering.vastgelegd)
    return len(BATCHES)
