"""A generated portal history shaped like the real one, written in bulk: for benchmarks and projection tests.

Shape (the defaults): 600 afnemers and 40 intermediairs; 20,000 berichttypes and 5,000 diensten divided over
the afnemers by a Zipf draw (rank r gets a share 1/r, so the biggest afnemer owns about 2,900 berichttypes and
700 diensten while most own a handful); codes and Dienst IDs of their own per afnemer; activity per dienst
drawn from a Pareto distribution (a few diensten see thousands of link changes, most a few dozen). The stream
is ordered in time: berichttypes and diensten are created throughout the first 70% of it, interleaved with the
changes users make: links and unlinks (most of it), status and omschrijving changes, standaard bijlagen,
dienst (de)activation, profiel changes, intermediair relations, mededelingen and contactberichten.

The events come from the real aggregates (so every rule holds and they decode as in production) and are
encoded by the application's own mapper (so a cipher key, when set, encrypts them as the application would),
but stored tens of thousands at a time by a Core insert into the application's events table instead of one
save per command.
"""

import bisect
import hashlib
import itertools
import random
import uuid
from dataclasses import asdict, dataclass

from domain.berichttype import Berichttype
from domain.bijlage import BijlageRef
from domain.contactbericht import Contactbericht
from domain.dienst import Dienst
from domain.mededeling import Mededeling
from domain.organisatie import Organisatie
from domain.profiel import Profiel
from domain.waarden import Actor, BerichttypeCode, DienstId, Notificatiekenmerk, Oin, Rol, Status
from scripts.bench import namen
from scripts.bench.schrijver import Klok, Schrijver

BEHEERDER = Oin("00000099000000000001")
KENMERKEN = tuple(Notificatiekenmerk)
VERSIE = 3  # part of the cache key: bump when the shape of the generated history changes


@dataclass(frozen=True)
class Omvang:
    afnemers: int = 600
    berichttypes: int = 20_000
    diensten: int = 5_000
    events: int = 1_100_000
    seed: int = 20260105
    intermediairs: int = 40
    zipf: float = 1.0  # exponent of the afnemers' sizes: rank r owns a share proportional to 1/r**zipf

    @property
    def sleutel(self) -> str:
        """A short name for these parameters (and this generator's version), for cache files."""
        tekst = repr(sorted(asdict(self).items())) + f"v{VERSIE}"
        return hashlib.sha256(tekst.encode()).hexdigest()[:10]


# -- the history -----------------------------------------------------------------------------------------


class _Portaalgeschiedenis:
    """The simulation: the aggregates in memory, the schedule of creations, and one user action per step."""

    def __init__(self, schrijver: Schrijver, omvang: Omvang) -> None:
        self.schrijver, self.omvang = schrijver, omvang
        self.rng = rng = random.Random(omvang.seed)
        self.klok = Klok(rng)
        self.afnemers = [namen.oin(i) for i in range(omvang.afnemers)]
        aantal_intermediairs = min(omvang.intermediairs, omvang.afnemers)
        self.intermediairs = [namen.intermediair_oin(i) for i in range(aantal_intermediairs)]
        self.organisaties: dict[Oin, Organisatie] = {}
        bt_maten = namen.verdeel(omvang.berichttypes, omvang.afnemers, omvang.zipf)
        dienst_maten = namen.verdeel(omvang.diensten, omvang.afnemers, omvang.zipf)
        self.alle_codes = {a: namen.codes(n, rng) for a, n in zip(self.afnemers, bt_maten, strict=True)}
        # When, as a fraction of the stream, each berichttype and dienst is created.
        plan = [(rng.random() * 0.7, "b", a, c) for a in self.afnemers for c in self.alle_codes[a]]
        for afnemer, maat in zip(self.afnemers, dienst_maten, strict=True):
            plan += [(rng.random() * 0.7, "d", afnemer, d) for d in namen.dienst_ids(maat, rng)]
        plan.sort(key=lambda p: p[0])
        self.plan = plan
        self.berichttypes: dict[tuple[Oin, BerichttypeCode], Berichttype] = {}
        self.bt_lijst: list[Berichttype] = []
        self.nieuw: list[Berichttype] = []  # still Nieuw: bijlagen may change, activation is pending
        self.codes: dict[Oin, list[BerichttypeCode]] = {a: [] for a in self.afnemers}  # created, in order
        self.diensten: list[Dienst] = []
        self.dienst_doel: list[
            float
        ] = []  # share of the afnemer's berichttypes a dienst tends to have linked
        self.cumulatief: list[float] = []  # cumulative activity weights of the diensten, in creation order
        self.mededelingen: list[Mededeling] = []

    def actor(self, afnemer: Oin) -> Actor:
        # One in ten changes is made by an intermediair on the afnemer's behalf.
        if self.intermediairs and self.rng.random() < 0.1:
            return Actor(self.rng.choice(self.intermediairs), afnemer, "cert-intermediair")
        return Actor(afnemer, afnemer, f"cert-{afnemer.waarde[-4:]}")

    def schrijf(self) -> int:
        self.registreer()
        doel, plan, stap = self.omvang.events, self.plan, 0
        acties = [
            (0.866, self.koppeling),
            (0.010, self.dienst_omschrijving),
            (0.004, self.dienst_status),
            (0.050, self.berichttype_status),
            (0.040, self.berichttype_details),
            (0.015, self.bijlage),
            (0.006, self.profiel),
            (0.003, self.relatie),
            (0.001, self.organisatie_details),
            (0.001, self.mededeling),
            (0.004, self.contactbericht),
        ]
        grenzen = list(itertools.accumulate(g for g, _ in acties))
        while self.schrijver.aantal < doel or stap < len(plan):
            if stap < len(plan) and plan[stap][0] * doel <= self.schrijver.aantal:
                _, soort, afnemer, sleutel = plan[stap]
                stap += 1
                (self.maak_berichttype if soort == "b" else self.maak_dienst)(afnemer, sleutel)
                continue
            keuze = bisect.bisect(grenzen, self.rng.random() * grenzen[-1])
            acties[min(keuze, len(acties) - 1)][1]()
        self.schrijver.schrijf()
        return self.schrijver.aantal

    # -- organisaties --------------------------------------------------------------------------------

    def registreer(self) -> None:
        beheerder = Actor(BEHEERDER, BEHEERDER)
        for i, oin in enumerate(self.afnemers):
            kenmerken = KENMERKEN if i % 4 else self.rng.sample(KENMERKEN, 3)
            org = Organisatie.registreren(oin, f"Afnemer {i}", Rol.AFNEMER, kenmerken, beheerder, self.klok())
            self.organisaties[oin] = org
            self.schrijver.neem(org)
        for i, oin in enumerate(self.intermediairs):
            org = Organisatie.registreren(
                oin, f"Intermediair {i}", Rol.INTERMEDIAIR, KENMERKEN, beheerder, self.klok()
            )
            self.organisaties[oin] = org
            # Each intermediair starts out serving a few afnemers.
            for afnemer in self.rng.sample(self.afnemers, min(3, len(self.afnemers))):
                org.bedien_afnemer(self.organisaties[afnemer], beheerder, self.klok())
            self.schrijver.neem(org)

    def profiel(self) -> None:
        afnemer = self.afnemers[self._zipf_index(len(self.afnemers))]
        org = self.organisaties[afnemer]
        n = self.rng.randint(1, 999)
        org.wijzig_profiel(
            Profiel.controleer(
                f"Wij sturen u berichten over uw zaken bij ons ({n}).", "Onze diensten", "Geen bijzonderheden"
            ),
            self.actor(afnemer),
            self.klok(),
        )
        self.schrijver.neem(org)

    def relatie(self) -> None:
        if not self.intermediairs:
            return
        org = self.organisaties[self.rng.choice(self.intermediairs)]
        beheerder = Actor(BEHEERDER, BEHEERDER)
        if org.bediende_afnemers and self.rng.random() < 0.4:
            org.stop_bedienen(self.rng.choice(sorted(org.bediende_afnemers)), beheerder, self.klok())
        else:
            afnemer = self.rng.choice(self.afnemers)
            if afnemer in org.bediende_afnemers:
                return
            org.bedien_afnemer(self.organisaties[afnemer], beheerder, self.klok())
        self.schrijver.neem(org)

    def organisatie_details(self) -> None:
        oin = self.rng.choice(self.afnemers)
        org = self.organisaties[oin]
        kenmerken = KENMERKEN if len(org.kenmerken) < len(KENMERKEN) else self.rng.sample(KENMERKEN, 4)
        org.wijzig_gegevens(org.naam + "." if len(org.naam) < 90 else org.naam[:20], kenmerken,
                            Actor(BEHEERDER, BEHEERDER), self.klok())  # fmt: skip
        self.schrijver.neem(org)

    def mededeling(self) -> None:
        beheerder = Actor(BEHEERDER, BEHEERDER)
        open_ = [m for m in self.mededelingen[-5:] if not m.ingetrokken]
        if open_ and self.rng.random() < 0.3:
            m = self.rng.choice(open_)
            m.intrekken(beheerder, self.klok())
        else:
            m = Mededeling.plaatsen(
                uuid.UUID(int=self.rng.getrandbits(128), version=4),
                "Onderhoud aan het portaal",
                "Op zaterdag is het portaal van 8:00 tot 12:00 niet beschikbaar.",
                beheerder,
                self.klok(),
            )
            self.mededelingen.append(m)
        self.schrijver.neem(m)

    def contactbericht(self) -> None:
        oin = self.rng.choice(self.afnemers + self.intermediairs)
        bericht = Contactbericht.versturen(
            uuid.UUID(int=self.rng.getrandbits(128), version=4),
            "Vraag over koppelen",
            "Hoe koppel ik een berichttype aan meer dan één dienst tegelijk?",
            f"functioneel.beheer{oin.waarde[-3:]}@example.org",
            Actor(oin, oin, "cert"),
            self.klok(),
        )
        self.schrijver.neem(bericht)

    # -- berichttypes --------------------------------------------------------------------------------

    def maak_berichttype(self, afnemer: Oin, code: BerichttypeCode) -> None:
        actor = self.actor(afnemer)
        toegestaan = self.organisaties[afnemer].kenmerken
        omschrijving = f"{self.rng.choice(namen.ONDERWERPEN)} {self.rng.choice(namen.SOORTEN)}"[:40]
        bt = Berichttype.aanmaken(
            afnemer, code, omschrijving, self.rng.choice(toegestaan), toegestaan, actor, self.klok()
        )
        for _ in range(self.rng.choice((0, 0, 0, 1, 1, 2))):
            bt.voeg_bijlage_toe(self._bijlage_ref(), actor, self.klok())
        self.berichttypes[(afnemer, code)] = bt
        self.bt_lijst.append(bt)
        self.nieuw.append(bt)
        self.codes[afnemer].append(code)
        self.schrijver.neem(bt)

    def _bijlage_ref(self) -> BijlageRef:
        grootte = self.rng.randint(20_000, 400_000)
        bijlage_id = str(uuid.UUID(int=self.rng.getrandbits(128), version=4))
        # One berichttype never has two bijlagen of the same name (the domain refuses it).
        return BijlageRef(
            bijlage_id,
            f"{self.rng.choice(namen.ONDERWERPEN).lower()}-toelichting-{bijlage_id[:6]}.pdf",
            grootte,
            hashlib.sha256(self.rng.randbytes(16)).hexdigest(),
        )

    def berichttype_status(self) -> None:
        if not self.bt_lijst:
            return
        uit_nieuw = self.nieuw and self.rng.random() < 0.5
        bt = self._uit_nieuw() if uit_nieuw else self.rng.choice(self.bt_lijst)
        if bt.status is Status.ARCHIEF:
            return
        actor = self.actor(bt.afnemer)
        if bt.status is Status.NIEUW:
            bt.activeer(actor, self.klok())  # left in `nieuw`: bijlage() drops it when it draws it
        elif bt.status is Status.INACTIEF:
            bt.activeer(actor, self.klok()) if self.rng.random() < 0.8 else bt.archiveer(actor, self.klok())
        elif self.rng.random() < 0.9:
            bt.deactiveer(actor, self.klok())
        else:
            bt.archiveer(actor, self.klok())
        self.schrijver.neem(bt)

    def berichttype_details(self) -> None:
        if not self.bt_lijst:
            return
        bt = self.rng.choice(self.bt_lijst)
        if bt.status is Status.ARCHIEF:
            return
        toegestaan = self.organisaties[bt.afnemer].kenmerken
        kenmerk = self.rng.choice(toegestaan) if self.rng.random() < 0.3 else bt.kenmerk
        omschrijving = f"{bt.omschrijving.split(' (')[0]} ({self.rng.randint(2, 99)})"[:40]
        bt.wijzig_details(omschrijving, kenmerk, toegestaan, self.actor(bt.afnemer), self.klok())
        self.schrijver.neem(bt)

    def _uit_nieuw(self) -> Berichttype:
        """A random berichttype from `nieuw`, taken out of it (swap with the last: O(1))."""
        i = self.rng.randrange(len(self.nieuw))
        self.nieuw[i], self.nieuw[-1] = self.nieuw[-1], self.nieuw[i]
        return self.nieuw.pop()

    def bijlage(self) -> None:
        if not self.nieuw:
            return
        i = self.rng.randrange(len(self.nieuw))
        bt = self.nieuw[i]
        if bt.status is not Status.NIEUW:  # activated meanwhile: drop it from the list now
            self.nieuw[i] = self.nieuw[-1]
            self.nieuw.pop()
            return
        actor = self.actor(bt.afnemer)
        kans = self.rng.random()
        if len(bt.bijlagen) >= 2 and kans < 0.3:
            bt.verplaats_bijlage(bt.bijlagen[-1].bijlage_id, -1, actor, self.klok())
        elif bt.bijlagen and kans < 0.5:
            bt.verwijder_bijlage(self.rng.choice(bt.bijlagen).bijlage_id, actor, self.klok())
        elif len(bt.bijlagen) < 3:
            bt.voeg_bijlage_toe(self._bijlage_ref(), actor, self.klok())
        self.schrijver.neem(bt)

    # -- diensten ------------------------------------------------------------------------------------

    def maak_dienst(self, afnemer: Oin, dienst_id: DienstId) -> None:
        omschrijving = f"{dienst_id.waarde.strip()} via MijnOverheid"
        dienst = Dienst.aanmaken(afnemer, dienst_id, omschrijving, self.actor(afnemer), self.klok())
        self.diensten.append(dienst)
        self.dienst_doel.append(self.rng.betavariate(1.2, 5))
        gewicht = self.rng.paretovariate(1.1)
        self.cumulatief.append((self.cumulatief[-1] if self.cumulatief else 0.0) + gewicht)
        self.schrijver.neem(dienst)

    def _dienst(self) -> tuple[int, Dienst] | None:
        if not self.diensten:
            return None
        i = bisect.bisect(self.cumulatief, self.rng.random() * self.cumulatief[-1])
        i = min(i, len(self.diensten) - 1)
        return i, self.diensten[i]

    def _zipf_index(self, lengte: int) -> int:
        """An index into a list, low indexes far more often: some berichttypes are linked to many diensten."""
        return min(int(lengte * self.rng.random() ** 2.5), lengte - 1)

    def koppeling(self) -> None:
        gekozen = self._dienst()
        if gekozen is None:
            return
        i, dienst = gekozen
        actor = self.actor(dienst.afnemer)
        if not dienst.actief:
            dienst.activeer(actor, self.klok())
            self.schrijver.neem(dienst)
            return
        codes = self.codes[dienst.afnemer]
        doel = max(1, round(len(codes) * self.dienst_doel[i]))
        meer = self.rng.random() < (0.7 if len(dienst.koppelingen) < doel else 0.35)
        if meer:
            for _ in range(6):
                if not codes:
                    break
                code = codes[self._zipf_index(len(codes))]
                bt = self.berichttypes[(dienst.afnemer, code)]
                if code not in dienst.koppelingen and bt.status is not Status.ARCHIEF:
                    dienst.koppel(code, bt.status, actor, self.klok())
                    self.schrijver.neem(dienst)
                    return
        if dienst.koppelingen:
            dienst.ontkoppel(self.rng.choice(list(dienst.koppelingen)), actor, self.klok())
            self.schrijver.neem(dienst)

    def dienst_omschrijving(self) -> None:
        gekozen = self._dienst()
        if gekozen is None:
            return
        dienst = gekozen[1]
        nieuw = f"{dienst.dienst_id.waarde.strip()} ({self.rng.randint(2, 999)})"
        dienst.wijzig_omschrijving(nieuw, self.actor(dienst.afnemer), self.klok())
        self.schrijver.neem(dienst)

    def dienst_status(self) -> None:
        gekozen = self._dienst()
        if gekozen is None:
            return
        dienst = gekozen[1]
        actor = self.actor(dienst.afnemer)
        (dienst.deactiveer if dienst.actief else dienst.activeer)(actor, self.klok())
        self.schrijver.neem(dienst)


def genereer(*portalen, omvang: Omvang = Omvang()) -> int:
    """Write the history into each portaal's event store (the same events in each, encoded by each one's
    mapper); returns the number of events written to each."""
    return _Portaalgeschiedenis(Schrijver(portalen), omvang).schrijf()
