"""Lists of aggregates found by reading the notification log: a stopgap until `projections/` serves them.

Every call reads the whole log for one event topic and replays the aggregates it names, so a page
costs O(events). The projections' read models (organisaties, mededelingen, contactberichten) replace
these methods; the web layer only calls them through `web/` query helpers, so that swap is local.
"""

from collections.abc import Iterator
from uuid import UUID

from domain.contactbericht import Contactbericht
from domain.mededeling import Mededeling
from domain.organisatie import Organisatie
from events_store.basis import PortaalApplicatie

_PAGINA = 500


def _topic(klasse: type, event: str) -> str:
    return f"{klasse.__module__}:{klasse.__qualname__}.{event}"


class Lijsten(PortaalApplicatie):
    def _ids_met_topic(self, topic: str) -> Iterator[UUID]:
        start: int | None = None
        while True:
            notificaties = self.recorder.select_notifications(
                start, _PAGINA, topics=[topic], inclusive_of_start=start is None
            )
            for notificatie in notificaties:
                yield notificatie.originator_id
            if len(notificaties) < _PAGINA:
                return
            start = notificaties[-1].id

    def _alle(self, klasse: type, event: str) -> list:
        return [self.repository.get(i) for i in self._ids_met_topic(_topic(klasse, event))]

    def organisaties(self) -> list[Organisatie]:
        return sorted(self._alle(Organisatie, "Registered"), key=lambda o: o.naam.casefold())

    def mededelingen(self, ook_ingetrokken: bool = False) -> list[Mededeling]:
        alle = self._alle(Mededeling, "Posted")
        gekozen = [m for m in alle if ook_ingetrokken or not m.ingetrokken]
        return sorted(gekozen, key=lambda m: m.created_on, reverse=True)

    def contactberichten(self) -> list[Contactbericht]:
        return sorted(self._alle(Contactbericht, "Sent"), key=lambda c: c.verstuurd, reverse=True)
