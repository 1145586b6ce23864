"""The access rule of chapter 6, in one place: may gemachtigde G read bericht M (belanghebbende B, afnemer A,
berichttype BT) at moment T?

Exactly when a machtiging of B for G at A for some dienst D is valid at T, D is active at T, and BT is linked
to D at T. The links at the moment of reading decide, also for berichten delivered earlier (REFERENCE.md):
the moment the bericht was delivered plays no part.

Every fact is an interval [van, tot) (tot None while it lasts). The rule takes the intervals it needs (the
machtigingen of B for G at A, the active periods of A's diensten, the koppelingen of BT) and answers with the
intervals that grant access, or with the missing piece when it refuses: the uitleg names only intervals it
was given, so an answer can always be checked against the history.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

# Why a question was refused: the first piece of the rule that is missing.
GEEN_MACHTIGING = "geen_machtiging"
MACHTIGING_NIET_GELDIG = "machtiging_niet_geldig"
DIENST_INACTIEF = "dienst_inactief"
NIET_GEKOPPELD = "niet_gekoppeld"

# How a machtiging ended, when it did not simply run out at its geldig tot.
INGETROKKEN = "ingetrokken"
BEEINDIGD = "beeindigd"


def _bevat(van: datetime, tot: datetime | None, moment: datetime) -> bool:
    return van <= moment and (tot is None or moment < tot)


def _datum(moment: datetime | None) -> str:
    return "onbepaalde tijd" if moment is None else moment.isoformat()


@dataclass(frozen=True, order=True)
class Periode:
    van: datetime
    tot: datetime | None

    def bevat(self, moment: datetime) -> bool:
        return _bevat(self.van, self.tot, moment)


@dataclass(frozen=True)
class Machtigingsperiode:
    """A machtiging as the register now knows it; `tot` is when it stopped counting (its geldig tot, an
    earlier end, or its withdrawal), `einde` says which of the last two ended it."""

    machtiging_id: str
    belanghebbende: str
    gemachtigde: str
    afnemer: str
    dienst_id: str
    van: datetime
    tot: datetime | None
    einde: str | None = None

    def bevat(self, moment: datetime) -> bool:
        return _bevat(self.van, self.tot, moment)

    def __repr__(self) -> str:
        # No BSNs: a repr ends up in logs and test reports.
        return (
            f"Machtigingsperiode({self.machtiging_id!r}, {self.afnemer}, {self.dienst_id!r}, "
            f"{self.van}, {self.tot})"
        )

    @property
    def einde_tekst(self) -> str:
        if self.einde == INGETROKKEN:
            return "ingetrokken"
        if self.einde == BEEINDIGD:
            return "beëindigd"
        return "verlopen"


@dataclass(frozen=True)
class Dienstperiode:
    """A period in which the dienst was active (from its creation or reactivation to its deactivation)."""

    afnemer: str
    dienst_id: str
    van: datetime
    tot: datetime | None

    def bevat(self, moment: datetime) -> bool:
        return _bevat(self.van, self.tot, moment)


@dataclass(frozen=True)
class Koppelingsperiode:
    afnemer: str
    dienst_id: str
    code: str
    van: datetime
    tot: datetime | None

    def bevat(self, moment: datetime) -> bool:
        return _bevat(self.van, self.tot, moment)


@dataclass(frozen=True)
class Grond:
    """One way access is granted: this machtiging, this active period of its dienst, this koppeling."""

    machtiging: Machtigingsperiode
    dienst: Dienstperiode
    koppeling: Koppelingsperiode

    @property
    def periode(self) -> Periode:
        """The stretch in which these three intervals all hold."""
        van = max(self.machtiging.van, self.dienst.van, self.koppeling.van)
        einden = [t for t in (self.machtiging.tot, self.dienst.tot, self.koppeling.tot) if t is not None]
        return Periode(van, min(einden) if einden else None)


@dataclass(frozen=True)
class Besluit:
    """The answer with its uitleg: the gronden when access is granted; otherwise the reden and the intervals
    that show what is missing (the machtigingen looked at, the periods of their diensten, the koppelingen)."""

    toegang: bool
    tekst: str
    reden: str | None = None
    gronden: tuple[Grond, ...] = ()
    machtigingen: tuple[Machtigingsperiode, ...] = ()
    dienstperioden: tuple[Dienstperiode, ...] = ()
    koppelingen: tuple[Koppelingsperiode, ...] = ()


def _gronden(
    machtigingen: Iterable[Machtigingsperiode],
    dienstperioden: Sequence[Dienstperiode],
    koppelingen: Sequence[Koppelingsperiode],
    berichttype: str,
) -> list[Grond]:
    """Every combination of the three intervals that overlap, whatever the moment."""
    gronden = []
    for m in machtigingen:
        for d in dienstperioden:
            if (d.afnemer, d.dienst_id) != (m.afnemer, m.dienst_id):
                continue
            for k in koppelingen:
                if (k.afnemer, k.dienst_id, k.code) == (m.afnemer, m.dienst_id, berichttype):
                    grond = Grond(m, d, k)
                    if grond.periode.tot is None or grond.periode.van < grond.periode.tot:
                        gronden.append(grond)
    return gronden


def beslis(
    gemachtigde: str,
    belanghebbende: str,
    afnemer: str,
    berichttype: str,
    moment: datetime,
    machtigingen: Iterable[Machtigingsperiode],
    dienstperioden: Iterable[Dienstperiode],
    koppelingen: Iterable[Koppelingsperiode],
) -> Besluit:
    """The rule. The intervals given may be more than needed; those of other people, afnemers, diensten or
    berichttypes are not looked at."""
    eigen = sorted(
        (
            m
            for m in machtigingen
            if (m.gemachtigde, m.belanghebbende, m.afnemer) == (gemachtigde, belanghebbende, afnemer)
        ),
        key=lambda m: (m.van, m.machtiging_id),
    )
    if not eigen:
        return Besluit(
            False,
            "Er is geen machtiging van deze belanghebbende voor deze gemachtigde bij deze afnemer.",
            GEEN_MACHTIGING,
        )
    geldig = [m for m in eigen if m.bevat(moment)]
    if not geldig:
        return _geen_geldige(eigen, moment)
    diensten = {m.dienst_id for m in geldig}
    perioden = [p for p in dienstperioden if p.afnemer == afnemer and p.dienst_id in diensten]
    eigen_koppelingen = [
        k for k in koppelingen if k.afnemer == afnemer and k.code == berichttype and k.dienst_id in diensten
    ]
    actief = [p for p in perioden if p.bevat(moment)]
    gronden = [
        g
        for g in _gronden(geldig, actief, eigen_koppelingen, berichttype)
        if g.dienst.bevat(moment) and g.koppeling.bevat(moment)
    ]
    if gronden:
        return Besluit(True, _toegang_tekst(gronden, berichttype), gronden=tuple(gronden))
    actieve_diensten = {p.dienst_id for p in actief}
    if not actieve_diensten:
        return _inactief(geldig, perioden, moment)
    return _niet_gekoppeld(geldig, actief, eigen_koppelingen, berichttype, moment)


def _toegang_tekst(gronden: list[Grond], berichttype: str) -> str:
    delen = [
        f"machtiging {g.machtiging.machtiging_id} voor dienst '{g.machtiging.dienst_id}' "
        f"(geldig van {_datum(g.machtiging.van)} tot {_datum(g.machtiging.tot)}), "
        f"de dienst actief sinds {_datum(g.dienst.van)}, "
        f"berichttype {berichttype} gekoppeld sinds {_datum(g.koppeling.van)}"
        for g in gronden
    ]
    return "Toegang via " + "; en via ".join(delen) + "."


def _geen_geldige(eigen: list[Machtigingsperiode], moment: datetime) -> Besluit:
    voorbij = [m for m in eigen if m.tot is not None and m.tot <= moment]
    if voorbij:
        laatste = max(voorbij, key=lambda m: (m.tot, m.machtiging_id))
        tekst = (
            f"De machtiging {laatste.machtiging_id} voor dienst '{laatste.dienst_id}' is "
            f"{laatste.einde_tekst} op {_datum(laatste.tot)}."
        )
        return Besluit(False, tekst, MACHTIGING_NIET_GELDIG, machtigingen=(laatste,))
    eerste = min(eigen, key=lambda m: (m.van, m.machtiging_id))
    tekst = (
        f"De machtiging {eerste.machtiging_id} voor dienst '{eerste.dienst_id}' gaat pas in op "
        f"{_datum(eerste.van)}."
    )
    return Besluit(False, tekst, MACHTIGING_NIET_GELDIG, machtigingen=(eerste,))


def _inactief(geldig: list[Machtigingsperiode], perioden: list[Dienstperiode], moment: datetime) -> Besluit:
    delen, genoemd = [], []
    for dienst in sorted({m.dienst_id for m in geldig}):
        eerder = [p for p in perioden if p.dienst_id == dienst and p.tot is not None and p.tot <= moment]
        if eerder:
            laatste = max(eerder, key=lambda p: p.van)
            genoemd.append(laatste)
            delen.append(f"dienst '{dienst}' is inactief sinds {_datum(laatste.tot)}")
        else:
            delen.append(f"dienst '{dienst}' bestond toen niet bij deze afnemer")
    tekst = "De machtiging is geldig, maar " + "; ".join(delen) + "."
    return Besluit(False, tekst, DIENST_INACTIEF, machtigingen=tuple(geldig), dienstperioden=tuple(genoemd))


def _niet_gekoppeld(
    geldig: list[Machtigingsperiode],
    actief: list[Dienstperiode],
    koppelingen: list[Koppelingsperiode],
    berichttype: str,
    moment: datetime,
) -> Besluit:
    actieve = {p.dienst_id for p in actief}
    namen = ", ".join(f"'{d}'" for d in sorted(actieve))
    tekst = f"Berichttype {berichttype} was op {_datum(moment)} niet gekoppeld aan dienst {namen}"
    eerder = [k for k in koppelingen if k.dienst_id in actieve and k.tot is not None and k.tot <= moment]
    genoemd: tuple[Koppelingsperiode, ...] = ()
    if eerder:
        laatste = max(eerder, key=lambda k: (k.tot, k.dienst_id))
        genoemd = (laatste,)
        tekst += f" (ontkoppeld van '{laatste.dienst_id}' op {_datum(laatste.tot)})"
    return Besluit(
        False,
        tekst + ".",
        NIET_GEKOPPELD,
        machtigingen=tuple(m for m in geldig if m.dienst_id in actieve),
        dienstperioden=tuple(actief),
        koppelingen=genoemd,
    )


def toegangsperioden(
    machtigingen: Iterable[Machtigingsperiode],
    dienstperioden: Sequence[Dienstperiode],
    koppelingen: Sequence[Koppelingsperiode],
    berichttype: str,
) -> list[Periode]:
    """The stretches in which the rule grants access through these machtigingen (of one gemachtigde for one
    belanghebbende, or for anyone: the union), merged where they touch or overlap, in order."""
    stukken = sorted(g.periode for g in _gronden(machtigingen, dienstperioden, koppelingen, berichttype))
    samen: list[Periode] = []
    for stuk in stukken:
        if samen and (samen[-1].tot is None or stuk.van <= samen[-1].tot):
            vorige = samen[-1]
            tot = None if vorige.tot is None or stuk.tot is None else max(vorige.tot, stuk.tot)
            samen[-1] = Periode(vorige.van, tot)
        else:
            samen.append(stuk)
    return samen


def gronden_op(
    machtigingen: Iterable[Machtigingsperiode],
    dienstperioden: Sequence[Dienstperiode],
    koppelingen: Sequence[Koppelingsperiode],
    berichttype: str,
    moment: datetime,
) -> list[Grond]:
    """The gronden that grant access at `moment`: what `beslis` grants by, without its uitleg in words (who
    could read a bericht asks this for a thousand gemachtigden at once)."""
    return [
        g for g in _gronden(machtigingen, dienstperioden, koppelingen, berichttype) if g.periode.bevat(moment)
    ]


def sinds(perioden: Sequence[Periode], moment: datetime) -> datetime | None:
    """Since when access has held without a break at `moment` (None: not at `moment`)."""
    for periode in perioden:
        if periode.bevat(moment):
            return periode.van
    return None
