"""One handler per read model: each turns a batch of events into rows of its own tables.

A handler never reads another projection's tables, so any projection can be dropped and rebuilt alone.
"""

from projections.handlers.audit import AuditProjectie
from projections.handlers.berichttypes import BerichttypeProjectie
from projections.handlers.contact import ContactberichtProjectie
from projections.handlers.diensten import DienstProjectie
from projections.handlers.koppelingen import KoppelingProjectie
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
    )
}
