"""The one read gateway: views and the command line read only through it, and get plain read objects back,
never aggregates and never projection internals.

Before every read it lets the catch-up policy bring the read models up to date (embedded: events written by
another process, such as `portaal seed-demo`; with a worker: nothing, reads do not wait).
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from uuid import UUID

from sqlalchemy.engine import Engine

from domain.profiel import Profiel
from domain.toegang import Besluit
from domain.verslag import Berichtuitkomst, Verwerkingsverslag
from domain.verwerking import Stadium, VerwerkingsCode
from domain.waarden import DienstId, Notificatiekenmerk, Oin, Rol
from events_store.bijlage_opslag import BijlageOpslag
from events_store.logboeken import ConfiguratieLog, GebruikersLog, MachtigingenLog, VerwerkingsLog
from projections import asof, contact_queries, gebruikers_queries, queries, verwerking_queries
from projections import toegang as toegang_queries
from service_layer.rapportage import Rapportage

CONFIGURATIE, GEBRUIKERS = ConfiguratieLog.name, GebruikersLog.name
MACHTIGINGEN, VERWERKING = MachtigingenLog.name, VerwerkingsLog.name


@dataclass(frozen=True)
class Organisatie:
    """Who an organisation is, as the pages and the session need it."""

    oin: Oin
    naam: str
    rol: Rol
    kenmerken: tuple[Notificatiekenmerk, ...]
    profiel: Profiel | None = None
    # An intermediair's afnemers served now, and since when.
    bediende_afnemers: dict[Oin, datetime] = field(default_factory=dict)


@dataclass(frozen=True)
class Mededeling:
    id: UUID
    titel: str
    inhoud: str
    geplaatst_op: datetime
    ingetrokken: bool = False


def _organisatie(regel: queries.OrganisatieRegel, relaties: Iterable[queries.Relatie] = ()) -> Organisatie:
    profiel = Profiel(**regel.profiel) if regel.profiel else None
    return Organisatie(
        Oin(regel.oin),
        regel.naam,
        Rol(regel.rol),
        tuple(Notificatiekenmerk.uit_tekst(k) for k in regel.kenmerken),
        profiel,
        {Oin(r.afnemer): r.van for r in relaties},
    )


def _op_naam(organisaties: Iterable[Organisatie]) -> list[Organisatie]:
    """By name as a reader sorts: case-insensitively."""
    return sorted(organisaties, key=lambda o: (o.naam.casefold(), o.oin.waarde))


class Lezen(Rapportage):
    """The reports (Berichtverwerking, Totalen, the user figures) are in service_layer/rapportage.py."""

    def __init__(
        self, engine: Engine, bijlagen: BijlageOpslag, voor_lezen: Callable[..., object]
    ) -> None:
        """`voor_lezen(*logboeken)`: the catch-up policy before a read, of these logs (default: all)."""
        self._engine = engine
        self._bijlagen = bijlagen
        self._voor_lezen = voor_lezen

    def _bron(self, *logboeken: str) -> Engine:
        """The database, once the read models of these logs (default: all) are caught up as the policy
        says."""
        self._voor_lezen(*logboeken)
        return self._engine

    # -- organisaties: identity, the afnemer switch, Beheer --

    def organisatie(self, oin: Oin) -> Organisatie | None:
        """One organisation with, for an intermediair, the afnemers it serves now."""
        bron = self._bron()
        regel = queries.organisatie(bron, oin)
        if regel is None:
            return None
        relaties = queries.bediende_afnemers(bron, oin) if regel.rol == Rol.INTERMEDIAIR.value else ()
        return _organisatie(regel, relaties)

    def organisaties(self, rol: Rol | None = None) -> list[Organisatie]:
        return _op_naam(_organisatie(r) for r in queries.organisaties(self._bron(), rol))

    def met_relaties(self, organisatie: Organisatie) -> Organisatie:
        gevonden = self.organisatie(organisatie.oin)
        return organisatie if gevonden is None else gevonden

    def bediende_afnemers(self, intermediair: Oin) -> list[Organisatie]:
        """For the switch top right: ask for the served afnemers only, not every organisatie."""
        bron = self._bron()
        bediend = {r.afnemer for r in queries.bediende_afnemers(bron, intermediair)}
        if not bediend:
            return []
        return _op_naam(_organisatie(r) for r in queries.organisaties(bron, Rol.AFNEMER, oins=bediend))

    def mededelingen(self, ook_ingetrokken: bool = False) -> list[Mededeling]:
        """Newest first; withdrawn ones only for the beheerder's list."""
        return [
            Mededeling(UUID(m.mededeling_id), m.titel, m.inhoud, m.geplaatst_op, m.ingetrokken_op is not None)
            for m in queries.mededelingen(self._bron(), ook_ingetrokken)
        ]

    def contactberichten(self, pagina: int, per_pagina: int) -> queries.Pagina:
        return contact_queries.contactberichten(self._bron(), pagina, per_pagina)

    # -- berichttypes --

    def berichttype_overzicht(
        self,
        afnemer: Oin,
        code_bevat: str = "",
        status: str = "",
        kenmerk: str = "",
        pagina: int = 1,
        per_pagina: int = 25,
    ) -> queries.Pagina:
        return queries.berichttype_overzicht(
            self._bron(),
            afnemer,
            code_bevat=code_bevat,
            status=status,
            kenmerk=kenmerk,
            pagina=pagina,
            per_pagina=per_pagina,
        )

    def berichttype_details(self, afnemer: Oin, code) -> queries.BerichttypeDetails | None:
        return queries.berichttype_details(self._bron(), afnemer, code)

    def bijlage_inhoud(self, afnemer: Oin, code, bijlage_id: str) -> tuple[str, bytes] | None:
        """A standaard bijlage's name and bytes, or None when this berichttype has no such bijlage."""
        details = self.berichttype_details(afnemer, code)
        bijlage = next((b for b in details.bijlagen if b.bijlage_id == bijlage_id), None) if details else None
        if bijlage is None:
            return None
        return bijlage.naam, self._bijlagen.lees(bijlage.sha256) or b""

    # -- diensten and koppelingen --

    def dienst_overzicht(self, afnemer: Oin, pagina: int, per_pagina: int) -> queries.Pagina:
        return queries.dienst_overzicht(self._bron(), afnemer, pagina, per_pagina)

    def dienst(self, afnemer: Oin, sleutel: UUID) -> queries.DienstRegel | None:
        return queries.dienst_met_sleutel(self._bron(), afnemer, sleutel)

    def bijna_gelijke_dienst_ids(self, afnemer: Oin, dienst_id: DienstId) -> list[str]:
        """Existing Dienst IDs of this afnemer that differ from this one only in case, spaces or invisible
        characters: asked before a new dienst is added, so the user can confirm it is meant."""
        return queries.bijna_gelijke_dienst_ids(self._bron(), afnemer, dienst_id)

    def berichttypes_met_codes(
        self, afnemer: Oin, codes: Iterable[str]
    ) -> dict[str, queries.BerichttypeKort]:
        return queries.berichttypes_met_codes(self._bron(), afnemer, codes)

    def historie_van_dienst(self, afnemer: Oin, dienst_id: str, pagina: int = 1) -> asof.Historiepagina:
        return asof.historie_van_dienst(self._bron(), afnemer, dienst_id, pagina)

    def historie_van_berichttype(self, afnemer: Oin, code, pagina: int = 1) -> asof.Historiepagina:
        return asof.historie_van_berichttype(self._bron(), afnemer, code, pagina)

    # -- point-in-time questions: what stood at moment T (UTC) --

    def berichttypes_van_dienst_op(self, afnemer: Oin, dienst_id: str, moment: datetime) -> list[str]:
        return asof.berichttypes_van_dienst_op(self._bron(), afnemer, dienst_id, moment)

    def diensten_van_berichttype_op(self, afnemer: Oin, code, moment: datetime) -> list[str]:
        return asof.diensten_van_berichttype_op(self._bron(), afnemer, code, moment)

    # -- message processing: the batches, their reports, the worker's queue --

    def batch(self, batch_id: str) -> verwerking_queries.BatchRegel | None:
        return verwerking_queries.batch(self._bron(), batch_id)

    def verslag(self, batch_id: str) -> Verwerkingsverslag | None:
        """The processing report of a batch (the koppelvlak's `BerichtVerwerkResponse`), or None."""
        bron = self._bron()
        regel = verwerking_queries.batch(bron, batch_id)
        if regel is None:
            return None
        uitkomsten = ()
        if regel.verwerkt_op is not None:
            uitkomsten = tuple(
                Berichtuitkomst(
                    b.bericht_id,
                    b.berichttype,
                    VerwerkingsCode(b.code),
                    Stadium(b.stadium),
                    b.waarschuwing,
                    b.reden,
                )
                for b in verwerking_queries.berichten_van_batch(bron, regel.batch_uuid)
            )
        return Verwerkingsverslag(
            regel.leverancier,
            regel.afnemer,
            regel.batch_id,
            regel.ontvangen_op,
            regel.aantal,
            regel.verwerkt_op,
            regel.proceskenmerk,
            uitkomsten,
        )

    def wachtende_batches(self, limiet: int = 100) -> list[str]:
        return verwerking_queries.wachtende_batches(self._bron(), limiet)

    def actieve_berichttypes(self, afnemer: Oin) -> frozenset[str]:
        # Processing asks this: the configuration log only, so the batch's own log is not caught up halfway.
        return verwerking_queries.actieve_berichttypes(self._bron(CONFIGURATIE), afnemer.waarde)

    # -- the Berichtenbox users register --

    def berichtenbox_ontvangers(self, bsns: Iterable[str], afnemer: Oin, op: datetime) -> set[str]:
        """Of these BSNs (9-digit strings), those with a Berichtenbox active at `op` that have not switched
        `afnemer` off at `op`: two indexed queries for a batch of up to a few thousand."""
        return gebruikers_queries.ontvangers(self._bron(GEBRUIKERS), bsns, afnemer.waarde, op)

    def gebruikers_per_dag(
        self, afnemer: Oin | None, van: date, tot: date
    ) -> list[gebruikers_queries.DagTelling]:
        """Every Dutch calendar day from `van` to `tot` (both included): the active Berichtenboxen at the
        day's end and, with an afnemer, how many of them switched it off (`ontvangend` is the rest)."""
        return gebruikers_queries.per_dag(self._bron(), afnemer.waarde if afnemer else None, van, tot)

    # -- machtigingen and the access questions (chapter 6); BSNs as their nine digits --

    def toegang(
        self, gemachtigde: str, belanghebbende: str, afnemer: Oin, berichttype: str, moment: datetime
    ) -> Besluit:
        """May the gemachtigde read the belanghebbende's berichten of this type at `moment`, and why."""
        bron = self._bron(MACHTIGINGEN, CONFIGURATIE)
        return toegang_queries.toegang(bron, gemachtigde, belanghebbende, afnemer.waarde, berichttype, moment)

    def bezorgd_bericht(self, bericht_id: str) -> toegang_queries.Bericht | None:
        return toegang_queries.bericht(self._bron(VERWERKING), bericht_id)

    def lezers(self, bericht: toegang_queries.Bericht, moment: datetime) -> list[toegang_queries.Lezer]:
        return toegang_queries.lezers(self._bron(MACHTIGINGEN, CONFIGURATIE), bericht, moment)

    def zichtbaarheid(
        self, afnemer: Oin, code: str, van: datetime, tot: datetime
    ) -> toegang_queries.Zichtbaarheid:
        return toegang_queries.zichtbaarheid(
            self._bron(MACHTIGINGEN, CONFIGURATIE), afnemer.waarde, code, van, tot
        )

    def geldige_machtigingen(self, afnemer: Oin, dienst_id: str, moment: datetime) -> int:
        """How many machtigingen for this dienst count at `moment`."""
        return toegang_queries.geldige_machtigingen(
            self._bron(MACHTIGINGEN), afnemer.waarde, dienst_id, moment
        )

    def impact_van_koppelingen(
        self,
        afnemer: Oin,
        dienst_id: str,
        koppelen: Iterable[str],
        ontkoppelen: Iterable[str],
        moment: datetime,
    ) -> toegang_queries.Impact:
        """How many gemachtigden would gain or lose access to how many delivered berichten (no BSNs)."""
        bron = self._bron()
        return toegang_queries.impact(bron, afnemer.waarde, dienst_id, koppelen, ontkoppelen, moment)

    def impact_van_gekoppelde_diensten(
        self, afnemer: Oin, code: str, koppelen: Iterable[str], ontkoppelen: Iterable[str], moment: datetime
    ) -> toegang_queries.Impact:
        """The same, for one berichttype linked to and unlinked from several diensten at once."""
        wijzigingen = [(d, code, True) for d in koppelen] + [(d, code, False) for d in ontkoppelen]
        return toegang_queries.impact_van_wijzigingen(self._bron(), afnemer.waarde, wijzigingen, moment)

    def impact_van_deactiveren(
        self, afnemer: Oin, dienst_id: str, moment: datetime
    ) -> toegang_queries.Impact:
        return toegang_queries.impact_deactiveren(self._bron(), afnemer.waarde, dienst_id, moment)

    def machtiging_bekend(self, machtiging_id: str) -> bool:
        return toegang_queries.machtiging_bekend(self._bron(MACHTIGINGEN), machtiging_id)
