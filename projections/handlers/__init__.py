"""One handler per read model: each turns a batch of events into rows of its own tables.

A handler never reads another projection's tables, so any projection can be dropped and rebuilt alone.
Each follows one event log (`logboek`, default the portal configuration's): its position counts in that
log, and only that log's projection engine drives it.
"""

from projections.handlers.audit import AuditProjectie
from projections.handlers.basis import Projectie, logboek_van
from projections.handlers.batches import BatchProjectie
from projections.handlers.berichttypes import BerichttypeProjectie
from projections.handlers.bezorgde_berichten import BezorgdeBerichtenProjectie
from projections.handlers.contact import ContactberichtProjectie
from projections.handlers.dienst_perioden import DienstPeriodeProjectie
from projections.handlers.diensten import DienstProjectie
from projections.handlers.gebruikers import GebruikersProjectie
from projections.handlers.koppelingen import KoppelingProjectie
from projections.handlers.machtigingen import MachtigingenProjectie
from projections.handlers.organisaties import OrganisatieProjectie

PROJECTIES = {
    p.naam: p
    for p in (
        OrganisatieProjectie(),
        BerichttypeProjectie(),
        DienstProjectie(),
        KoppelingProjectie(),
        AuditProjectie(),
        ContactberichtProjectie(),
        BatchProjectie(),
        BezorgdeBerichtenProjectie(),
        GebruikersProjectie(),
        MachtigingenProjectie(),
        DienstPeriodeProjectie(),
    )
}


def van_logboek(logboek: str) -> dict[str, Projectie]:
    """The projections that follow this event log, by name."""
    return {naam: p for naam, p in PROJECTIES.items() if logboek_van(p) == logboek}
